// Readers for the loosely typed cells of exported spreadsheets and XML text nodes.

const MISSING = new Set(["", "--", "-", "n/a", "na", "null", "none"]);

/**
 * A number from export text: undefined for the "missing" markers ("--", "", "N/A"), thousands separators
 * removed ("5,276" and "1,239.5"), NaN-free. A lone comma with one or two decimals ("10,5") is read as a
 * decimal comma.
 */
export function parseNumber(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isFinite(value) ? value : undefined;
  if (typeof value !== "string") return undefined;
  let s = value.trim();
  if (MISSING.has(s.toLowerCase())) return undefined;
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) s = s.replace(/,/g, "");
  else if (/^[+-]?\d+,\d{1,2}$/.test(s)) s = s.replace(",", ".");
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Seconds from "HH:MM:SS", "H:MM:SS.s", "MM:SS" or a plain number of seconds; undefined when missing or
 * unreadable.
 */
export function parseClockSeconds(value: unknown): number | undefined {
  if (typeof value !== "string") return parseNumber(value);
  const s = value.trim();
  if (!s.includes(":")) return parseNumber(s);
  const parts = s.split(":");
  if (parts.length > 3) return undefined;
  let total = 0;
  for (const [i, part] of parts.entries()) {
    const last = i === parts.length - 1;
    if (!(last ? /^\d+(\.\d+)?$/ : /^\d+$/).test(part)) return undefined;
    total = total * 60 + Number(part);
  }
  return total;
}

export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(value * f) / f;
}

/** A positive finite number, or undefined. Exports write 0 for "not measured" (no HR strap, indoor ride). */
export function positive(value: number | undefined): number | undefined {
  return value !== undefined && Number.isFinite(value) && value > 0 ? value : undefined;
}
