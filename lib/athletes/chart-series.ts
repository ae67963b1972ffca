/**
 * Pure transforms from the kept daily totals (and a few small aggregates) to the series the athlete
 * charts draw. No database and no clock: lib/athletes/training.ts reads, these shape, the charts draw.
 */
import { computeDailyMetrics, type DailyMetrics, type LoadMeasure, type OverloadFlagId, type Thresholds } from "@/lib/training-load";
import { atLeast, exceeds } from "@/lib/training-load/thresholds";
// Epoch-day arithmetic and the shared date-string cache of the engine: a three-year range walks a few
// thousand days per chart, and building each date through Date objects showed up in page profiles.
import { dayString, parseDay } from "@/lib/training-load/dates";
import type { PainMark } from "./pain-series";

export type { PainMark, PainPoint } from "./pain-series";
export { joinPainSeries } from "./pain-series";

/** One DailyLoad row as the charts need it. */
export type DailyTotals = {
  date: string;
  srpeAu: number;
  durationMin: number;
  runKm: number;
  longestRunKm: number;
  /** Run km per surface (database enum keys, e.g. "ASPHALT"); null when no run had a surface. */
  runKmBySurface: Record<string, number> | null;
};

/** The unit a daily load is measured in, by the squad's load measure. */
export const LOAD_UNITS: Record<LoadMeasure, "AU" | "km" | "min"> = { srpe: "AU", km: "km", min: "min" };

/** A day's load in the squad's measure: sRPE (AU), running km, or minutes of any session. */
export function dailyLoadIn(t: DailyTotals, measure: LoadMeasure): number {
  return measure === "srpe" ? t.srpeAu : measure === "km" ? t.runKm : t.durationMin;
}

/**
 * One shown day. Loads and load averages are in the squad's measure (see LOAD_UNITS); ratios are
 * unitless. Null where the metric has no value yet (too few days of history, or a zero denominator).
 */
export type DailyPoint = {
  date: string;
  load: number;
  /** Mean load of the last 7 days. */
  acute: number | null;
  /** Mean load of the last 28 days. */
  chronic: number | null;
  ewmaAcute: number | null;
  ewmaChronic: number | null;
  /** Acute:chronic ratio of the exponentially weighted averages (the one the acwr-high flag reads). */
  acwr: number | null;
  /** Acute:chronic ratio of the rolling means, 28-day denominator (coupled). */
  acwrRolling: number | null;
  /** Acute:chronic ratio of the rolling means, denominator the 21 days before the acute week. */
  acwrRollingUncoupled: number | null;
  monotony: number | null;
  /** 7-day load x monotony. */
  strain: number | null;
  /** Sum of the last 7 days' loads. */
  weekLoad: number | null;
  fitness: number | null;
  fatigue: number | null;
  form: number | null;
  rampRate: number | null;
  /** Overload rules this day carries (see overloadRulesByDay). */
  overload: OverloadFlagId[];
};

const round = (x: number | null | undefined, digits: number) =>
  x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits;

const NO_RULES: OverloadFlagId[] = [];

/** Epoch day of the Monday of the week holding `day` (epoch day 0, 1970-01-01, was a Thursday). */
const mondayDay = (day: number) => day - ((((day + 3) % 7) + 7) % 7);

// Spikes compare with the longest run of the 30 days before, or after a break with the 30 days before the
// break, at most 90 days back; the weekly change with days t-27..t-7.
const SPIKE_LOOKBACK_DAYS = 30;
const BREAK_LOOKBACK_DAYS = 90;
const WEEKLY_BASELINE_DAYS = 27;

/**
 * The overload rules (engine OVERLOAD_FLAG_IDS) each day from..to carries, in day order, with the
 * athlete's resolved thresholds and the engine's own comparisons (epsilon included), computed from daily
 * totals rather than from sessions, which no chart rescans:
 * - session-spike: the day's longest run against the longest run of the 30 days before (the day's
 *   largest spike is always its longest run's, since all of a day's runs share that reference); with no
 *   run of a distance in those 30 days, against the longest run of the 30 days before the break (the days
 *   up to the last such run, at most 90 days back: the engine's runReferences);
 * - weekly-distance-increase: run km of t-6..t against the weekly mean of t-27..t-7;
 * - acwr-high and monotony-high: from `metrics` (computeDailyMetrics of the same loads, in the measure
 *   of the flags).
 * This is the engine's rule "day t carries a rule when it holds on t with the data up to t"; the unit
 * tests check it day by day against evaluateFlags.
 */
