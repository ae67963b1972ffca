/**
 * Flag rules, shared part: the per-day view of an athlete's history (FlagContext) that every rule reads,
 * the overload rules a day carries, and the helpers that make a flag and its message codes.
 */
import { evidenceFor } from "../citations";
import { formatDay } from "../dates";
import { computeSeries, dailyMetricsOf, parsedSessionLoad, loadBuffer, seriesView, SERIES_COLUMNS, type MetricSeries } from "../metrics";
import { ostrcOf } from "../ostrc";
import { BREAK_LOOKBACK_DAYS, runReferences, spikeOf } from "../spikes";
import { atLeast, exceeds, DEFAULT_RPE, type Thresholds } from "../thresholds";
import { hooperByDay } from "../wellness";
import { type DailyMetrics, type EngineMessage, type Flag, type FlagId, type FlagValue, type MessageParam, type OverloadFlagId, type Severity } from "../types";
import { type ParsedOstrc, type ParsedPainReport, type ParsedProfile, type ParsedSession, type ParsedWellness } from "../validate";

/** Bits of the overload rules a day carries. */
export const CARRY_SPIKE = 1;
export const CARRY_SPIKE_WARNING = 2;
export const CARRY_WEEKLY = 4;
export const CARRY_ACWR = 8;
export const CARRY_MONOTONY = 16;

export const OVERLOAD_BITS: readonly [OverloadFlagId, number][] = [
  ["session-spike", CARRY_SPIKE],
  ["weekly-distance-increase", CARRY_WEEKLY],
  ["acwr-high", CARRY_ACWR],
  ["monotony-high", CARRY_MONOTONY],
];

export interface ScoredOstrc extends ParsedOstrc {
  severity: number;
  substantial: boolean;
}

export interface ShoeTrack {
  id: string;
  /** Includes preKm. */
  totalKm: number;
  /** Distance carried before the sessions given (profile.shoeKmBefore): counted on every day. */
  preKm: number;
  lastDay: number;
  days: number[];
  kms: number[];
  /** Days and cumulative km in day order, built only for shoes that ever pass the limit. */
  sortedDays: number[] | null;
  cumKm: number[] | null;
}

/**
 * Per-day view of one athlete's history. Per-day arrays cover the days `from`..`end` only: every rule
 * looks at most 50 days back from an evaluation day, while the exponential metrics run over the whole
 * history once.
 */
export interface FlagContext {
  t: Thresholds;
  /** First day with a session (epoch day); equals `end` when there is none. */
  start: number;
  end: number;
  /** Epoch day of element 0 of the per-day arrays and of `series`. */
  from: number;
  /** Number of days in the per-day arrays (0 without sessions). */
  m: number;
  series: MetricSeries;
  sessionCount: Float64Array;
  estimatedCount: Float64Array;
  runCount: Float64Array;
  coreCount: Float64Array;
  runKm: Float64Array;
  /** Largest spike among the day's runs (NaN: none), and the index in `runs` of that run. */
  spikeMax: Float64Array;
  spikeRun: Float64Array;
  /** RUN sessions with a distance from 91 days before `from`, sorted by day. */
  runs: ParsedSession[];
  /** Per run: the longest run of d-30..d-1 (NaN: none), its spike reference, and the break before it (see runReferences). */
  runLongest: number[];
  runRef: number[];
  runBreak: number[];
  /** RUN sessions (with or without a distance) from `from`, sorted by day. */
  allRuns: ParsedSession[];
  /** Every day with a RUN session up to `end`, ascending, without repeats. */
  runDays: number[];
  shoes: ShoeTrack[];
  /** Pain reports sorted by day; those with a red-flag symptom, again on their own. */
  pains: ParsedPainReport[];
  redPains: ParsedPainReport[];
  /** Clearance days, ascending. */
  clearances: number[];
  ostrc: ScoredOstrc[];
  /** Hooper sums of the wellness check-ins by day, and back stiffness where recorded. */
  wellness: Map<number, number>;
  stiffness: Map<number, number>;
  profile: ParsedProfile | null;
  carryCache: Float64Array;
  /** Full daily metrics, when asked for. */
  metrics: DailyMetrics[] | null;
}

