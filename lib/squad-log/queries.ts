import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assertCoachOf, type Viewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { addDays, dateOnly, todayIn, toDbDate } from "@/lib/dates";
import { distanceFieldValue, formatDistance, formatDuration, type Unit } from "@/lib/units";
import { weekDays } from "@/lib/squad-log/cells";

type Reader = Pick<Prisma.TransactionClient, "membership" | "trainingSession">;

export type SquadAthlete = { id: string; name: string; email: string; timeZone: string };

/** The squad's athletes (ATHLETE memberships only), by name. */
export async function listSquadAthletesUnchecked(client: Reader, squadId: string): Promise<SquadAthlete[]> {
  const rows = await client.membership.findMany({
    where: { squadId, role: "ATHLETE" },
    select: { user: { select: { id: true, name: true, email: true, timeZone: true } } },
    orderBy: [{ user: { name: "asc" } }, { userId: "asc" }],
  });
  return rows.map((r) => r.user);
}

export const gridSessionSelect = {
  id: true,
  userId: true,
  localDate: true,
  type: true,
  source: true,
  enteredById: true,
  athleteEditedAt: true,
  durationMin: true,
  movingMin: true,
  distanceKm: true,
  rpe: true,
} satisfies Prisma.TrainingSessionSelect;

export type GridSession = Prisma.TrainingSessionGetPayload<{ select: typeof gridSessionSelect }>;

/**
 * Why a session cannot be edited in the grid, or null when it can: the grid edits runs a coach typed in
 * and the athlete has not changed since. Everything else is the athlete's own record and opens on their page.
 */
export function gridReadOnlyReason(s: GridSession): string | null {
  if (s.enteredById === null) return "logged by the athlete";
  if (s.athleteEditedAt !== null) return "changed by the athlete";
  if (s.source !== "MANUAL") return "imported";
  if (s.type !== "RUN") return "not a run";
  return null;
}

/** The sessions of some athletes over some days, grouped by "athleteId|YYYY-MM-DD". */
export async function sessionsByDay(client: Reader, athleteIds: string[], from: string, to: string): Promise<Map<string, GridSession[]>> {
  const sessions = await client.trainingSession.findMany({
    where: { userId: { in: athleteIds }, localDate: { gte: toDbDate(from), lte: toDbDate(to) } },
    select: gridSessionSelect,
    orderBy: [{ localDate: "asc" }, { createdAt: "asc" }, { id: "asc" }],
  });
  const byDay = new Map<string, GridSession[]>();
  for (const s of sessions) {
    const key = `${s.userId}|${dateOnly(s.localDate)}`;
    const list = byDay.get(key);
    if (list) list.push(s);
    else byDay.set(key, [s]);
  }
  return byDay;
}

export type GridCellView =
  | { date: string; state: "open"; sessionId: string | null; distance: string; minutes: string; rpe: string }
  | { date: string; state: "future" }
  | { date: string; state: "readonly"; summary: CellSummary; reason: string };

/**
 * What a read-only day holds, for the grid to word in the reader's language: several sessions by their
 * count and time, one by its type, distance, time and effort.
 */
export type CellSummary =
  | { count: number; duration: string }
  | { count: 1; type: string; distance: string | null; duration: string; rpe: number | null };

export type SquadLogRow = { athleteId: string; name: string; today: string; cells: GridCellView[] };

export type SquadLogWeek = { squad: { id: string; name: string }; week: string; days: string[]; rows: SquadLogRow[] };

const minutesOf = (s: GridSession) => s.movingMin ?? s.durationMin;

function summary(sessions: GridSession[], unit: Unit): CellSummary {
  if (sessions.length > 1) return { count: sessions.length, duration: formatDuration(sessions.reduce((sum, s) => sum + minutesOf(s), 0)) };
  const s = sessions[0];
  return { count: 1, type: s.type, distance: s.distanceKm ? formatDistance(s.distanceKm, unit) : null, duration: formatDuration(minutesOf(s)), rpe: s.rpe };
}

/**
 * One week of the squad's log for the grid: each athlete's seven days in their own calendar, each day
 * open for typing (empty, or the one run a coach entered), still to come, or read-only with why.
 */
export async function getSquadLogWeek(viewer: Viewer, squadId: string, monday: string, now = new Date()): Promise<SquadLogWeek> {
  assertCoachOf(viewer, squadId);
  const squad = await db().squad.findUnique({ where: { id: squadId }, select: { id: true, name: true } });
  if (!squad) throw new NotFoundError("Squad not found");
  const athletes = await listSquadAthletesUnchecked(db(), squadId);
  const days = weekDays(monday);
  const byDay = await sessionsByDay(db(), athletes.map((a) => a.id), monday, addDays(monday, 6));
  const unit = viewer.unitPreference;
  const rows = athletes.map((a) => {
    const today = todayIn(a.timeZone, now);
    const cells = days.map((date): GridCellView => {
      const sessions = byDay.get(`${a.id}|${date}`) ?? [];
      if (sessions.length === 0) {
        return date > today ? { date, state: "future" } : { date, state: "open", sessionId: null, distance: "", minutes: "", rpe: "" };
      }
      const reason = sessions.length > 1 ? "several sessions on this day" : gridReadOnlyReason(sessions[0]);
      if (reason) return { date, state: "readonly", summary: summary(sessions, unit), reason };
      const s = sessions[0];
      return {
        date,
        state: "open",
        sessionId: s.id,
        distance: s.distanceKm === null ? "" : distanceFieldValue(s.distanceKm, unit),
        minutes: String(Math.round(s.durationMin * 100) / 100),
        rpe: s.rpe === null ? "" : String(s.rpe),
      };
    });
    return { athleteId: a.id, name: a.name, today, cells };
  });
  return { squad, week: monday, days, rows };
}
