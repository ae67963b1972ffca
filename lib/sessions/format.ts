import { KM_PER_MILE, type Unit } from "@/lib/units";

// Figures of sessions written in the reader's language: the decimal separator and digit grouping follow
// the Intl locale ("10.5 km" in en-GB, "10,5 km" in es-ES). Free of server modules: the history table
// and the import preview in the browser use them too.

const numberFormats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: string, digits: number): Intl.NumberFormat {
  const key = `${locale}|${digits}`;
  let format = numberFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits });
    numberFormats.set(key, format);
  }
  return format;
}

/** A whole number in the locale ("1,234" in en-GB, "1234" and "12.345" in es-ES). */
export function formatCount(value: number, locale: string): string {
  return numberFormat(locale, 0).format(value);
}

/** A stored distance (km) in the person's unit, to `digits` decimals: "10.5 km", "10,5 km", "6.5 mi". */
export function formatDistanceIn(km: number | null | undefined, unit: Unit, locale: string, digits = 1): string {
  if (km == null) return "–";
  const value = unit === "MI" ? km / KM_PER_MILE : km;
  return `${numberFormat(locale, digits).format(value)} ${unit === "MI" ? "mi" : "km"}`;
}

/** Minutes as "45 min" or "1 h 05 min" (the same abbreviations read right in English and Spanish). */
export function formatDurationIn(minutes: number, locale: string): string {
  const total = Math.round(minutes);
  const h = Math.floor(total / 60);
  const m = total % 60;
  return h > 0 ? `${formatCount(h, locale)} h ${String(m).padStart(2, "0")} min` : `${m} min`;
}