export interface FlagContextInput {
  sessions: ParsedSession[];
  pains: ParsedPainReport[];
  ostrc: ParsedOstrc[];
  /** Wellness check-ins (at most one per day). */
  wellness?: ParsedWellness[];
  profile: ParsedProfile | null;
  thresholds: Thresholds;
  /** Clearance days (any order). */
  clearances?: number[];
  /** Last day of data (sessions after it are left out). */
  endDay: number;
  /** First day that will be evaluated (default endDay). */
  firstEvalDay?: number;
  /** Also build the full DailyMetrics series (for plan projections). */
  withMetrics?: boolean;
}

/** A zeroed buffer of `size` doubles owned by one context (never shared between evaluations). */
export function contextBuffer(size: number): Float64Array {
  return new Float64Array(Math.max(1, size));
}

/**
 * Deepest look-back of any per-day array from an evaluation day: pain 13 + carry 7 + weekly baseline 27
 * (+ margin). Spike references reach further (runs are kept from BREAK_LOOKBACK_DAYS before `from`).
 */
export const DETAIL_DAYS = 56;

export function byDay<T extends { day: number; index: number }>(a: T, b: T): number {
  return a.day - b.day || a.index - b.index;
}

export function buildFlagContext(input: FlagContextInput): FlagContext {
  const t = input.thresholds;
  const end = input.endDay;
  const measure = t.loadMeasure;
  let start = end;
  let count = 0;
  for (const s of input.sessions) {
    if (s.day > end) continue;
    count++;
    if (s.day < start) start = s.day;
  }
  const n = count > 0 ? end - start + 1 : 0;
  const from = count > 0 ? Math.max(start, Math.min(input.firstEvalDay ?? end, end) - DETAIL_DAYS) : end;
  const m = count > 0 ? end - from + 1 : 0;

  // Eight per-day columns and the metric series, carved out of one buffer owned by this context (one
  // allocation rather than many: large typed arrays live outside the JS heap and are slow to allocate).
  const cols = contextBuffer(m * 8 + SERIES_COLUMNS * m);
  const col = (j: number) => cols.subarray(j * m, (j + 1) * m);
  const sessionCount = col(0);
  const estimatedCount = col(1);
  const runCount = col(2);
  const coreCount = col(3);
  const runKm = col(4);
  const spikeMax = col(5).fill(NaN);
  const spikeRun = col(6).fill(-1);
  const carryCache = col(7).fill(-1);

  const L = loadBuffer(n);
  const runs: ParsedSession[] = [];
  const shoeMap = new Map<string, ShoeTrack>();
  const runFrom = from - BREAK_LOOKBACK_DAYS - 1;
  let sortedRuns = true;
  const allRuns: ParsedSession[] = [];
  let sortedAllRuns = true;
  const runDays: number[] = [];
  let sortedRunDays = true;
  for (const s of input.sessions) {
    const day = s.day;
    if (day > end) continue;
    L[day - start] += parsedSessionLoad(s, measure);
    const isRun = s.type === "RUN";
    if (isRun) {
      const last = runDays.length > 0 ? runDays[runDays.length - 1] : -Infinity;
      if (day !== last) {
        if (day < last) sortedRunDays = false;
        runDays.push(day);
      }
      if (day >= from) {
        if (allRuns.length > 0 && allRuns[allRuns.length - 1].day > day) sortedAllRuns = false;
        allRuns.push(s);
      }
    }
    if (isRun && s.distanceKm !== null && s.shoeId !== null) {
      let track = shoeMap.get(s.shoeId);
      if (!track) {
        track = { id: s.shoeId, totalKm: 0, preKm: 0, lastDay: day, days: [], kms: [], sortedDays: null, cumKm: null };
        shoeMap.set(s.shoeId, track);
      }
      track.totalKm += s.distanceKm;
      if (day > track.lastDay) track.lastDay = day;
      track.days.push(day);
      track.kms.push(s.distanceKm);
    }
    if (isRun && s.distanceKm !== null && day >= runFrom) {
      if (runs.length > 0 && runs[runs.length - 1].day > day) sortedRuns = false;
      runs.push(s);
    }
    if (day < from) continue;
    const i = day - from;
    sessionCount[i]++;
    if (s.rpe === null) estimatedCount[i]++;
    if (isRun) {
      runCount[i]++;
      if (s.distanceKm !== null) runKm[i] += s.distanceKm;
    } else if (s.type === "CORE" || s.type === "STRENGTH") {
      coreCount[i]++;
    }
  }
  // A shoe's distance from before the sessions given has no day: it counts on every day judged.
  if (input.profile) {
    for (const [id, km] of input.profile.shoeKmBefore) {
      if (!(km > 0)) continue;
      let track = shoeMap.get(id);
      if (!track) {
        track = { id, totalKm: 0, preKm: 0, lastDay: -Infinity, days: [], kms: [], sortedDays: null, cumKm: null };
        shoeMap.set(id, track);
      }
      track.totalKm += km;
      track.preKm += km;
    }
  }
  const sessionOrder = (a: ParsedSession, b: ParsedSession) =>
    a.day - b.day || (a.planned === b.planned ? a.index - b.index : a.planned ? 1 : -1);
  if (!sortedRuns) runs.sort(sessionOrder);
  if (!sortedAllRuns) allRuns.sort(sessionOrder);
  if (!sortedRunDays) {
    runDays.sort((a, b) => a - b);
    let w = 0;
    for (let k = 0; k < runDays.length; k++) if (k === 0 || runDays[k] !== runDays[w - 1]) runDays[w++] = runDays[k];
    runDays.length = w;
  }

  const series = computeSeries(L, n, from - start, seriesView(cols, 8 * m, m));
  const metrics = input.withMetrics && n > 0 ? dailyMetricsOf(L, n, start) : input.withMetrics ? [] : null;

  const runDayOf = runs.map((r) => r.day);
  const runKms = runs.map((r) => r.distanceKm as number);
  const refs = runReferences(runDayOf, runKms);
  for (let k = 0; k < runs.length; k++) {
    const i = runDayOf[k] - from;
    if (i < 0) continue;
    const sp = spikeOf(runKms[k], refs.reference[k]);
    if (sp === null) continue;
    if (!(spikeMax[i] >= sp)) {
      spikeMax[i] = sp;
      spikeRun[i] = k;
    }
  }

  const pains = [...input.pains].sort(byDay);
  const redPains = pains.filter((p) => p.redFlags.length > 0);
  const clearances = [...(input.clearances ?? [])].sort((x, y) => x - y);
  const ostrc: ScoredOstrc[] = input.ostrc.map((o) => {
    const sc = ostrcOf(o);
    return { index: o.index, day: o.day, zone: o.zone, q1: sc.q1, q2: sc.q2, q3: sc.q3, q4: sc.q4, severity: sc.severity, substantial: sc.substantial };
  });
  ostrc.sort(byDay);

  return {
    t,
    start,
    end,
    from,
    m,
    series,
    sessionCount,
    estimatedCount,
    runCount,
    coreCount,
    runKm,
    spikeMax,
    spikeRun,
    runs,
    runLongest: refs.longest30,
    runRef: refs.reference,
    runBreak: refs.breakDays,
    allRuns,
    runDays,
    shoes: [...shoeMap.values()],
    pains,
    redPains,
    clearances,
    ostrc,
    wellness: hooperByDay(input.wellness ?? []),
    stiffness: new Map((input.wellness ?? []).flatMap((w) => (w.backStiffness === null ? [] : [[w.day, w.backStiffness] as [number, number]]))),
    profile: input.profile,
    carryCache,
    metrics,
  };
}

