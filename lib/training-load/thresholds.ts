/**
 * Every tunable number of the engine lives here: flag thresholds (which a coach may override per squad and
 * per athlete, validated by `thresholdOverridesSchema`), the metric windows of the contract, and the
 * parameters of compensatory suggestions.
 */
import { z } from "zod";
import { ThresholdOverrideError, type ThresholdIssue } from "./errors";
import { LOAD_MEASURES, type LoadMeasure } from "./types";

/** Flag thresholds. Fractions are increases over a reference (0.30 = 30% more). */
export interface Thresholds {
  /** Load measure of acwr-high and monotony-high: sRPE (AU), running km, or minutes. */
  loadMeasure: LoadMeasure;
  /** session-spike: caution when a run exceeds the longest run of the previous 30 days by more than this. */
  spikeCaution: number;
  /** session-spike: warning above this fraction. */
  spikeWarning: number;
  /** weekly-distance-increase: last 7 days' km over the 3-week weekly mean, above this fraction. */
  weeklyIncrease: number;
  /** weekly-distance-increase: only when the 3-week weekly mean is at least this many km. */
  weeklyMinBaselineKm: number;
  /** acwr-high: EWMA acute:chronic ratio at or above this. */
  acwrHigh: number;
  /** monotony-high: 7-day monotony above this. */
  monotonyHigh: number;
  /** back-pain-rising: latest NRS at or above this. */
  painNrsHigh: number;
  /** back-pain-rising: rise of at least this many NRS points vs the previous report (same zone, <= 14 days). */
  painNrsRise: number;
  /** pain-after-overload: a report with NRS at or above this qualifies. */
  painAfterOverloadNrs: number;
  /** compensatory-deficit: at least this many runs in 14 days... */
  compensatoryMinRuns: number;
  /** ...and fewer than this many CORE or STRENGTH sessions. */
  compensatoryMinSessions: number;
  /** shoe-mileage: a shoe in use past this many km. */
  shoeKm: number;
  /** surface-change: share of the last 7 days' run km on one surface, at least this. */
  surfaceNewShare: number;
  /** surface-change: that surface had less than this share of the run km of the 4 weeks before. */
  surfacePriorShare: number;
  /** leg-length-discrepancy: at least this many mm. */
  legLengthMm: number;
  /** masters-athlete: age at least this many years. */
  mastersAge: number;
}

/** Defaults of the domain reference. */
export const DEFAULT_THRESHOLDS: Readonly<Thresholds> = Object.freeze({
  loadMeasure: "srpe",
  spikeCaution: 0.1,
  spikeWarning: 0.3,
  weeklyIncrease: 0.3,
  weeklyMinBaselineKm: 10,
  acwrHigh: 1.5,
  monotonyHigh: 2.0,
  painNrsHigh: 4,
  painNrsRise: 2,
  painAfterOverloadNrs: 3,
  compensatoryMinRuns: 3,
  compensatoryMinSessions: 2,
  shoeKm: 700,
  surfaceNewShare: 0.5,
  surfacePriorShare: 0.1,
  legLengthMm: 10,
  mastersAge: 40,
});

type NumericThreshold = Exclude<keyof Thresholds, "loadMeasure">;

/** Accepted range of each numeric threshold (both ends included), for validation and for the UI. */
export const THRESHOLD_LIMITS: Readonly<Record<NumericThreshold, { min: number; max: number; integer: boolean }>> =
  Object.freeze({
    spikeCaution: { min: 0.05, max: 2, integer: false },
    spikeWarning: { min: 0.05, max: 2, integer: false },
    weeklyIncrease: { min: 0.05, max: 2, integer: false },
    weeklyMinBaselineKm: { min: 0, max: 100, integer: false },
    acwrHigh: { min: 1, max: 3, integer: false },
    monotonyHigh: { min: 1, max: 5, integer: false },
    // Safety ceilings: pain of 7/10, or a rise of 4 points, must never pass unflagged, whatever a coach sets.
    painNrsHigh: { min: 1, max: 6, integer: false },
    painNrsRise: { min: 1, max: 3, integer: false },
    painAfterOverloadNrs: { min: 1, max: 10, integer: false },
    compensatoryMinRuns: { min: 1, max: 14, integer: true },
    compensatoryMinSessions: { min: 1, max: 7, integer: true },
    shoeKm: { min: 200, max: 2000, integer: false },
    surfaceNewShare: { min: 0.05, max: 1, integer: false },
    surfacePriorShare: { min: 0, max: 1, integer: false },
    legLengthMm: { min: 3, max: 40, integer: false },
    mastersAge: { min: 30, max: 80, integer: true },
  });

function limited(key: NumericThreshold) {
  const { min, max, integer } = THRESHOLD_LIMITS[key];
  const base = integer ? z.number().int() : z.number();
  return base.min(min).max(max).optional();
}

/**
 * Shape of a stored override (per squad or per athlete): any subset of the thresholds, each in its range.
 * Unknown keys are rejected so that a misspelt key cannot silently do nothing.
 */
