/**
 * Flag rules (domain reference, "Flags" and "When a flag is active on asOf").
 *
 * The work is split in two: `buildFlagContext` (flags/context.ts) turns the validated history into per-day arrays once
 * (metrics, run km, spikes, counts), and `flagsOn` reads them for one evaluation day in O(window) time.
 * evaluateFlags uses one evaluation day; projectPlan evaluates every future day of a plan from one context.
 */
import { parseDay } from "./dates";
import { EngineInputError, ThresholdOverrideError } from "./errors";
import { resolveThresholds, type Thresholds } from "./thresholds";
import { SEVERITIES, type EngineClearance, type EngineOstrc, type EnginePainReport, type EngineProfile, type EngineSession, type EngineWellness, type Flag, type Severity } from "./types";
import { parseClearances, parseOstrcList, parsePainReports, parseProfile, parseSessions, parseWellnessList, requireObject } from "./validate";
import { buildFlagContext, type FlagContext } from "./flags/context";
import { acwrFlag, monotonyFlag, sessionSpikeFlag, weeklyFlag } from "./flags/overload";
import { backPainFlag, painAfterOverloadFlag } from "./flags/pain";
import { redFlagFlag, returnToRunFlag, severePainFlag } from "./flags/safety";
import { wellnessDropFlag } from "./flags/wellness";
import { compensatoryFlag, profileFlags, shoeFlag, surfaceFlag } from "./flags/habits";

export { buildFlagContext, type FlagContext, type FlagContextInput } from "./flags/context";

const SEVERITY_RANK: Record<Severity, number> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<
  Severity,
  number
>;

/** Severity (referral first), then date (latest first), then id. */
export function compareFlags(x: Flag, y: Flag): number {
  return (
    SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] ||
    (x.date < y.date ? 1 : x.date > y.date ? -1 : 0) ||
    (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
  );
}

/** The flags active on epoch day `a`, unsorted. */
export function flagsOn(ctx: FlagContext, a: number): Flag[] {
  const out: Flag[] = [];
  const push = (f: Flag | null) => {
    if (f) out.push(f);
  };
  const red = redFlagFlag(ctx, a);
  push(red);
  if (ctx.m > 0) {
    push(sessionSpikeFlag(ctx, a));
    push(weeklyFlag(ctx, a));
    push(acwrFlag(ctx, a));
    push(monotonyFlag(ctx, a));
  }
  push(backPainFlag(ctx, a));
  // The referral comes first: severe pain and the graded return wait until the clearance.
  if (!red) {
    push(severePainFlag(ctx, a));
    push(returnToRunFlag(ctx, a));
  }
  push(painAfterOverloadFlag(ctx, a));
  if (ctx.m > 0) {
    push(compensatoryFlag(ctx, a));
    push(surfaceFlag(ctx, a));
  }
  // Shoe wear reads only the shoes, which a profile's earlier distances can fill without any session.
  push(shoeFlag(ctx, a));
  push(wellnessDropFlag(ctx, a));
  out.push(...profileFlags(ctx, a));
  return out;
}

/** Validates threshold overrides given with an evaluation, naming fields under "thresholds.". */
export function thresholdsFromInput(raw: unknown): Thresholds {
  try {
    return resolveThresholds(raw as Partial<Thresholds> | undefined);
  } catch (e) {
    if (e instanceof ThresholdOverrideError) {
      throw new ThresholdOverrideError(e.issues.map((i) => ({ field: `thresholds.${i.field}`, message: i.message })));
    }
    throw e;
  }
}

export interface EvaluateFlagsInput {
  asOf: string;
  sessions: EngineSession[];
  painReports: EnginePainReport[];
  ostrc?: EngineOstrc[];
  /** Daily wellness check-ins (default none); the rule reads the 31 days before asOf and asOf itself. */
  wellness?: EngineWellness[];
  profile?: EngineProfile;
  thresholds?: Partial<Thresholds>;
  /**
   * Recorded clearances (default none). Pass every red-flag report since the last clearance, however old:
   * a red flag lasts until a clearance dated on or after its report.
   */
  clearances?: EngineClearance[];
}