export function sumRange(a: ArrayLike<number>, from: number, to: number): number {
  let s = 0;
  for (let i = from < 0 ? 0 : from; i <= to && i < a.length; i++) s += a[i];
  return s;
}

/** Weekly distance change on day index i (run km of i-6..i vs the weekly mean of i-27..i-7). */
export function weeklyAt(ctx: FlagContext, i: number): { lastKm: number; baselineKm: number; change: number | null } {
  const lastKm = sumRange(ctx.runKm, i - 6, i);
  const baselineKm = sumRange(ctx.runKm, i - 27, i - 7) / 3;
  return { lastKm, baselineKm, change: baselineKm > 0 ? lastKm / baselineKm - 1 : null };
}

/** Overload rules carried by day index i with the data up to that day (bit set; 0 outside the data). */
export function carryAt(ctx: FlagContext, i: number): number {
  if (i < 0 || i >= ctx.m) return 0;
  const cached = ctx.carryCache[i];
  if (cached >= 0) return cached;
  const t = ctx.t;
  let bits = 0;
  const sp = ctx.spikeMax[i];
  if (sp === sp && exceeds(sp, t.spikeCaution)) {
    bits |= CARRY_SPIKE;
    if (exceeds(sp, t.spikeWarning)) bits |= CARRY_SPIKE_WARNING;
  }
  const w = weeklyAt(ctx, i);
  if (w.change !== null && atLeast(w.baselineKm, t.weeklyMinBaselineKm) && exceeds(w.change, t.weeklyIncrease)) {
    bits |= CARRY_WEEKLY;
  }
  const acwr = ctx.series.acwrEwma[i];
  if (acwr === acwr && atLeast(acwr, t.acwrHigh)) bits |= CARRY_ACWR;
  const mono = ctx.series.monotony[i];
  if (mono === mono && exceeds(mono, t.monotonyHigh)) bits |= CARRY_MONOTONY;
  ctx.carryCache[i] = bits;
  return bits;
}