export const thresholdOverridesSchema = z.strictObject({
  loadMeasure: z.enum(LOAD_MEASURES).optional(),
  spikeCaution: limited("spikeCaution"),
  spikeWarning: limited("spikeWarning"),
  weeklyIncrease: limited("weeklyIncrease"),
  weeklyMinBaselineKm: limited("weeklyMinBaselineKm"),
  acwrHigh: limited("acwrHigh"),
  monotonyHigh: limited("monotonyHigh"),
  painNrsHigh: limited("painNrsHigh"),
  painNrsRise: limited("painNrsRise"),
  painAfterOverloadNrs: limited("painAfterOverloadNrs"),
  compensatoryMinRuns: limited("compensatoryMinRuns"),
  compensatoryMinSessions: limited("compensatoryMinSessions"),
  shoeKm: limited("shoeKm"),
  surfaceNewShare: limited("surfaceNewShare"),
  surfacePriorShare: limited("surfacePriorShare"),
  legLengthMm: limited("legLengthMm"),
  mastersAge: limited("mastersAge"),
});

export type ThresholdOverrides = Partial<Thresholds>;

/**
 * Validates a stored override object (unknown input, e.g. parsed JSON). Returns the overrides with
 * undefined keys removed, or throws ThresholdOverrideError listing every offending field.
 */
export function parseThresholdOverrides(input: unknown): ThresholdOverrides {
  if (input === undefined || input === null) return {};
  const result = thresholdOverridesSchema.safeParse(input);
  if (!result.success) {
    const issues: ThresholdIssue[] = [];
    for (const issue of result.error.issues) {
      if (issue.code === "unrecognized_keys") {
        for (const key of issue.keys) issues.push({ field: key, message: "unknown threshold" });
      } else {
        const field = issue.path.length > 0 ? issue.path.map(String).join(".") : "thresholds";
        issues.push({ field, message: issue.message });
      }
    }
    throw new ThresholdOverrideError(issues);
  }
  const out: ThresholdOverrides = {};
  for (const [key, value] of Object.entries(result.data)) {
    if (value !== undefined) (out as Record<string, unknown>)[key] = value;
  }
  return out;
}

/**
 * Defaults, then each override in order (typically the squad's, then the athlete's), each validated.
 * Throws ThresholdOverrideError when an override is invalid or the result is inconsistent
 * (spikeWarning below spikeCaution).
 */
export function resolveThresholds(...overrides: (ThresholdOverrides | null | undefined)[]): Thresholds {
  const merged: Thresholds = { ...DEFAULT_THRESHOLDS };
  for (const o of overrides) Object.assign(merged, parseThresholdOverrides(o));
  if (merged.spikeWarning < merged.spikeCaution) {
    throw new ThresholdOverrideError([
      { field: "spikeWarning", message: `must be at least spikeCaution (${merged.spikeCaution})` },
    ]);
  }
  return merged;
}

/** Tolerance of threshold comparisons: absorbs binary rounding of decimal inputs (13/10 - 1 > 0.3 in floats). */
export const COMPARE_EPSILON = 1e-9;

/** value > threshold, ignoring binary rounding noise. */
export function exceeds(value: number, threshold: number): boolean {
  return value > threshold + COMPARE_EPSILON * Math.max(1, Math.abs(threshold));
}

/** value >= threshold, ignoring binary rounding noise. */
export function atLeast(value: number, threshold: number): boolean {
  return value >= threshold - COMPARE_EPSILON * Math.max(1, Math.abs(threshold));
}

/** Metric windows and smoothing constants of the contract. */
export const METRIC_CONSTANTS = Object.freeze({
  acuteDays: 7,
  chronicDays: 28,
  /** EWMA spans N of Williams 2017: lambda = 2 / (N + 1). */
  ewmaAcuteSpan: 7,
  ewmaChronicSpan: 28,
  /** Banister-style time constants of fitness (CTL) and fatigue (ATL), days. */
  fitnessDays: 42,
  fatigueDays: 7,
  rampDays: 7,
});

/** CR-10 RPE assumed for a session logged without one. */
export const DEFAULT_RPE = 5;

/** Plausibility caps: larger values are rejected as entry errors rather than turned into huge loads. */
export const INPUT_LIMITS = Object.freeze({
  maxDailyLoad: 1e9,
  maxSessionMinutes: 14_400,
  maxSessionKm: 5_000,
  maxLegLengthMm: 200,
  /** A shoe's distance before the sessions given: far beyond any shoe's life, but finite. */
  maxShoeKmBefore: 100_000,
});

