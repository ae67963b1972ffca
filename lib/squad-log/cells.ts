import { addDays, mondayOf } from "@/lib/dates";
import { isCalendarDate, parseDurationText } from "@/lib/sessions/duration-text";
import { toStoredKm, type Unit } from "@/lib/units";

// The squad log grid's cells: how their inputs are named and what a cell's three values mean. No database
// and no clock, so the page, the action and the tests read cells the same way.

/** The fields of a grid cell, in the order the inputs stand in the cell. */
export const GRID_FIELDS = ["distance", "minutes", "rpe"] as const;
export type GridField = (typeof GRID_FIELDS)[number];

const PREFIX: Record<GridField | "session" | "cell", string> = {
  distance: "dist",
  minutes: "min",
  rpe: "rpe",
  // The id of the session a cell shows, so the save knows what it edits.
  session: "session",
  // Messages about the cell as a whole (a day still to come, a day that changed meanwhile).
  cell: "cell",
};

/** The form name of one input of a cell: `dist.<athleteId>.<YYYY-MM-DD>`. */
export const cellInputName = (part: keyof typeof PREFIX, athleteId: string, date: string) => `${PREFIX[part]}.${athleteId}.${date}`;

const NAME_RE = /^(dist|min|rpe|session|cell)\.([A-Za-z0-9_-]{1,64})\.(\d{4}-\d{2}-\d{2})$/;
const PART_OF = Object.fromEntries(Object.entries(PREFIX).map(([part, prefix]) => [prefix, part])) as Record<string, keyof typeof PREFIX>;

/** The input a form name stands for, or null for any other name. */
export function readCellInputName(name: string): { part: keyof typeof PREFIX; athleteId: string; date: string } | null {
  const m = NAME_RE.exec(name);
  return m ? { part: PART_OF[m[1]], athleteId: m[2], date: m[3] } : null;
}

/** The seven days of the week that starts on `monday`. */
export const weekDays = (monday: string) => Array.from({ length: 7 }, (_, i) => addDays(monday, i));

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"] as const;

/** "Mon" to "Sun" for a calendar date. */
export const weekdayOf = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];

/** The most a distance typed in the grid may be, in the coach's unit (as in the session form). */
export const MAX_GRID_DISTANCE = 1000;

export type GridCellValue =
  | { kind: "empty" }
  | { kind: "run"; distanceKm: number; durationMin: number; rpe: number | null }
  | { kind: "invalid"; errors: Partial<Record<GridField, string>> };

const number = (text: string) => {
  const t = text.trim().replace(",", ".");
  return /^\d+(\.\d+)?$|^\.\d+$/.test(t) ? Number(t) : null;
};

/**
 * A cell as typed: empty (all three blank), a run, or the problem with each field that needs a correction.
 * Messages start in lower case: the page puts "Ana, Tue: " before them in its list of problems.
 */
export function readGridCell(raw: Partial<Record<GridField, string>>, unit: Unit): GridCellValue {
  const text = { distance: (raw.distance ?? "").trim(), minutes: (raw.minutes ?? "").trim(), rpe: (raw.rpe ?? "").trim() };
  if (!text.distance && !text.minutes && !text.rpe) return { kind: "empty" };
  const errors: Partial<Record<GridField, string>> = {};
  const unitWord = unit === "MI" ? "mi" : "km";

  const distance = number(text.distance);
  if (!text.distance) errors.distance = "enter the distance";
  else if (distance === null) errors.distance = "enter the distance as a number";
  else if (distance <= 0 || distance > MAX_GRID_DISTANCE) errors.distance = `enter a distance above 0 and at most ${MAX_GRID_DISTANCE} ${unitWord}`;

  const minutes = text.minutes ? parseDurationText(text.minutes) : null;
  if (!text.minutes) errors.minutes = "enter the minutes";
  else if (minutes === null) errors.minutes = "enter minutes as a number";
  else if (minutes < 1 || minutes > 24 * 60) errors.minutes = "enter minutes from 1 to 1440";

  let rpe: number | null = null;
  if (text.rpe) {
    rpe = /^\d{1,2}$/.test(text.rpe) ? Number(text.rpe) : null;
    if (rpe === null || rpe > 10) errors.rpe = "enter RPE as a whole number from 0 to 10";
  }

  if (Object.keys(errors).length > 0) return { kind: "invalid", errors };
  return {
    kind: "run",
    distanceKm: toStoredKm(distance as number, unit),
    durationMin: Math.round((minutes as number) * 100) / 100,
    rpe,
  };
}

/**
 * The week a grid link asks for (`?week=YYYY-MM-DD`, any day of it) as its Monday; the week holding `today`
 * when there is none, with a notice when what was given is not a usable date.
 */
export function readWeekParam(value: unknown, today: string): { monday: string; notice: string | null } {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text === "") return { monday: mondayOf(today), notice: null };
  if (typeof text !== "string" || !isCalendarDate(text) || text < "2000-01-01" || text > "2100-12-31") {
    return { monday: mondayOf(today), notice: "The week in the address is not a date from 2000 to 2100 (YYYY-MM-DD): this week is shown." };
  }
  return { monday: mondayOf(text), notice: null };
}
