import { stringify } from "csv-stringify/sync";

// The one CSV writer of the app: every CSV file it hands out (plan and history exports, the personal data
// export) is written here, so none can carry a formula into a spreadsheet.

/**
 * A cell as callers give it. Strings are text, always: one that a spreadsheet would run as a formula is
 * made inert. Numbers are numbers: written as digits, a negative one included ("-3" opens as minus three,
 * which no spreadsheet runs as a formula), and not finite ones left empty. Booleans are written true/false.
 */
export type CsvCell = string | number | boolean | null | undefined;

// Spreadsheet programs run a cell that starts with one of these as a formula when the file opens
// (OWASP, CSV injection). Tab and carriage return are on the list because some programs drop them
// before reading the rest of the cell.
const FORMULA_START = /^[=+\-@\t\r]/;
// Leading spaces and line breaks are skipped by some programs too, so "  =1+1" counts as a formula.
const FORMULA_AFTER_SPACE = /^\s+[=+\-@]/;

/** Text made inert for spreadsheets: a leading apostrophe where the text could start a formula. */
export function escapeFormula(value: string): string {
  return FORMULA_START.test(value) || FORMULA_AFTER_SPACE.test(value) ? `'${value}` : value;
}

/** Free text that a person typed; null (an empty cell) where there is none. The writer escapes it. */
export function textCell(value: string | null | undefined): string | null {
  return value == null || value === "" ? null : value;
}

function writeCell(cell: CsvCell): string | number {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return Number.isFinite(cell) ? cell : "";
  if (typeof cell === "boolean") return cell ? "true" : "false";
  return escapeFormula(cell);
}

/**
 * A CSV file as spreadsheets open it without an import dialog: UTF-8 with a byte-order mark (Excel
 * reads non-ASCII names correctly only with it), commas, CRLF line ends, one header row. Every string
 * cell, the header's included, is escaped against formulas (see CsvCell).
 */
export function spreadsheetCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header.map(writeCell), ...rows.map((r) => r.map(writeCell))], {
    bom: true,
    record_delimiter: "windows",
    quoted_match: /^\s|\s$/,
  });
}
