/**
 * Running-distance measures: single-session spikes against the longest run of the previous 30 days, or of
 * the 30 days before a break (Frandsen et al. 2025), and the weekly distance change against a 3-week
 * baseline (Nielsen 2014).
 */
import { parseDay } from "./dates";
import { EngineInputError } from "./errors";
import { exceeds, INPUT_LIMITS } from "./thresholds";
import type { EngineSession } from "./types";
import { parseSessions, requireArray, requireNumber, requireObject, type ParsedSession } from "./validate";

/** Days before a run that define its reference ("longest run of days d-30..d-1"). */
export const SPIKE_LOOKBACK_DAYS = 30;

/**
 * After a break, how far back the reference may reach: a run with no run in d-30..d-1 is compared with the
 * 30 days before the break only when the last run before it is in d-90..d-31, and that window is cut at
 * d-90.
 */
export const BREAK_LOOKBACK_DAYS = 90;

export type SpikeBand = "none" | "10-30" | "30-100" | ">100";

export interface SessionSpike {
  id: string;
  date: string;
  distanceKm: number;
  /** Longest run on days d-30..d-1 (null when there was none), as in the metrics contract. */
  longest30Km: number | null;
  /**
   * What the spike is measured against: longest30Km, or after a break (no run with a distance in
   * d-30..d-1) the longest run of the 30 days before the break; null when there was no run in d-90..d-1.
   */
  referenceKm: number | null;
  /** Days without a run before this one when it was measured after a break; null otherwise. */
  breakDays: number | null;
  /** distanceKm / referenceKm - 1, null without a reference (or a 0 km one). */
  spike: number | null;
  band: SpikeBand;
}

/** Hazard ratios of the bands in Frandsen et al. 2025 (reference: increase <= 10%). */
export const SPIKE_BAND_HAZARD: Readonly<Record<Exclude<SpikeBand, "none">, number>> = Object.freeze({
  "10-30": 1.64,
  "30-100": 1.52,
  ">100": 2.28,
});

/** Band of a spike fraction: <= 0.10 none; (0.10, 0.30]; (0.30, 1.00]; > 1.00 (Frandsen et al. 2025). */
export function spikeBand(spike: number | null): SpikeBand {
  if (spike === null || !exceeds(spike, 0.1)) return "none";
  if (!exceeds(spike, 0.3)) return "10-30";
  if (!exceeds(spike, 1)) return "30-100";
  return ">100";
}

/** Per run (in the input order): its 30-day longest run, its spike reference and the break before it. */
export interface RunReferences {
  /** Longest run on days d-30..d-1; NaN when there is none. */
  longest30: number[];
  /** longest30 when it is > 0; after a break, the longest run of the 30 days before it; NaN when none. */
  reference: number[];
  /** Days without a run (with a distance) before the run, when its reference comes from before a break; NaN otherwise. */
  breakDays: number[];
}

/**
 * For runs given as (day, km) in any order: the longest run on days d-30..d-1 of each run's day d, by a
 * sliding-window maximum over the runs sorted by day (O(n log n)), and the run's spike reference. A run
 * with no run of a positive distance in d-30..d-1 follows a break: it is compared with the longest run of
 * the 30 days before the break, that is of L-29..L where L is the last day with such a run, cut at d-90;
 * with no such run in d-90..d-1 it has no reference. (A spike after a break is a spike all the same: the
 * runner's recent long run is the one before the break, not nothing.) Runs of 0 km count for longest30,
 * as the contract says, but never make a reference.
 */
export function runReferences(days: ArrayLike<number>, kms: ArrayLike<number>): RunReferences {
  const n = days.length;
  const order: number[] = new Array(n);
  let sorted = true;
  for (let i = 0; i < n; i++) {
    order[i] = i;
    if (i > 0 && days[i] < days[i - 1]) sorted = false;
  }
  if (!sorted) order.sort((a, b) => days[a] - days[b] || a - b);
  const longest: number[] = new Array(n).fill(NaN);
  const reference: number[] = new Array(n).fill(NaN);
  const breakDays: number[] = new Array(n).fill(NaN);
  // Monotonic deque of (day, km of that day's longest run), km decreasing from head to tail.
  const qDay: number[] = new Array(n).fill(0);
  const qKm: number[] = new Array(n).fill(0);
  // Days with a run of a positive distance, and that day's longest, in day order (for breaks).
  const pDay: number[] = [];
  const pKm: number[] = [];
  let head = 0;
  let tail = 0;
  let k = 0;
  while (k < n) {
    const d = days[order[k]];
    while (head < tail && qDay[head] < d - SPIKE_LOOKBACK_DAYS) head++;
    const ref = head < tail ? qKm[head] : NaN;
    let use = ref;
    let gap = NaN;
    if (!(ref > 0) && pDay.length > 0) {
      const last = pDay[pDay.length - 1];
      if (last >= d - BREAK_LOOKBACK_DAYS) {
        const from = Math.max(last - (SPIKE_LOOKBACK_DAYS - 1), d - BREAK_LOOKBACK_DAYS);
        let best = 0;
        for (let j = pDay.length - 1; j >= 0 && pDay[j] >= from; j--) if (pKm[j] > best) best = pKm[j];
        use = best;
        gap = d - last - 1;
      }
    }
    let dayMax = -Infinity;
    let k2 = k;
    while (k2 < n && days[order[k2]] === d) {
      const idx = order[k2];
      longest[idx] = ref;
      reference[idx] = use;
      breakDays[idx] = gap;
      if (kms[idx] > dayMax) dayMax = kms[idx];
      k2++;
    }
    while (tail > head && qKm[tail - 1] <= dayMax) tail--;
    qDay[tail] = d;
    qKm[tail] = dayMax;
    tail++;
    if (dayMax > 0) {
      pDay.push(d);
      pKm.push(dayMax);
    }
    k = k2;
  }
  return { longest30: longest, reference, breakDays };
}

