import { parse } from "csv-parse/sync";
import { hasControlCharacters } from "@/lib/control-characters";
import { ImportFailure } from "./errors";
import { finishSession, type SessionDraft } from "./session";
import { mapSport } from "./sport";
import { parseWallTime, wallTimeAsUtc, wallTimeDate, zonedTimeToUtc } from "./time";
import type { ImportIssue, ParsedSession } from "./types";
import { parseClockSeconds, parseNumber, positive } from "./values";
import { decodeText } from "./xml";

export type CsvFlavour = "STRAVA" | "GARMIN";

export interface CsvRow {
  /** Spreadsheet row number: the header is row 1. */
  row: number;
  /** Archive-relative file of the activity, from Strava's Filename column. */
  filename?: string;
  /** Strava activity id, when the row has one. */
  stravaId?: string;
  session?: ParsedSession;
  error?: string;
}

export interface CsvResult {
  flavour: CsvFlavour;
  rows: CsvRow[];
}

/** Column positions by header name. Duplicate names keep every position, in order. */
class Header {
  private readonly positions = new Map<string, number[]>();
  readonly width: number;

  constructor(names: string[]) {
    this.width = names.length;
    names.forEach((name, i) => {
      const key = name.trim().toLowerCase();
      const list = this.positions.get(key);
      if (list) list.push(i);
      else this.positions.set(key, [i]);
    });
  }

  has(name: string): boolean {
    return this.positions.has(name.toLowerCase());
  }

  /** The n-th (0-based) column with this name, or -1. */
  index(name: string, occurrence = 0): number {
    return this.positions.get(name.toLowerCase())?.[occurrence] ?? -1;
  }

  /** The first of several alternative names that exists, or -1. */
  first(...names: string[]): number {
    for (const n of names) {
      const i = this.index(n);
      if (i !== -1) return i;
    }
    return -1;
  }
}

function cell(record: string[], index: number): string | undefined {
  if (index < 0 || index >= record.length) return undefined;
  const v = record[index].trim();
  return v === "" ? undefined : v;
}

export function detectCsvFlavour(header: string[]): CsvFlavour | undefined {
  const h = new Header(header);
  if (h.has("activity id") && h.has("activity date") && h.has("activity type")) return "STRAVA";
  if (h.has("activity type") && h.has("date") && (h.has("time") || h.has("elapsed time") || h.has("moving time"))) return "GARMIN";
  return undefined;
}

interface ParsedCsv {
  header: string[];
  records: { record: string[]; row: number }[];
  broken: { row: number; message: string }[];
}

interface CsvParseError {
  message: string;
  lines?: number;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return starts;
}

/**
 * Reads every record it can. A quoting error (a quote never closed, text after a closing quote) loses only
 * the lines of the record it occurs in: reading resumes on the next line. Row numbers are the file's line
 * numbers (the header is row 1), as a spreadsheet shows them; a record spanning several lines takes the
 * number of its last line.
 */
function readCsv(bytes: Uint8Array): ParsedCsv {
  const text = decodeText(bytes);
  if (!text.trim()) throw new ImportFailure("This CSV file is empty");
  const all: { record: string[]; row: number }[] = [];
  const broken: { row: number; message: string }[] = [];
  let starts: number[] | undefined;
  let base = 0;
  for (;;) {
    let lastRow = base;
    const chunk = base === 0 ? text : text.slice((starts ??= lineStarts(text))[base]);
    try {
      parse(chunk, {
        // Arrays, not objects: Strava repeats five column names and objects would keep only one of each.
        columns: false,
        relax_column_count: true,
        skip_empty_lines: true,
        on_record: (record: string[], context: { lines: number }) => {
          lastRow = base + context.lines;
          all.push({ record, row: lastRow });
          return null;
        },
      });
      break;
    } catch (err) {
      const e = err as CsvParseError;
      const failedAt = base + (e.lines ?? 0);
      if (all.length === 0 || e.lines === undefined || failedAt <= base) {
        throw new ImportFailure(`This CSV file could not be read (${e.message ?? String(err)})`);
      }
      const first = lastRow + 1;
      const what = /quote not closed/i.test(e.message) ? "a quoted value is never closed" : "a quote is misplaced";
      broken.push({ row: first, message: first < failedAt ? `rows ${first}-${failedAt} could not be read: ${what}` : `this row could not be read: ${what}` });
      starts ??= lineStarts(text);
      if (failedAt >= starts.length) break;
      base = failedAt;
    }
  }
  if (all.length === 0) throw new ImportFailure("This CSV file is empty");
  const [head, ...records] = all;
  return { header: head.record, records, broken };
}

/**
 * Strava activities.csv. Activity Date is UTC; the session's date is the athlete's local day. Of the two
 * Distance columns the second (metres, more precise, and metric whatever the athlete's unit setting) is
 * used, the first (km) only when the second is empty; of the two Elapsed Time columns the first (whole
 * seconds).
 */
