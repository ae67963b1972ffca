import { z } from "zod";
import { addDays } from "@/lib/dates";

/** The chart periods offered as one choice, in days ending today. */
export const CHART_RANGE_PRESETS = { "4w": 28, "12w": 84, "26w": 182, "52w": 364 } as const;
export type ChartRangePreset = keyof typeof CHART_RANGE_PRESETS;
export const DEFAULT_CHART_RANGE: ChartRangePreset = "12w";

export const CHART_RANGE_LABELS: Record<ChartRangePreset | "custom", string> = {
  "4w": "Last 4 weeks",
  "12w": "Last 12 weeks",
  "26w": "Last 26 weeks",
  "52w": "Last 52 weeks",
  custom: "Dates of my choice",
};

/**
 * Three years (a leap day included): the longest history the charts draw. Longer spans would put
 * thousands of daily points on a few hundred pixels and slow every page that shows them.
 */
export const MAX_CHART_RANGE_DAYS = 1096;

/** A preset ending today, or calendar days from..to (both included, "YYYY-MM-DD"). */
export type ChartRange = { preset: ChartRangePreset } | { from: string; to: string };

export type ParsedChartRange = {
  range: ChartRange;
  /** What was wrong with the address, for the page to say; null when it was fine (or absent). */
  error: string | null;
  /** The picker's values: what was asked for when valid, the default otherwise. */
  form: { range: ChartRangePreset | "custom"; from: string; to: string };
};

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

// Rejects days that do not exist (2026-02-30), which Date would silently roll over.
const isRealDay = (v: string) => {
  const d = new Date(`${v}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === v;
};

const dateParam = (label: string) =>
  z
    .string({ error: `${label} must be a single date` })
    .trim()
    .regex(DATE_RE, `${label} must be a date written YYYY-MM-DD`)
    .refine(isRealDay, `${label} is not a real calendar day`);

// A form submits empty fields as "": they mean "not given".
const blank = (v: unknown) => (v === "" ? undefined : v);

const paramsSchema = z.object({
  range: z.preprocess(
    blank,
    z
      .enum([...(Object.keys(CHART_RANGE_PRESETS) as ChartRangePreset[]), "custom"], {
        error: `The period must be one of ${[...Object.keys(CHART_RANGE_PRESETS), "custom"].join(", ")}`,
      })
      .optional(),
  ),
  from: z.preprocess(blank, dateParam("The start date").optional()),
  to: z.preprocess(blank, dateParam("The end date").optional()),
});

/** Whole days from `from` to `to`, both included. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/**
 * Reads the chart period from a page's search params: `?range=4w|12w|26w|52w`, or `from` (and
 * optionally `to`, default today) with `range=custom` or no range. Anything unusable gives the default
 * period and a message saying what was wrong, never an error page. `today` is the viewer's calendar day;
 * an end date one day later is let through because the athlete's day may already have begun.
 */
export function parseChartRange(params: Record<string, string | string[] | undefined>, today: string): ParsedChartRange {
  const fallback = (error: string | null): ParsedChartRange => ({
    range: { preset: DEFAULT_CHART_RANGE },
    error,
    form: { range: DEFAULT_CHART_RANGE, from: addDays(today, -(CHART_RANGE_PRESETS[DEFAULT_CHART_RANGE] - 1)), to: today },
  });
  const parsed = paramsSchema.safeParse({ range: params.range, from: params.from, to: params.to });
  if (!parsed.success) return fallback(parsed.error.issues.map((i) => i.message).join(". "));
  const { range, from, to } = parsed.data;

  if (range !== undefined && range !== "custom") {
    return { range: { preset: range }, error: null, form: { range, from: addDays(today, -(CHART_RANGE_PRESETS[range] - 1)), to: today } };
  }
  if (from === undefined && to === undefined) {
    return range === "custom" ? fallback("Choose a start date for the period") : fallback(null);
  }
  if (from === undefined) return fallback("Choose a start date for the period");
  const end = to ?? today;
  if (end > addDays(today, 1)) return fallback("The end date is in the future");
  if (from > end) return fallback("The start date is after the end date");
  const days = daysInRange(from, end);
  if (days > MAX_CHART_RANGE_DAYS) {
    return fallback(`The period covers ${days} days; the charts show at most ${MAX_CHART_RANGE_DAYS} days (3 years)`);
  }
  return { range: { from, to: end }, error: null, form: { range: "custom", from, to: end } };
}

/**
 * The days a range covers for an athlete whose today is `asOf`: presets end on asOf; a custom end is
 * kept to asOf at the latest, and the span to MAX_CHART_RANGE_DAYS (callers may skip parseChartRange).
 */
export function resolveChartRange(range: ChartRange | number, asOf: string): { from: string; to: string } {
  if (typeof range === "number") {
    const days = Math.min(Math.max(1, Math.floor(range)), MAX_CHART_RANGE_DAYS);
    return { from: addDays(asOf, -(days - 1)), to: asOf };
  }
  if ("preset" in range) return { from: addDays(asOf, -(CHART_RANGE_PRESETS[range.preset] - 1)), to: asOf };
  const to = range.to > asOf ? asOf : range.to;
  let from = range.from > to ? to : range.from;
  if (daysInRange(from, to) > MAX_CHART_RANGE_DAYS) from = addDays(to, -(MAX_CHART_RANGE_DAYS - 1));
  return { from, to };
}
