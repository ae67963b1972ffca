import { z } from "zod";
import { addDays, formatDate, mondayOf } from "@/lib/dates";
import { calendarDateSchema } from "@/lib/sessions/schemas";

// Calendar grids for plans: pure date arithmetic on "YYYY-MM-DD" strings, no database and no clock
// (callers pass today in the athlete's time zone), so it is tested on its own.

export const CALENDAR_VIEWS = ["week", "month"] as const;
export type CalendarView = (typeof CALENDAR_VIEWS)[number];

// Far enough for any real plan; beyond it a hand-edited link is more likely a typo than a wish.
const EARLIEST = "2000-01-01";
const LATEST = "2100-12-31";

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);

const calendarQuerySchema = z.object({
  view: z.preprocess(firstValue, z.enum(CALENDAR_VIEWS, { error: "view must be week or month" }).optional()),
  start: z.preprocess(
    firstValue,
    calendarDateSchema
      .refine((d) => d >= EARLIEST && d <= LATEST, `start must be between ${EARLIEST} and ${LATEST}`)
      .optional(),
  ),
});

export type CalendarQuery = {
  view: CalendarView;
  /** The Monday of the week shown, or the first day of the month shown. */
  start: string;
  /** Set when the link's parameters were not usable and defaults were shown instead. */
  notice: string | null;
};

/** First day of the month that holds a date. */
export const monthStartOf = (date: string) => `${date.slice(0, 7)}-01`;

/** The start of the period of a view that holds a date. */
export const periodStart = (view: CalendarView, date: string) => (view === "week" ? mondayOf(date) : monthStartOf(date));

/**
 * Reads `?view=week|month&start=YYYY-MM-DD`. Each usable parameter is kept; an unusable one falls
 * back to its default (week, and the period holding today) and the notice says what was wrong, so a
 * mistyped link still opens a calendar rather than an error page. `start` may be any day: it is
 * moved to the Monday of its week, or the first of its month.
 */
export function parseCalendarQuery(params: { view?: unknown; start?: unknown }, today: string): CalendarQuery {
  const problems: string[] = [];
  const viewResult = calendarQuerySchema.shape.view.safeParse(params.view);
  const startResult = calendarQuerySchema.shape.start.safeParse(params.start);
  if (!viewResult.success) problems.push(viewResult.error.issues[0]?.message ?? "view is not valid");
  if (!startResult.success) {
    const message = startResult.error.issues[0]?.message ?? "start is not valid";
    problems.push(message.startsWith("start") ? message : `start: ${message}`);
  }
  const view = (viewResult.success ? viewResult.data : undefined) ?? "week";
  const start = (startResult.success ? startResult.data : undefined) ?? today;
  return {
    view,
    start: periodStart(view, start),
    notice: problems.length
      ? `The calendar link was not understood (${problems.join("; ")}); showing ${startResult.success && startResult.data ? `the ${view} of ${formatDate(start)}` : `this ${view}`} instead.`
      : null,
  };
}

export type CalendarDay = {
  date: string;
  /** False for the leading and trailing days of a month grid that belong to the months around it. */
  inPeriod: boolean;
};

export type CalendarGrid = {
  view: CalendarView;
  start: string;
  /** Last day of the period (Sunday of the week, or last of the month). */
  end: string;
  /** Monday-to-Sunday rows; a week view has one. */
  weeks: CalendarDay[][];
  /** First and last day shown, which for a month includes the days of the neighbouring months. */
  firstShown: string;
  lastShown: string;
  previousStart: string;
  nextStart: string;
};

function addMonths(monthStart: string, months: number): string {
  const [y, m] = monthStart.split("-").map(Number);
  const index = y * 12 + (m - 1) + months;
  return `${String(Math.floor(index / 12)).padStart(4, "0")}-${String((index % 12) + 1).padStart(2, "0")}-01`;
}

/** The days of a week or a month as Monday-to-Sunday rows, with the neighbouring periods' starts. */
export function buildCalendarGrid(view: CalendarView, anyDay: string): CalendarGrid {
  const start = periodStart(view, anyDay);
  const end = view === "week" ? addDays(start, 6) : addDays(addMonths(start, 1), -1);
  const firstShown = mondayOf(start);
  const lastShown = addDays(mondayOf(end), 6);
  const weeks: CalendarDay[][] = [];
  for (let monday = firstShown; monday <= lastShown; monday = addDays(monday, 7)) {
    weeks.push(
      Array.from({ length: 7 }, (_, i) => {
        const date = addDays(monday, i);
        return { date, inPeriod: date >= start && date <= end };
      }),
    );
  }
  return {
    view,
    start,
    end,
    weeks,
    firstShown,
    lastShown,
    previousStart: view === "week" ? addDays(start, -7) : addMonths(start, -1),
    nextStart: view === "week" ? addDays(start, 7) : addMonths(start, 1),
  };
}

/** Every date from one day to another, both included. */
export function datesBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) out.push(d);
  return out;
}

/** The query string of a calendar period, for links. */
export const calendarHref = (basePath: string, view: CalendarView, start: string) => `${basePath}?view=${view}&start=${start}`;