/** spike = x / reference - 1, or null when there is no reference (or it was 0 km). */
export function spikeOf(km: number, reference: number): number | null {
  return reference === reference && reference > 0 ? km / reference - 1 : null;
}

/**
 * Single-session spike of each run (Frandsen et al. 2025, BJSM, 5,205 runners): for a run of x km on day d,
 * `longest30Km` is the longest run on days d-30..d-1 (runs on the same day are not compared with each
 * other), `spike` = x / referenceKm - 1 (a fraction, 0.45 = 45% longer), where referenceKm is longest30Km,
 * or after a break (no run with a distance in d-30..d-1) the longest run of the 30 days before the break
 * (the break starts the day after the last run before d; at most 90 days back: see runReferences), with
 * `breakDays` the days without a run; spike is null when there was no run in d-90..d-1. Bands: <= 0.10
 * "none"; (0.10, 0.30] "10-30" (HR 1.64); (0.30, 1.00] "30-100" (HR 1.52); > 1.00 ">100" (HR 2.28).
 * Results are in the input order. Throws EngineInputError ("runs[i].date", "runs[i].distanceKm",
 * "runs[i].id") on invalid input.
 */
export function detectSessionSpikes(runs: { id: string; date: string; distanceKm: number }[]): SessionSpike[] {
  const list = requireArray(runs, "runs");
  const n = list.length;
  const days: number[] = new Array(n);
  const kms: number[] = new Array(n);
  const ids = new Array<string>(n);
  const dates = new Array<string>(n);
  for (let i = 0; i < n; i++) {
    const r = requireObject(list[i], `runs[${i}]`);
    if (typeof r.id !== "string") throw new EngineInputError(`runs[${i}].id`, "expected a string id", "invalid-type");
    days[i] = parseDay(r.date, `runs[${i}].date`);
    kms[i] = requireNumber(r.distanceKm, `runs[${i}].distanceKm`, 0, INPUT_LIMITS.maxSessionKm);
    ids[i] = r.id;
    dates[i] = r.date as string;
  }
  const refs = runReferences(days, kms);
  const out = new Array<SessionSpike>(n);
  for (let i = 0; i < n; i++) {
    const longest = refs.longest30[i];
    const ref = refs.reference[i];
    const spike = spikeOf(kms[i], ref);
    out[i] = {
      id: ids[i],
      date: dates[i],
      distanceKm: kms[i],
      longest30Km: longest === longest ? longest : null,
      referenceKm: ref === ref ? ref : null,
      breakDays: refs.breakDays[i] === refs.breakDays[i] ? refs.breakDays[i] : null,
      spike,
      band: spikeBand(spike),
    };
  }
  return out;
}

export interface WeeklyDistanceChange {
  /** Run km on days asOf-6..asOf. */
  lastKm: number;
  /** Weekly mean of the run km on days asOf-27..asOf-7 (that window's km / 3). */
  baselineKm: number;
  /** lastKm / baselineKm - 1, null when baselineKm is 0. */
  change: number | null;
}

/** Weekly distance change from parsed runs (RUN sessions with a distance). */
export function weeklyChangeOf(sessions: readonly ParsedSession[], asOfDay: number): WeeklyDistanceChange {
  let last = 0;
  let prior = 0;
  for (const s of sessions) {
    if (s.type !== "RUN" || s.distanceKm === null) continue;
    const age = asOfDay - s.day;
    if (age < 0 || age > 27) continue;
    if (age <= 6) last += s.distanceKm;
    else prior += s.distanceKm;
  }
  const baselineKm = prior / 3;
  return { lastKm: last, baselineKm, change: baselineKm > 0 ? last / baselineKm - 1 : null };
}

/**
 * Weekly distance change on day asOf (Nielsen 2014 JOSPT): run km of asOf-6..asOf against the weekly
 * mean of asOf-27..asOf-7 (3 weeks, km / 3), as a fraction (0.30 = 30% more). Comparing with a 3-week
 * mean rather than the previous week keeps runners who alternate 3- and 4-run weeks from being flagged
 * every other week. Only RUN sessions with a distance count. Throws EngineInputError on invalid input.
 */
export function weeklyDistanceChange(sessions: EngineSession[], asOf: string): WeeklyDistanceChange {
  const asOfDay = parseDay(asOf, "asOf");
  return weeklyChangeOf(parseSessions(sessions, "sessions"), asOfDay);
}
