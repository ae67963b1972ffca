/**
 * Pain and check-ins over the daily load, joined in the browser: kept apart from chart-series.ts (which
 * pulls in the load engine) so the chart tables can use it without shipping the engine to every page.
 */
import type { OverloadFlagId } from "@/lib/training-load";

export type PainMark = { date: string; nrs: number | null; ostrcSeverity: number | null };

export type PainPoint = {
  date: string;
  load: number;
  /** Worst NRS (0-10) reported that day, any zone. */
  nrs: number | null;
  /** Highest OSTRC-O2 severity (0-100) of the check-ins answered that day, any zone. */
  ostrcSeverity: number | null;
  overload: readonly OverloadFlagId[];
};

/** Every day of `daily` with its load and overload rules, and the day's pain and check-in if any. */
export function joinPainSeries(
  daily: readonly { date: string; load: number; overload: readonly OverloadFlagId[] }[],
  marks: readonly PainMark[],
): PainPoint[] {
  const byDate = new Map(marks.map((m) => [m.date, m]));
  return daily.map((d) => {
    const m = byDate.get(d.date);
    return { date: d.date, load: d.load, nrs: m?.nrs ?? null, ostrcSeverity: m?.ostrcSeverity ?? null, overload: d.overload };
  });
}
