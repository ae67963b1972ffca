import { z } from "zod";
import { ValidationError } from "@/lib/errors";
import {
  LOAD_MEASURES,
  THRESHOLD_LIMITS,
  ThresholdOverrideError,
  parseThresholdOverrides,
  type FlagId,
  type LoadMeasure,
  type ThresholdOverrides,
  type Thresholds,
} from "@/lib/training-load";
import { idSchema } from "@/lib/input-schemas";

export { idSchema };

export const squadTargetSchema = z.object({ squadId: idSchema });
export const athleteTargetSchema = z.object({ squadId: idSchema, athleteId: idSchema });

export type ThresholdKey = keyof Thresholds;
export type NumericThresholdKey = Exclude<ThresholdKey, "loadMeasure">;

export type ThresholdFieldMeta = {
  key: ThresholdKey;
  label: string;
  /** Unit as shown after the number; fractions are entered as percentages. */
  unit: string;
  percent: boolean;
  flagId: FlagId;
};

export const FLAG_NAMES: Record<FlagId, string> = {
  "red-flag": "Red flag",
  "session-spike": "Long-run spike",
  "weekly-distance-increase": "Weekly distance increase",
  "acwr-high": "High acute:chronic load ratio",
  "monotony-high": "Monotonous training",
  "back-pain-rising": "High or rising back pain",
  "severe-back-pain": "Severe back pain",
  "return-to-run": "Return to running",
  "pain-after-overload": "Back pain after an overload",
  "compensatory-deficit": "Missing core and strength work",
  "shoe-mileage": "Worn shoes",
  "surface-change": "Sudden surface change",
  "leg-length-discrepancy": "Leg-length difference",
  "footprint-unassessed": "Footprint not assessed",
  "posture-load": "Posture load",
  "masters-athlete": "Masters athlete",
  "wellness-drop": "Wellness worse than usual",
};

export const LOAD_MEASURE_LABELS: Record<LoadMeasure, string> = {
  srpe: "Session RPE × minutes (AU)",
  km: "Running km",
  min: "Minutes of training",
};

/** Every tunable threshold in the order the coach reads them, grouped by the flag it drives. */
export const THRESHOLD_FIELDS: readonly ThresholdFieldMeta[] = [
  { key: "spikeCaution", label: "Caution when a run is longer than the longest of the previous 30 days by more than", unit: "%", percent: true, flagId: "session-spike" },
  { key: "spikeWarning", label: "Warning when a run is longer than the longest of the previous 30 days by more than", unit: "%", percent: true, flagId: "session-spike" },
  { key: "weeklyIncrease", label: "Flag when the last 7 days' distance is above the weekly mean of the 3 weeks before by more than", unit: "%", percent: true, flagId: "weekly-distance-increase" },
  { key: "weeklyMinBaselineKm", label: "Only when that 3-week weekly mean is at least", unit: "km per week", percent: false, flagId: "weekly-distance-increase" },
  { key: "loadMeasure", label: "Load measured as", unit: "", percent: false, flagId: "acwr-high" },
  { key: "acwrHigh", label: "Flag when the acute:chronic load ratio (EWMA) is at or above", unit: "× chronic load", percent: false, flagId: "acwr-high" },
  { key: "monotonyHigh", label: "Flag when the 7-day training monotony (mean ÷ standard deviation) is above", unit: "", percent: false, flagId: "monotony-high" },
  { key: "painNrsHigh", label: "Flag when the latest back pain is at or above", unit: "/10 pain", percent: false, flagId: "back-pain-rising" },
  { key: "painNrsRise", label: "…or has risen since the previous report (within 14 days) by at least", unit: "points of pain", percent: false, flagId: "back-pain-rising" },
  { key: "painAfterOverloadNrs", label: "Flag pain after an overloaded day when it is at or above", unit: "/10 pain", percent: false, flagId: "pain-after-overload" },
  { key: "compensatoryMinRuns", label: "Minimum runs in 14 days", unit: "runs", percent: false, flagId: "compensatory-deficit" },
  { key: "compensatoryMinSessions", label: "Core or strength sessions in the same 14 days needed to clear the flag", unit: "sessions", percent: false, flagId: "compensatory-deficit" },
  { key: "shoeKm", label: "Flag a shoe in use past", unit: "km", percent: false, flagId: "shoe-mileage" },
  { key: "surfaceNewShare", label: "Flag when one surface carried at least this share of the last 7 days' running", unit: "%", percent: true, flagId: "surface-change" },
  { key: "surfacePriorShare", label: "…after carrying less than this share in the 4 weeks before", unit: "%", percent: true, flagId: "surface-change" },
  { key: "legLengthMm", label: "Flag a leg-length difference of at least", unit: "mm", percent: false, flagId: "leg-length-discrepancy" },
  { key: "mastersAge", label: "Treat athletes as masters from the age of", unit: "years", percent: false, flagId: "masters-athlete" },
];

const FIELD_BY_KEY = new Map(THRESHOLD_FIELDS.map((f) => [f.key, f]));

