/**
 * Wellness flag rule: the daily check-in's Hooper sum worse than usual on consecutive days.
 */
import { formatDay } from "../dates";
import { WELLNESS_DROP_RULE } from "../thresholds";
import { worseThanUsual, type WellnessBaseline } from "../wellness";
import { type EngineMessage, type Flag } from "../types";
import { msg, round, makeFlag, type FlagContext } from "./context";

/**
 * `wellness-drop` (caution; Saw 2016, moderate). With H(d) the Hooper sum of the check-in on day d
 * (sleep + fatigue + soreness + stress + mood, 5-25, lower is better):
 * - the baseline of d is the check-ins on the 28 calendar days d-28..d-1 (d excluded): their mean and
 *   their sample standard deviation (n - 1), see baselineOn in wellness.ts;
 * - d is worse than usual when it has a check-in, its baseline has at least 10 check-ins and a standard
 *   deviation above 0 (all alike: nothing stands out), and H(d) >= mean + 1.5 x sd;
 * - a day carries the rule when it and the day before are both worse than usual, each against its own
 *   baseline (a day without a check-in is not, so a gap breaks the run);
 * - the flag is active on asOf when a day in asOf-2..asOf carries it and no check-in after that day (up
 *   to asOf) is no longer worse than usual; dated the latest such day.
 * The explanation informs and points to a lighter day and a talk with the coach; it names no cause.
 */
export function wellnessDropFlag(ctx: FlagContext, a: number): Flag | null {
  const R = WELLNESS_DROP_RULE;
  if (ctx.wellness.size < R.minEntries + R.consecutiveDays - 1) return null;
  for (let d = a; d > a - R.activeDays; d--) {
    const runs: WellnessBaseline[] = [];
    for (let k = 0; k < R.consecutiveDays; k++) {
      const b = worseThanUsual(ctx.wellness, d - k);
      if (!b) break;
      runs.push(b);
    }
    if (runs.length < R.consecutiveDays) continue;
    // Feeling back within the usual range on a later day ends it.
    for (let later = d + 1; later <= a; later++) {
      if (ctx.wellness.has(later) && !worseThanUsual(ctx.wellness, later)) return null;
    }
    const first = d - R.consecutiveDays + 1;
    const base = runs[0];
    const prev = runs[runs.length - 1];
    const sums = [];
    for (let day = first; day <= d; day++) sums.push(ctx.wellness.get(day) as number);
    const stiffness = ctx.stiffness.get(d) ?? null;
    const text: EngineMessage[] = [
      msg("wellness", {
        firstDay: formatDay(first),
        lastDay: formatDay(d),
        firstSum: sums[0],
        lastSum: sums[sums.length - 1],
        mean: base.mean as number,
        entries: base.entries,
        limit: base.limit as number,
        sdAbove: R.sdAbove,
        consecutiveDays: R.consecutiveDays,
        minEntries: R.minEntries,
      }),
      stiffness !== null ? msg("wellnessStiffness", { stiffness }) : null,
      msg("wellnessAdvice"),
    ].filter((m): m is EngineMessage => m !== null);
    return makeFlag(
      "wellness-drop",
      "caution",
      d,
      {
        firstDate: formatDay(first),
        hooper: sums[sums.length - 1],
        previousHooper: sums[0],
        mean: round(base.mean as number),
        sd: round(base.sd as number),
        limit: round(base.limit as number),
        baselineEntries: base.entries,
        previousMean: round(prev.mean as number),
        previousSd: round(prev.sd as number),
        previousLimit: round(prev.limit as number),
        previousBaselineEntries: prev.entries,
        backStiffness: stiffness,
        sdAbove: R.sdAbove,
        minEntries: R.minEntries,
        baselineDays: R.baselineDays,
      },
      text,
    );
  }
  return null;
}
