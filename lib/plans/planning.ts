import "server-only";
import { db } from "@/lib/db";
import { assertCoachOfAthlete, type Viewer } from "@/lib/auth/permissions";
import { getTrainingView, type TrainingView } from "@/lib/athletes/training";
import { listPlannedSessions, type PlannedRow } from "@/lib/plans/queries";
import { addDays } from "@/lib/dates";
import { PLAN_WEEKS } from "@/lib/plans/schemas";
import {
  projectPlan,
  suggestSessions,
  type Flag,
  type PlannedSession,
  type SessionType,
  type Suggestion,
} from "@/lib/training-load";


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
  /** The unit of the projection's loads: the squad's load measure (AU, km or min). */
  projectionUnit: "AU" | "km" | "min";
};

/**
 * The engine's suggestions for the flags active today, given the plan as it stands (a suggestion
 * already planned is not suggested again).
 */
export function suggestionsFor(training: TrainingView, planned: PlannedRow[]): Suggestion[] {
  return suggestSessions({
    asOf: training.asOf,
    flags: training.flags,
    sessions: training.engine.sessions,
    // Held sessions will not be trained while the hold lasts: they are not load to plan around.
    plannedSessions: planned.filter((p) => p.date > training.asOf && !p.held).map(toEnginePlanned),
    profile: training.engine.profile,
  });
}

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
  const enginePlanned = planned.filter((p) => p.date > asOf && !p.held).map(toEnginePlanned);
  const suggestions = suggestionsFor(training, planned);
  const projection = projectPlan({
    asOf,
    sessions: training.engine.sessions,
    plannedSessions: enginePlanned,
    painReports: training.engine.painReports,
    ostrc: training.engine.ostrc,
    wellness: training.engine.wellness,
    profile: training.engine.profile,
    thresholds: training.engine.thresholds,
    clearances: training.engine.clearances,
  });
  const fromChart = addDays(asOf, -27);
  return {
    asOf,
    to,
    planned,
    flags: training.flags,
    suggestions,
    projectedFlags: projection.flags,
    projectionUnit: training.loadUnit,
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
