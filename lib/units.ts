export const KM_PER_MILE = 1.609344;

export type Unit = "KM" | "MI";

/** A distance typed in the person's unit, as it is stored: km, to the metre. */
export const toStoredKm = (distance: number, unit: Unit) =>
  Math.round((unit === "MI" ? distance * KM_PER_MILE : distance) * 1000) / 1000;

/**
 * A stored distance as a form field shows it, in the person's unit: to the metre in km, and to four
 * decimals in miles, so that saving the form unchanged stores the same km.
 */
export const distanceFieldValue = (km: number, unit: Unit) =>
  String(unit === "MI" ? Math.round((km / KM_PER_MILE) * 10_000) / 10_000 : Math.round(km * 1000) / 1000);

export function formatDistance(km: number | null | undefined, unit: Unit, digits = 1): string {
  if (km == null) return "–";
  const value = unit === "MI" ? km / KM_PER_MILE : km;
  return `${value.toFixed(digits)} ${unit === "MI" ? "mi" : "km"}`;
}

export function formatDuration(minutes: number): string {
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h > 0 ? `${h} h ${String(m).padStart(2, "0")} min` : `${m} min`;
}

/** A distance in a title: to 0.1 and without a trailing ".0" ("8 km", "7.8 km", "4.8 mi"). */
export function shortDistance(km: number, unit: Unit = "KM"): string {
  const value = unit === "MI" ? km / KM_PER_MILE : km;
  return `${Math.round(value * 10) / 10} ${unit === "MI" ? "mi" : "km"}`;
}

/**
 * A whole-km threshold in the person's unit: "700 km", or in miles derived from the same km, whole from
 * 100 on and to 0.1 below ("435 mi", "6.2 mi").
 */
export function thresholdDistance(km: number, unit: Unit): string {
  if (unit !== "MI") return `${km} km`;
  const mi = km / KM_PER_MILE;
  return `${mi >= 100 ? Math.round(mi) : Math.round(mi * 10) / 10} mi`;
}

// "7.8 km", "700 km", "1,200 km": a number directly followed by the unit word, as the generated texts write them.
const KM_IN_TEXT = /(\d[\d,]*(?:\.\d+)?) km\b/g;

/**
 * A text the app generated (a flag's explanation, a suggestion's reason) with its distances in the person's
 * unit. The engine and stored reasons keep km, so the same text reads right for every viewer; in miles each
 * "N km" becomes miles with as many decimals as it had (whole thresholds as thresholdDistance words them).
 */
export function textInUnit(text: string, unit: Unit): string {
  if (unit !== "MI") return text;
  return text.replace(KM_IN_TEXT, (_, number: string) => {
    const km = Number(number.replace(/,/g, ""));
    const decimals = number.includes(".") ? number.split(".")[1].length : 0;
    return decimals === 0 ? thresholdDistance(km, "MI") : `${(km / KM_PER_MILE).toFixed(decimals)} mi`;
  });
}
