import { zonedTimeToUtc } from "@/lib/imports/time";

// Calendar helpers for "YYYY-MM-DD" strings. Day arithmetic goes through UTC so that it never
// drifts across daylight-saving changes.

const DAY_MS = 86_400_000;

// Building an Intl.DateTimeFormat costs far more than formatting with one (a page listing a hundred
// athletes spent tens of milliseconds building them), so each set of options is built once per process.
const formatters = new Map<string, Intl.DateTimeFormat>();

export function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let format = formatters.get(key);
  if (!format) {
    // A stored zone the runtime does not know reads as UTC rather than failing the page.
    format = new Intl.DateTimeFormat(locale, options.timeZone !== undefined ? { ...options, timeZone: knownTimeZone(options.timeZone) } : options);
    formatters.set(key, format);
  }
  return format;
}

const zoneChecks = new Map<string, boolean>();

/** The zone itself when the runtime knows it, else "UTC" (every person's zone until they choose one). */
export function knownTimeZone(timeZone: string): string {
  let known = zoneChecks.get(timeZone);
  if (known === undefined) {
    try {
      new Intl.DateTimeFormat("en", { timeZone });
      known = timeZone.length > 0;
    } catch {
      known = false;
    }
    zoneChecks.set(timeZone, known);
  }
  return known ? timeZone : "UTC";
}

export function todayIn(timeZone: string, now: Date = new Date()): string {
  return formatter("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Monday of the (Monday-to-Sunday) week that holds a calendar date. */
export function mondayOf(date: string): string {
  return addDays(date, -((new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7));
}

/** A @db.Date value as it comes from Prisma (midnight UTC) to its calendar string. */
export function dateOnly(value: Date): string {
  return value.toISOString().slice(0, 10);
}

/** A calendar string to the Date Prisma stores in a @db.Date column. */
export function toDbDate(date: string): Date {
  return new Date(`${date}T00:00:00Z`);
}

export function formatDate(date: string, locale = "en-GB"): string {
  return formatter(locale, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(toDbDate(date));
}

export function formatDateTime(value: Date, timeZone: string, locale = "en-GB"): string {
  return formatter(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(value);
}

export function ageOn(birthDate: string, on: string): number {
  const [by, bm, bd] = birthDate.split("-").map(Number);
  const [y, m, d] = on.split("-").map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** The instant of a wall-clock time on a calendar day in a time zone ("2026-03-29", "09:30", "Europe/Madrid"). */
export function zonedTimeToInstant(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split("-").map(Number);
  const [hour, minute] = time.split(":").map(Number);
  return new Date(zonedTimeToUtc({ year, month, day, hour, minute, second: 0 }, timeZone));
}

/** "HH:MM" of an instant in a time zone. */
export function timeIn(instant: Date, timeZone: string): string {
  return formatter("en-GB", { timeZone, hour: "2-digit", minute: "2-digit", hourCycle: "h23" }).format(instant);
}
