/**
 * Shapes of the engine's inputs and outputs. Dates are local calendar dates "YYYY-MM-DD".
 * Optional fields may also be given as `null` (as a database row would), which means "not recorded".
 */

export const SESSION_TYPES = ["RUN", "CROSS_TRAINING", "CORE", "STRENGTH", "MOBILITY", "OTHER"] as const;
export type SessionType = (typeof SESSION_TYPES)[number];

export const SURFACES = ["asphalt", "track", "trail", "grass", "sand", "treadmill", "mixed"] as const;
export type Surface = (typeof SURFACES)[number];

export const BACK_ZONES = ["cervical", "dorsal", "lumbar"] as const;
export type BackZone = (typeof BACK_ZONES)[number];

export const FOOTPRINT_TYPES = ["neutral", "pronator", "supinator", "unassessed"] as const;
export type FootprintType = (typeof FOOTPRINT_TYPES)[number];

export const POSTURE_LOADS = ["desk", "standing", "lifting"] as const;
export type PostureLoad = (typeof POSTURE_LOADS)[number];

/** How a day's training load is measured: session RPE x minutes (AU), running km, or minutes. */
export const LOAD_MEASURES = ["srpe", "km", "min"] as const;
export type LoadMeasure = (typeof LOAD_MEASURES)[number];

/** A trained (logged) session. `rpe` is CR-10 (0-10), rated about 30 min after the session. */
export interface EngineSession {
  id: string;
  date: string;
  type: SessionType;
  durationMin: number;
  distanceKm?: number | null;
  rpe?: number | null;
  surface?: Surface | null;
  shoeId?: string | null;
}

export const PLANNED_ORIGINS = ["coach", "athlete", "suggestion", "import"] as const;
export type PlannedOrigin = (typeof PLANNED_ORIGINS)[number];

/** A session in a plan: same shape as a trained session, plus where it came from. */
export interface PlannedSession extends EngineSession {
  origin?: PlannedOrigin | null;
  /** The flag whose suggestion produced this session, when origin is "suggestion". */
  flagId?: FlagId | null;
}

/** A back-pain report: NRS 0-10 for one zone, with the red-flag symptom ids answered "yes". */
export interface EnginePainReport {
  date: string;
  zone: BackZone;
  subArea?: string | null;
  nrs: number;
  redFlags?: string[] | null;
  /** false when the pain does not change with movement or posture (treated as `non-mechanical`). */
  mechanical?: boolean | null;
}

/** A weekly OSTRC-O2 check-in for one zone; answers are the scores of the questionnaire. */
export interface EngineOstrc {
  date: string;
  zone: BackZone;
  q1: number;
  q2: number;
  q3: number;
  q4: number;
}

/**
 * A daily wellness check-in (Hooper-style): sleep quality, fatigue, muscle soreness, stress and mood,
 * each 1-5 where 1 is best (very good sleep, very fresh, no soreness, very relaxed, very good mood) and 5
 * worst; back stiffness on 0-10 (0 none). One per athlete and calendar day.
 */
export interface EngineWellness {
  date: string;
  sleep: number;
  fatigue: number;
  soreness: number;
  stress: number;
  mood: number;
  backStiffness?: number | null;
}

/**
 * A recorded clearance after a red flag: a clinician has seen the athlete. Who cleared and how is the
 * app's record; the engine needs only the date.
 */
export interface EngineClearance {
  date: string;
}

export interface EngineProfile {
  birthDate?: string | null;
  footprintType?: FootprintType | null;
  legLengthDiscrepancyMm?: number | null;
  postureLoad?: PostureLoad[] | null;
  retiredShoeIds?: string[] | null;
  /**
   * Run km each shoe carried before the earliest session passed (what it had when added, plus older runs
   * left out of the input). Counts towards shoe wear only: it is not load, so it moves no metric.
   */
  shoeKmBefore?: Record<string, number> | null;
}

/**
 * One calendar day t of the metrics contract; `null` where the definition has no value. Loads are in the
 * unit of the input (AU for sRPE, km or minutes); i is the day's index in the series (0 = first day).
 */
