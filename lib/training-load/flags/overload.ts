/**
 * Overload flag rules: long-run spike, weekly distance increase, acute:chronic load ratio, monotony;
 * each carries the deload caps its suggestions apply.
 */
import { formatDay } from "../dates";
import { spikeBand, SPIKE_BAND_HAZARD } from "../spikes";
import { deloadCapKm, exceeds } from "../thresholds";
import { type EngineMessage, type Flag, type FlagValue, type Severity } from "../types";
import { CARRY_SPIKE, CARRY_WEEKLY, CARRY_ACWR, CARRY_MONOTONY, sumRange, weeklyAt, msg, round, estimatedSentence, makeFlag, latestCarrying, firstCarrying, type FlagContext } from "./context";

/** The weekly cap's baseline and value: the average week of the 3 weeks before the week ending on `day`. */
export function weekCap(ctx: FlagContext, day: number): Record<string, FlagValue> {
  const baseline = weeklyAt(ctx, day - ctx.from).baselineKm;
  return {
    capFromDate: formatDay(day),
    baselineWeekKm: round(baseline, 3),
    maxWeekRunKm: baseline > 0 ? deloadCapKm(baseline) : null,
  };
}

export function sessionSpikeFlag(ctx: FlagContext, a: number): Flag | null {
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

export function weeklyFlag(ctx: FlagContext, a: number): Flag | null {
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

export function acwrFlag(ctx: FlagContext, a: number): Flag | null {
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

export function monotonyFlag(ctx: FlagContext, a: number): Flag | null {
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
