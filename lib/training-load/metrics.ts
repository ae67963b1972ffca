/**
 * Daily training-load metrics (domain reference, "Metrics contract"), computed in one pass with O(1) work
 * per day: running window sums, exponential recurrences, and exact bookkeeping for the cases where
 * floating-point running sums would lie (an emptied window must be exactly 0; a week of identical
 * loads has SD exactly 0).
 */
import { dayString, formatDay, parseDay } from "./dates";
import { EngineInputError } from "./errors";
import { DEFAULT_RPE, INPUT_LIMITS, METRIC_CONSTANTS } from "./thresholds";
import type { DailyMetrics, EngineSession, LoadMeasure } from "./types";
import { parseOneSession, requireArray, requireNumber, requireObject, type ParsedSession } from "./validate";

const LAMBDA_ACUTE = 2 / (METRIC_CONSTANTS.ewmaAcuteSpan + 1);
const LAMBDA_CHRONIC = 2 / (METRIC_CONSTANTS.ewmaChronicSpan + 1);
const FITNESS_DAYS = METRIC_CONSTANTS.fitnessDays;
const FATIGUE_DAYS = METRIC_CONSTANTS.fatigueDays;
/** Below this coefficient of variation the sum-of-squares variance is recomputed in two passes. */
const VARIANCE_RECHECK = 1e-4;
/** Window sums are rebuilt from scratch this often (days) so that rounding drift stays bounded. */
const REBUILD_EVERY = 64;

/**
 * The metric series as parallel arrays for days from..n-1 of a load series (index k = day index - from);
 * NaN stands for null. The flag rules read a few fields on a few recent days without building objects.
 */
export interface MetricSeries {
  /** Day index (in the load series) of element 0. */
  from: number;
  /** Number of stored days. */
  length: number;
  load: Float64Array;
  acuteLoad7: Float64Array;
  chronicLoad28: Float64Array;
  acwrRolling: Float64Array;
  acwrRollingUncoupled: Float64Array;
  ewmaAcute: Float64Array;
  ewmaChronic: Float64Array;
  acwrEwma: Float64Array;
  monotony: Float64Array;
  strain: Float64Array;
  fitness: Float64Array;
  fatigue: Float64Array;
  form: Float64Array;
  rampRate: Float64Array;
}

const SERIES_FIELDS = [
  "load",
  "acuteLoad7",
  "chronicLoad28",
  "acwrRolling",
  "acwrRollingUncoupled",
  "ewmaAcute",
  "ewmaChronic",
  "acwrEwma",
  "monotony",
  "strain",
  "fitness",
  "fatigue",
  "form",
  "rampRate",
] as const;

/** Number of columns of a MetricSeries. */
export const SERIES_COLUMNS = SERIES_FIELDS.length;

/** A series whose columns are views of `buffer` from `offset`, `length` days each. */
export function seriesView(buffer: Float64Array, offset: number, length: number): MetricSeries {
  const s = { from: 0, length } as MetricSeries;
  for (let j = 0; j < SERIES_FIELDS.length; j++) {
    s[SERIES_FIELDS[j]] = buffer.subarray(offset + j * length, offset + (j + 1) * length);
  }
  return s;
}

/** Arrays for `length` days, in one buffer (large typed arrays live outside the JS heap and are slow to allocate). */
function allocSeries(length: number): MetricSeries {
  return seriesView(new Float64Array(Math.max(1, length) * SERIES_FIELDS.length), 0, length);
}

/** Placeholder columns when the kernel writes objects instead. */
const EMPTY_SERIES: MetricSeries = allocSeries(0);

/**
 * A zeroed buffer of `n` loads, owned by the caller: each call gets its own, so evaluations that interleave
 * (async callers, re-entry) never share one.
 */
export function loadBuffer(n: number): Float64Array {
  return new Float64Array(Math.max(1, n));
}

function finiteOrNaN(x: number): number {
  return x - x === 0 ? x : NaN;
}

/** Population variance of L[i-6..i], two-pass (used only when the one-pass formula is ill-conditioned). */
function windowVariance(L: Float64Array, i: number): number {
  let s = 0;
  for (let j = i - 6; j <= i; j++) s += L[j];
  const mean = s / 7;
  let v = 0;
  for (let j = i - 6; j <= i; j++) {
    const d = L[j] - mean;
    v += d * d;
  }
  return v / 7;
}

/**
 * Computes every contract metric for the daily loads L[0..n-1] (day 0 = first day), storing days
 * from..n-1. One pass over all n days, O(1) work per day. Loads must already be validated (finite, >= 0).
 * Without `out`, fresh arrays are allocated. With `rows`, contract objects are written there instead of
 * the columns (`firstDay` being the epoch day of L[0]).
 */
