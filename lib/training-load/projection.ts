/**
 * Plan projection: planned sessions count as future loads, so the planner can show the metrics and the
 * flags a plan would produce before it is trained.
 */
import { formatDay, parseDay } from "./dates";
import { buildFlagContext, flagsOn, thresholdsFromInput, compareFlags } from "./flags";
import type { Thresholds } from "./thresholds";
import type {
  DailyMetrics,
  EngineClearance,
  EngineOstrc,
  EnginePainReport,
  EngineProfile,
  EngineSession,
  EngineWellness,
  Flag,
  FlagId,
  PlannedSession,
} from "./types";
import { parseClearances, parseOstrcList, parsePainReports, parseProfile, parseSessions, parseWellnessList, requireObject } from "./validate";

export interface ProjectPlanInput {
  asOf: string;
  sessions: EngineSession[];
  plannedSessions: PlannedSession[];
  painReports?: EnginePainReport[];
  ostrc?: EngineOstrc[];
  /** Wellness check-ins; those after asOf are ignored (a plan cannot say how the athlete will feel). */
  wellness?: EngineWellness[];
  profile?: EngineProfile;
  thresholds?: Partial<Thresholds>;
  /** Recorded clearances (default none), as for evaluateFlags; those after asOf are ignored. */
  clearances?: EngineClearance[];
}

export interface PlanProjection {
  /** Daily metrics from the first trained session through the last planned date (or asOf). */
  metrics: DailyMetrics[];
  /** Flag occurrences the plan would raise after asOf, in date order. */
  flags: Flag[];
}

/** Flags whose date is the evaluation day itself; they are reported once per stretch of active days. */
const STATE_FLAGS: ReadonlySet<FlagId> = new Set<FlagId>([
  "compensatory-deficit",
  "leg-length-discrepancy",
  "footprint-unassessed",
  "posture-load",
  "masters-athlete",
]);

/**
 * Projects a plan. Trained sessions on or before asOf and planned sessions after asOf (others are left
 * out) make one history; metrics use `thresholds.loadMeasure` (sRPE by default, a session without RPE
 * counting as RPE 5), from the first session through the last planned date.
 *
 * Flags: evaluateFlags' rules are evaluated on every date from asOf+1 to the last planned date, each with
 * the data up to that date (pain reports, OSTRC entries and clearances after asOf are ignored; planned runs
 * count as runs done, so a planned run beyond its return-to-run step, or a first planned run after a
 * break, is reported on its day). Each occurrence is reported once, on the first future date it is active:
 * - flags dated by the day that carried or triggered them (overload rules, shoe-mileage, surface-change,
 *   return-to-run, and the pain flags) are identified by (id, date) and reported when that date is after asOf, so a run
 *   that would spike appears once, dated on its day, and a second spike later appears again;
 * - flags dated by the evaluation day (compensatory-deficit and the profile flags) are reported on the
 *   first day of each stretch of consecutive active days that starts after asOf.
 * Flags already active on asOf are not repeated (evaluateFlags reports them). Sorted by date, then severity.
 */
export function projectPlan(input: ProjectPlanInput): PlanProjection {
  const o = requireObject(input, "input");
  const a = parseDay(o.asOf, "asOf");
  const thresholds = thresholdsFromInput(o.thresholds);
  const trained = parseSessions(o.sessions, "sessions").filter((s) => s.day <= a);
  const planned = parseSessions(o.plannedSessions, "plannedSessions", true).filter((s) => s.day > a);
  let end = a;
  for (const p of planned) if (p.day > end) end = p.day;
  const ctx = buildFlagContext({
    sessions: [...trained, ...planned],
    pains: parsePainReports(o.painReports, "painReports").filter((p) => p.day <= a),
    ostrc: parseOstrcList(o.ostrc, "ostrc").filter((x) => x.day <= a),
    wellness: parseWellnessList(o.wellness, "wellness").filter((w) => w.day <= a),
    profile: parseProfile(o.profile),
    clearances: parseClearances(o.clearances, "clearances").filter((c) => c <= a),
    thresholds,
    endDay: end,
    firstEvalDay: a,
    withMetrics: true,
  });
  const metrics = ctx.metrics ?? [];

  const asOfDate = formatDay(a);
  const seen = new Set<string>();
  let activeBefore = new Set<FlagId>(flagsOn(ctx, a).map((f) => f.id));
  const flags: Flag[] = [];
  for (let d = a + 1; d <= end; d++) {
    const active = flagsOn(ctx, d);
    const ids = new Set<FlagId>();
    for (const f of active) {
      ids.add(f.id);
      if (STATE_FLAGS.has(f.id)) {
        if (!activeBefore.has(f.id)) flags.push(f);
        continue;
      }
      const key = `${f.id}|${f.date}`;
      if (f.date > asOfDate && !seen.has(key)) {
        seen.add(key);
        flags.push(f);
      }
    }
    activeBefore = ids;
  }
  flags.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : compareFlags(x, y)));
  return { metrics, flags };
}
