/**
 * Habit, equipment and profile flag rules: missing core and strength work, worn shoes, a sudden surface
 * change, and the profile's leg length, footprint, posture load and age.
 */
import { formatDay, civilFromDays } from "../dates";
import { atLeast, exceeds } from "../thresholds";
import { type Flag } from "../types";
import { sumRange, msg, round, makeFlag, upperBound, type FlagContext, type ShoeTrack } from "./context";

export function compensatoryFlag(ctx: FlagContext, a: number): Flag | null {
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

/** Days and cumulative km of a shoe's runs in day order (built once per shoe, when needed). */
export function shoeHistory(s: ShoeTrack): { days: number[]; cum: number[] } {
  if (s.sortedDays === null || s.cumKm === null) {
    const order = s.days.map((_, i) => i).sort((x, y) => s.days[x] - s.days[y] || x - y);
    s.sortedDays = order.map((i) => s.days[i]);
    let acc = 0;
    s.cumKm = order.map((i) => (acc += s.kms[i]));
  }
  return { days: s.sortedDays, cum: s.cumKm };
}

export function shoeFlag(ctx: FlagContext, a: number): Flag | null {
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

export function surfaceFlag(ctx: FlagContext, a: number): Flag | null {
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

export function ageOn(birthDay: number, day: number): number {
  const b = civilFromDays(birthDay);
  const d = civilFromDays(day);
  let age = d.y - b.y;
  if (d.m < b.m || (d.m === b.m && d.d < b.d)) age--;
  return age;
}

export function profileFlags(ctx: FlagContext, a: number): Flag[] {
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
