import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { canViewAthlete, isAthlete, type Viewer } from "@/lib/auth/permissions";
import { addDays, dateOnly, todayIn, toDbDate } from "@/lib/dates";
import type { EngineOstrc } from "@/lib/training-load";
import { weekStartOf } from "@/lib/ostrc/schemas";
import { OSTRC_ZONES, type OstrcZone } from "@/lib/ostrc/questions";

export type OstrcAreaScore = {
  zone: OstrcZone;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
  severity: number;
  substantial: boolean;
};

export type OstrcWeek = {
  /** Monday of the viewer's current week, in their time zone. */
  weekStart: string;
  weekEnd: string;
  /** The stored answers of the week, in zone order; empty when not answered yet. */
  areas: OstrcAreaScore[];
};

const scoreSelect = { zone: true, q1: true, q2: true, q3: true, q4: true, severity: true, substantial: true } as const;

export function currentWeekStart(viewer: Viewer, now = new Date()): string {
  return weekStartOf(todayIn(viewer.timeZone, now));
}

/** The viewer's own check-in of the current week. */
export async function getOwnOstrcWeek(viewer: Viewer, now = new Date()): Promise<OstrcWeek> {
  const weekStart = currentWeekStart(viewer, now);
  const rows = await db().ostrcResponse.findMany({
    where: { userId: viewer.id, weekStart: toDbDate(weekStart) },
    select: scoreSelect,
  });
  const areas = OSTRC_ZONES.flatMap((zone) => rows.filter((r) => r.zone === zone));
  return { weekStart, weekEnd: addDays(weekStart, 6), areas };
}

/** Whether an athlete still owes this week's check-in (nothing answered for the current week). */
export async function isCheckInDue(viewer: Viewer, now = new Date()): Promise<boolean> {
  if (!isAthlete(viewer)) return false;
  const found = await db().ostrcResponse.findFirst({
    where: { userId: viewer.id, weekStart: toDbDate(currentWeekStart(viewer, now)) },
    select: { id: true },
  });
  return found === null;
}

/**
 * An athlete's check-ins answered from..to (calendar days, both included) in the engine's shape, for the
 * athlete or a coach of one of their squads; anyone else gets NotFoundError.
 */
export async function listOstrcForEngine(viewer: Viewer, athleteId: string, from: string, to: string): Promise<EngineOstrc[]> {
  const prisma = db();
  if (!(await canViewAthlete(prisma, viewer, athleteId))) throw new NotFoundError("Athlete not found");
  const rows = await prisma.ostrcResponse.findMany({
    where: { userId: athleteId, localDate: { gte: toDbDate(from), lte: toDbDate(to) } },
    select: { localDate: true, zone: true, q1: true, q2: true, q3: true, q4: true },
    orderBy: [{ localDate: "asc" }, { zone: "asc" }],
  });
  return rows.map((r) => ({
    date: dateOnly(r.localDate),
    zone: r.zone.toLowerCase() as EngineOstrc["zone"],
    q1: r.q1,
    q2: r.q2,
    q3: r.q3,
    q4: r.q4,
  }));
}
