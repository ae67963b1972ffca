export const KM_PER_MILE = 1.609344;

export type Unit = "KM" | "MI";

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
