/**
 * Backbone's training-load and back-health engine: pure functions of the data the caller passes (no
 * database, no clock; `asOf` is always given). Dates are local calendar dates "YYYY-MM-DD".
 */
export { computeDailyMetrics, sessionLoad } from "./metrics";
export {
  detectSessionSpikes,
  weeklyDistanceChange,
  spikeBand,
  SPIKE_BAND_HAZARD,
  SPIKE_LOOKBACK_DAYS,
  BREAK_LOOKBACK_DAYS,
  type SessionSpike,
  type SpikeBand,
  type WeeklyDistanceChange,
} from "./spikes";
export { scoreOstrc, type OstrcScore } from "./ostrc";
export { OSTRC_Q1_SCORES, OSTRC_Q2_SCORES, OSTRC_Q3_SCORES, OSTRC_Q4_SCORES } from "./ostrc-scores";
export { evaluateFlags, evaluateFlagsOn, compareFlags, type EvaluateFlagsInput } from "./flags";
export {
  suggestSessions,
  suggestionToPlannedSession,
  isSessionSuggestion,
  CORE_EXERCISES,
  MOBILITY_EXERCISES,
  POSTURE_EXERCISES,
  type SuggestSessionsInput,
} from "./suggestions";
export { projectPlan, type ProjectPlanInput, type PlanProjection } from "./projection";
export {
  DEFAULT_THRESHOLDS,
  THRESHOLD_LIMITS,
  thresholdOverridesSchema,
  parseThresholdOverrides,
  resolveThresholds,
  METRIC_CONSTANTS,
  DEFAULT_RPE,
  INPUT_LIMITS,
  SUGGESTION_DEFAULTS,
  SEVERE_PAIN_RULE,
  WELLNESS_DROP_RULE,
  RETURN_TO_RUN_RULE,
  COMPARE_EPSILON,
  deloadCapKm,
  type Thresholds,
  type ThresholdOverrides,
  type ReturnToRunStep,
} from "./thresholds";
export { CITATIONS, CITATION_LIST, FLAG_EVIDENCE, type Citation } from "./citations";
export {
  RED_FLAG_SYMPTOMS,
  RED_FLAG_SYMPTOM_IDS,
  EMERGENCY_SYMPTOM_IDS,
  EMERGENCY_ACTION,
  CLINICIAN_ACTION,
  BACK_SUB_AREAS,
  VISCERAL_REFERRED_PAIN,
  VISCERAL_MAP,
  visceralSourcesFor,
  possibleSourcesFor,
  NEUROLOGICAL_SYMPTOM_IDS,
  CHEST_PAIN_SOURCES,
  CAUDA_EQUINA_SOURCE,
  type RedFlagSymptom,
  type BackSubArea,
  type VisceralReferral,
} from "./symptoms";
export { hooperSum, wellnessBaseline, wellnessTrend, type WellnessBaseline, type WellnessTrendPoint } from "./wellness";
export { EngineInputError, ThresholdOverrideError, type EngineInputErrorCode, type ThresholdIssue } from "./errors";
export { addDays, daysBetween, isValidDate } from "./dates";
export {
  SESSION_TYPES,
  SURFACES,
  BACK_ZONES,
  FOOTPRINT_TYPES,
  POSTURE_LOADS,
  LOAD_MEASURES,
  PLANNED_ORIGINS,
  FLAG_IDS,
  OVERLOAD_FLAG_IDS,
  SEVERITIES,
  CROSS_TRAINING_MODES,
  type SessionType,
  type Surface,
  type BackZone,
  type FootprintType,
  type PostureLoad,
  type LoadMeasure,
  type EngineSession,
  type PlannedSession,
  type PlannedOrigin,
  type EnginePainReport,
  type EngineOstrc,
  type EngineClearance,
  type EngineWellness,
  type EngineProfile,
  type DailyMetrics,
  type FlagId,
  type OverloadFlagId,
  type Severity,
  type EvidenceStrength,
  type FlagValue,
  type VisceralSource,
  type Triage,
  type Flag,
  type CrossTrainingMode,
  type ExerciseTarget,
  type Exercise,
  type SuggestionType,
  type Suggestion,
} from "./types";
