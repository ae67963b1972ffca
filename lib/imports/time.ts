// Time-zone arithmetic with Intl only: the runtime's ICU data is the single source of zone rules, so the
// import and the rest of the app agree on which calendar day a session belongs to.

const formatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError for a zone the runtime does not know: a caller's mistake, not a file's. */
export function assertTimeZone(timeZone: string): void {
  try {
    partsFormatter(timeZone);
  } catch {
    throw new RangeError(`Unknown time zone "${timeZone}"`);
  }
}

interface WallTime {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallTimeIn(instantMs: number, timeZone: string): WallTime {
  const out: WallTime = { year: 0, month: 0, day: 0, hour: 0, minute: 0, second: 0 };
  for (const p of partsFormatter(timeZone).formatToParts(instantMs)) {
    if (p.type === "year" || p.type === "month" || p.type === "day" || p.type === "hour" || p.type === "minute" || p.type === "second") {
      out[p.type] = Number(p.value);
    }
  }
  return out;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

export function calendarDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** Offset of the zone from UTC at an instant, in ms (positive east of Greenwich). */
function offsetMs(instantMs: number, timeZone: string): number {
  const w = wallTimeIn(instantMs, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(instantMs / 1000) * 1000;
}

// Zone offsets change only at transitions, and every transition since 1970 falls on a quarter hour UTC, so
// one offset per quarter hour is exact and spares a formatToParts call for most of a large import.
const QUARTER_HOUR_MS = 900_000;
const DAY_MS = 86_400_000;
const offsetCache = new Map<string, Map<number, number>>();
const MAX_CACHED_OFFSETS = 200_000;

function cachedOffset(instantMs: number, timeZone: string): number {
  const bucket = Math.floor(instantMs / QUARTER_HOUR_MS);
  let zone = offsetCache.get(timeZone);
  if (!zone) offsetCache.set(timeZone, (zone = new Map()));
  let offset = zone.get(bucket);
  if (offset === undefined) {
    if (zone.size >= MAX_CACHED_OFFSETS) zone.clear();
    offset = offsetMs(bucket * QUARTER_HOUR_MS, timeZone);
    zone.set(bucket, offset);
  }
  return offset;
}

/** Local calendar day ("YYYY-MM-DD") of an instant in a time zone. */
export function localDateOf(instantMs: number, timeZone: string): string {
  return new Date(instantMs + cachedOffset(instantMs, timeZone)).toISOString().slice(0, 10);
}

/**
 * The instant at which a zone's clocks show the given wall time. In a fall-back overlap (the wall time
 * happens twice) it is the first; in a spring-forward gap (it never happens) it is read with the offset in
 * force before the jump, i.e. moved forward by the gap.
 */
export function zonedTimeToUtc(w: WallTime, timeZone: string): number {
  const wall = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  const before = wall - cachedOffset(wall - DAY_MS, timeZone);
  const after = wall - cachedOffset(wall + DAY_MS, timeZone);
  const exact = [before, after].filter((ms) => ms + cachedOffset(ms, timeZone) === wall);
  return exact.length > 0 ? Math.min(...exact) : before;
}

const MONTHS: Record<string, number> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};

function validWallTime(w: WallTime): WallTime | undefined {
  const { year, month, day, hour, minute, second } = w;
  if (year < 1970 || year > 2200 || month < 1 || month > 12 || day < 1 || hour > 23 || minute > 59 || second > 60) return undefined;
  const dim = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day > dim ? undefined : w;
}

function to24h(hour: number, meridiem: string | undefined): number {
  if (!meridiem) return hour;
  const pm = meridiem.toLowerCase().startsWith("p");
  if (hour === 12) return pm ? 12 : 0;
  return pm ? hour + 12 : hour;
}

/**
 * Reads the date-and-time shapes found in activity exports, without a zone:
 * "Oct 5, 2014, 4:15:21 PM" (Strava), "5 Oct 2014, 16:15:21" (Strava in other locales),
 * "2025-05-07 17:53:16" (Garmin), and ISO "2025-05-07T17:53:16".
 */
export function parseWallTime(text: string): WallTime | undefined {
  const s = text.trim().replace(/\u202f|\u00a0/g, " ");
  let m = /^([A-Za-z]{3,9})\.? (\d{1,2}),? (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)? ?([AaPp]\.?[Mm]\.?)?$/.exec(s);
  if (m) {
    const month = MONTHS[m[1].toLowerCase().slice(0, 3)];
    if (!month) return undefined;
    return validWallTime({
      year: Number(m[3]), month, day: Number(m[2]), hour: to24h(Number(m[4]), m[7]), minute: Number(m[5]), second: Number(m[6] ?? 0),
    });
  }
  m = /^(\d{1,2}) ([A-Za-z]{3,9})\.? (\d{4}),? (\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)? ?([AaPp]\.?[Mm]\.?)?$/.exec(s);
  if (m) {
    const month = MONTHS[m[2].toLowerCase().slice(0, 3)];
    if (!month) return undefined;
    return validWallTime({
      year: Number(m[3]), month, day: Number(m[1]), hour: to24h(Number(m[4]), m[7]), minute: Number(m[5]), second: Number(m[6] ?? 0),
    });
  }
  m = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?$/.exec(s);
  if (m) {
    return validWallTime({
      year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: Number(m[4]), minute: Number(m[5]), second: Number(m[6] ?? 0),
    });
  }
  return undefined;
}

/** Wall time read as UTC. */
export function wallTimeAsUtc(w: WallTime): number {
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
}

export function wallTimeDate(w: WallTime): string {
  return calendarDate(w.year, w.month, w.day);
}

/** An XML/ISO timestamp with an explicit zone (or UTC when none) to epoch ms; undefined when unreadable. */
export function parseInstant(text: unknown): number | undefined {
  if (typeof text !== "string" && typeof text !== "number") return undefined;
  const s = String(text).trim();
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(s)) return undefined;
  const hasZone = /(Z|[+-]\d{2}:?\d{2})$/i.test(s);
  const ms = Date.parse(hasZone ? s : `${s}Z`);
  return Number.isFinite(ms) ? ms : undefined;
}
