import "server-only";
import { db } from "@/lib/db";
import { assertCoachOfAthlete, type Viewer } from "@/lib/auth/permissions";
import { getTrainingView } from "@/lib/athletes/training";
import { listPlannedSessions, type PlannedRow } from "@/lib/plans/queries";
import { addDays, toDbDate } from "@/lib/dates";
import { toEngineSession } from "@/lib/athletes/engine-input";
import {
  projectPlan,
  suggestSessions,
  type Flag,
  type PlannedSession,
  type SessionType,
  type Suggestion,
} from "@/lib/training-load";

export const PLAN_WEEKS = 4;

export function toEnginePlanned(row: PlannedRow): PlannedSession {
  return {
    id: row.id,
    date: row.date,
    type: row.type as SessionType,
    durationMin: row.durationMin,
    distanceKm: row.distanceKm,
    rpe: row.targetRpe,
    origin: row.origin === "SUGGESTION" ? "suggestion" : "coach",
    flagId: (row.flagId as PlannedSession["flagId"]) ?? null,
  };
}

export type ProjectionPoint = { date: string; acute: number | null; chronic: number | null; projected: boolean };

export type PlanningView = {
  asOf: string;
  to: string;
  planned: PlannedRow[];
  flags: Flag[];
  suggestions: Suggestion[];
  projectedFlags: Flag[];
  projection: ProjectionPoint[];
};

/**
 * What a coach needs to plan an athlete's next weeks: the plan, the engine's suggestions for the
 * active flags, and the metrics and flags the plan would lead to.
 */
export async function getPlanningView(viewer: Viewer, squadId: string, athleteId: string, now = new Date()): Promise<PlanningView> {
  await assertCoachOfAthlete(db(), viewer, squadId, athleteId);
  const training = await getTrainingView(viewer, athleteId, 28, now);
  const asOf = training.asOf;
  const to = addDays(asOf, PLAN_WEEKS * 7);
  const planned = await listPlannedSessions(viewer, athleteId, addDays(asOf, -6), to);
  const enginePlanned = planned.filter((p) => p.date > asOf).map(toEnginePlanned);
  const suggestions = suggestSessions({
    asOf,
    flags: training.flags,
    sessions: training.engine.sessions,
    plannedSessions: enginePlanned,
    profile: training.engine.profile,
  });
  // The training view hands the engine 42 days of sessions, enough for its flags; the chart below starts
  // 27 days back, and each of its days needs the 27 before it, so with that window alone its first weeks
  // showed a chronic load missing most of the history (or none at all). The projection gets every trained
  // session; the view's shoe-wear stand-ins stay, keyed by their own ids.
  const history = await db().trainingSession.findMany({
    where: { userId: athleteId, localDate: { lte: toDbDate(asOf) } },
    select: { id: true, localDate: true, type: true, durationMin: true, distanceKm: true, rpe: true, surface: true, shoeId: true },
  });
  const trained = new Map(training.engine.sessions.map((s) => [s.id, s]));
  for (const row of history) trained.set(row.id, toEngineSession(row));
  const projection = projectPlan({
    asOf,
    sessions: [...trained.values()],
    plannedSessions: enginePlanned,
    painReports: training.engine.painReports,
    ostrc: training.engine.ostrc,
    profile: training.engine.profile,
    thresholds: training.engine.thresholds,
  });
  const fromChart = addDays(asOf, -27);
  return {
    asOf,
    to,
    planned,
    flags: training.flags,
    suggestions,
    projectedFlags: projection.flags,
    projection: projection.metrics
      .filter((m) => m.date >= fromChart)
      .map((m) => ({
        date: m.date,
        acute: m.acuteLoad7 === null ? null : Math.round(m.acuteLoad7),
        chronic: m.chronicLoad28 === null ? null : Math.round(m.chronicLoad28),
        projected: m.date > asOf,
      })),
  };
}
