import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null;

// Spreadsheet programs run a cell that starts with one of these as a formula when the file opens.
const FORMULA_START = /^[=+\-@\t\r]/;

/** Free text that a person typed, made inert for spreadsheets by a leading apostrophe where needed. */
export function textCell(value: string | null | undefined): string | null {
  if (value == null || value === "") return null;
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * A CSV file as spreadsheets open it without an import dialog: UTF-8 with a byte-order mark (Excel
 * reads non-ASCII names correctly only with it), commas, CRLF line ends, one header row.
 */
export function spreadsheetCsv(header: readonly string[], rows: readonly CsvCell[][]): string {
  return stringify([header as string[], ...rows.map((r) => r.map((c) => (c === null ? "" : c)))], {
    bom: true,
    record_delimiter: "windows",
    quoted_match: /^\s|\s$/,
  });
}
