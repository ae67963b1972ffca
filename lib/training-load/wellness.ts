/**
 * The daily wellness check-in (Hooper-style) as the engine reads it: the Hooper sum of a day and the
 * athlete's own baseline before it. `wellness-drop` (flags.ts) and the wellness chart use the same
 * definitions, so the band a chart draws is the one the flag compares with.
 */
import { formatDay, parseDay } from "./dates";
import { EngineInputError } from "./errors";
import { atLeast, WELLNESS_DROP_RULE } from "./thresholds";
import type { EngineWellness } from "./types";
import { parseWellnessList, type ParsedWellness } from "./validate";

/**
 * Hooper sum: sleep + fatigue + soreness + stress + mood, each 1 (best) to 5 (worst), so 5-25, lower is
 * better (Hooper-style index; Saw 2016 on self-reported wellness). Unitless.
 */
export function hooperSum(entry: Pick<EngineWellness, "sleep" | "fatigue" | "soreness" | "stress" | "mood">): number {
  const [parsed] = parseWellnessList([{ date: "2000-01-01", ...entry }], "entry");
  return parsed.hooper;
}

/**
 * The baseline of a day d: the Hooper sums of the check-ins on the WELLNESS_DROP_RULE.baselineDays (28)
 * calendar days d-28..d-1 (d itself excluded), their count `entries`, mean, and sample standard deviation
 * (divided by entries - 1; null with fewer than 2 check-ins). `limit` = mean + 1.5 x sd: a day at or
 * above it is worse than usual. `usable` says whether the rule may judge against it: at least 10 check-ins
 * (WELLNESS_DROP_RULE.minEntries) and an sd above 0 (with every day alike, no day stands out by a
 * number of standard deviations).
 */
export interface WellnessBaseline {
  entries: number;
  mean: number | null;
  sd: number | null;
  limit: number | null;
  usable: boolean;
}

/** Hooper sums by epoch day. */
export type HooperByDay = ReadonlyMap<number, number>;

export function hooperByDay(list: readonly ParsedWellness[]): Map<number, number> {
  const out = new Map<number, number>();
  for (const w of list) out.set(w.day, w.hooper);
  return out;
}

/** The baseline of epoch day `day` (see WellnessBaseline). */
export function baselineOn(byDay: HooperByDay, day: number): WellnessBaseline {
  const R = WELLNESS_DROP_RULE;
  let n = 0;
  let sum = 0;
  for (let d = day - R.baselineDays; d < day; d++) {
    const h = byDay.get(d);
    if (h !== undefined) {
      n++;
      sum += h;
    }
  }
  if (n === 0) return { entries: 0, mean: null, sd: null, limit: null, usable: false };
  const mean = sum / n;
  if (n < 2) return { entries: n, mean, sd: null, limit: null, usable: false };
  let sq = 0;
  for (let d = day - R.baselineDays; d < day; d++) {
    const h = byDay.get(d);
    if (h !== undefined) sq += (h - mean) * (h - mean);
  }
  const sd = Math.sqrt(sq / (n - 1));
  return { entries: n, mean, sd, limit: mean + R.sdAbove * sd, usable: n >= R.minEntries && sd > 0 };
}

/** Whether the check-in of `day` is worse than usual: there is one, its baseline is usable, and it reaches the limit. */
export function worseThanUsual(byDay: HooperByDay, day: number): WellnessBaseline | null {
  const h = byDay.get(day);
  if (h === undefined) return null;
  const b = baselineOn(byDay, day);
  return b.usable && atLeast(h, b.limit as number) ? b : null;
}

/** The baseline of one date, from the check-ins given (any order; only those before the date count). */
export function wellnessBaseline(entries: EngineWellness[], date: string): WellnessBaseline {
  return baselineOn(hooperByDay(parseWellnessList(entries, "entries")), parseDay(date, "date"));
}

export interface WellnessTrendPoint {
  date: string;
  /** The day's Hooper sum, or null without a check-in. */
  hooper: number | null;
  backStiffness: number | null;
  /** mean - 1.5 sd and mean + 1.5 sd of the day's baseline, when it is usable; null otherwise. */
  bandLow: number | null;
  bandHigh: number | null;
  /** The check-in reaches the upper edge of its band (worse than usual). */
  worse: boolean;
}

/**
 * Every calendar day from..to (both included) with its check-in and its baseline band, for the wellness
 * chart. Check-ins before `from` count towards the baselines; pass those of the 28 days before it.
 */
export function wellnessTrend(entries: EngineWellness[], from: string, to: string): WellnessTrendPoint[] {
  const list = parseWellnessList(entries, "entries");
  const a = parseDay(from, "from");
  const b = parseDay(to, "to");
  if (b < a) throw new EngineInputError("to", "must not be before from", "inconsistent");
  const byDay = hooperByDay(list);
  const stiffness = new Map(list.map((w) => [w.day, w.backStiffness]));
  const out: WellnessTrendPoint[] = [];
  for (let d = a; d <= b; d++) {
    const base = baselineOn(byDay, d);
    const h = byDay.get(d) ?? null;
    const half = base.usable ? WELLNESS_DROP_RULE.sdAbove * (base.sd as number) : null;
    out.push({
      date: formatDay(d),
      hooper: h,
      backStiffness: stiffness.get(d) ?? null,
      bandLow: half === null ? null : round2((base.mean as number) - half),
      bandHigh: half === null ? null : round2((base.mean as number) + half),
      worse: h !== null && base.usable && atLeast(h, base.limit as number),
    });
  }
  return out;
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
