import { parse } from "csv-parse/sync";
import { hasControlCharacters } from "@/lib/control-characters";
import { calendarDateSchema, parseDurationText } from "@/lib/sessions/schemas";
import { CROSS_TRAINING_MODES, SESSION_TYPES } from "@/lib/sessions/labels";
import { toStoredKm, type Unit } from "@/lib/units";

// A squad's training log as a coach keeps it in a spreadsheet: one session per row, any athlete of the
// squad. Reading only: matching names to athletes, duplicates and the commit are in mutations.ts. Every
// cell is text read as text; a value a spreadsheet would run as a formula is just a value that is not a
// date, number or known name here.

/** Largest file read, in bytes of the upload itself. */
export const SQUAD_LOG_MAX_BYTES = 2 * 1024 * 1024;
/** Most rows read, the header not counted. */
export const SQUAD_LOG_MAX_ROWS = 5000;
/** Longest value of one cell, in characters (notes are the long ones, as in the session form). */
export const SQUAD_LOG_MAX_CELL = 1000;
// csv-parse stops at a record longer than this; a row of seven cells at their longest fits.
const MAX_RECORD_CHARS = 8 * SQUAD_LOG_MAX_CELL;

export type LogColumn = "athlete" | "date" | "type" | "distance" | "minutes" | "rpe" | "notes";

/**
 * Header names read, after lower-casing and dropping everything but letters and digits ("Distance (km)"
 * is "distancekm"). A distance column without a unit is in the coach's unit.
 */
const HEADER_NAMES: Record<string, { column: LogColumn; unit?: Unit }> = {
  ...Object.fromEntries(["athlete", "name", "athletename", "runner", "email", "athleteemail", "emailaddress"].map((n) => [n, { column: "athlete" as const }])),
  ...Object.fromEntries(["date", "day", "sessiondate"].map((n) => [n, { column: "date" as const }])),
  ...Object.fromEntries(["type", "sessiontype", "sport", "activity", "activitytype"].map((n) => [n, { column: "type" as const }])),
  ...Object.fromEntries(["distance", "dist"].map((n) => [n, { column: "distance" as const }])),
  ...Object.fromEntries(["distancekm", "km", "kilometres", "kilometers", "distkm"].map((n) => [n, { column: "distance" as const, unit: "KM" as const }])),
  ...Object.fromEntries(["distancemi", "distancemiles", "mi", "miles", "distmi"].map((n) => [n, { column: "distance" as const, unit: "MI" as const }])),
  ...Object.fromEntries(["minutes", "min", "mins", "duration", "durationmin", "durationminutes", "time"].map((n) => [n, { column: "minutes" as const }])),
  ...Object.fromEntries(["rpe", "effort", "sessionrpe"].map((n) => [n, { column: "rpe" as const }])),
  ...Object.fromEntries(["notes", "note", "comment", "comments"].map((n) => [n, { column: "notes" as const }])),
};

/** The header names the page lists, one per column. */
export const LOG_HEADER_HELP: { column: LogColumn; names: string }[] = [
  { column: "athlete", names: "Athlete, Name or Email: the athlete's email, or their name as the squad shows it" },
  { column: "date", names: "Date: YYYY-MM-DD, the athlete's calendar day" },
  { column: "type", names: "Type (optional): run when empty; or cycling, swimming, elliptical, aqua jogging, rowing, cross-training, core, strength, mobility, other" },
  { column: "distance", names: "Distance: in your unit; Distance (km) or Distance (mi) to say which. Needed for runs" },
  { column: "minutes", names: "Minutes or Duration: 45, or hours:minutes as 1:15" },
  { column: "rpe", names: "RPE (optional): a whole number from 0 to 10" },
  { column: "notes", names: "Notes (optional): up to 1000 characters" },
];

type SessionType = (typeof SESSION_TYPES)[number];
type Mode = (typeof CROSS_TRAINING_MODES)[number];

