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
