import { GRID_FIELDS, type GridField } from "@/lib/squad-log/cells";

// Pasting a block copied from a spreadsheet into the squad log grid. Spreadsheets put a tab between the
// cells of a row and a line break after each row; a cell holding a tab, a line break or a quote is quoted,
// with its quotes doubled. No DOM here: the grid applies what these functions work out.

/** Whether a paste is meant for the grid as a block rather than for the one field it lands in. */
export function isBlockPaste(text: string): boolean {
  return /[\t\n\r/]/.test(text.replace(/[\r\n]+$/, ""));
}

/** The rows and cells of a pasted block, each value trimmed; one trailing line break is not a row. */
export function parsePasteBlock(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let value = "";
  let i = 0;
  const body = text.replace(/\r\n?/g, "\n").replace(/\n$/, "");
  if (body === "") return [];
  while (i < body.length) {
    const ch = body[i];
    if (ch === '"' && value.trim() === "") {
      // A quoted cell runs to the quote that is not doubled.
      let j = i + 1;
      let quoted = "";
      for (; j < body.length; j++) {
        if (body[j] === '"') {
          if (body[j + 1] === '"') {
            quoted += '"';
            j++;
          } else break;
        } else quoted += body[j];
      }
      value = quoted;
      i = j + 1;
      continue;
    }
    if (ch === "\t") {
      row.push(value.trim());
      value = "";
    } else if (ch === "\n") {
      row.push(value.trim());
      rows.push(row);
      row = [];
      value = "";
    } else value += ch;
    i++;
  }
  row.push(value.trim());
  rows.push(row);
  return rows;
}

/**
 * What one pasted value puts in a cell: "8/45/6" is distance, minutes and RPE; "8/45" distance and minutes;
 * a value without a slash goes into the field the paste started in (distance, minutes or RPE). An empty
 * value, or an empty part between slashes, leaves that field as it was. Null: the value changes nothing.
 */
export function readPastedValue(value: string, field: GridField): Partial<Record<GridField, string>> | null {
  const text = value.trim();
  if (text === "") return null;
  if (!text.includes("/")) return { [field]: text };
  const parts = text.split("/").map((p) => p.trim());
  const out: Partial<Record<GridField, string>> = {};
  GRID_FIELDS.forEach((f, i) => {
    if (parts[i]) out[f] = parts[i];
  });
  // More than three parts cannot be placed; the extra one goes into RPE so the save names the mistake.
  if (parts.length > GRID_FIELDS.length) out.rpe = parts.slice(2).join("/");
  return Object.keys(out).length ? out : null;
}

export type PasteAssignment = { row: number; day: number; values: Partial<Record<GridField, string>> };

/**
 * Where a pasted block goes: rows down from the focused athlete, days across from the focused day. Values
 * that fall beyond the last athlete or Sunday are counted in `outside`, as the grid cannot hold them.
 */
export function planPaste(
  block: string[][],
  start: { row: number; day: number; field: GridField },
  size: { rows: number; days: number },
): { assignments: PasteAssignment[]; outside: number } {
  const assignments: PasteAssignment[] = [];
  let outside = 0;
  block.forEach((cells, r) => {
    cells.forEach((value, d) => {
      const values = readPastedValue(value, start.field);
      if (!values) return;
      const row = start.row + r;
      const day = start.day + d;
      if (row >= size.rows || day >= size.days) outside++;
      else assignments.push({ row, day, values });
    });
  });
  return { assignments, outside };
}