/** Parameters of compensatory suggestions (domain: Suggestions). */
export const SUGGESTION_DEFAULTS = Object.freeze({
  horizonDays: 7,
  coreSessionsPerWeek: 2,
  coreMaxSessionsPerWeek: 3,
  coreDurationMin: 25,
  coreRpe: 5,
  mobilityDurationMin: 15,
  mobilityRpe: 2,
  postureDurationMin: 15,
  postureRpe: 3,
  assessmentMin: 30,
  /**
   * Deload caps, from the baseline before the overload: next single run <= 1.1 x the longest run of the 30
   * days before the flagged run; next 7 days' run km <= 1.1 x the average week of the 3 weeks before the
   * flagged week.
   */
  deloadFactor: 1.1,
  /** Share of the next 7 days' running load moved to cross-training when back pain is high or rising. */
  backPainCrossTrainingShare: 0.5,
  /** ...and the most of a moved run's load its cross-training may carry. */
  backPainCrossTrainingLoadShare: 0.75,
  /** Cross-training replaces a run at the run's RPE, capped here to keep it moderate. */
  crossTrainingMaxRpe: 6,
  /** No cross-training session is longer than this; a longer equivalent is capped (and says so). */
  crossTrainingMaxMin: 120,
  /** Severe back pain: cross-training that replaces running stays easy (and pain-free). */
  severePainCrossTrainingMaxRpe: 4,
  /** Effort of a return-to-run session. */
  returnToRunRpe: 3,
});

/**
 * A deload cap in km: deloadFactor x the baseline, rounded down to 0.1 km so that it never exceeds 1.1 x
 * the baseline (1.1 x 12 is 13.200000000000001 in binary floating point; the cap is 13.2). A cap under
 * 0.1 km is rounded down to 0.01 km instead.
 */
export function deloadCapKm(baselineKm: number): number {
  const cap = SUGGESTION_DEFAULTS.deloadFactor * baselineKm;
  const rounded = Math.floor(cap * 10 + 1e-9) / 10;
  if (rounded > 0) return rounded;
  const small = Math.floor(cap * 100 + 1e-9) / 100;
  return small > 0 ? small : cap;
}

/**
 * `severe-back-pain` (clinical practice; NICE NG59: assess, do not load through severe pain). Not tunable
 * per squad: it is a safety rule. Windows are calendar days ending on the day judged, both ends included.
 */
export const SEVERE_PAIN_RULE = Object.freeze({
  /** A single report at or above this NRS... */
  severeNrs: 8,
  /** ...in the last this many days. */
  severeWindowDays: 14,
  /** Or persisting pain: reports at or above this NRS... */
  persistentNrs: 5,
  /** ...at least this many of them... */
  persistentReports: 3,
  /** ...spread over at least this many calendar days (first to last report, both included)... */
  persistentSpanDays: 14,
  /** ...all within the last this many days, the latest within severeWindowDays. */
  persistentWindowDays: 28,
});

/**
 * `wellness-drop` (Saw 2016: self-reported wellness follows the training response better than common
 * objective measures). Not tunable per squad: each athlete is compared with their own recent days. See
 * wellnessDropFlag in flags.ts for the exact rule.
 */
export const WELLNESS_DROP_RULE = Object.freeze({
  /** The baseline of a day is the check-ins of this many calendar days before it (the day excluded). */
  baselineDays: 28,
  /** ...and holds only with at least this many check-ins in those days. */
  minEntries: 10,
  /** A day is worse than usual at or above the baseline mean plus this many sample standard deviations... */
  sdAbove: 1.5,
  /** ...on this many consecutive calendar days, each against its own baseline. */
  consecutiveDays: 2,
  /** The flag is active while the last day of such a run is within this many days ending on the day judged. */
  activeDays: 3,
});

/** One step of the graded return to running: run-walk first, then longer continuous runs. */
export interface ReturnToRunStep {
  /** 1-based. */
  step: number;
  label: string;
  /** Minutes of running in the session. */
  runMin: number;
  /** Minutes of walking between the running bouts. */
  walkMin: number;
  /** The session's whole length, the step's limit: a run longer than this goes beyond the step. */
  totalMin: number;
}

/**
 * `return-to-run` (expert opinion; pain-monitoring model after Silbernagel 2007, with a stricter 3/10).
 * Not tunable per squad: it is a safety rule.
 */
export const RETURN_TO_RUN_RULE = Object.freeze({
  /** The graded return covers the start day and the 13 days after it. */
  windowDays: 14,
  /** A first run after at least this many days without a run starts a graded return. */
  breakDays: 14,
  /** Pain above this NRS, during a run or on any day of the return, takes a step back. */
  painMaxNrs: 3,
  steps: Object.freeze(
    (
      [
        { step: 1, label: "4 x (4 min run, 1 min walk)", runMin: 16, walkMin: 4, totalMin: 20 },
        { step: 2, label: "20 min continuous", runMin: 20, walkMin: 0, totalMin: 20 },
        { step: 3, label: "30 min continuous", runMin: 30, walkMin: 0, totalMin: 30 },
        { step: 4, label: "40 min continuous", runMin: 40, walkMin: 0, totalMin: 40 },
      ] as ReturnToRunStep[]
    ).map((s) => Object.freeze(s)),
  ) as readonly Readonly<ReturnToRunStep>[],
});