const TYPE_WORDS: Record<string, { type: SessionType; subType: Mode | null }> = {
  run: { type: "RUN", subType: null },
  running: { type: "RUN", subType: null },
  cycling: { type: "CROSS_TRAINING", subType: "CYCLING" },
  bike: { type: "CROSS_TRAINING", subType: "CYCLING" },
  ride: { type: "CROSS_TRAINING", subType: "CYCLING" },
  swimming: { type: "CROSS_TRAINING", subType: "SWIMMING" },
  swim: { type: "CROSS_TRAINING", subType: "SWIMMING" },
  elliptical: { type: "CROSS_TRAINING", subType: "ELLIPTICAL" },
  aquajogging: { type: "CROSS_TRAINING", subType: "AQUA_JOGGING" },
  rowing: { type: "CROSS_TRAINING", subType: "ROWING" },
  crosstraining: { type: "CROSS_TRAINING", subType: "OTHER" },
  core: { type: "CORE", subType: null },
  strength: { type: "STRENGTH", subType: null },
  mobility: { type: "MOBILITY", subType: null },
  stretching: { type: "MOBILITY", subType: null },
  other: { type: "OTHER", subType: null },
};

const headerKey = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");

/** A row read into a session, its athlete still as written. */
export type LogRowDraft = {
  athlete: string;
  date: string;
  type: SessionType;
  subType: Mode | null;
  distanceKm: number | null;
  durationMin: number;
  rpe: number | null;
  notes: string | null;
};

/** Row numbers are the file's lines as a spreadsheet numbers them: the header is row 1. */
export type LogRow = { row: number; athlete: string; draft?: LogRowDraft; error?: string };

export type SquadLogFile = { rows: LogRow[]; ignoredColumns: string[] };

/** A file that cannot be read as a whole; the message says why and what to do. */
export class SquadLogFileError extends Error {}

const quote = (value: string) => `“${value.length > 60 ? `${value.slice(0, 60)}…` : value}”`;

