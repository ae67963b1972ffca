/**
 * A planned or done session's kind and size in the reader's language: "Carrera 7,8 km", "Core 25 min".
 * The exports and calendar feeds keep the English titles of lib/calendar/ics.ts.
 */
import { translatorFor } from "@/lib/i18n/catalogue";
import { sessionKind } from "@/lib/sessions/labels";
import { intlLocale, type Locale } from "@/lib/i18n/config";
import { formatDuration, KM_PER_MILE, type Unit } from "@/lib/units";

type Kind = { type: string; subType?: string | null };
type Translate = ((key: string) => string) & { has(key: string): boolean };

/** The session's type, or its cross-training mode, in words ("Ciclismo", "Core / zona media"). */
export function sessionKindIn(s: Kind, locale: Locale): string {
  const t = translatorFor(locale, "sessionTypes") as unknown as Translate;
  return sessionKind(s.type, s.subType, (key) => (t.has(key) ? t(key) : (s.subType ?? s.type)));
}

/** A distance in the reader's unit and number style, `digits` decimals at most ("7,8 km", "8 km"). */
export function distanceIn(km: number, unit: Unit, locale: Locale, fixed = false): string {
  const value = unit === "MI" ? km / KM_PER_MILE : km;
  const format = new Intl.NumberFormat(intlLocale(locale), { minimumFractionDigits: fixed ? 1 : 0, maximumFractionDigits: 1 });
  return `${format.format(value)} ${unit === "MI" ? "mi" : "km"}`;
}

/** "Carrera 7,8 km", or "Series (Carrera, 4,8 mi)" with a title: a planned session's title for a reader. */
export function plannedSessionTitleIn(
  row: Kind & { title: string | null; durationMin: number; distanceKm: number | null },
  unit: Unit,
  locale: Locale,
): string {
  const kind = sessionKindIn(row, locale);
  const size = row.distanceKm ? distanceIn(row.distanceKm, unit, locale) : formatDuration(row.durationMin);
  return row.title ? `${row.title} (${kind}, ${size})` : `${kind} ${size}`;
}

/** "Ciclismo · 1 h 00 min · 25,0 km": what a session is and how big, for a reader. */
export function sessionSummaryIn(s: Kind & { durationMin: number; distanceKm: number | null }, unit: Unit, locale: Locale): string {
  return [sessionKindIn(s, locale), formatDuration(s.durationMin), s.distanceKm ? distanceIn(s.distanceKm, unit, locale, true) : null]
    .filter(Boolean)
    .join(" · ");
}