/** A sentence of the explanation: its code and parameters (worded by lib/i18n/engine-text.ts). */
export function msg(code: string, params: Record<string, MessageParam> = {}): EngineMessage {
  return { code, params };
}

export function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Sentence on sessions whose RPE was estimated, for sRPE-based rules. */
export function estimatedSentence(ctx: FlagContext, from: number, to: number): { message: EngineMessage | null; estimated: number; sessions: number } {
  if (ctx.t.loadMeasure !== "srpe") return { message: null, estimated: 0, sessions: sumRange(ctx.sessionCount, from, to) };
  const estimated = sumRange(ctx.estimatedCount, from, to);
  const sessions = sumRange(ctx.sessionCount, from, to);
  const days = to - from + 1;
  const message =
    estimated === 0
      ? msg("rpeAllRated", { sessions, days })
      : msg("rpeEstimated", { estimated, sessions, days, defaultRpe: DEFAULT_RPE });
  return { message, estimated, sessions };
}

export function makeFlag(
  id: FlagId,
  severity: Severity,
  day: number,
  values: Record<string, FlagValue>,
  explanation: (EngineMessage | null)[],
): Flag {
  return {
    id,
    severity,
    date: formatDay(day),
    values,
    explanation: explanation.filter((m): m is EngineMessage => m !== null),
    evidence: evidenceFor(id),
  };
}

export function latestCarrying(ctx: FlagContext, a: number, bit: number): number {
  for (let day = a; day >= a - 6; day--) {
    if (carryAt(ctx, day - ctx.from) & bit) return day;
  }
  return NaN;
}

/**
 * The first day of asOf-6..asOf that carries a rule: deload caps come from the baseline before it, so a
 * later overload day of the same window (whose own baseline holds the first) cannot raise its own cap.
 */
export function firstCarrying(ctx: FlagContext, a: number, bit: number): number {
  for (let day = a - 6; day <= a; day++) {
    if (carryAt(ctx, day - ctx.from) & bit) return day;
  }
  return NaN;
}

export function inWindow<T extends { day: number }>(list: readonly T[], from: number, to: number): T[] {
  return list.filter((x) => x.day >= from && x.day <= to);
}

/** Index of the first element of `list` (sorted by day) whose day is after `day`. */
export function afterDay(list: readonly { day: number }[], day: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].day <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The latest clearance on or before day `a`, or -Infinity. */
export function lastClearance(ctx: FlagContext, a: number): number {
  const k = upperBound(ctx.clearances, a);
  return k > 0 ? ctx.clearances[k - 1] : -Infinity;
}

/** The day of the last RUN session before `day`, or NaN. */
export function lastRunBefore(ctx: FlagContext, day: number): number {
  const k = upperBound(ctx.runDays, day - 1);
  return k > 0 ? ctx.runDays[k - 1] : NaN;
}

export function runsOn(ctx: FlagContext, day: number): number {
  const i = day - ctx.from;
  return i >= 0 && i < ctx.m ? ctx.runCount[i] : 0;
}

export function upperBound(days: number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