function delimiterOf(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [",", ";", "\t"].map((d) => [d, firstLine.split(d).length - 1] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

function readNumber(text: string): number | null {
  const t = text.replace(",", ".");
  return /^\d+(\.\d+)?$|^\.\d+$/.test(t) ? Number(t) : null;
}

function readRow(cells: Partial<Record<LogColumn, string>>, distanceUnit: Unit): Omit<LogRow, "row"> {
  const athlete = cells.athlete ?? "";
  const fail = (error: string) => ({ athlete, error });
  if (!athlete) return fail("The athlete is empty: give their email or name");

  const dateText = cells.date ?? "";
  const dateIso = dateText.replace(/\//g, "-");
  const date = calendarDateSchema.safeParse(dateIso);
  if (!dateText) return fail("The date is empty");
  if (!date.success) return fail(`Date ${quote(dateText)} is not a date: write it as YYYY-MM-DD`);
  if (dateIso < "2000-01-01") return fail(`Date ${quote(dateText)} is before 2000`);

  const typeText = cells.type ?? "";
  const kind = typeText ? TYPE_WORDS[headerKey(typeText)] : TYPE_WORDS.run;
  if (!kind) return fail(`Type ${quote(typeText)} is not one we know: use run, cycling, swimming, elliptical, aqua jogging, rowing, cross-training, core, strength, mobility or other`);

  let distanceKm: number | null = null;
  if (cells.distance) {
    const d = readNumber(cells.distance);
    if (d === null) return fail(`Distance ${quote(cells.distance)} is not a number`);
    if (d > 1000) return fail(`Distance ${cells.distance} is more than 1000 ${distanceUnit === "MI" ? "mi" : "km"}`);
    distanceKm = d > 0 ? toStoredKm(d, distanceUnit) : null;
  }
  if (kind.type === "RUN" && distanceKm === null) return fail("A run needs its distance");

  const minutesText = cells.minutes ?? "";
  if (!minutesText) return fail("The minutes are empty");
  const minutes = parseDurationText(minutesText);
  if (minutes === null) return fail(`Minutes ${quote(minutesText)} is not a number: write 45, or 1:15 for an hour and a quarter`);
  if (minutes < 1 || minutes > 24 * 60) return fail(`Minutes ${minutesText} is not from 1 to 1440`);

  let rpe: number | null = null;
  if (cells.rpe) {
    rpe = /^\d{1,2}$/.test(cells.rpe) ? Number(cells.rpe) : null;
    if (rpe === null || rpe > 10) return fail(`RPE ${quote(cells.rpe)} is not a whole number from 0 to 10`);
  }

  return {
    athlete,
    draft: {
      athlete,
      date: dateIso,
      type: kind.type,
      subType: kind.subType,
      distanceKm,
      durationMin: Math.round(minutes * 100) / 100,
      rpe,
      notes: cells.notes ? cells.notes : null,
    },
  };
}

/**
 * Reads a squad training log: a header row, then one session per row, each read on its own (a bad row never
 * stops the others). Throws SquadLogFileError when the file as a whole cannot be read: not text, no usable
 * header, more rows than SQUAD_LOG_MAX_ROWS, a quote never closed.
 */
export function readSquadLogCsv(text: string, unit: Unit): SquadLogFile {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (!body.trim()) throw new SquadLogFileError("This file is empty.");
  const records: { record: string[]; row: number }[] = [];
  try {
    parse(body, {
      columns: false,
      delimiter: delimiterOf(body),
      relax_column_count: true,
      // A quote inside an unquoted value (=HYPERLINK("…") typed in a cell) is part of the value.
      relax_quotes: true,
      skip_empty_lines: true,
      max_record_size: MAX_RECORD_CHARS,
      on_record: (record: string[], context: { lines: number }) => {
        // The header and SQUAD_LOG_MAX_ROWS rows; one more is what says the file is too long.
        if (records.length > SQUAD_LOG_MAX_ROWS) throw new SquadLogFileError(`This file has more than ${SQUAD_LOG_MAX_ROWS.toLocaleString("en")} rows: split it into several files.`);
        records.push({ record, row: context.lines });
        return null;
      },
    });
  } catch (error) {
    if (error instanceof SquadLogFileError) throw error;
    const e = error as { message?: string; code?: string; lines?: number };
    const where = e.lines ? ` near line ${e.lines}` : "";
    if (e.code === "CSV_MAX_RECORD_SIZE") throw new SquadLogFileError(`A row${where} is too long: cells hold at most ${SQUAD_LOG_MAX_CELL} characters.`);
    if (e.code === "CSV_QUOTE_NOT_CLOSED") throw new SquadLogFileError(`This file could not be read: a quoted value${where} is never closed.`);
    throw new SquadLogFileError(`This file could not be read as CSV${where}: check its quotes, or save it again as CSV.`);
  }
  if (records.length > SQUAD_LOG_MAX_ROWS + 1) {
    throw new SquadLogFileError(`This file has more than ${SQUAD_LOG_MAX_ROWS.toLocaleString("en")} rows: split it into several files.`);
  }
  const [head, ...rest] = records;
  const positions: Partial<Record<LogColumn, number>> = {};
  let distanceUnit: Unit = unit;
  const ignoredColumns: string[] = [];
  head.record.forEach((name, i) => {
    const known = HEADER_NAMES[headerKey(name)];
    if (!known || positions[known.column] !== undefined) {
      if (name.trim()) ignoredColumns.push(name.trim().slice(0, 60));
      return;
    }
    positions[known.column] = i;
    if (known.column === "distance") distanceUnit = known.unit ?? unit;
  });
  const missing = (["athlete", "date", "minutes"] as const).filter((c) => positions[c] === undefined);
  if (missing.length > 0) {
    throw new SquadLogFileError(
      `The first row must name the columns; this one has no ${missing.map((c) => (c === "athlete" ? "Athlete (or Name or Email)" : c === "date" ? "Date" : "Minutes (or Duration)")).join(", ")} column.`,
    );
  }
  if (rest.length === 0) throw new SquadLogFileError("This file has a header and no sessions.");

  const rows: LogRow[] = rest.map(({ record, row }) => {
    const cells: Partial<Record<LogColumn, string>> = {};
    for (const [column, index] of Object.entries(positions) as [LogColumn, number][]) {
      const value = (record[index] ?? "").trim();
      if (value) cells[column] = value;
    }
    const athlete = cells.athlete ?? "";
    const long = Object.entries(cells).find(([, v]) => v.length > SQUAD_LOG_MAX_CELL);
    if (long) return { row, athlete: athlete.slice(0, 100), error: `The ${long[0]} is longer than ${SQUAD_LOG_MAX_CELL} characters` };
    // A NUL or another control character is no part of a session (the database refuses NUL).
    const control = Object.entries(cells).find(([column, v]) => hasControlCharacters(v, { multiline: column === "notes" }));
    if (control) return { row, athlete: "", error: `The ${control[0]} holds a control character: remove it and upload the file again` };
    return { row, ...readRow(cells, distanceUnit) };
  });
  return { rows, ignoredColumns };
}