export function computeSeries(
  L: Float64Array,
  n: number = L.length,
  from = 0,
  out?: MetricSeries,
  rows: DailyMetrics[] | null = null,
  firstDay = 0,
): MetricSeries {
  const first = Math.min(Math.max(0, from), n);
  const s = out ?? (rows !== null ? EMPTY_SERIES : allocSeries(n - first));
  if (rows === null) {
    s.from = first;
    s.length = n - first;
  }
  const load = s.load;
  const acute = s.acuteLoad7;
  const chronic = s.chronicLoad28;
  const acwrR = s.acwrRolling;
  const acwrU = s.acwrRollingUncoupled;
  const eAcute = s.ewmaAcute;
  const eChronic = s.ewmaChronic;
  const acwrE = s.acwrEwma;
  const mono = s.monotony;
  const strain = s.strain;
  const fit = s.fitness;
  const fat = s.fatigue;
  const form = s.form;
  const ramp = s.rampRate;

  // s7/q7: sum and sum of squares of L[i-6..i]; s21: sum of L[i-27..i-7] (the uncoupled chronic window).
  let s7 = 0;
  let q7 = 0;
  let s21 = 0;
  // Exact counts of non-zero days in the windows: an empty window has sum exactly 0, whatever the drift.
  let nz7 = 0;
  let nz21 = 0;
  // Number of j in i-5..i with L[j] !== L[j-1]: 0 exactly when the 7 loads are equal (SD 0).
  let breaks = 0;
  let ea = 0;
  let ec = 0;
  let F = 0;
  let A = 0;
  // Fitness of the last 8 days, for the 7-day ramp rate.
  const ring = [0, 0, 0, 0, 0, 0, 0, 0];

  for (let i = 0; i < n; i++) {
    const x = L[i];
    s7 += x;
    q7 += x * x;
    if (x !== 0) nz7++;
    if (i >= 1 && x !== L[i - 1]) breaks++;
    if (i >= 7) {
      const o = L[i - 7];
      if (o !== 0) {
        nz7--;
        s7 -= o;
        q7 -= o * o;
        // Removing a value that dominated the sum leaves mostly rounding error: rebuild exactly.
        if (s7 < o * 1e-6 || q7 < o * o * 1e-6) {
          s7 = 0;
          q7 = 0;
          for (let j = i - 6; j <= i; j++) {
            s7 += L[j];
            q7 += L[j] * L[j];
          }
        }
        nz21++;
        s21 += o;
      }
      if (L[i - 6] !== o) breaks--;
    }
    if (i >= 28) {
      const o = L[i - 28];
      if (o !== 0) {
        nz21--;
        s21 -= o;
        if (s21 < o * 1e-6) {
          s21 = 0;
          for (let j = i - 27; j <= i - 7; j++) s21 += L[j];
        }
      }
    }
    if (i % REBUILD_EVERY === REBUILD_EVERY - 1) {
      s7 = 0;
      q7 = 0;
      for (let j = i - 6 < 0 ? 0 : i - 6; j <= i; j++) {
        s7 += L[j];
        q7 += L[j] * L[j];
      }
      s21 = 0;
      for (let j = i - 27 < 0 ? 0 : i - 27; j <= i - 7; j++) s21 += L[j];
    }
    if (nz7 === 0) {
      s7 = 0;
      q7 = 0;
    }
    if (nz21 === 0) s21 = 0;

    // EWMA (Williams 2017): E[0] = L[0]; E[t] = lambda L[t] + (1 - lambda) E[t-1].
    if (i === 0) {
      ea = x;
      ec = x;
    } else {
      ea = LAMBDA_ACUTE * x + (1 - LAMBDA_ACUTE) * ea;
      ec = LAMBDA_CHRONIC * x + (1 - LAMBDA_CHRONIC) * ec;
    }
    // Form is yesterday's fitness minus yesterday's fatigue (0 on day 0).
    const tsb = F - A;
    F += (x - F) / FITNESS_DAYS;
    A += (x - A) / FATIGUE_DAYS;
    const F7 = ring[(i + 1) & 7]; // fitness[i - 7]
    ring[i & 7] = F;
    if (i < first) continue;

    let acuteV = NaN;
    let monoV = NaN;
    let strainV = NaN;
    if (i >= 6) {
      acuteV = s7 / 7;
      if (breaks !== 0) {
        const m2 = acuteV * acuteV;
        let v = q7 / 7 - m2;
        if (!(v > m2 * VARIANCE_RECHECK)) v = windowVariance(L, i);
        if (v > 0) {
          monoV = finiteOrNaN(acuteV / Math.sqrt(v));
          strainV = finiteOrNaN(s7 * monoV);
        }
      }
    }
    let chronicV = NaN;
    let acwrRV = NaN;
    let acwrUV = NaN;
    let acwrEV = NaN;
    if (i >= 27) {
      chronicV = (s7 + s21) / 28;
      if (nz7 + nz21 > 0) acwrRV = finiteOrNaN(acuteV / chronicV);
      if (nz21 > 0) acwrUV = finiteOrNaN(acuteV / (s21 / 21));
      if (ec !== 0) acwrEV = finiteOrNaN(ea / ec);
    }
    const rampV = i >= 7 ? F - F7 : NaN;

    const k = i - first;
    if (rows !== null) {
      // Building the objects here, rather than from stored columns, saves a write and a read per field.
      rows[k] = {
        date: dayString(firstDay + i),
        load: x,
        acuteLoad7: acuteV === acuteV ? acuteV : null,
        chronicLoad28: chronicV === chronicV ? chronicV : null,
        acwrRolling: acwrRV === acwrRV ? acwrRV : null,
        acwrRollingUncoupled: acwrUV === acwrUV ? acwrUV : null,
        ewmaAcute: ea,
        ewmaChronic: ec,
        acwrEwma: acwrEV === acwrEV ? acwrEV : null,
        monotony: monoV === monoV ? monoV : null,
        strain: strainV === strainV ? strainV : null,
        fitness: F,
        fatigue: A,
        form: tsb,
        rampRate: rampV === rampV ? rampV : null,
      };
    } else {
      load[k] = x;
      acute[k] = acuteV;
      chronic[k] = chronicV;
      acwrR[k] = acwrRV;
      acwrU[k] = acwrUV;
      eAcute[k] = ea;
      eChronic[k] = ec;
      acwrE[k] = acwrEV;
      mono[k] = monoV;
      strain[k] = strainV;
      fit[k] = F;
      fat[k] = A;
      form[k] = tsb;
      ramp[k] = rampV;
    }
  }
  return s;
}