export interface DailyMetrics {
  /** Local calendar date "YYYY-MM-DD". */
  date: string;
  /** L[t]: sum of the day's loads; 0 on a day without sessions. */
  load: number;
  /** Mean of L[t-6..t], load/day; null for i < 6. */
  acuteLoad7: number | null;
  /** Mean of L[t-27..t], load/day; null for i < 27. */
  chronicLoad28: number | null;
  /** acuteLoad7 / chronicLoad28, coupled ratio (Gabbett 2016); null for i < 27 or a 0 denominator. */
  acwrRolling: number | null;
  /** acuteLoad7 / mean L[t-27..t-7] (Windt & Gabbett 2019; Lolli 2019); null for i < 27 or a 0 denominator. */
  acwrRollingUncoupled: number | null;
  /** EWMA, lambda = 2/8 (N = 7), E[0] = L[0] (Williams 2017), load/day. */
  ewmaAcute: number;
  /** EWMA, lambda = 2/29 (N = 28), E[0] = L[0] (Williams 2017), load/day. */
  ewmaChronic: number;
  /** ewmaAcute / ewmaChronic; null for i < 27 or a 0 denominator. */
  acwrEwma: number | null;
  /** Mean / population SD of L[t-6..t], unitless (Foster 1998); null for i < 6 or SD 0. */
  monotony: number | null;
  /** Sum of L[t-6..t] x monotony (Foster 1998); null when monotony is. */
  strain: number | null;
  /** Chronic training load (CTL): F[t] = F[t-1] + (L[t] - F[t-1]) / 42, F[-1] = 0. */
  fitness: number;
  /** Acute training load (ATL): same with 7 days. */
  fatigue: number;
  /** Training stress balance (TSB): fitness[t-1] - fatigue[t-1]; 0 on day 0. */
  form: number;
  /** fitness[t] - fitness[t-7]; null for i < 7. */
  rampRate: number | null;
}

export const FLAG_IDS = [
  "red-flag",
  "session-spike",
  "weekly-distance-increase",
  "acwr-high",
  "monotony-high",
  "back-pain-rising",
  "severe-back-pain",
  "return-to-run",
  "pain-after-overload",
  "compensatory-deficit",
  "shoe-mileage",
  "surface-change",
  "leg-length-discrepancy",
  "footprint-unassessed",
  "posture-load",
  "masters-athlete",
  "wellness-drop",
] as const;
export type FlagId = (typeof FLAG_IDS)[number];

/** The four rules a day can "carry"; see evaluateFlags. */
export const OVERLOAD_FLAG_IDS = ["session-spike", "weekly-distance-increase", "acwr-high", "monotony-high"] as const;
export type OverloadFlagId = (typeof OVERLOAD_FLAG_IDS)[number];