export function overloadRulesByDay(
  totals: readonly DailyTotals[],
  metrics: readonly DailyMetrics[],
  from: string,
  to: string,
  t: Thresholds,
): OverloadFlagId[][] {
  const fromDay = parseDay(from, "from");
  const start = fromDay - (BREAK_LOOKBACK_DAYS + 1);
  const n = parseDay(to, "to") - start + 1;
  if (n <= BREAK_LOOKBACK_DAYS + 1) return [];
  const runKm = new Float64Array(n);
  const longest = new Float64Array(n);
  for (const d of totals) {
    const i = parseDay(d.date, "date") - start;
    if (i < 0 || i >= n) continue;
    runKm[i] += d.runKm;
    if (d.longestRunKm > longest[i]) longest[i] = d.longestRunKm;
  }
  const metricsStart = metrics.length ? parseDay(metrics[0].date, "date") : 0;
  const out: OverloadFlagId[][] = [];
  for (let i = BREAK_LOOKBACK_DAYS + 1; i < n; i++) {
    const rules: OverloadFlagId[] = [];
    let ref = 0;
    if (longest[i] > 0) {
      for (let k = i - SPIKE_LOOKBACK_DAYS; k < i; k++) if (longest[k] > ref) ref = longest[k];
      if (ref === 0) {
        let last = i - SPIKE_LOOKBACK_DAYS - 1;
        while (last >= i - BREAK_LOOKBACK_DAYS && !(longest[last] > 0)) last--;
        if (last >= i - BREAK_LOOKBACK_DAYS) {
          for (let k = Math.max(last - (SPIKE_LOOKBACK_DAYS - 1), i - BREAK_LOOKBACK_DAYS); k <= last; k++) {
            if (longest[k] > ref) ref = longest[k];
          }
        }
      }
    }
    if (ref > 0 && longest[i] > 0 && exceeds(longest[i] / ref - 1, t.spikeCaution)) rules.push("session-spike");
    // Window sums added afresh each day, in the engine's order, so that borderline days agree exactly.
    let lastKm = 0;
    let baseKm = 0;
    for (let k = i - 6; k <= i; k++) lastKm += runKm[k];
    for (let k = i - WEEKLY_BASELINE_DAYS; k <= i - 7; k++) baseKm += runKm[k];
    const baseline = baseKm / 3;
    if (baseline > 0 && atLeast(baseline, t.weeklyMinBaselineKm) && exceeds(lastKm / baseline - 1, t.weeklyIncrease)) {
      rules.push("weekly-distance-increase");
    }
    const m: DailyMetrics | undefined = metrics[start + i - metricsStart];
    if (m?.acwrEwma != null && atLeast(m.acwrEwma, t.acwrHigh)) rules.push("acwr-high");
    if (m?.monotony != null && exceeds(m.monotony, t.monotonyHigh)) rules.push("monotony-high");
    out.push(rules.length ? rules : NO_RULES);
  }
  return out;
}

/**
 * Daily load and its metrics for every day from..to. `totals` should start well before `from` (the
 * exponential averages and fitness carry their whole history; a year before is within 0.02% of it).
 * The metrics series starts on the first day with totals, as the metrics contract says; shown days
 * before it have load 0 and no metrics.
 */
export function buildDailySeries(
  totals: readonly DailyTotals[],
  options: { from: string; to: string; thresholds: Thresholds },
): DailyPoint[] {
  const { from, to, thresholds } = options;
  const measure = thresholds.loadMeasure;
  const inRange = totals.filter((d) => d.date <= to);
  const metrics = computeDailyMetrics(
    inRange.map((d) => ({ date: d.date, load: dailyLoadIn(d, measure) })),
    { to },
  );
  const overload = overloadRulesByDay(inRange, metrics, from, to, thresholds);
  const fromDay = parseDay(from, "from");
  const toDay = parseDay(to, "to");
  const metricsStart = metrics.length ? parseDay(metrics[0].date, "date") : Infinity;
  const out: DailyPoint[] = [];
  for (let day = fromDay; day <= toDay; day++) {
    const m: DailyMetrics | undefined = metrics[day - metricsStart];
    out.push({
      date: dayString(day),
      load: round(m?.load ?? 0, 1) as number,
      acute: round(m?.acuteLoad7, 1),
      chronic: round(m?.chronicLoad28, 1),
      ewmaAcute: round(m?.ewmaAcute, 1),
      ewmaChronic: round(m?.ewmaChronic, 1),
      acwr: round(m?.acwrEwma, 2),
      acwrRolling: round(m?.acwrRolling, 2),
      acwrRollingUncoupled: round(m?.acwrRollingUncoupled, 2),
      monotony: round(m?.monotony, 2),
      strain: round(m?.strain, 0),
      weekLoad: m && m.acuteLoad7 !== null ? round(m.acuteLoad7 * 7, 1) : null,
      fitness: round(m?.fitness, 1),
      fatigue: round(m?.fatigue, 1),
      form: round(m?.form, 1),
      rampRate: round(m?.rampRate, 1),
      overload: overload[day - fromDay] ?? NO_RULES,
    });
  }
  return out;
}

