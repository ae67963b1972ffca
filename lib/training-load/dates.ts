/**
 * Calendar arithmetic on "YYYY-MM-DD" local dates through epoch-day numbers (days since 1970-01-01 in the
 * proleptic Gregorian calendar). Day numbers have no time of day, so there is no time zone and no
 * daylight-saving shift: 2025-03-30 + 1 is always 2025-03-31, whatever the server's zone.
 */
import { EngineInputError } from "./errors";

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const WEEKDAYS = ["Thursday", "Friday", "Saturday", "Sunday", "Monday", "Tuesday", "Wednesday"];
const MIN_YEAR = 1000;
const MAX_YEAR = 9999;

/** Two-digit month/day strings, index 0..31. */
const PAD2: string[] = Array.from({ length: 32 }, (_, i) => (i < 10 ? `0${i}` : `${i}`));

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeapYear(y) ? 29 : DAYS_IN_MONTH[m - 1];
}

/** Epoch day of a valid civil date (H. Hinnant's days_from_civil, exact integer arithmetic). */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

/** Civil date of an epoch day. */
export function civilFromDays(day: number): { y: number; m: number; d: number } {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return { y: yoe + era * 400 + (m <= 2 ? 1 : 0), m, d };
}

// Epoch day of the first of each month 1900-2199: turns most date parses into one lookup.
const CACHE_FIRST_YEAR = 1900;
const MONTH_START: Int32Array = (() => {
  const a = new Int32Array(300 * 12);
  for (let k = 0; k < a.length; k++) a[k] = daysFromCivil(CACHE_FIRST_YEAR + Math.floor(k / 12), (k % 12) + 1, 1);
  return a;
})();

/** Epoch day of a strict "YYYY-MM-DD" string, or NaN when it is not a real calendar date. */
export function tryParseDay(value: unknown): number {
  if (typeof value !== "string" || value.length !== 10) return NaN;
  if (value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return NaN;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return NaN;
    y = y * 10 + c;
  }
  const m1 = value.charCodeAt(5) - 48;
  const m2 = value.charCodeAt(6) - 48;
  const d1 = value.charCodeAt(8) - 48;
  const d2 = value.charCodeAt(9) - 48;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return NaN;
  const m = m1 * 10 + m2;
  const d = d1 * 10 + d2;
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return NaN;
  const k = (y - CACHE_FIRST_YEAR) * 12 + m - 1;
  return k >= 0 && k < MONTH_START.length ? MONTH_START[k] + d - 1 : daysFromCivil(y, m, d);
}

/** Epoch day of a strict "YYYY-MM-DD" date; throws EngineInputError naming `field` otherwise. */
export function parseDay(value: unknown, field: string): number {
  const day = tryParseDay(value);
  if (day !== day) {
    throw new EngineInputError(
      field,
      `expected a calendar date "YYYY-MM-DD", got ${JSON.stringify(value)}`,
      "invalid-date",
    );
  }
  return day;
}

// Flag explanations format the same few hundred days over and over (a squad's heat map formats tens
// of thousands): the strings are kept, bounded so a long-running server does not grow without limit.
const FORMATTED = new Map<number, string>();
const FORMATTED_MAX = 20_000;

/** "YYYY-MM-DD" of an epoch day. */
export function formatDay(day: number): string {
  let text = FORMATTED.get(day);
  if (text === undefined) {
    const { y, m, d } = civilFromDays(day);
    text = `${String(y).padStart(4, "0")}-${PAD2[m]}-${PAD2[d]}`;
    if (FORMATTED.size >= FORMATTED_MAX) FORMATTED.clear();
    FORMATTED.set(day, text);
  }
  return text;
}

/** The date `n` calendar days after `date` (n may be negative). */
export function addDays(date: string, n: number): string {
  return formatDay(parseDay(date, "date") + n);
}

/** Calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: string, b: string): number {
  return parseDay(b, "b") - parseDay(a, "a");
}

/** English weekday name of an epoch day (1970-01-01 was a Thursday). */
export function weekdayOf(day: number): string {
  return WEEKDAYS[((day % 7) + 7) % 7];
}

/** True when `value` is a strict, existing "YYYY-MM-DD" calendar date. */
export function isValidDate(value: unknown): value is string {
  const d = tryParseDay(value);
  return d === d;
}

// Date strings of 1970-01-01..2199-12-31, made on first use and shared: metric series of a whole squad
// cover the same few years, so each string is built once instead of once per athlete and day.
const STRING_CACHE_DAYS = daysFromCivil(2200, 1, 1);
const dayStrings: (string | undefined)[] = [];

/** formatDay with a shared cache (the strings are immutable, so sharing them is safe). */
export function dayString(day: number): string {
  if (day >= 0 && day < STRING_CACHE_DAYS) {
    let s = dayStrings[day];
    if (s === undefined) {
      if (dayStrings.length < day) fillStringCache(day);
      s = formatDay(day);
      dayStrings[day] = s;
    }
    return s;
  }
  return formatDay(day);
}

/** Keeps the cache array dense (holes would make every lookup slow). */
function fillStringCache(upTo: number): void {
  for (let d = dayStrings.length; d < upTo; d++) dayStrings.push(undefined);
}