function stravaRow(record: string[], h: Header, timeZone: string, sourceFile: string): Omit<CsvRow, "row"> {
  const id = cell(record, h.index("activity id"));
  const stravaId = id && /^\d+$/.test(id) ? id : undefined;
  const filename = cell(record, h.index("filename"));
  const fail = (error: string) => ({ stravaId, filename, error });

  const dateText = cell(record, h.index("activity date"));
  if (!dateText) return fail("Activity Date is empty");
  const wall = parseWallTime(dateText);
  if (!wall) return fail(`Activity Date "${dateText}" is not a date`);

  const elapsed =
    positive(parseClockSeconds(cell(record, h.index("elapsed time", 0)))) ??
    positive(parseClockSeconds(cell(record, h.index("elapsed time", 1))));
  const moving = positive(parseClockSeconds(cell(record, h.index("moving time"))));
  const metres = positive(parseNumber(cell(record, h.index("distance", 1))));
  const km = positive(parseNumber(cell(record, h.index("distance", 0))));
  // A distance with no time is kept, to be looked at; a row with neither says nothing.
  const durationS = elapsed ?? moving ?? (metres ?? km ? 0 : undefined);
  if (durationS === undefined) return fail("Elapsed Time is empty or not a number");

  const draft: SessionDraft = {
    sport: mapSport(cell(record, h.index("activity type"))),
    sourceSport: cell(record, h.index("activity type")),
    startMs: wallTimeAsUtc(wall),
    durationS,
    movingS: moving,
    distanceM: metres ?? (km !== undefined ? km * 1000 : undefined),
    elevationGainM: parseNumber(cell(record, h.index("elevation gain"))),
    avgHr: positive(parseNumber(cell(record, h.index("average heart rate")))),
    externalId: stravaId ? `strava:${stravaId}` : undefined,
    source: "STRAVA",
    name: cell(record, h.index("activity name")),
    sourceFile,
  };
  return { stravaId, filename, session: finishSession(draft, timeZone) };
}

// Garmin writes pool-swim distances in metres (or yards) while every other sport is in km; nobody swims
// this many kilometres in one session.
const MAX_SWIM_KM = 30;

/**
 * Garmin Connect Activities.csv. Its Date is already the athlete's local wall time (Garmin Connect's
 * display zone): the calendar day is kept as written, and the start instant is that wall time in the
 * athlete's time zone.
 */
function garminRow(record: string[], h: Header, timeZone: string, sourceFile: string): Omit<CsvRow, "row"> {
  const dateText = cell(record, h.index("date"));
  if (!dateText) return { error: "Date is empty" };
  const wall = parseWallTime(dateText);
  if (!wall) return { error: `Date "${dateText}" is not a date` };

  const elapsed = positive(parseClockSeconds(cell(record, h.index("elapsed time"))));
  const timer = positive(parseClockSeconds(cell(record, h.index("time"))));
  const moving = positive(parseClockSeconds(cell(record, h.index("moving time"))));
  const sport = mapSport(cell(record, h.index("activity type")));
  let km = positive(parseNumber(cell(record, h.index("distance"))));
  if (km !== undefined && sport.subType === "SWIMMING" && km > MAX_SWIM_KM) km /= 1000;
  // A distance with no time is kept, to be looked at; a row with neither says nothing.
  const durationS = elapsed ?? timer ?? moving ?? (km !== undefined ? 0 : undefined);
  if (durationS === undefined) return { error: "Time and Elapsed Time are empty or not durations" };

  const draft: SessionDraft = {
    sport,
    sourceSport: cell(record, h.index("activity type")),
    startMs: zonedTimeToUtc(wall, timeZone),
    date: wallTimeDate(wall),
    durationS,
    movingS: moving,
    distanceM: km !== undefined ? km * 1000 : undefined,
    elevationGainM: parseNumber(cell(record, h.first("total ascent", "elev gain", "elevation gain"))),
    avgHr: positive(parseNumber(cell(record, h.first("avg hr", "average heart rate", "avg heart rate")))),
    source: "GARMIN",
    name: cell(record, h.index("title")),
    sourceFile,
  };
  return { session: finishSession(draft, timeZone) };
}

/** Every row becomes a session or an error; a bad row never stops the others. */
export function parseActivitiesCsv(bytes: Uint8Array, sourceFile: string, timeZone: string): CsvResult {
  const { header, records, broken } = readCsv(bytes);
  const flavour = detectCsvFlavour(header);
  if (!flavour) {
    throw new ImportFailure(
      "This CSV is neither a Strava activities.csv nor a Garmin Connect Activities.csv (its header has no " +
        "Activity Date or Date column beside Activity Type)",
    );
  }
  if (records.length === 0 && broken.length === 0) throw new ImportFailure("This CSV lists no activities: it has a header and no rows");
  const h = new Header(header);
  const readRow = flavour === "STRAVA" ? stravaRow : garminRow;
  const rows: CsvRow[] = broken.map((b) => ({ row: b.row, error: b.message }));
  for (const { record, row } of records) {
    if (record.length !== h.width) {
      // Values are read by position, so a row with a missing or extra cell would put them in the wrong fields.
      rows.push({ row, error: `this row has ${record.length} values but the header has ${h.width} columns` });
      continue;
    }
    // A NUL or another control character is no part of an activity (the database refuses NUL): the row
    // is refused with the column named, and the other rows are read as usual.
    const control = record.findIndex((value) => hasControlCharacters(value, { multiline: true }));
    if (control !== -1) {
      const column = header[control]?.trim() || `column ${control + 1}`;
      rows.push({ row, error: `this row holds a control character (in ${column}): remove it and upload the file again` });
      continue;
    }
    try {
      rows.push({ row, ...readRow(record, h, timeZone, rowItem(sourceFile, row)) });
    } catch (err) {
      rows.push({ row, error: err instanceof Error ? err.message : String(err) });
    }
  }
  rows.sort((a, b) => a.row - b.row);
  return { flavour, rows };
}

export function rowItem(sourceFile: string, row: number): string {
  return `${sourceFile} row ${row}`;
}

export function csvIssues(sourceFile: string, rows: CsvRow[]): ImportIssue[] {
  return rows.filter((r) => r.error).map((r) => ({ item: rowItem(sourceFile, r.row), message: r.error as string }));
}