/** Run km of one Monday-to-Sunday week, by surface (lower-case keys; "unrecorded" for runs without one). */
export type WeekSurfacePoint = {
  weekStart: string;
  totalKm: number;
  /** Change of totalKm against the week before, in percent; null when that week had no running. */
  changePct: number | null;
  /** The week runs past the last shown day (it is the current, unfinished week). */
  partial: boolean;
} & Record<string, number | string | boolean | null>;

// Sums of km carry binary noise (9.26 + 9.29 = 18.549999…): dropping it at the micro-unit first makes
// the sum round as its decimal value does (18.55 to 18.6).
const round1 = (x: number) => Math.round(Math.round(x * 1e6) / 1e5) / 10;

/**
 * Weekly run km by surface for the whole weeks that overlap from..to, with the week-over-week change.
 * The first week's change needs the week before it, so `totals` should reach back to that week.
 */
export function buildWeeklySurfaceKm(
  totals: readonly DailyTotals[],
  from: string,
  to: string,
): { weeks: WeekSurfacePoint[]; surfaces: string[] } {
  const toDay = parseDay(to, "to");
  const firstWeek = mondayDay(parseDay(from, "from"));
  const lastWeek = mondayDay(toDay);
  const before = firstWeek - 7;
  const count = (lastWeek - before) / 7 + 1;
  const raw = Array.from({ length: count }, () => ({ total: 0, bySurface: new Map<string, number>() }));
  const surfaces = new Set<string>();
  for (const d of totals) {
    const day = parseDay(d.date, "date");
    if (day < before || day > toDay) continue;
    const week = raw[(mondayDay(day) - before) / 7];
    week.total += d.runKm;
    let surfaced = 0;
    for (const [surface, km] of Object.entries(d.runKmBySurface ?? {})) {
      const key = surface.toLowerCase();
      week.bySurface.set(key, (week.bySurface.get(key) ?? 0) + km);
      surfaced += km;
    }
    // Runs logged without a surface still count in the week's total.
    if (d.runKm - surfaced > 0.05) week.bySurface.set("unrecorded", (week.bySurface.get("unrecorded") ?? 0) + d.runKm - surfaced);
  }
  const weeks: WeekSurfacePoint[] = [];
  for (let k = 1; k < count; k++) {
    const week = raw[k];
    const previous = raw[k - 1].total;
    const weekStart = before + 7 * k;
    const point: WeekSurfacePoint = {
      weekStart: dayString(weekStart),
      totalKm: round1(week.total),
      changePct: previous > 0 ? round1((week.total / previous - 1) * 100) : null,
      partial: weekStart + 6 > toDay,
    };
    for (const [surface, km] of week.bySurface) {
      if (km <= 0) continue;
      surfaces.add(surface);
      point[surface] = round1(km);
    }
    weeks.push(point);
  }
  return { weeks, surfaces: [...surfaces].sort() };
}

/**
 * The days with a pain report or a check-in: the worst NRS (0-10, any zone) and the highest OSTRC-O2
 * severity (0-100, any zone) answered that day. Sparse on purpose: the page sends the daily series once,
 * and the chart joins these onto it (joinPainSeries).
 */