/**
 * The flags active on `asOf`, sorted by severity (referral, warning, caution, info), then date (latest
 * first). Only data on or before asOf is used. Windows are calendar days, both ends included:
 *
 * - Overload rules (`session-spike`, `weekly-distance-increase`, `acwr-high`, `monotony-high`): a day t
 *   carries a rule when it holds on t with the data up to t; the flag is active when a day in asOf-6..asOf
 *   carries it, dated the latest such day. session-spike: the day's largest spike > spikeCaution (0.10;
 *   warning when a spike of the window > spikeWarning 0.30; Frandsen 2025), a run after a break measured
 *   against the 30 days before the break (see detectSessionSpikes). weekly-distance-increase:
 *   weekly distance change > 0.30 with a 3-week weekly mean >= 10 km (Nielsen 2014). acwr-high: acwrEwma
 *   >= 1.5 (Gabbett 2016, Williams 2017; critique Impellizzeri 2020/2021). monotony-high: monotony > 2.0
 *   (Foster 1998). acwr-high and monotony-high use `thresholds.loadMeasure` (sRPE by default, a session
 *   without RPE counting as RPE 5; the explanation says how many were).
 * - `pain-after-overload`: a report with NRS >= 3 or a substantial OSTRC problem on a day p in
 *   asOf-13..asOf, after a day in p-7..p-1 that carries an overload rule; dated the latest such p.
 * - `back-pain-rising`: per zone, the latest report in asOf-13..asOf has NRS >= 4, or rose by >= 2 over
 *   the previous report of that zone (at most 14 days earlier) (Farrar 2001); or an OSTRC entry in
 *   asOf-6..asOf shows a substantial problem (Clarsen 2013). Dated the latest trigger; the explanation
 *   names the trigger that held (a fall from 7 to 4 is high, never rising).
 * - Deload caps ride on the overload flags (values `maxRunKm`, `maxWeekRunKm`): from the baseline before the
 *   first day of asOf-6..asOf that carried the rule (`capFromDate`), never from the overload itself: 1.1 x
 *   the spike's reference (`baselineRunKm`), 1.1 x the average week of the 3 weeks before that day's week
 *   (`baselineWeekKm`), each rounded down to 0.1 km.
 * - `red-flag`: any red-flag symptom (or pain that is not mechanical) in a report on or before asOf, active
 *   from the report until a clearance dated on or after it (and on or before asOf); it never expires by
 *   itself. Emergency symptoms in any report not yet cleared say "seek emergency care now", others "see a
 *   clinician"; `triage` names the possible sources (the heart and the aorta with chest pain, the nerves of
 *   the lower back with the neurological emergencies, the organs that refer pain to the reported area) and
 *   the date of the earliest report not cleared (NICE NG59; Finucane 2020). Dated by the latest such report.
 * - `severe-back-pain` (while no red flag is active): a report with NRS >= 8 in asOf-13..asOf, or 3 or more
 *   reports with NRS >= 5 in asOf-27..asOf spread over 14 or more days, the last in asOf-13..asOf (NICE
 *   NG59: assess, do not load through severe pain). See severePainFlag.
 * - `return-to-run` (while no red flag is active): from a clearance, or from a first run after 14 or more
 *   days without running, for 14 days: the current step of the graded return (run-walk, then 20, 30, 40
 *   min) and every run beyond its step (pain-monitoring model, Silbernagel 2007). See returnToRunFlag.
 * - `compensatory-deficit`: >= 3 runs and < 2 CORE or STRENGTH sessions in asOf-13..asOf (Lauersen 2014,
 *   Steffens 2016); dated asOf.
 * - `shoe-mileage`: a shoe not retired with more than 700 run km up to asOf, counting the distance it
 *   carried before the sessions given (`profile.shoeKmBefore`); dated the day it passed 700, or asOf when
 *   it had already passed before those sessions.
 * - `surface-change`: >= 50% of the run km of asOf-6..asOf on a surface with < 10% of the (non-zero) run
 *   km of asOf-34..asOf-7; dated that surface's latest run.
 * - Profile flags (`leg-length-discrepancy` >= 10 mm, `footprint-unassessed`, `posture-load`,
 *   `masters-athlete` age >= 40 on asOf), from the profile as given; none without a profile. Dated asOf.
 * - `wellness-drop`: the daily check-in's Hooper sum at or above the mean + 1.5 sample standard
 *   deviations of the check-ins of the 28 days before it (at least 10 of them), on 2 consecutive days;
 *   active while the second of them is in asOf-2..asOf and no later check-in is no longer worse than usual
 *   (Saw 2016). See wellnessDropFlag.
 *
 * One flag per id. Throws EngineInputError naming the field on invalid input, ThresholdOverrideError
 * ("thresholds.<key>") on invalid thresholds.
 */
export function evaluateFlags(input: EvaluateFlagsInput): Flag[] {
  const o = requireObject(input, "input");
  const asOfDay = parseDay(o.asOf, "asOf");
  return flagsOn(contextFrom(o, asOfDay), asOfDay).sort(compareFlags);
}

/** The checked input's context for evaluating days up to endDay (from firstEvalDay, when given). */
function contextFrom(o: Record<string, unknown>, endDay: number, firstEvalDay?: number) {
  // Thresholds first: with several bad fields, the error names the same one as before.
  const thresholds = thresholdsFromInput(o.thresholds);
  return buildFlagContext({
    sessions: parseSessions(o.sessions, "sessions"),
    pains: parsePainReports(o.painReports, "painReports"),
    ostrc: parseOstrcList(o.ostrc, "ostrc"),
    wellness: parseWellnessList(o.wellness, "wellness"),
    profile: parseProfile(o.profile),
    clearances: parseClearances(o.clearances, "clearances"),
    thresholds,
    endDay,
    ...(firstEvalDay === undefined ? {} : { firstEvalDay }),
  });
}

/**
 * The flags active on each of `days` (sorted like evaluateFlags), each day judged only on the data up to
 * it: for every day d, the result equals evaluateFlags({ ...input, asOf: d }) with the sessions, pain
 * reports, OSTRC entries, wellness check-ins and clearances after d left out. One context serves all days, so a 12-week history of an
 * athlete costs about one evaluation rather than twelve. `days` must be valid dates; data after the
 * latest day is ignored.
 */
export function evaluateFlagsOn(input: Omit<EvaluateFlagsInput, "asOf"> & { days: string[] }): Flag[][] {
  const o = requireObject(input, "input");
  if (!Array.isArray(o.days)) throw new EngineInputError("days", "must be an array of dates");
  const days = o.days.map((d, i) => parseDay(d, `days[${i}]`));
  if (days.length === 0) return [];
  const ctx = contextFrom(o, Math.max(...days), Math.min(...days));
  return days.map((d) => flagsOn(ctx, d).sort(compareFlags));
}