export function isThresholdKey(key: string): key is ThresholdKey {
  return FIELD_BY_KEY.has(key as ThresholdKey);
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** A stored value as the coach reads and types it (percentages for fractions). */
export function toDisplay(key: ThresholdKey, value: number | string): string {
  if (typeof value === "string") return value;
  return String(FIELD_BY_KEY.get(key)?.percent ? round(value * 100, 4) : round(value, 6));
}

function fromDisplay(key: NumericThresholdKey, value: number): number {
  return FIELD_BY_KEY.get(key)?.percent ? round(value / 100, 8) : value;
}

export function displayLimits(key: NumericThresholdKey): { min: string; max: string; integer: boolean } {
  const { min, max, integer } = THRESHOLD_LIMITS[key];
  return { min: toDisplay(key, min), max: toDisplay(key, max), integer };
}

/** "from 1 to 14 runs", used in hints and in error messages alike. */
export function rangeText(key: NumericThresholdKey): string {
  const meta = FIELD_BY_KEY.get(key);
  const { min, max } = displayLimits(key);
  const unit = meta?.unit ? (meta.unit === "%" ? "%" : ` ${meta.unit}`) : "";
  return `from ${min} to ${max}${unit}`;
}

export function displayWithUnit(key: ThresholdKey, value: number | string): string {
  if (key === "loadMeasure") return LOAD_MEASURE_LABELS[value as LoadMeasure] ?? String(value);
  const meta = FIELD_BY_KEY.get(key);
  const unit = meta?.unit ? (meta.unit === "%" ? "%" : ` ${meta.unit}`) : "";
  return `${toDisplay(key, value)}${unit}`;
}

const INVALID = "Please correct the highlighted fields.";

/**
 * Reads a posted threshold form (values in display units; empty = inherit) into engine overrides.
 * Every field is checked so that all problems show at once; any problem throws before anything is written.
 */
export function parseThresholdForm(input: Record<string, unknown>, idKeys: readonly string[]): ThresholdOverrides {
  const fieldErrors: Record<string, string[]> = {};
  const out: Record<string, number | string> = {};
  for (const [key, raw] of Object.entries(input)) {
    if (idKeys.includes(key)) continue;
    if (!isThresholdKey(key)) {
      fieldErrors[key] = ["This is not a threshold that can be tuned"];
      continue;
    }
    const text = raw === undefined || raw === null ? "" : typeof raw === "number" ? String(raw) : typeof raw === "string" ? raw.trim() : null;
    if (text === null) {
      fieldErrors[key] = ["Enter a single value"];
      continue;
    }
    if (text === "") continue;
    if (key === "loadMeasure") {
      if ((LOAD_MEASURES as readonly string[]).includes(text)) out[key] = text;
      else fieldErrors[key] = [`Choose one of: ${LOAD_MEASURES.map((m) => LOAD_MEASURE_LABELS[m]).join(", ")}`];
      continue;
    }
    const value = Number(text.replace(",", "."));
    const { min, max, integer } = THRESHOLD_LIMITS[key];
    const stored = fromDisplay(key, value);
    if (!Number.isFinite(value)) {
      fieldErrors[key] = [`Enter a number ${rangeText(key)}`];
    } else if (integer && !Number.isInteger(value)) {
      fieldErrors[key] = [`Enter a whole number ${rangeText(key)}`];
    } else if (stored < min || stored > max) {
      fieldErrors[key] = [`Out of range: use a value ${rangeText(key)}`];
    } else {
      out[key] = stored;
    }
  }
  if (Object.keys(fieldErrors).length > 0) throw new ValidationError(INVALID, fieldErrors);
  try {
    return parseThresholdOverrides(out);
  } catch (error) {
    if (error instanceof ThresholdOverrideError) throw toValidationError(error);
    throw error;
  }
}

export function toValidationError(error: ThresholdOverrideError): ValidationError {
  const fieldErrors: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.field;
    const message =
      key === "spikeWarning" && /spikeCaution/.test(issue.message)
        ? "The warning level must be at least the caution level"
        : isThresholdKey(key) && key !== "loadMeasure"
          ? `Out of range: use a value ${rangeText(key)}`
          : issue.message;
    (fieldErrors[key] ??= []).push(message);
  }
  return new ValidationError(INVALID, fieldErrors);
}

const EPSILON = 1e-9;

/** Only the keys whose value differs from what the level would inherit anyway. */
export function diffFromParent(overrides: ThresholdOverrides, parent: Thresholds): ThresholdOverrides {
  const out: Record<string, number | string> = {};
  for (const [key, value] of Object.entries(overrides) as [ThresholdKey, number | string][]) {
    const inherited = parent[key];
    const same =
      typeof value === "number" && typeof inherited === "number"
        ? Math.abs(value - inherited) <= EPSILON * Math.max(1, Math.abs(inherited))
        : value === inherited;
    if (!same) out[key] = value;
  }
  return out as ThresholdOverrides;
}

/**
 * A stored override read leniently: keys that no longer validate are dropped, so that one bad key
 * cannot lock the coach out of the page that would fix it.
 */
export function readStoredOverrides(stored: unknown): ThresholdOverrides {
  if (stored === null || stored === undefined || typeof stored !== "object" || Array.isArray(stored)) return {};
  try {
    return parseThresholdOverrides(stored);
  } catch {
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(stored)) {
      try {
        Object.assign(out, parseThresholdOverrides({ [key]: value }));
      } catch {
        // dropped: see above
      }
    }
    return out as ThresholdOverrides;
  }
}
