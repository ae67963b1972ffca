/**
 * Flag rules (domain reference, "Flags" and "When a flag is active on asOf").
 *
 * The work is split in two: `buildFlagContext` turns the validated history into per-day arrays once
 * (metrics, run km, spikes, counts), and `flagsOn` reads them for one evaluation day in O(window) time.
 * evaluateFlags uses one evaluation day; projectPlan evaluates every future day of a plan from one context.
 */
import { evidenceFor } from "./citations";
import { formatDay, parseDay, civilFromDays } from "./dates";
import { EngineInputError, ThresholdOverrideError } from "./errors";
import {
  computeSeries,
  dailyMetricsOf,
  parsedSessionLoad,
  loadBuffer,
  seriesView,
  SERIES_COLUMNS,
  type MetricSeries,
} from "./metrics";
import { ostrcOf } from "./ostrc";
import { BREAK_LOOKBACK_DAYS, runReferences, spikeBand, spikeOf, SPIKE_BAND_HAZARD } from "./spikes";
import {
  BACK_SUB_AREAS,
  CAUDA_EQUINA_SOURCE,
  CHEST_PAIN_SOURCES,
  CLINICIAN_ACTION,
  EMERGENCY_ACTION,
  EMERGENCY_SYMPTOM_IDS,
  NEUROLOGICAL_SYMPTOM_IDS,
  possibleSourcesFor,
} from "./symptoms";
import {
  atLeast,
  deloadCapKm,
  exceeds,
  resolveThresholds,
  DEFAULT_RPE,
  RETURN_TO_RUN_RULE,
  SEVERE_PAIN_RULE,
  WELLNESS_DROP_RULE,
  type Thresholds,
} from "./thresholds";
import { hooperByDay, worseThanUsual, type WellnessBaseline } from "./wellness";
import {
  BACK_ZONES,
  SEVERITIES,
  type BackZone,
  type DailyMetrics,
  type EngineClearance,
  type EngineMessage,
  type EngineOstrc,
  type EnginePainReport,
  type EngineProfile,
  type EngineSession,
  type EngineWellness,
  type Flag,
  type FlagId,
  type FlagValue,
  type MessageParam,
  type OverloadFlagId,
  type Severity,
  type VisceralSource,
} from "./types";
import {
  parseClearances,
  parseOstrcList,
  parsePainReports,
  parseProfile,
  parseSessions,
  parseWellnessList,
  requireObject,
  type ParsedOstrc,
  type ParsedPainReport,
  type ParsedProfile,
  type ParsedSession,
  type ParsedWellness,
} from "./validate";

/** Bits of the overload rules a day carries. */
const CARRY_SPIKE = 1;
const CARRY_SPIKE_WARNING = 2;
const CARRY_WEEKLY = 4;
const CARRY_ACWR = 8;
const CARRY_MONOTONY = 16;

const OVERLOAD_BITS: readonly [OverloadFlagId, number][] = [
  ["session-spike", CARRY_SPIKE],
  ["weekly-distance-increase", CARRY_WEEKLY],
  ["acwr-high", CARRY_ACWR],
  ["monotony-high", CARRY_MONOTONY],
];

interface ScoredOstrc extends ParsedOstrc {
  severity: number;
  substantial: boolean;
}

