import { z } from "zod";
import { SESSION_TYPES } from "@/lib/sessions/labels";
import { calendarDateSchema } from "@/lib/sessions/schemas";

// What the session history page reads from its URL. Each parameter is checked on its own and a bad one
// falls back to its default, so a hand-edited or stale link shows the history instead of an error.

export const SESSION_SOURCES = ["MANUAL", "FIT", "GPX", "TCX", "STRAVA", "GARMIN", "INTERVALS", "DEMO"] as const;
export const HISTORY_SORTS = ["date", "distance", "duration", "load"] as const;
export const HISTORY_PAGE_SIZE = 50;
/** Far past any real history; keeps OFFSET and the page number in a safe integer range. */
const MAX_PAGE = 100_000;

export type HistorySort = (typeof HISTORY_SORTS)[number];

export type HistoryQuery = {
  from: string | null;
  to: string | null;
  type: (typeof SESSION_TYPES)[number] | null;
  source: (typeof SESSION_SOURCES)[number] | null;
  shoeId: string | null;
  /** Text searched for in the notes, case-insensitive; null for none. */
  q: string | null;
  /** Only the sessions an import flagged for a look. */
  review: boolean;
  sort: HistorySort;
  dir: "asc" | "desc";
  page: number;
};

export const DEFAULT_HISTORY_QUERY: HistoryQuery = {
  from: null,
  to: null,
  type: null,
  source: null,
  shoeId: null,
  q: null,
  review: false,
  sort: "date",
  dir: "desc",
  page: 1,
};

const orNull = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), schema.optional()).catch(undefined);

const paramsSchema = z.object({
  from: orNull(calendarDateSchema),
  to: orNull(calendarDateSchema),
  type: orNull(z.enum(SESSION_TYPES)),
  source: orNull(z.enum(SESSION_SOURCES)),
  // Ids are cuids or similar; anything else cannot name one of the viewer's shoes.
  shoe: orNull(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/)),
  q: orNull(
    z
      .string()
      .transform((v) => v.trim().replace(/\s+/g, " "))
      .pipe(z.string().min(1).max(100)),
  ),
  review: orNull(z.enum(["1"])),
  sort: orNull(z.enum(HISTORY_SORTS)),
  dir: orNull(z.enum(["asc", "desc"])),
  page: orNull(
    z
      .string()
      .regex(/^\d{1,6}$/)
      .transform(Number)
      .pipe(z.number().int().min(1).max(MAX_PAGE)),
  ),
});

/** Next's searchParams: a repeated key arrives as an array; the first value counts. */
export type RawSearchParams = Record<string, string | string[] | undefined>;

export function parseHistoryQuery(raw: RawSearchParams): HistoryQuery {
  const first: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(raw)) first[key] = Array.isArray(value) ? value[0] : value;
  // Control characters never match stored notes and have no place in a URL the page writes back.
  if (first.q !== undefined && /[\u0000-\u001f\u007f]/.test(first.q)) first.q = undefined;
  const p = paramsSchema.parse(first);
  let from = p.from ?? null;
  let to = p.to ?? null;
  if (from && to && from > to) [from, to] = [to, from];
  return {
    from,
    to,
    type: p.type ?? null,
    source: p.source ?? null,
    shoeId: p.shoe ?? null,
    q: p.q ?? null,
    review: p.review === "1",
    sort: p.sort ?? "date",
    dir: p.dir ?? "desc",
    page: p.page ?? 1,
  };
}

/** The URL query for a history view, defaults left out; `page` 1 is left out too. */
export function historySearch(query: HistoryQuery): string {
  const params = new URLSearchParams();
  if (query.from) params.set("from", query.from);
  if (query.to) params.set("to", query.to);
  if (query.type) params.set("type", query.type);
  if (query.source) params.set("source", query.source);
  if (query.shoeId) params.set("shoe", query.shoeId);
  if (query.q) params.set("q", query.q);
  if (query.review) params.set("review", "1");
  if (query.sort !== "date") params.set("sort", query.sort);
  if (query.dir !== "desc") params.set("dir", query.dir);
  if (query.page > 1) params.set("page", String(query.page));
  const search = params.toString();
  return search ? `?${search}` : "";
}

/** Whether any filter narrows the history (sorting and paging do not). */
export function isFiltered(query: HistoryQuery): boolean {
  return Boolean(query.from || query.to || query.type || query.source || query.shoeId || query.q || query.review);
}

/** Escapes LIKE's wildcards and its escape character, so typed text matches only itself. */
export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
