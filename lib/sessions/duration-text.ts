// Reading what people type, without zod, so that client components (the squad grid's paste) can share it
// with the server's schemas (lib/sessions/schemas.ts) without shipping a validation library.

/** "45", "45.5", "1:15" or "1:15:30" to minutes. */
export function parseDurationText(text: string): number | null {
  const t = text.trim();
  if (/^\d+([.,]\d+)?$/.test(t)) return Number(t.replace(",", "."));
  const m = /^(\d+):([0-5]\d)(?::([0-5]\d))?$/.exec(t);
  if (!m) return null;
  const [, a, b, c] = m;
  return c === undefined ? Number(a) * 60 + Number(b) : Number(a) * 60 + Number(b) + Number(c) / 60;
}

/** Whether a text is an existing calendar date written "YYYY-MM-DD". */
export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(text);
}