function nullable(x: number): number | null {
  return x === x ? x : null;
}

/** Turns the arrays of `computeSeries` into contract objects; `firstDay` is the epoch day of element 0. */
export function seriesToDailyMetrics(s: MetricSeries, firstDay: number): DailyMetrics[] {
  const n = s.length;
  const out = new Array<DailyMetrics>(n);
  const { load, acuteLoad7, chronicLoad28, acwrRolling, acwrRollingUncoupled, ewmaAcute, ewmaChronic } = s;
  const { acwrEwma, monotony, strain, fitness, fatigue, form, rampRate } = s;
  for (let i = 0; i < n; i++) {
    out[i] = {
      date: dayString(firstDay + i),
      load: load[i],
      acuteLoad7: nullable(acuteLoad7[i]),
      chronicLoad28: nullable(chronicLoad28[i]),
      acwrRolling: nullable(acwrRolling[i]),
      acwrRollingUncoupled: nullable(acwrRollingUncoupled[i]),
      ewmaAcute: ewmaAcute[i],
      ewmaChronic: ewmaChronic[i],
      acwrEwma: nullable(acwrEwma[i]),
      monotony: nullable(monotony[i]),
      strain: nullable(strain[i]),
      fitness: fitness[i],
      fatigue: fatigue[i],
      form: form[i],
      rampRate: nullable(rampRate[i]),
    };
  }
  return out;
}

/** Full metric objects for loads L[0..n-1] whose day 0 is epoch day `firstDay`. */
export function dailyMetricsOf(L: Float64Array, n: number, firstDay: number): DailyMetrics[] {
  const rows = new Array<DailyMetrics>(n);
  computeSeries(L, n, 0, undefined, rows, firstDay);
  return rows;
}

