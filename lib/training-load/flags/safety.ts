/**
 * Safety flag rules: red flags (referral), severe back pain, and the graded return to running.
 */
import { formatDay } from "../dates";
import { BACK_SUB_AREAS, CAUDA_EQUINA_SOURCE, CHEST_PAIN_SOURCES, CLINICIAN_ACTION, EMERGENCY_ACTION, EMERGENCY_SYMPTOM_IDS, NEUROLOGICAL_SYMPTOM_IDS, possibleSourcesFor } from "../symptoms";
import { atLeast, exceeds, RETURN_TO_RUN_RULE, SEVERE_PAIN_RULE } from "../thresholds";
import { type BackZone, type EngineMessage, type Flag, type VisceralSource } from "../types";
import { type ParsedPainReport, type ParsedSession } from "../validate";
import { msg, round, makeFlag, afterDay, lastClearance, lastRunBefore, runsOn, type FlagContext } from "./context";

export function redFlagFlag(ctx: FlagContext, a: number): Flag | null {
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
export function severePainFlag(ctx: FlagContext, a: number): Flag | null {
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
export function returnToRunFlag(ctx: FlagContext, a: number): Flag | null {
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