export const SEVERITIES = ["referral", "warning", "caution", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

export type EvidenceStrength = "strong" | "moderate" | "weak" | "consensus" | "expert-opinion";

export type FlagValue = number | string | boolean | null | string[];

/**
 * A possible source of the reported pain, shown only with a red flag and never as a diagnosis: an organ
 * that refers pain to the area, a blood vessel (the aorta, with chest pain) or the nerves of the lower
 * back (with the neurological emergencies).
 */
export interface VisceralSource {
  /** Stable id of the source (e.g. "kidneys", "chest-aorta"): the UI words it in the reader's language. */
  id: string;
  /** What could be the source, in plain English (e.g. "kidneys", "aorta (the main artery)"). */
  organ: string;
  /** Where the pain from it is felt, or the sign that points at it. */
  area: string;
  kind: "organ" | "blood-vessel" | "nerves";
}

export const TRIAGE_ACTIONS = ["seek-emergency-care", "see-clinician"] as const;
export type TriageAction = (typeof TRIAGE_ACTIONS)[number];

/** A parameter of an engine message: numbers stay exact; dates are "YYYY-MM-DD"; lists hold ids. */
export type MessageParam = string | number | null | string[];

/**
 * A sentence of engine output as a code and its parameters; the UI words it in the reader's language
 * (lib/i18n/engine-text.ts). Parameter names tell their kind: "...Day" a date, "...Km" a distance in km,
 * fractions are shown as percentages where the sentence says so.
 */
export interface EngineMessage {
  code: string;
  params: Record<string, MessageParam>;
}

/** Extra detail of a `red-flag` referral. */
export interface Triage {
  emergency: boolean;
  /** "seek-emergency-care" (seek emergency care now) or "see-clinician" (see a clinician). */
  action: TriageAction;
  symptoms: string[];
  zone: BackZone;
  subArea: string | null;
  /**
   * Possible sources to discuss with a doctor: the heart and the aorta with chest pain, the nerves of the
   * lower back with the neurological emergencies, and the organs that can refer pain to the reported area.
   */
  visceralSources: VisceralSource[];
  /** Date of the earliest red-flag report not yet cleared: the referral (and the plan hold) runs from it. */
  firstReportDate: string;
}

export interface Flag {
  id: FlagId;
  severity: Severity;
  /** The day that carried or triggered the rule (see evaluateFlags). */
  date: string;
  /** The numbers (and a few labels) that triggered the flag, named. */
  values: Record<string, FlagValue>;
  /** The explanation, sentence by sentence, as message codes with their parameters. */
  explanation: EngineMessage[];
  evidence: { strength: EvidenceStrength; citation: string; citationIds: string[] };
  /** Present on `red-flag` only. */
  triage?: Triage;
}

export const CROSS_TRAINING_MODES = ["cycling", "swimming", "elliptical", "aqua-jogging"] as const;
export type CrossTrainingMode = (typeof CROSS_TRAINING_MODES)[number];

export type ExerciseTarget =
  | "abdominal"
  | "lumbar"
  | "gluteal"
  | "pelvic-floor"
  | "hamstrings"
  | "hip-flexors"
  | "piriformis"
  | "glutes"
  | "thoracic-spine"
  | "cervical"
  | "calves";

export interface Exercise {
  /** Stable id: the UI words the exercise and its prescription in the reader's language. */
  id: string;
  /** Name in English. */
  name: string;
  target: ExerciseTarget;
  /** Sets and repetitions or hold time, in plain English words. */
  prescription: string;
  /** Stable id of the prescription, for the reader's language. */
  prescriptionId: string;
  /** Loads the spine in extension: left out of every suggestion while severe back pain is active. */
  loadedExtension?: boolean;
}

export type SuggestionType =
  | "core"
  | "mobility"
  | "cross-training"
  | "deload"
  | "rest"
  | "posture"
  | "assessment"
  | "return-to-run";

/**
 * A proposed session or plan change. A suggestion is a session to add to the plan exactly when
 * `suggestionToPlannedSession` turns it into one (see `isSessionSuggestion`); otherwise it is advice: rest,
 * an assessment, return-to-run advice for a plan that already follows the steps, or a cap-only deload that
 * carries `limits` to apply to the planned runs (durationMin 0, rpe null, no replacesSessionId).
 */
export interface Suggestion {
  /** Stable id: flag, type, date and a counter. */
  id: string;
  flagId: FlagId;
  type: SuggestionType;
  date: string;
  /** Whole minutes of the suggested session (0 for rest, caps and advice; the appointment length for an assessment). */
  durationMin: number;
  /** Target session load in AU (RPE x minutes); 0 for rest, caps and assessments. */
  targetLoadAu: number;
  /** Target CR-10 RPE (a whole number), or null when not a training session. */
  rpe: number | null;
  exercises?: Exercise[];
  crossTrainingMode?: CrossTrainingMode;
  /** The planned run this suggestion replaces or trims (absent when it stands for an expected, unplanned run). */
  replacesSessionId?: string;
  /** Planned sessions a rest suggestion stands in for (a red flag: every planned session from its first report on). */
  replacesSessionIds?: string[];
  /** Distance of a trimmed run, km (one decimal, never above the cap). */
  distanceKm?: number;
  /**
   * Caps for the planned runs: single run (km), the next 7 days' run km, and a return-to-run step's
   * minutes (whole session, walking included).
   */
  limits?: { maxRunKm?: number; maxWeekRunKm?: number; maxRunMin?: number };
  /** The graded-return step (1-based, see RETURN_TO_RUN_RULE.steps) a return-to-run session follows. */
  returnToRunStep?: number;
  /** What to have assessed, for assessment suggestions. */
  assessment?: string;
  /**
   * Why, part by part: codes and exact parameters (see EngineMessage), worded in the reader's language by
   * lib/i18n/engine-text.ts (`suggestionReason`). Besides the kinds EngineMessage names, "runKm", "runDay"
   * and "likeDay" name the run a part is about; "painTriggers" and "severeReport" name what held.
   */
  reason: EngineMessage[];
}
