import { KM_PER_MILE, type Unit } from "@/lib/units";

// Numbers on suggestion and flag cards as people read them: whole minutes, km (or miles) to one decimal,
// loads in whole AU, ratios to two decimals. The engine keeps full precision for its sums; only the words round.

/** toFixed without the "-0.0" that a tiny negative rounds to. */
function fixed(x: number, digits: number): string {
  const text = x.toFixed(digits);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

export const formatMinutes = (min: number) => `${fixed(min, 0)} min`;
export const formatKm = (km: number, unit: Unit = "KM") => (unit === "MI" ? `${fixed(km / KM_PER_MILE, 1)} mi` : `${fixed(km, 1)} km`);
export const formatLoadAu = (au: number) => `${fixed(au, 0)} AU`;
export const formatRatio = (x: number) => fixed(x, 2);
/** CR-10 effort, as whole numbers are rated. */
export const formatRpe = (rpe: number) => fixed(rpe, 0);

type NumberKind = "km" | "min" | "load" | "ratio";

// Flag values by what they measure; names not listed are read from their ending ("...Km", "...Min").
const FLAG_VALUE_KINDS: Record<string, NumberKind> = {
  acwrEwma: "ratio",
  threshold: "ratio",
  spike: "ratio",
  maxSpike: "ratio",
  hazardRatio: "ratio",
  cautionAbove: "ratio",
  warningAbove: "ratio",
  change: "ratio",
  increaseAbove: "ratio",
  monotony: "ratio",
  recentShare: "ratio",
  priorShare: "ratio",
  ewmaAcute: "load",
  ewmaChronic: "load",
  strain: "load",
  weeklyLoad: "load",
  meanDailyLoad: "load",
  sdDailyLoad: "load",
};

function kindOf(key: string): NumberKind | null {
  if (FLAG_VALUE_KINDS[key]) return FLAG_VALUE_KINDS[key];
  if (/Km$/.test(key)) return "km";
  if (/Min$/.test(key)) return "min";
  return null;
}

/** A flag value's label in the person's unit: a distance's "(km)" or "Run km" in miles for a miles reader. */
export function flagLabelInUnit(key: string, text: string, unit: Unit): string {
  return unit === "MI" && kindOf(key) === "km" ? text.replace(/\bkm\b/, "mi") : text;
}

/**
 * One number a flag carries, without its unit (the label names it); distances in the person's unit. Loads follow the squad's load measure:
 * km to one decimal, sRPE (AU) and minutes whole. Counts and scores stay as they are; any other fraction
 * gets two decimals.
 */
export function formatFlagNumber(key: string, value: number, loadMeasure?: string, unit: Unit = "KM"): string {
  switch (kindOf(key)) {
    case "km":
      return fixed(unit === "MI" ? value / KM_PER_MILE : value, 1);
    case "min":
      return fixed(value, 0);
    case "load":
      return fixed(value, loadMeasure === "km" ? 1 : 0);
    case "ratio":
      return fixed(value, 2);
    default:
      return Number.isInteger(value) ? String(value) : fixed(value, 2);
  }
}
