/**
 * Dates on the charts' x axes, through Intl in the page's locale. The style follows the range:
 * - within one calendar year: day and month ("7 Dec", es "7 dic");
 * - across a year's end, up to SHORT_SPAN_DAYS: day, month and year ("28 Dec 2025");
 * - across years and longer: month and year ("Jan 2025", es "ene 2025"), one tick at each month's first
 *   shown day.
 */
export type DateTickStyle = "day" | "dayYear" | "month";

export const SHORT_SPAN_DAYS = 92;

const DAY_MS = 86_400_000;
const utc = (date: string) => Date.parse(`${date}T00:00:00Z`);

export function dateTickStyle(first: string, last: string): DateTickStyle {
  if (first.slice(0, 4) === last.slice(0, 4)) return "day";
  return (utc(last) - utc(first)) / DAY_MS <= SHORT_SPAN_DAYS ? "dayYear" : "month";
}

const OPTIONS: Record<DateTickStyle | "full", Intl.DateTimeFormatOptions> = {
  day: { day: "numeric", month: "short", timeZone: "UTC" },
  dayYear: { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" },
  month: { month: "short", year: "numeric", timeZone: "UTC" },
  full: { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" },
};

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, style: DateTickStyle | "full"): Intl.DateTimeFormat {
  const key = `${locale}|${style}`;
  let f = formatters.get(key);
  if (!f) formatters.set(key, (f = new Intl.DateTimeFormat(locale, OPTIONS[style])));
  return f;
}

/** A "YYYY-MM-DD" day as a tick in that style. */
export function formatDateTick(date: string, style: DateTickStyle, locale: string): string {
  return formatter(locale, style).format(utc(date));
}

/** A "YYYY-MM-DD" day in full ("7 Dec 2026"), for tooltips and tables. */
export function formatChartDate(date: string, locale: string): string {
  return formatter(locale, "full").format(utc(date));
}

/**
 * The ticks of a month-style axis: the first shown day of each month, every n-th month so that there are
 * at most maxTicks; undefined for the day styles (the chart spaces those itself).
 */
export function monthTicks(dates: readonly string[], style: DateTickStyle, maxTicks = 8): string[] | undefined {
  if (style !== "month") return undefined;
  const firsts: string[] = [];
  let month = "";
  for (const d of dates) {
    if (d.slice(0, 7) !== month) {
      month = d.slice(0, 7);
      firsts.push(d);
    }
  }
  // A partial first month's tick would crowd the next one's: start at the first whole month (with weekly
  // dates, a first week starting on day 1-7 is its month's first).
  const step = dates.length > 1 ? Math.round((utc(dates[1]) - utc(dates[0])) / DAY_MS) : 1;
  if (firsts.length > 1 && Number(dates[0].slice(8)) > step) firsts.shift();
  const every = Math.max(1, Math.ceil(firsts.length / maxTicks));
  return firsts.filter((_, i) => i % every === 0);
}

/** Everything an x axis of days needs: the style, its ticks, and the tick formatter. */
export function dateAxis(dates: readonly string[], locale: string, maxTicks = 8) {
  const style = dates.length ? dateTickStyle(dates[0], dates[dates.length - 1]) : "day";
  return { style, ticks: monthTicks(dates, style, maxTicks), format: (d: string) => formatDateTick(d, style, locale) };
}