/**
 * Daily training-load metrics, one object per calendar day.
 *
 * Series: every day from the earliest entry to `options.to` (default: the latest entry); entries on the
 * same day are summed, missing days are 0, entries after `to` are left out, and the result is empty when
 * there is no entry on or before `to`. Entries may come in any order.
 *
 * Fields (L = daily load, in the unit of the entries: AU for sRPE, km or minutes; i = day index):
 * - `acuteLoad7`: mean of L over the last 7 days (null for i < 6).
 * - `chronicLoad28`: mean of L over the last 28 days (null for i < 27).
 * - `acwrRolling`: acuteLoad7 / chronicLoad28, coupled (Gabbett 2016); null for i < 27 or a 0 denominator.
 * - `acwrRollingUncoupled`: acuteLoad7 / mean of L[t-27..t-7] (21 days; Windt & Gabbett 2019, Lolli 2019).
 * - `ewmaAcute`, `ewmaChronic`: EWMA with lambda = 2/(N+1), N = 7 and 28, E[0] = L[0] (Williams 2017).
 * - `acwrEwma`: ewmaAcute / ewmaChronic (null for i < 27 or a 0 denominator).
 * - `monotony`: mean / population SD of the last 7 days (Foster 1998); null for i < 6 or SD 0.
 * - `strain`: 7-day sum x monotony (Foster 1998); null with monotony.
 * - `fitness` (CTL) and `fatigue` (ATL): F[t] = F[t-1] + (L[t] - F[t-1]) / 42 (7 for fatigue), F[-1] = 0.
 * - `form` (TSB): yesterday's fitness - yesterday's fatigue, 0 on day 0.
 * - `rampRate`: fitness[t] - fitness[t-7] (null for i < 7).
 * Ratios that would be infinite are null; no field is ever NaN or Infinity.
 *
 * Throws EngineInputError (field "entries[i].date" / "entries[i].load" / "options.to") on a malformed
 * date or a load that is not a finite number in 0..1e9.
 */
export function computeDailyMetrics(entries: { date: string; load: number }[], options?: { to?: string }): DailyMetrics[] {
  const list = requireArray(entries, "entries");
  const m = list.length;
  let toDay = Infinity;
  if (options !== undefined && options !== null) {
    const o = requireObject(options, "options");
    if (o.to !== undefined && o.to !== null) toDay = parseDay(o.to, "options.to");
  }
  const days = new Float64Array(m);
  const loads = new Float64Array(m);
  let minDay = Infinity;
  let maxDay = -Infinity;
  for (let k = 0; k < m; k++) {
    const e = list[k] as { date?: unknown; load?: unknown } | null;
    if (typeof e !== "object" || e === null) throw new EngineInputError(`entries[${k}]`, "expected an object", "invalid-type");
    const d = parseDay(e.date, `entries[${k}].date`);
    const load = e.load;
    loads[k] =
      typeof load === "number" && load >= 0 && load <= INPUT_LIMITS.maxDailyLoad
        ? load
        : requireNumber(load, `entries[${k}].load`, 0, INPUT_LIMITS.maxDailyLoad);
    days[k] = d;
    if (d <= toDay) {
      if (d < minDay) minDay = d;
      if (d > maxDay) maxDay = d;
    }
  }
  if (minDay === Infinity) return [];
  const last = toDay === Infinity ? maxDay : toDay;
  const n = last - minDay + 1;
  const L = loadBuffer(n);
  for (let k = 0; k < m; k++) {
    const d = days[k];
    if (d <= last) L[d - minDay] += loads[k];
  }
  for (let i = 0; i < n; i++) {
    if (L[i] > INPUT_LIMITS.maxDailyLoad) {
      throw new EngineInputError(
        "entries",
        `the loads of ${formatDay(minDay + i)} add up to more than ${INPUT_LIMITS.maxDailyLoad}`,
        "out-of-range",
      );
    }
  }
  return dailyMetricsOf(L, n, minDay);
}

/** Load of a parsed session in a measure; a missing RPE counts as DEFAULT_RPE. */
export function parsedSessionLoad(s: ParsedSession, measure: LoadMeasure): number {
  if (measure === "srpe") return (s.rpe ?? DEFAULT_RPE) * s.durationMin;
  if (measure === "min") return s.durationMin;
  return s.type === "RUN" && s.distanceKm !== null ? s.distanceKm : 0;
}

/**
 * Load of one session.
 * - "srpe" (default; Foster 2001): CR-10 RPE x duration in minutes, in AU. A session without RPE counts as
 *   RPE 5 (the product's documented estimate).
 * - "km": running km (RUN sessions with a distance; 0 otherwise).
 * - "min": duration in minutes, any type.
 * Throws EngineInputError (fields "session.*") on invalid input.
 */
export function sessionLoad(session: EngineSession, measure: LoadMeasure = "srpe"): number {
  if (measure !== "srpe" && measure !== "km" && measure !== "min") {
    throw new EngineInputError("measure", `unknown load measure ${JSON.stringify(measure)}`, "unknown-value");
  }
  return parsedSessionLoad(parseOneSession(session), measure);
}
