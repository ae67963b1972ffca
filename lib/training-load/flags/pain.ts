/**
 * Back-pain flag rules: high or rising back pain, and back pain after an overload.
 */
import { formatDay } from "../dates";
import { atLeast } from "../thresholds";
import { BACK_ZONES, type BackZone, type EngineMessage, type Flag } from "../types";
import { type ParsedPainReport } from "../validate";
import { OVERLOAD_BITS, carryAt, msg, makeFlag, inWindow, type FlagContext, type ScoredOstrc } from "./context";

export interface PainTrigger {
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

export function backPainFlag(ctx: FlagContext, a: number): Flag | null {
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

export function painAfterOverloadFlag(ctx: FlagContext, a: number): Flag | null {
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
