import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { canViewAthlete, type Viewer } from "@/lib/auth/permissions";
import { dateOnly, toDbDate } from "@/lib/dates";

export type PlannedRow = {
  id: string;
  date: string;
  type: string;
  subType: string | null;
  title: string | null;
  durationMin: number;
  distanceKm: number | null;
  targetRpe: number | null;
  description: string | null;
  origin: string;
  flagId: string | null;
  reason: string | null;
  squadName: string;
  updatedAt: Date;
};

/** Planned sessions of one athlete between two dates (both included), for the athlete or their coaches. */
export async function listPlannedSessions(viewer: Viewer, athleteId: string, from: string, to: string): Promise<PlannedRow[]> {
  const prisma = db();
  if (!(await canViewAthlete(prisma, viewer, athleteId))) throw new NotFoundError("Athlete not found");
  return listPlannedSessionsUnchecked(athleteId, from, to, viewer.id === athleteId ? undefined : viewer.memberships.filter((m) => m.role === "COACH").map((m) => m.squadId));
}

/**
 * The same read for callers that proved access another way (the calendar feed's secret token).
 * `squadIds` narrows to squads a coach shares with the athlete.
 */
export async function listPlannedSessionsUnchecked(
  athleteId: string,
  from: string,
  to: string,
  squadIds?: string[],
): Promise<PlannedRow[]> {
  const rows = await db().plannedSession.findMany({
    where: {
      athleteId,
      date: { gte: toDbDate(from), lte: toDbDate(to) },
      ...(squadIds ? { squadId: { in: squadIds } } : {}),
      // Plans of squads the athlete has left are no longer theirs to follow.
      squad: { memberships: { some: { userId: athleteId, role: "ATHLETE" } } },
    },
    orderBy: [{ date: "asc" }, { createdAt: "asc" }],
    select: {
      id: true,
      date: true,
      type: true,
      subType: true,
      title: true,
      durationMin: true,
      distanceKm: true,
      targetRpe: true,
      description: true,
      origin: true,
      flagId: true,
      reason: true,
      updatedAt: true,
      squad: { select: { name: true } },
    },
  });
  return rows.map((r) => ({ ...r, date: dateOnly(r.date), squadName: r.squad.name }));
}