export function buildPainMarks(
  reports: readonly { date: string; nrs: number }[],
  ostrc: readonly { date: string; severity: number }[],
): PainMark[] {
  const byDate = new Map<string, PainMark>();
  const mark = (date: string) => {
    let m = byDate.get(date);
    if (!m) byDate.set(date, (m = { date, nrs: null, ostrcSeverity: null }));
    return m;
  };
  for (const r of reports) {
    const m = mark(r.date);
    m.nrs = Math.max(m.nrs ?? 0, r.nrs);
  }
  for (const o of ostrc) {
    const m = mark(o.date);
    m.ostrcSeverity = Math.max(m.ostrcSeverity ?? 0, o.severity);
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export const HEATMAP_ZONES = ["CERVICAL", "DORSAL", "LUMBAR"] as const;
export type HeatmapZone = (typeof HEATMAP_ZONES)[number];

export type HeatmapCell = { weekStart: string; reports: number; maxNrs: number | null };
export type BackZoneHeatmap = { weeks: string[]; rows: { zone: HeatmapZone; cells: HeatmapCell[] }[] };

/** Pain reports per back zone and Monday-to-Sunday week over from..to: how many, and the worst NRS. */
export function buildBackZoneHeatmap(
  reports: readonly { date: string; zone: string; nrs: number }[],
  from: string,
  to: string,
): BackZoneHeatmap {
  const firstWeek = mondayDay(parseDay(from, "from"));
  const toDay = parseDay(to, "to");
  const weeks: string[] = [];
  for (let w = firstWeek; w <= toDay; w += 7) weeks.push(dayString(w));
  const rows = HEATMAP_ZONES.map((zone) => ({
    zone,
    cells: weeks.map((weekStart): HeatmapCell => ({ weekStart, reports: 0, maxNrs: null })),
  }));
  for (const r of reports) {
    if (r.date < from || r.date > to) continue;
    const row = rows.find((x) => x.zone === r.zone);
    if (!row) continue;
    const cell = row.cells[(mondayDay(parseDay(r.date, "date")) - firstWeek) / 7];
    cell.reports += 1;
    cell.maxNrs = Math.max(cell.maxNrs ?? 0, r.nrs);
  }
  return { weeks, rows };
}

export const SESSION_TYPE_ORDER = ["RUN", "CROSS_TRAINING", "CORE", "STRENGTH", "MOBILITY", "OTHER"] as const;
/** The compensatory work the domain asks for next to running. */
export const SUPPORT_TYPES = ["CORE", "STRENGTH", "MOBILITY"] as const;

export type TypeShareRow = {
  type: (typeof SESSION_TYPE_ORDER)[number];
  sessions: number;
  durationMin: number;
  /** Percent of all sessions of the period (one decimal); null when there were none. */
  sessionSharePct: number | null;
  /** Percent of all minutes of the period (one decimal); null when there were none. */
  minuteSharePct: number | null;
};

export type SessionTypeShare = {
  totalSessions: number;
  totalMin: number;
  rows: TypeShareRow[];
  /** Core, strength and mobility together. */
  support: { sessions: number; durationMin: number; sessionSharePct: number | null; minuteSharePct: number | null };
};

const pct = (part: number, whole: number) => (whole > 0 ? round1((part / whole) * 100) : null);

/** Shares of each session type, by count and by minutes, from a per-type aggregate of the period. */
export function buildSessionTypeShare(aggregate: readonly { type: string; sessions: number; durationMin: number }[]): SessionTypeShare {
  const byType = new Map(aggregate.map((a) => [a.type, a]));
  const totalSessions = aggregate.reduce((s, a) => s + a.sessions, 0);
  const totalMin = aggregate.reduce((s, a) => s + a.durationMin, 0);
  const rows = SESSION_TYPE_ORDER.map((type): TypeShareRow => {
    const a = byType.get(type);
    const sessions = a?.sessions ?? 0;
    const durationMin = round1(a?.durationMin ?? 0);
    return { type, sessions, durationMin, sessionSharePct: pct(sessions, totalSessions), minuteSharePct: pct(a?.durationMin ?? 0, totalMin) };
  });
  const support = SUPPORT_TYPES.map((t) => byType.get(t)).reduce(
    (s, a) => ({ sessions: s.sessions + (a?.sessions ?? 0), durationMin: s.durationMin + (a?.durationMin ?? 0) }),
    { sessions: 0, durationMin: 0 },
  );
  return {
    totalSessions,
    totalMin: round1(totalMin),
    rows,
    support: {
      sessions: support.sessions,
      durationMin: round1(support.durationMin),
      sessionSharePct: pct(support.sessions, totalSessions),
      minuteSharePct: pct(support.durationMin, totalMin),
    },
  };
}

export type ShoeKmRow = { id: string; name: string; retired: boolean; periodKm: number; totalKm: number };

/**
 * Km per shoe: run in the period, and in total (with the distance it had when added). Shoes in use come
 * first; a retired shoe shows only when it was run in during the period.
 */
export function buildShoeKm(
  rows: readonly { id: string; name: string; retired: boolean; initialKm: number; periodKm: number; runKm: number }[],
): ShoeKmRow[] {
  return rows
    .filter((r) => !r.retired || r.periodKm > 0)
    .map((r) => ({ id: r.id, name: r.name, retired: r.retired, periodKm: round1(r.periodKm), totalKm: round1(r.initialKm + r.runKm) }))
    .sort((a, b) => Number(a.retired) - Number(b.retired) || b.totalKm - a.totalKm || a.name.localeCompare(b.name));
}