interface ShoeTrack {
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
function contextBuffer(size: number): Float64Array {
  return new Float64Array(Math.max(1, size));
}

/**
 * Deepest look-back of any per-day array from an evaluation day: pain 13 + carry 7 + weekly baseline 27
 * (+ margin). Spike references reach further (runs are kept from BREAK_LOOKBACK_DAYS before `from`).
 */
const DETAIL_DAYS = 56;

function byDay<T extends { day: number; index: number }>(a: T, b: T): number {
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

function sumRange(a: ArrayLike<number>, from: number, to: number): number {
  let s = 0;
  for (let i = from < 0 ? 0 : from; i <= to && i < a.length; i++) s += a[i];
  return s;
}

/** Weekly distance change on day index i (run km of i-6..i vs the weekly mean of i-27..i-7). */
function weeklyAt(ctx: FlagContext, i: number): { lastKm: number; baselineKm: number; change: number | null } {
  const lastKm = sumRange(ctx.runKm, i - 6, i);
  const baselineKm = sumRange(ctx.runKm, i - 27, i - 7) / 3;
  return { lastKm, baselineKm, change: baselineKm > 0 ? lastKm / baselineKm - 1 : null };
}

/** Overload rules carried by day index i with the data up to that day (bit set; 0 outside the data). */
function carryAt(ctx: FlagContext, i: number): number {
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

// ---------- messages ----------

/** A sentence of the explanation: its code and parameters (worded by lib/i18n/engine-text.ts). */
function msg(code: string, params: Record<string, MessageParam> = {}): EngineMessage {
  return { code, params };
}

function round(x: number, digits = 4): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Sentence on sessions whose RPE was estimated, for sRPE-based rules. */
function estimatedSentence(ctx: FlagContext, from: number, to: number): { message: EngineMessage | null; estimated: number; sessions: number } {
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

function makeFlag(
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

// ---------- overload rules ----------

function latestCarrying(ctx: FlagContext, a: number, bit: number): number {
  for (let day = a; day >= a - 6; day--) {
    if (carryAt(ctx, day - ctx.from) & bit) return day;
  }
  return NaN;
}

/**
 * The first day of asOf-6..asOf that carries a rule: deload caps come from the baseline before it, so a
 * later overload day of the same window (whose own baseline holds the first) cannot raise its own cap.
 */
function firstCarrying(ctx: FlagContext, a: number, bit: number): number {
  for (let day = a - 6; day <= a; day++) {
    if (carryAt(ctx, day - ctx.from) & bit) return day;
  }
  return NaN;
}

/** The weekly cap's baseline and value: the average week of the 3 weeks before the week ending on `day`. */
function weekCap(ctx: FlagContext, day: number): Record<string, FlagValue> {
  const baseline = weeklyAt(ctx, day - ctx.from).baselineKm;
  return {
    capFromDate: formatDay(day),
    baselineWeekKm: round(baseline, 3),
    maxWeekRunKm: baseline > 0 ? deloadCapKm(baseline) : null,
  };
}

function sessionSpikeFlag(ctx: FlagContext, a: number): Flag | null {
  const day = latestCarrying(ctx, a, CARRY_SPIKE);
  if (day !== day) return null;
  const t = ctx.t;
  const i = day - ctx.from;
  const k = ctx.spikeRun[i];
  const run = ctx.runs[k];
  const ref = ctx.runRef[k];
  const longest = ctx.runLongest[k];
  const gap = ctx.runBreak[k];
  const spike = ctx.spikeMax[i];
  // The worst spike of the window sets the severity, so a later, smaller spike cannot hide it.
  let maxSpike = spike;
  let maxDay = day;
  for (let d = a - 6; d <= a; d++) {
    const s = d - ctx.from >= 0 && d - ctx.from < ctx.m ? ctx.spikeMax[d - ctx.from] : NaN;
    if (s === s && s > maxSpike) {
      maxSpike = s;
      maxDay = d;
    }
  }
  const first = firstCarrying(ctx, a, CARRY_SPIKE);
  const baseline = ctx.runRef[ctx.spikeRun[first - ctx.from]];
  const severity: Severity = exceeds(maxSpike, t.spikeWarning) ? "warning" : "caution";
  const band = spikeBand(spike);
  const hr = band === "none" ? null : SPIKE_BAND_HAZARD[band];
  const values: Record<string, FlagValue> = {
    runId: run.id,
    distanceKm: round(run.distanceKm as number, 3),
    longest30Km: longest === longest ? round(longest, 3) : null,
    referenceKm: round(ref, 3),
    breakDays: gap === gap ? gap : null,
    spike: round(spike),
    band,
    hazardRatio: hr,
    cautionAbove: t.spikeCaution,
    warningAbove: t.spikeWarning,
    capFromDate: formatDay(first),
    baselineRunKm: round(baseline, 3),
    maxRunKm: deloadCapKm(baseline),
  };
  const runParams = { runDay: formatDay(day), runKm: run.distanceKm as number, spike, referenceKm: ref };
  const text: EngineMessage[] = [
    gap === gap ? msg("spikeAfterBreak", { ...runParams, breakDays: gap }) : msg("spike", runParams),
    msg("spikeRule", { caution: t.spikeCaution, warning: t.spikeWarning }),
  ];
  if (hr !== null) text.push(msg("spikeBand", { band, hazardRatio: hr }));
  if (maxDay !== day) {
    values.maxSpike = round(maxSpike);
    values.maxSpikeDate = formatDay(maxDay);
    text.push(msg("spikeLarger", { maxSpike, maxDay: formatDay(maxDay) }));
  }
  return makeFlag("session-spike", severity, day, values, text);
}

function weeklyFlag(ctx: FlagContext, a: number): Flag | null {
  const day = latestCarrying(ctx, a, CARRY_WEEKLY);
  if (day !== day) return null;
  const t = ctx.t;
  const w = weeklyAt(ctx, day - ctx.from);
  const change = w.change as number;
  const text = [
    msg("weekly", { lastKm: w.lastKm, toDay: formatDay(day), change, baselineKm: w.baselineKm }),
    msg("weeklyRule", { increase: t.weeklyIncrease, minBaselineKm: t.weeklyMinBaselineKm }),
  ];
  return makeFlag(
    "weekly-distance-increase",
    "caution",
    day,
    {
      lastKm: round(w.lastKm, 3),
      baselineKm: round(w.baselineKm, 3),
      change: round(change),
      increaseAbove: t.weeklyIncrease,
      minBaselineKm: t.weeklyMinBaselineKm,
      ...weekCap(ctx, firstCarrying(ctx, a, CARRY_WEEKLY)),
    },
    text,
  );
}

function acwrFlag(ctx: FlagContext, a: number): Flag | null {
  const day = latestCarrying(ctx, a, CARRY_ACWR);
  if (day !== day) return null;
  const t = ctx.t;
  const i = day - ctx.from;
  const s = ctx.series;
  const ratio = s.acwrEwma[i];
  const est = estimatedSentence(ctx, i - 27, i);
  const text = [
    msg("acwr", {
      day: formatDay(day),
      measure: t.loadMeasure,
      ratio,
      threshold: t.acwrHigh,
      acute: s.ewmaAcute[i],
      chronic: s.ewmaChronic[i],
    }),
    est.message,
    msg("acwrCaveat"),
  ];
  const values: Record<string, FlagValue> = {
    acwrEwma: round(ratio),
    ewmaAcute: round(s.ewmaAcute[i], 3),
    ewmaChronic: round(s.ewmaChronic[i], 3),
    threshold: t.acwrHigh,
    loadMeasure: t.loadMeasure,
  };
  if (t.loadMeasure === "srpe") {
    values.estimatedRpeSessions = est.estimated;
    values.sessionsInWindow = est.sessions;
  }
  Object.assign(values, weekCap(ctx, firstCarrying(ctx, a, CARRY_ACWR)));
  return makeFlag("acwr-high", "caution", day, values, text);
}

function monotonyFlag(ctx: FlagContext, a: number): Flag | null {
  const day = latestCarrying(ctx, a, CARRY_MONOTONY);
  if (day !== day) return null;
  const t = ctx.t;
  const i = day - ctx.from;
  const s = ctx.series;
  const mono = s.monotony[i];
  const weekLoad = sumRange(s.load, i - 6, i);
  const mean = weekLoad / 7;
  const est = estimatedSentence(ctx, i - 6, i);
  const text = [
    msg("monotony", {
      measure: t.loadMeasure,
      monotony: mono,
      day: formatDay(day),
      threshold: t.monotonyHigh,
      mean,
      sd: mean / mono,
      strain: s.strain[i],
    }),
    est.message,
  ];
  const values: Record<string, FlagValue> = {
    monotony: round(mono),
    strain: round(s.strain[i], 2),
    weeklyLoad: round(weekLoad, 3),
    meanDailyLoad: round(mean, 3),
    sdDailyLoad: round(mean / mono, 3),
    threshold: t.monotonyHigh,
    loadMeasure: t.loadMeasure,
  };
  if (t.loadMeasure === "srpe") {
    values.estimatedRpeSessions = est.estimated;
    values.sessionsInWindow = est.sessions;
  }
  return makeFlag("monotony-high", "caution", day, values, text);
}

// ---------- back pain ----------

function inWindow<T extends { day: number }>(list: readonly T[], from: number, to: number): T[] {
  return list.filter((x) => x.day >= from && x.day <= to);
}

interface PainTrigger {
  day: number;
  nrsDay: number | null;
  zone: BackZone;
  nrs: number | null;
  previousNrs: number | null;
  previousDay: number | null;
  high: boolean;
  rise: boolean;
  ostrc: ScoredOstrc | null;
}

function backPainFlag(ctx: FlagContext, a: number): Flag | null {
  const t = ctx.t;
  const triggers: PainTrigger[] = [];
  for (const zone of BACK_ZONES) {
    const reports = ctx.pains.filter((p) => p.zone === zone && p.day <= a);
    const latest = reports.length > 0 ? reports[reports.length - 1] : null;
    let trig: PainTrigger | null = null;
    if (latest && latest.day >= a - 13) {
      const prev = reports.length > 1 ? reports[reports.length - 2] : null;
      const prevOk = prev !== null && prev.day >= latest.day - 14;
      const high = atLeast(latest.nrs, t.painNrsHigh);
      const rise = prevOk && atLeast(latest.nrs - (prev as ParsedPainReport).nrs, t.painNrsRise);
      if (high || rise) {
        trig = {
          day: latest.day,
          nrsDay: latest.day,
          zone,
          nrs: latest.nrs,
          previousNrs: prevOk ? (prev as ParsedPainReport).nrs : null,
          previousDay: prevOk ? (prev as ParsedPainReport).day : null,
          high,
          rise,
          ostrc: null,
        };
      }
    }
    const subst = inWindow(ctx.ostrc, a - 6, a).filter((o) => o.zone === zone && o.substantial);
    const o = subst.length > 0 ? subst[subst.length - 1] : null;
    if (o) {
      if (trig) {
        trig.ostrc = o;
        if (o.day > trig.day) trig.day = o.day;
      } else {
        trig = { day: o.day, nrsDay: null, zone, nrs: null, previousNrs: null, previousDay: null, high: false, rise: false, ostrc: o };
      }
    }
    if (trig) triggers.push(trig);
  }
  if (triggers.length === 0) return null;
  triggers.sort((x, y) => y.day - x.day || (y.nrs ?? -1) - (x.nrs ?? -1));
  const main = triggers[0];
  // Each sentence names the trigger that held: a report that is high but lower than the one before is
  // "high", never "rising".
  const text: EngineMessage[] = [];
  for (const g of triggers) {
    if (g.nrs !== null && g.nrsDay !== null && g.rise && g.previousNrs !== null && g.previousDay !== null) {
      text.push(
        msg("painRose", {
          rise: g.nrs - g.previousNrs,
          zone: g.zone,
          previousNrs: g.previousNrs,
          previousDay: formatDay(g.previousDay),
          nrs: g.nrs,
          nrsDay: formatDay(g.nrsDay),
          riseThreshold: t.painNrsRise,
          high: g.high ? "yes" : "no",
          nrsThreshold: t.painNrsHigh,
        }),
      );
    } else if (g.nrs !== null && g.nrsDay !== null && g.high) {
      const before = g.previousNrs !== null && g.previousDay !== null;
      text.push(
        msg("painHigh", {
          nrs: g.nrs,
          nrsDay: formatDay(g.nrsDay),
          zone: g.zone,
          nrsThreshold: t.painNrsHigh,
          trend: !before ? "none" : (g.nrs as number) < (g.previousNrs as number) ? "down" : g.nrs === g.previousNrs ? "same" : "up",
          previousNrs: g.previousNrs,
          previousDay: g.previousDay !== null ? formatDay(g.previousDay) : null,
        }),
      );
    }
    if (g.ostrc) {
      text.push(msg("painOstrc", { zone: g.zone, ostrcDay: formatDay(g.ostrc.day), severity: g.ostrc.severity }));
    }
  }
  text.push(msg("painAdvice"));
  const reasons: string[] = [];
  if (main.high) reasons.push("nrs-high");
  if (main.rise) reasons.push("nrs-rise");
  if (main.ostrc) reasons.push("ostrc-substantial");
  return makeFlag(
    "back-pain-rising",
    "warning",
    main.day,
    {
      zone: main.zone,
      nrs: main.nrs,
      previousNrs: main.previousNrs,
      previousDate: main.previousDay !== null ? formatDay(main.previousDay) : null,
      rise: main.rise && main.nrs !== null && main.previousNrs !== null ? main.nrs - main.previousNrs : null,
      nrsChange: main.nrs !== null && main.previousNrs !== null ? main.nrs - main.previousNrs : null,
      ostrcSeverity: main.ostrc ? main.ostrc.severity : null,
      ostrcDate: main.ostrc ? formatDay(main.ostrc.day) : null,
      nrsThreshold: t.painNrsHigh,
      riseThreshold: t.painNrsRise,
      reasons,
      zones: triggers.map((g) => g.zone),
    },
    text,
  );
}

function painAfterOverloadFlag(ctx: FlagContext, a: number): Flag | null {
  const t = ctx.t;
  const candidates = new Map<number, { nrs: number | null; zone: BackZone; ostrc: number | null }>();
  for (const p of inWindow(ctx.pains, a - 13, a)) {
    if (!atLeast(p.nrs, t.painAfterOverloadNrs)) continue;
    const c = candidates.get(p.day);
    if (!c || c.nrs === null || p.nrs > c.nrs) candidates.set(p.day, { nrs: p.nrs, zone: p.zone, ostrc: c?.ostrc ?? null });
  }
  for (const o of inWindow(ctx.ostrc, a - 13, a)) {
    if (!o.substantial) continue;
    const c = candidates.get(o.day);
    if (c) c.ostrc = Math.max(c.ostrc ?? 0, o.severity);
    else candidates.set(o.day, { nrs: null, zone: o.zone, ostrc: o.severity });
  }
  const days = [...candidates.keys()].sort((x, y) => y - x);
  for (const p of days) {
    for (let d = p - 1; d >= p - 7; d--) {
      const bits = carryAt(ctx, d - ctx.from);
      if (bits === 0) continue;
      const rules = OVERLOAD_BITS.filter(([, b]) => bits & b).map(([id]) => id);
      const c = candidates.get(p) as { nrs: number | null; zone: BackZone; ostrc: number | null };
      const text = [
        msg("painAfterOverload", {
          day: formatDay(p),
          kind: c.nrs !== null ? "nrs" : "ostrc",
          zoneName: c.zone,
          nrs: c.nrs,
          ostrc: c.ostrc,
          days: p - d,
          overloadDay: formatDay(d),
          rules,
        }),
        msg("painAfterOverloadAdvice"),
      ];
      return makeFlag(
        "pain-after-overload",
        "warning",
        p,
        {
          zone: c.zone,
          nrs: c.nrs,
          ostrcSeverity: c.ostrc,
          overloadDate: formatDay(d),
          overloadRules: rules,
          daysAfterOverload: p - d,
          nrsThreshold: t.painAfterOverloadNrs,
        },
        text,
      );
    }
  }
  return null;
}

/** Index of the first element of `list` (sorted by day) whose day is after `day`. */
function afterDay(list: readonly { day: number }[], day: number): number {
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
function lastClearance(ctx: FlagContext, a: number): number {
  const k = upperBound(ctx.clearances, a);
  return k > 0 ? ctx.clearances[k - 1] : -Infinity;
}

function redFlagFlag(ctx: FlagContext, a: number): Flag | null {
  // A clearance dated on or after a report ends it; nothing else does, however old the report.
  const cleared = lastClearance(ctx, a);
  const reports = ctx.redPains.slice(afterDay(ctx.redPains, cleared), afterDay(ctx.redPains, a));
  if (reports.length === 0) return null;
  const first = reports[0];
  const latest = reports[reports.length - 1];
  const symptoms: string[] = [];
  const zones: BackZone[] = [];
  const found: VisceralSource[] = [];
  for (let k = reports.length - 1; k >= 0; k--) {
    const r = reports[k];
    for (const s of r.redFlags) if (!symptoms.includes(s)) symptoms.push(s);
    if (!zones.includes(r.zone)) zones.push(r.zone);
    for (const v of possibleSourcesFor(r.zone, r.subArea, r.redFlags)) {
      if (!found.some((x) => x.organ === v.organ)) found.push(v);
    }
  }
  // What the symptoms point at comes before what the area's map adds.
  const pointed = new Set<string>([...CHEST_PAIN_SOURCES, CAUDA_EQUINA_SOURCE].map((v) => v.organ));
  const sources = [...found.filter((v) => pointed.has(v.organ)), ...found.filter((v) => !pointed.has(v.organ))];
  const emergency = symptoms.some((s) => EMERGENCY_SYMPTOM_IDS.has(s));
  const action = emergency ? EMERGENCY_ACTION : CLINICIAN_ACTION;
  const text: EngineMessage[] = [
    msg(emergency ? "redFlagEmergency" : "redFlagClinician", {
      same: reports.length === 1 || first.day === latest.day ? "yes" : "no",
      firstDay: formatDay(first.day),
      lastDay: formatDay(latest.day),
      symptoms,
    }),
  ];
  const notes: EngineMessage[] = [];
  if (symptoms.includes("chest-pain")) notes.push(msg("redFlagChest"));
  if (symptoms.some((s) => NEUROLOGICAL_SYMPTOM_IDS.has(s))) notes.push(msg("redFlagNerves"));
  const organs = sources.filter((v) => !pointed.has(v.organ));
  if (organs.length > 0) {
    // "the mid-back (dorsal), between the shoulder blades, can also come from ..."
    const subArea = latest.subArea && BACK_SUB_AREAS[latest.zone].some((x) => x.id === latest.subArea) ? latest.subArea : null;
    notes.push(
      msg("redFlagOrgans", {
        where: zones.length === 1 ? (subArea ? "subArea" : "zone") : "zones",
        zone: latest.zone,
        subArea,
        zones,
        sources: organs.map((v) => v.id),
      }),
    );
  }
  if (notes.length > 0) text.push(...notes, msg("redFlagSourcesNote"));
  const firstReportDate = formatDay(first.day);
  const flag = makeFlag(
    "red-flag",
    "referral",
    latest.day,
    {
      emergency,
      action,
      symptoms,
      zone: latest.zone,
      subArea: latest.subArea,
      zones,
      nrs: latest.nrs,
      possibleVisceralSources: sources.map((s) => s.organ),
      firstReportDate,
      reportCount: reports.length,
      lastClearanceDate: cleared === -Infinity ? null : formatDay(cleared),
    },
    text,
  );
  flag.triage = {
    emergency,
    action,
    symptoms,
    zone: latest.zone,
    subArea: latest.subArea,
    visceralSources: sources,
    firstReportDate,
  };
  return flag;
}

/**
 * `severe-back-pain` on day `a` (SEVERE_PAIN_RULE): a report with NRS >= 8 in a-13..a; or persisting
 * pain, 3 or more reports with NRS >= 5 in a-27..a whose first and last are 14 or more calendar days
 * apart (both included) and whose last is in a-13..a. Any zone counts. Dated by the latest report that
 * triggered it. The caller leaves it out while a red flag is active: the referral comes first.
 */
function severePainFlag(ctx: FlagContext, a: number): Flag | null {
  const R = SEVERE_PAIN_RULE;
  const recentFrom = a - (R.severeWindowDays - 1);
  const lo = afterDay(ctx.pains, a - R.persistentWindowDays);
  const hi = afterDay(ctx.pains, a);
  let severe: ParsedPainReport | null = null;
  const lasting: ParsedPainReport[] = [];
  for (let k = lo; k < hi; k++) {
    const p = ctx.pains[k];
    if (p.day >= recentFrom && atLeast(p.nrs, R.severeNrs) && (!severe || p.day > severe.day || p.nrs > severe.nrs)) severe = p;
    if (atLeast(p.nrs, R.persistentNrs)) lasting.push(p);
  }
  const last = lasting.length > 0 ? lasting[lasting.length - 1] : null;
  const span = last ? last.day - lasting[0].day + 1 : 0;
  const persists = last !== null && lasting.length >= R.persistentReports && last.day >= recentFrom && span >= R.persistentSpanDays;
  if (!severe && !persists) return null;
  const main = severe && (!persists || severe.day >= (last as ParsedPainReport).day) ? severe : (last as ParsedPainReport);
  const text: EngineMessage[] = [];
  const reasons: string[] = [];
  if (severe) {
    reasons.push("nrs-severe");
    text.push(msg("severeNrs", { nrs: severe.nrs, day: formatDay(severe.day), zone: severe.zone }));
  }
  if (persists) {
    reasons.push("nrs-persistent");
    text.push(
      msg("severePersistent", {
        nrs: R.persistentNrs,
        count: lasting.length,
        fromDay: formatDay(lasting[0].day),
        toDay: formatDay((last as ParsedPainReport).day),
        days: span,
      }),
    );
  }
  text.push(msg("severeAdvice"));
  return makeFlag(
    "severe-back-pain",
    "warning",
    main.day,
    {
      reasons,
      zone: main.zone,
      nrs: main.nrs,
      reportDate: formatDay(main.day),
      zones: [...new Set([...(severe ? [severe.zone] : []), ...(persists ? lasting.map((p) => p.zone) : [])])],
      persistentReports: persists ? lasting.length : null,
      persistentFrom: persists ? formatDay(lasting[0].day) : null,
      persistentDays: persists ? span : null,
      severeNrs: R.severeNrs,
      persistentNrs: R.persistentNrs,
    },
    text,
  );
}

/** The day of the last RUN session before `day`, or NaN. */
function lastRunBefore(ctx: FlagContext, day: number): number {
  const k = upperBound(ctx.runDays, day - 1);
  return k > 0 ? ctx.runDays[k - 1] : NaN;
}

function runsOn(ctx: FlagContext, day: number): number {
  const i = day - ctx.from;
  return i >= 0 && i < ctx.m ? ctx.runCount[i] : 0;
}

/**
 * `return-to-run` on day `a` (RETURN_TO_RUN_RULE; pain-monitoring model after Silbernagel 2007).
 *
 * Start S: a clearance, or a run that follows 14 or more days without a RUN session (with an earlier run
 * on record: the first run on record shows no break). The latest start in a-13..a counts, so the flag is
 * active for the start day and the 13 days after it; a clearance and a break on the same day count as the
 * clearance.
 *
 * Current step: the return begins at step 1 and walks the days S..a. On a day with a pain report above
 * 3/10 (any zone) it goes back a step (not below 1). On a day with a run and no such report, it moves up a
 * step (not above the last) unless the next day brings a report above 3/10 (pain that has not settled by
 * the next morning); a run on `a` itself counts as pain-free until a report says otherwise. Several runs on
 * one day count as one. The step on `a` is the step the next run should follow.
 *
 * A run goes beyond its step when it lasts longer than the step's session (walking included); every such
 * run is named (`overStepRunIds`), and the flag is dated by the latest one, or by S. Suppressed while a
 * red flag is active (the caller leaves it out).
 */
function returnToRunFlag(ctx: FlagContext, a: number): Flag | null {
  const R = RETURN_TO_RUN_RULE;
  const windowFrom = a - (R.windowDays - 1);
  let start = NaN;
  let byBreak = false;
  let gap = NaN;
  const cleared = lastClearance(ctx, a);
  if (cleared >= windowFrom) start = cleared;
  for (let d = a; d >= windowFrom && !(d <= start); d--) {
    if (runsOn(ctx, d) === 0) continue;
    const before = lastRunBefore(ctx, d);
    if (before === before && d - before - 1 >= R.breakDays) {
      start = d;
      byBreak = true;
      gap = d - before - 1;
      break;
    }
  }
  if (start !== start) return null;

  const steps = R.steps;
  const high = new Uint8Array(a - start + 2);
  for (let k = afterDay(ctx.pains, start - 1); k < ctx.pains.length && ctx.pains[k].day <= a; k++) {
    if (exceeds(ctx.pains[k].nrs, R.painMaxNrs)) high[ctx.pains[k].day - start] = 1;
  }
  const runs = ctx.allRuns;
  let r = afterDay(runs, start - 1);
  let step = 0;
  let runCount = 0;
  const over: { run: ParsedSession; step: number }[] = [];
  for (let d = start; d <= a; d++) {
    const i = d - start;
    let ran = false;
    while (r < runs.length && runs[r].day === d) {
      ran = true;
      runCount++;
      if (exceeds(runs[r].durationMin, steps[step].totalMin)) over.push({ run: runs[r], step });
      r++;
    }
    if (high[i]) step = Math.max(0, step - 1);
    else if (ran && !(d < a && high[i + 1])) step = Math.min(steps.length - 1, step + 1);
  }
  const current = steps[step];
  const end = start + R.windowDays - 1;
  const latestOver = over.length > 0 ? over[over.length - 1] : null;
  const text: EngineMessage[] = [
    byBreak
      ? msg("rtrStartBreak", { startDay: formatDay(start), breakDays: gap, endDay: formatDay(end) })
      : msg("rtrStartClearance", { startDay: formatDay(start), endDay: formatDay(end) }),
    msg("rtrSteps", {
      stepLabels: steps.map((x) => String(x.step)),
      painMaxNrs: R.painMaxNrs,
      step: step + 1,
      stepCount: steps.length,
      stepLabel: String(current.step),
      maxMin: current.totalMin,
    }),
  ];
  if (latestOver) {
    const limit = steps[latestOver.step];
    text.push(
      msg("rtrOver", {
        runMin: Math.round(latestOver.run.durationMin),
        runDay: formatDay(latestOver.run.day),
        limitLabel: String(limit.step),
        limitMin: limit.totalMin,
      }),
    );
    if (over.length > 1) text.push(msg("rtrOverCount", { count: over.length }));
  }
  return makeFlag(
    "return-to-run",
    "caution",
    latestOver ? latestOver.run.day : start,
    {
      startedBy: byBreak ? "break" : "clearance",
      startDate: formatDay(start),
      endDate: formatDay(end),
      breakDays: byBreak ? gap : null,
      step: step + 1,
      steps: steps.length,
      stepLabel: current.label,
      maxRunMin: current.totalMin,
      runMin: current.runMin,
      painMaxNrs: R.painMaxNrs,
      runsSinceStart: runCount,
      overStepRunIds: over.map((o) => o.run.id),
      overStepDate: latestOver ? formatDay(latestOver.run.day) : null,
      overStepRunMin: latestOver ? round(latestOver.run.durationMin, 1) : null,
      overStepLimitMin: latestOver ? steps[latestOver.step].totalMin : null,
    },
    text,
  );
}

// ---------- habits, equipment, profile ----------

function compensatoryFlag(ctx: FlagContext, a: number): Flag | null {
  const t = ctx.t;
  const from = a - 13 - ctx.from;
  const to = a - ctx.from;
  const runs = sumRange(ctx.runCount, from, to);
  const core = sumRange(ctx.coreCount, from, to);
  if (runs < t.compensatoryMinRuns || core >= t.compensatoryMinSessions) return null;
  const text = [
    msg("compensatory", { runs, core, day: formatDay(a), minSessions: t.compensatoryMinSessions, minRuns: t.compensatoryMinRuns }),
    msg("compensatoryEvidence"),
  ];
  return makeFlag(
    "compensatory-deficit",
    "caution",
    a,
    { runs, coreOrStrengthSessions: core, windowDays: 14, minRuns: t.compensatoryMinRuns, minSessions: t.compensatoryMinSessions },
    text,
  );
}

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
function wellnessDropFlag(ctx: FlagContext, a: number): Flag | null {
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

function upperBound(days: number[], day: number): number {
  let lo = 0;
  let hi = days.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (days[mid] <= day) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Days and cumulative km of a shoe's runs in day order (built once per shoe, when needed). */
function shoeHistory(s: ShoeTrack): { days: number[]; cum: number[] } {
  if (s.sortedDays === null || s.cumKm === null) {
    const order = s.days.map((_, i) => i).sort((x, y) => s.days[x] - s.days[y] || x - y);
    s.sortedDays = order.map((i) => s.days[i]);
    let acc = 0;
    s.cumKm = order.map((i) => (acc += s.kms[i]));
  }
  return { days: s.sortedDays, cum: s.cumKm };
}

function shoeFlag(ctx: FlagContext, a: number): Flag | null {
  const t = ctx.t;
  const retired = ctx.profile?.retiredShoeIds;
  const over: { shoe: ShoeTrack; km: number }[] = [];
  for (const s of ctx.shoes) {
    if (retired && retired.has(s.id)) continue;
    // Most shoes never reach the limit: skip them without ordering their runs.
    if (!exceeds(s.totalKm, t.shoeKm)) continue;
    let total = s.totalKm;
    if (s.lastDay > a) {
      const h = shoeHistory(s);
      const k = upperBound(h.days, a);
      total = s.preKm + (k === 0 ? 0 : h.cum[k - 1]);
      if (!exceeds(total, t.shoeKm)) continue;
    }
    over.push({ shoe: s, km: total });
  }
  if (over.length === 0) return null;
  over.sort((x, y) => y.km - x.km || (x.shoe.id < y.shoe.id ? -1 : 1));
  const top = over[0];
  // The day the shoe passed the limit; when its distance from before the sessions given already had,
  // there is no such day and the flag is dated the day judged.
  let crossed = a;
  let since: number | null = null;
  if (!exceeds(top.shoe.preKm, t.shoeKm)) {
    const h = shoeHistory(top.shoe);
    let j = 0;
    while (j < h.days.length - 1 && !exceeds(top.shoe.preKm + h.cum[j], t.shoeKm)) j++;
    crossed = h.days[j];
    since = crossed;
  }
  const text = [
    msg("shoe", { shoe: top.shoe.id, km: top.km, limitKm: t.shoeKm, sinceDay: since === null ? null : formatDay(since) }),
    over.length > 1 ? msg("shoeOthers", { count: over.length - 1 }) : null,
    msg("shoeRule"),
  ];
  return makeFlag(
    "shoe-mileage",
    "info",
    crossed,
    { shoeId: top.shoe.id, km: round(top.km, 1), limitKm: t.shoeKm, shoeIds: over.map((o) => o.shoe.id) },
    text,
  );
}

function surfaceFlag(ctx: FlagContext, a: number): Flag | null {
  const t = ctx.t;
  const recent = new Map<string, { km: number; lastDay: number }>();
  let recentTotal = 0;
  const prior = new Map<string, number>();
  let priorTotal = 0;
  for (const r of ctx.runs) {
    if (r.day > a || r.day < a - 34) continue;
    const d = r.distanceKm as number;
    if (r.day >= a - 6) {
      recentTotal += d;
      if (r.surface !== null) {
        const e = recent.get(r.surface) ?? { km: 0, lastDay: r.day };
        e.km += d;
        if (r.day > e.lastDay) e.lastDay = r.day;
        recent.set(r.surface, e);
      }
    } else {
      priorTotal += d;
      if (r.surface !== null) prior.set(r.surface, (prior.get(r.surface) ?? 0) + d);
    }
  }
  if (!(recentTotal > 0) || !(priorTotal > 0)) return null;
  let best: { surface: string; km: number; lastDay: number; share: number; priorShare: number; priorKm: number } | null = null;
  for (const [surface, e] of recent) {
    const share = e.km / recentTotal;
    const priorKm = prior.get(surface) ?? 0;
    const priorShare = priorKm / priorTotal;
    if (!atLeast(share, t.surfaceNewShare) || atLeast(priorShare, t.surfacePriorShare)) continue;
    if (!best || share > best.share) best = { surface, km: e.km, lastDay: e.lastDay, share, priorShare, priorKm };
  }
  if (!best) return null;
  const text = [
    msg("surface", {
      share: best.share,
      recentKm: best.km,
      totalKm: recentTotal,
      surface: best.surface,
      priorShare: best.priorShare,
      newShare: t.surfaceNewShare,
      priorMax: t.surfacePriorShare,
    }),
  ];
  return makeFlag(
    "surface-change",
    "info",
    best.lastDay,
    {
      surface: best.surface,
      recentKm: round(best.km, 3),
      recentTotalKm: round(recentTotal, 3),
      recentShare: round(best.share),
      priorKm: round(best.priorKm, 3),
      priorTotalKm: round(priorTotal, 3),
      priorShare: round(best.priorShare),
    },
    text,
  );
}

function ageOn(birthDay: number, day: number): number {
  const b = civilFromDays(birthDay);
  const d = civilFromDays(day);
  let age = d.y - b.y;
  if (d.m < b.m || (d.m === b.m && d.d < b.d)) age--;
  return age;
}

function profileFlags(ctx: FlagContext, a: number): Flag[] {
  const p = ctx.profile;
  if (!p) return [];
  const t = ctx.t;
  const out: Flag[] = [];
  if (p.legLengthDiscrepancyMm !== null && atLeast(p.legLengthDiscrepancyMm, t.legLengthMm)) {
    out.push(
      makeFlag(
        "leg-length-discrepancy",
        "info",
        a,
        { legLengthDiscrepancyMm: p.legLengthDiscrepancyMm, thresholdMm: t.legLengthMm },
        [msg("legLength", { mm: round(p.legLengthDiscrepancyMm, 1), thresholdMm: t.legLengthMm })],
      ),
    );
  }
  if (p.footprintType === null || p.footprintType === "unassessed") {
    out.push(
      makeFlag(
        "footprint-unassessed",
        "info",
        a,
        { footprintType: p.footprintType ?? "unassessed" },
        [msg("footprint")],
      ),
    );
  }
  if (p.postureLoad.length > 0) {
    out.push(
      makeFlag(
        "posture-load",
        "info",
        a,
        { postureLoad: [...p.postureLoad] },
        [msg("posture", { postures: [...p.postureLoad] })],
      ),
    );
  }
  if (p.birthDay !== null) {
    const age = ageOn(p.birthDay, a);
    if (age >= t.mastersAge) {
      out.push(
        makeFlag(
          "masters-athlete",
          "info",
          a,
          { age, thresholdAge: t.mastersAge },
          [msg("masters", { age, thresholdAge: t.mastersAge })],
        ),
      );
    }
  }
  return out;
}

const SEVERITY_RANK: Record<Severity, number> = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<
  Severity,
  number
>;

/** Severity (referral first), then date (latest first), then id. */
export function compareFlags(x: Flag, y: Flag): number {
  return (
    SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] ||
    (x.date < y.date ? 1 : x.date > y.date ? -1 : 0) ||
    (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)
  );
}

/** The flags active on epoch day `a`, unsorted. */
export function flagsOn(ctx: FlagContext, a: number): Flag[] {
  const out: Flag[] = [];
  const push = (f: Flag | null) => {
    if (f) out.push(f);
  };
  const red = redFlagFlag(ctx, a);
  push(red);
  if (ctx.m > 0) {
    push(sessionSpikeFlag(ctx, a));
    push(weeklyFlag(ctx, a));
    push(acwrFlag(ctx, a));
    push(monotonyFlag(ctx, a));
  }
  push(backPainFlag(ctx, a));
  // The referral comes first: severe pain and the graded return wait until the clearance.
  if (!red) {
    push(severePainFlag(ctx, a));
    push(returnToRunFlag(ctx, a));
  }
  push(painAfterOverloadFlag(ctx, a));
  if (ctx.m > 0) {
    push(compensatoryFlag(ctx, a));
    push(surfaceFlag(ctx, a));
  }
  // Shoe wear reads only the shoes, which a profile's earlier distances can fill without any session.
  push(shoeFlag(ctx, a));
  push(wellnessDropFlag(ctx, a));
  out.push(...profileFlags(ctx, a));
  return out;
}

/** Validates threshold overrides given with an evaluation, naming fields under "thresholds.". */
export function thresholdsFromInput(raw: unknown): Thresholds {
  try {
    return resolveThresholds(raw as Partial<Thresholds> | undefined);
  } catch (e) {
    if (e instanceof ThresholdOverrideError) {
      throw new ThresholdOverrideError(e.issues.map((i) => ({ field: `thresholds.${i.field}`, message: i.message })));
    }
    throw e;
  }
}

export interface EvaluateFlagsInput {
  asOf: string;
  sessions: EngineSession[];
  painReports: EnginePainReport[];
  ostrc?: EngineOstrc[];
  /** Daily wellness check-ins (default none); the rule reads the 31 days before asOf and asOf itself. */
  wellness?: EngineWellness[];
  profile?: EngineProfile;
  thresholds?: Partial<Thresholds>;
  /**
   * Recorded clearances (default none). Pass every red-flag report since the last clearance, however old:
   * a red flag lasts until a clearance dated on or after its report.
   */
  clearances?: EngineClearance[];
}

/**
 * The flags active on `asOf`, sorted by severity (referral, warning, caution, info), then date (latest
 * first). Only data on or before asOf is used. Windows are calendar days, both ends included:
 *
 * - Overload rules (`session-spike`, `weekly-distance-increase`, `acwr-high`, `monotony-high`): a day t
 *   carries a rule when it holds on t with the data up to t; the flag is active when a day in asOf-6..asOf
 *   carries it, dated the latest such day. session-spike: the day's largest spike > spikeCaution (0.10;
 *   warning when a spike of the window > spikeWarning 0.30; Frandsen 2025), a run after a break measured
 *   against the 30 days before the break (see detectSessionSpikes). weekly-distance-increase:
 *   weekly distance change > 0.30 with a 3-week weekly mean >= 10 km (Nielsen 2014). acwr-high: acwrEwma
 *   >= 1.5 (Gabbett 2016, Williams 2017; critique Impellizzeri 2020/2021). monotony-high: monotony > 2.0
 *   (Foster 1998). acwr-high and monotony-high use `thresholds.loadMeasure` (sRPE by default, a session
 *   without RPE counting as RPE 5; the explanation says how many were).
 * - `pain-after-overload`: a report with NRS >= 3 or a substantial OSTRC problem on a day p in
 *   asOf-13..asOf, after a day in p-7..p-1 that carries an overload rule; dated the latest such p.
 * - `back-pain-rising`: per zone, the latest report in asOf-13..asOf has NRS >= 4, or rose by >= 2 over
 *   the previous report of that zone (at most 14 days earlier) (Farrar 2001); or an OSTRC entry in
 *   asOf-6..asOf shows a substantial problem (Clarsen 2013). Dated the latest trigger; the explanation
 *   names the trigger that held (a fall from 7 to 4 is high, never rising).
 * - Deload caps ride on the overload flags (values `maxRunKm`, `maxWeekRunKm`): from the baseline before the
 *   first day of asOf-6..asOf that carried the rule (`capFromDate`), never from the overload itself: 1.1 x
 *   the spike's reference (`baselineRunKm`), 1.1 x the average week of the 3 weeks before that day's week
 *   (`baselineWeekKm`), each rounded down to 0.1 km.
 * - `red-flag`: any red-flag symptom (or pain that is not mechanical) in a report on or before asOf, active
 *   from the report until a clearance dated on or after it (and on or before asOf); it never expires by
 *   itself. Emergency symptoms in any report not yet cleared say "seek emergency care now", others "see a
 *   clinician"; `triage` names the possible sources (the heart and the aorta with chest pain, the nerves of
 *   the lower back with the neurological emergencies, the organs that refer pain to the reported area) and
 *   the date of the earliest report not cleared (NICE NG59; Finucane 2020). Dated by the latest such report.
 * - `severe-back-pain` (while no red flag is active): a report with NRS >= 8 in asOf-13..asOf, or 3 or more
 *   reports with NRS >= 5 in asOf-27..asOf spread over 14 or more days, the last in asOf-13..asOf (NICE
 *   NG59: assess, do not load through severe pain). See severePainFlag.
 * - `return-to-run` (while no red flag is active): from a clearance, or from a first run after 14 or more
 *   days without running, for 14 days: the current step of the graded return (run-walk, then 20, 30, 40
 *   min) and every run beyond its step (pain-monitoring model, Silbernagel 2007). See returnToRunFlag.
 * - `compensatory-deficit`: >= 3 runs and < 2 CORE or STRENGTH sessions in asOf-13..asOf (Lauersen 2014,
 *   Steffens 2016); dated asOf.
 * - `shoe-mileage`: a shoe not retired with more than 700 run km up to asOf, counting the distance it
 *   carried before the sessions given (`profile.shoeKmBefore`); dated the day it passed 700, or asOf when
 *   it had already passed before those sessions.
 * - `surface-change`: >= 50% of the run km of asOf-6..asOf on a surface with < 10% of the (non-zero) run
 *   km of asOf-34..asOf-7; dated that surface's latest run.
 * - Profile flags (`leg-length-discrepancy` >= 10 mm, `footprint-unassessed`, `posture-load`,
 *   `masters-athlete` age >= 40 on asOf), from the profile as given; none without a profile. Dated asOf.
 * - `wellness-drop`: the daily check-in's Hooper sum at or above the mean + 1.5 sample standard
 *   deviations of the check-ins of the 28 days before it (at least 10 of them), on 2 consecutive days;
 *   active while the second of them is in asOf-2..asOf and no later check-in is no longer worse than usual
 *   (Saw 2016). See wellnessDropFlag.
 *
 * One flag per id. Throws EngineInputError naming the field on invalid input, ThresholdOverrideError
 * ("thresholds.<key>") on invalid thresholds.
 */
export function evaluateFlags(input: EvaluateFlagsInput): Flag[] {
  const o = requireObject(input, "input");
  const asOfDay = parseDay(o.asOf, "asOf");
  return flagsOn(contextFrom(o, asOfDay), asOfDay).sort(compareFlags);
}

/** The checked input's context for evaluating days up to endDay (from firstEvalDay, when given). */
function contextFrom(o: Record<string, unknown>, endDay: number, firstEvalDay?: number) {
  // Thresholds first: with several bad fields, the error names the same one as before.
  const thresholds = thresholdsFromInput(o.thresholds);
  return buildFlagContext({
    sessions: parseSessions(o.sessions, "sessions"),
    pains: parsePainReports(o.painReports, "painReports"),
    ostrc: parseOstrcList(o.ostrc, "ostrc"),
    wellness: parseWellnessList(o.wellness, "wellness"),
    profile: parseProfile(o.profile),
    clearances: parseClearances(o.clearances, "clearances"),
    thresholds,
    endDay,
    ...(firstEvalDay === undefined ? {} : { firstEvalDay }),
  });
}

/**
 * The flags active on each of `days` (sorted like evaluateFlags), each day judged only on the data up to
 * it: for every day d, the result equals evaluateFlags({ ...input, asOf: d }) with the sessions, pain
 * reports, OSTRC entries, wellness check-ins and clearances after d left out. One context serves all days, so a 12-week history of an
 * athlete costs about one evaluation rather than twelve. `days` must be valid dates; data after the
 * latest day is ignored.
 */
export function evaluateFlagsOn(input: Omit<EvaluateFlagsInput, "asOf"> & { days: string[] }): Flag[][] {
  const o = requireObject(input, "input");
  if (!Array.isArray(o.days)) throw new EngineInputError("days", "must be an array of dates");
  const days = o.days.map((d, i) => parseDay(d, `days[${i}]`));
  if (days.length === 0) return [];
  const ctx = contextFrom(o, Math.max(...days), Math.min(...days));
  return days.map((d) => flagsOn(ctx, d).sort(compareFlags));
}
