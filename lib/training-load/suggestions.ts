/**
 * Compensatory sessions and plan changes proposed for active flags (domain reference, "Suggestions").
 * Every suggestion names the flag that caused it. A red-flag referral suppresses everything but rest;
 * severe back pain suppresses running.
 */
import { formatDay, parseDay, tryParseDay } from "./dates";
import { parsedSessionLoad } from "./metrics";
import { compareFlags } from "./flags";
import { EngineInputError } from "./errors";
import { runReferences } from "./spikes";
import {
  deloadCapKm,
  exceeds,
  DEFAULT_RPE,
  RETURN_TO_RUN_RULE,
  SEVERE_PAIN_RULE,
  SUGGESTION_DEFAULTS as S,
} from "./thresholds";
import type {
  CrossTrainingMode,
  EngineProfile,
  EngineMessage,
  EngineSession,
  Exercise,
  Flag,
  FlagId,
  MessageParam,
  PlannedSession,
  PostureLoad,
  Suggestion,
  SuggestionType,
} from "./types";
import { parseProfile, parseSessions, requireArray, requireFlagId, requireObject } from "./validate";

/** Core work: abdominal, lumbar, gluteal and pelvic-floor exercises (source article; Lauersen 2014). */
export const CORE_EXERCISES: readonly Exercise[] = Object.freeze([
  { id: "dead-bug", name: "Dead bug", target: "abdominal", prescription: "3 x 10 slow reps per side", prescriptionId: "3-x-10-slow-reps-per-side" },
  { id: "front-plank", name: "Front plank", target: "abdominal", prescription: "3 x 30-45 s", prescriptionId: "3-x-30-45-s" },
  { id: "bird-dog", name: "Bird dog", target: "lumbar", prescription: "3 x 10 reps per side, 2 s hold", prescriptionId: "3-x-10-reps-per-side-2-s-hold" },
  { id: "prone-back-extension", name: "Prone back extension", target: "lumbar", prescription: "3 x 12 reps", prescriptionId: "3-x-12-reps", loadedExtension: true },
  { id: "glute-bridge", name: "Glute bridge", target: "gluteal", prescription: "3 x 15 reps", prescriptionId: "3-x-15-reps" },
  { id: "side-plank-with-clam", name: "Side plank with clam", target: "gluteal", prescription: "2 x 30 s per side", prescriptionId: "2-x-30-s-per-side" },
  { id: "pelvic-floor-contractions-with-diaphragmatic-breathing", name: "Pelvic-floor contractions with diaphragmatic breathing", target: "pelvic-floor", prescription: "3 x 10, 5 s hold", prescriptionId: "3-x-10-5-s-hold" },
]);

/** Mobility for hamstrings, hip flexors (psoas), piriformis, glutes and thoracic spine. */
export const MOBILITY_EXERCISES: readonly Exercise[] = Object.freeze([
  { id: "supine-hamstring-stretch-with-a-strap", name: "Supine hamstring stretch with a strap", target: "hamstrings", prescription: "2 x 30 s per leg", prescriptionId: "2-x-30-s-per-leg" },
  { id: "half-kneeling-hip-flexor-psoas-stretch", name: "Half-kneeling hip-flexor (psoas) stretch", target: "hip-flexors", prescription: "2 x 30 s per side", prescriptionId: "2-x-30-s-per-side" },
  { id: "figure-four-piriformis-stretch", name: "Figure-four piriformis stretch", target: "piriformis", prescription: "2 x 30 s per side", prescriptionId: "2-x-30-s-per-side" },
  { id: "knee-to-opposite-shoulder-glute-stretch", name: "Knee-to-opposite-shoulder glute stretch", target: "glutes", prescription: "2 x 30 s per side", prescriptionId: "2-x-30-s-per-side" },
  { id: "open-book-thoracic-rotation", name: "Open-book thoracic rotation", target: "thoracic-spine", prescription: "2 x 8 reps per side", prescriptionId: "2-x-8-reps-per-side" },
]);

/** Posture work matched to the posture load recorded in the profile. */
export const POSTURE_EXERCISES: Readonly<Record<PostureLoad, readonly Exercise[]>> = Object.freeze({
  desk: [
    { id: "thoracic-extension-over-a-foam-roller", name: "Thoracic extension over a foam roller", target: "thoracic-spine", prescription: "2 x 10 reps", prescriptionId: "2-x-10-reps" },
    { id: "chin-tucks", name: "Chin tucks", target: "cervical", prescription: "2 x 10 reps, 3 s hold", prescriptionId: "2-x-10-reps-3-s-hold" },
    { id: "half-kneeling-hip-flexor-psoas-stretch", name: "Half-kneeling hip-flexor (psoas) stretch", target: "hip-flexors", prescription: "2 x 30 s per side", prescriptionId: "2-x-30-s-per-side" },
  ],
  standing: [
    { id: "standing-pelvic-tilts", name: "Standing pelvic tilts", target: "lumbar", prescription: "2 x 12 reps", prescriptionId: "2-x-12-reps" },
    { id: "wall-calf-stretch", name: "Wall calf stretch", target: "calves", prescription: "2 x 30 s per side", prescriptionId: "2-x-30-s-per-side" },
    { id: "glute-bridge", name: "Glute bridge", target: "gluteal", prescription: "2 x 15 reps", prescriptionId: "2-x-15-reps" },
  ],
  lifting: [
    { id: "hip-hinge-drill-with-a-dowel-along-the-spine", name: "Hip-hinge drill with a dowel along the spine", target: "lumbar", prescription: "3 x 10 reps", prescriptionId: "3-x-10-reps" },
    { id: "dead-bug-bracing", name: "Dead bug (bracing)", target: "abdominal", prescription: "3 x 8 reps per side", prescriptionId: "3-x-8-reps-per-side" },
    { id: "goblet-squat-to-a-box", name: "Goblet squat to a box", target: "gluteal", prescription: "3 x 10 reps, light", prescriptionId: "3-x-10-reps-light" },
  ],
});

const BACK_PAIN_MODES: readonly CrossTrainingMode[] = ["aqua-jogging", "swimming", "elliptical", "cycling"];
const LOAD_MODES: readonly CrossTrainingMode[] = ["cycling", "elliptical", "swimming", "aqua-jogging"];
/** Severe pain: the modes that unload the spine most come first. */
const SEVERE_PAIN_MODES: readonly CrossTrainingMode[] = ["aqua-jogging", "cycling", "elliptical", "swimming"];
/** Flags whose `zone`/`zones` values name where the back hurts (modes must fit the zone). */
const PAIN_FLAGS: ReadonlySet<FlagId> = new Set<FlagId>(["back-pain-rising", "pain-after-overload", "severe-back-pain"]);

/**
 * Order in which flags claim the planned runs: severe pain replaces every run, then the pain
 * substitution, then the graded return trims what is left, then the other flags by severity.
 */
const CLAIM_ORDER: Partial<Record<FlagId, number>> = {
  "severe-back-pain": 0,
  "back-pain-rising": 1,
  "pain-after-overload": 1,
  "return-to-run": 2,
};

export interface SuggestSessionsInput {
  asOf: string;
  flags: Flag[];
  sessions: EngineSession[];
  plannedSessions?: PlannedSession[];
  profile?: EngineProfile;
}

/** A run the next 7 days are expected to contain: planned, or (without a plan) last week's, a week later. */
interface PlanRun {
  id: string | null;
  day: number;
  km: number | null;
  durationMin: number;
  rpe: number;
  rpeKnown: boolean;
  /** Day of the trained run this stands for, when there is no plan. */
  templateOf: number | null;
  /** Claimed by a suggestion: replaced by cross-training, or trimmed (km and durationMin then hold the trim). */
  taken: boolean;
  substituted: boolean;
}

/** One part of a reason: a code and its parameters (worded by lib/i18n/engine-text.ts). */
function part(code: string, params: Record<string, MessageParam> = {}): EngineMessage {
  return { code, params };
}

/** Km rounded down to 0.1 (a trimmed distance never passes its cap); to 0.01 below 0.1 km, at least 0.01. */
function floorKm(x: number): number {
  const r = Math.floor(x * 10 + 1e-9) / 10;
  return r > 0 ? r : Math.max(0.01, Math.floor(x * 100 + 1e-9) / 100);
}

/** A whole CR-10 RPE in 1..max. */
function wholeRpe(x: number, max = 10): number {
  return Math.max(1, Math.min(Math.round(x), max));
}

function numberValue(v: unknown): number | null {
  return typeof v === "number" && Number.isFinite(v) ? v : null;
}

function dayValue(v: unknown): number | null {
  const d = tryParseDay(v);
  return d === d ? d : null;
}

/** Pain zones named by a pain flag's values. */
function zonesOf(flag: Flag): string[] {
  const out: string[] = [];
  const v = flag.values ?? {};
  if (typeof v.zone === "string") out.push(v.zone);
  if (Array.isArray(v.zones)) for (const z of v.zones) if (typeof z === "string") out.push(z);
  return out;
}

/** Leaves out loaded back extension while severe back pain is active. */
function safeExercises(list: readonly Exercise[], severe: boolean): Exercise[] {
  return severe ? list.filter((e) => !e.loadedExtension) : [...list];
}

/**
 * What held for a pain flag, as trigger ids for the reason ("overload", "nrs-rise", "nrs-high",
 * "ostrc-substantial", or "unknown"), with the numbers they name.
 */
function painTriggers(flag: Flag): { painTriggers: string[]; rise: number | null; nrs: number | null } {
  if (flag.id === "pain-after-overload") return { painTriggers: ["overload"], rise: null, nrs: null };
  const v = flag.values ?? {};
  const reasons = Array.isArray(v.reasons) ? v.reasons : [];
  const triggers = ["nrs-rise", "nrs-high", "ostrc-substantial"].filter((r) => reasons.includes(r));
  return { painTriggers: triggers.length > 0 ? triggers : ["unknown"], rise: numberValue(v.rise), nrs: numberValue(v.nrs) };
}

/**
 * The severe-pain report(s), from the flag's values: `severeReport` "single" (nrs on reportDay),
 * "persistent" (count reports of at least nrs over days), or "unknown".
 */
function severeReport(flag: Flag): Record<string, MessageParam> {
  const v = flag.values ?? {};
  const reasons = Array.isArray(v.reasons) ? v.reasons : [];
  const nrs = numberValue(v.nrs);
  const day = dayValue(v.reportDate);
  const count = numberValue(v.persistentReports);
  const days = numberValue(v.persistentDays);
  if (reasons.includes("nrs-severe") && nrs !== null && day !== null) return { severeReport: "single", nrs, reportDay: formatDay(day) };
  if (reasons.includes("nrs-persistent") && count !== null && days !== null) {
    return { severeReport: "persistent", nrs: SEVERE_PAIN_RULE.persistentNrs, count, days };
  }
  return { severeReport: "unknown" };
}

const STEPS = RETURN_TO_RUN_RULE.steps;

/** The graded return in one sentence, for every return-to-run reason (a new object each time: callers own their output). */
const progression = () => part("return-steps", { stepLabels: STEPS.map((s) => String(s.step)), painMaxNrs: RETURN_TO_RUN_RULE.painMaxNrs });

class Builder {
  readonly out: Suggestion[] = [];
  private counter = 0;

  add(flagId: FlagId, type: SuggestionType, day: number, fields: Omit<Suggestion, "id" | "flagId" | "type" | "date">): void {
    this.counter++;
    this.out.push({ id: `${flagId}:${type}:${formatDay(day)}:${this.counter}`, flagId, type, date: formatDay(day), ...fields });
  }
}

/**
 * Suggested sessions and plan changes for the given flags, for the 7 days after asOf. Durations are whole
 * minutes, RPEs whole numbers, trimmed distances are rounded down to 0.1 km. A reason is a list of parts,
 * each a code and its parameters (like a flag's explanation): numbers in it stay exact (loads, baselines,
 * the equivalent minutes) and the reader's words (lib/i18n/engine-text.ts) round and format them.
 *
 * - `red-flag`: only one rest suggestion (from asOf), telling to seek emergency care now or to see a
 *   clinician, standing in for every planned session from the earliest report not cleared on (the plan
 *   is held until the clearance); nothing else is suggested.
 * - `severe-back-pain`: an assessment by a physiotherapist or doctor, and every run of the next 7 days
 *   replaced by easy cross-training (RPE <= 4, at most 75% of the run's load) that causes no pain; no
 *   loaded back extension in any exercise list; no deload caps or return-to-run steps (there is no running).
 * - `back-pain-rising`, `pain-after-overload`: move at least half of the next 7 days' running load (sRPE)
 *   to cross-training, largest runs first, each at no more than 75% of the run's load (the run's RPE, at
 *   most 6; duration = 75% of the run load / RPE, rounded down); plus one mobility session.
 * - Cross-training lasts whole minutes, from 1 to 120 (a longer equivalent is capped and the reason says
 *   so); no swimming while a pain flag names the cervical zone (freestyle turns the neck).
 * - `return-to-run`: planned runs of the next 7 days inside the return beyond their step (the flag's
 *   current step for the first run, one step up for each run after it, as a pain-free return would go) are
 *   named and trimmed to the step's minutes (`limits.maxRunMin`); without such runs, one return-to-run
 *   suggestion for the next run: a session of the current step when nothing is planned, else advice (the
 *   plan already follows the steps). Each reason lists the steps and the pain rule.
 * - `session-spike`: next single run <= 1.1 x the longest run of the 30 days before the flagged run (the
 *   flag's `maxRunKm`, from the baseline before the overload); every planned run above it is named and
 *   trimmed to the cap (duration in proportion). When none is above it, one cap-only suggestion carries
 *   `limits.maxRunKm`.
 * - `weekly-distance-increase`: next 7 days' run km <= 1.1 x the average week of the 3 weeks before the
 *   flagged week (the flag's `maxWeekRunKm`); planned runs above the cap move to cross-training (largest
 *   first) at the same load. Within the cap (or without a plan), one cap-only suggestion.
 * - `acwr-high`: the same weekly cap, reached by trimming every run in proportion (this lowers the load,
 *   which a same-load substitution would not); within the cap, one cap-only suggestion.
 * - `monotony-high`: one full rest day (a free day, or the day with the smallest planned load).
 * - `compensatory-deficit`: core sessions (abdominal, lumbar, gluteal, pelvic floor; 25 min at RPE 5) up
 *   to 2 in the 7 days, counting planned CORE/STRENGTH, and one mobility session (hamstrings, psoas,
 *   piriformis, glutes, thoracic spine) unless MOBILITY is planned.
 * - `posture-load`: a posture and mobility session matched to the posture load.
 * - `footprint-unassessed`, `leg-length-discrepancy`, `masters-athlete`, `shoe-mileage`: an assessment.
 * - `surface-change`: no session; its explanation already says to build up gradually.
 *
 * Without planned sessions in the 7 days, last week's runs (asOf-6..asOf, a week later) stand for the plan.
 * New sessions go on days without a planned run when possible, at least 2 days apart.
 */
export function suggestSessions(input: SuggestSessionsInput): Suggestion[] {
  const o = requireObject(input, "input");
  const a = parseDay(o.asOf, "asOf");
  const flagList = requireArray(o.flags, "flags");
  const flags: Flag[] = flagList.map((f, i) => {
    const obj = requireObject(f, `flags[${i}]`);
    requireFlagId(obj.id, `flags[${i}].id`);
    return f as Flag;
  });
  const sessions = parseSessions(o.sessions, "sessions");
  const planned = parseSessions(o.plannedSessions, "plannedSessions", true);
  const profile = parseProfile(o.profile);

  const b = new Builder();
  const horizonEnd = a + S.horizonDays;
  const future = planned.filter((p) => p.day > a && p.day <= horizonEnd).sort((x, y) => x.day - y.day || x.index - y.index);

  const red = flags.find((f) => f.id === "red-flag");
  if (red) {
    const emergency = red.triage?.emergency === true || red.values?.emergency === true;
    const since = dayValue(red.values?.firstReportDate) ?? dayValue(red.triage?.firstReportDate) ?? dayValue(red.date) ?? a;
    const replaced = planned.filter((p) => p.day >= since).map((p) => p.id);
    b.add("red-flag", "rest", a, {
      durationMin: 0,
      targetLoadAu: 0,
      rpe: null,
      replacesSessionIds: replaced,
      reason: [part(emergency ? "red-flag-emergency" : "red-flag-clinician")],
    });
    return b.out;
  }

  // The expected runs of the next 7 days.
  const hasPlan = future.length > 0;
  const planRuns: PlanRun[] = hasPlan
    ? future
        .filter((p) => p.type === "RUN")
        .map((p) => ({
          id: p.id,
          day: p.day,
          km: p.distanceKm,
          durationMin: p.durationMin,
          rpe: p.rpe ?? DEFAULT_RPE,
          rpeKnown: p.rpe !== null,
          templateOf: null,
          taken: false,
          substituted: false,
        }))
    : sessions
        .filter((s) => s.type === "RUN" && s.day > a - 7 && s.day <= a)
        .sort((x, y) => x.day - y.day || x.index - y.index)
        .map((s) => ({
          id: null,
          day: s.day + 7,
          km: s.distanceKm,
          durationMin: s.durationMin,
          rpe: s.rpe ?? DEFAULT_RPE,
          rpeKnown: s.rpe !== null,
          templateOf: s.day,
          taken: false,
          substituted: false,
        }));
  const runLoad = (r: PlanRun) => r.rpe * r.durationMin;
  const runDays = new Set(planRuns.map((r) => r.day));
  const busy = new Map<number, number>();
  for (const p of future) busy.set(p.day, (busy.get(p.day) ?? 0) + 1);
  const usedDays = new Map<SuggestionType, number[]>();

  /** Days for `count` new sessions of a kind: free days first, then days after a run, >= 2 days apart. */
  const pickDays = (type: SuggestionType, count: number): number[] => {
    const taken = usedDays.get(type) ?? [];
    const candidates: number[] = [];
    for (let d = a + 1; d <= horizonEnd; d++) candidates.push(d);
    candidates.sort((x, y) => (runDays.has(x) ? 1 : 0) - (runDays.has(y) ? 1 : 0) || (busy.get(x) ?? 0) - (busy.get(y) ?? 0) || x - y);
    const chosen: number[] = [];
    for (const d of candidates) {
      if (chosen.length >= count) break;
      if ([...taken, ...chosen].some((c) => Math.abs(c - d) < 2)) continue;
      chosen.push(d);
    }
    for (const d of candidates) {
      if (chosen.length >= count) break;
      if (!chosen.includes(d) && !taken.includes(d)) chosen.push(d);
    }
    chosen.sort((x, y) => x - y);
    usedDays.set(type, [...taken, ...chosen]);
    for (const d of chosen) busy.set(d, (busy.get(d) ?? 0) + 1);
    return chosen;
  };

  /** The run a part names: its km (or null), its day, and for an expected run the day of the run it stands for. */
  const runParams = (r: PlanRun): Record<string, MessageParam> => ({
    runKm: r.km,
    runDay: formatDay(r.day),
    likeDay: r.templateOf === null ? null : formatDay(r.templateOf),
  });

  // Modes fit the zone: freestyle swimming turns the neck, so none while a pain flag names the cervical zone.
  const painZones = new Set(flags.filter((f) => PAIN_FLAGS.has(f.id)).flatMap(zonesOf));
  const fit = (modes: readonly CrossTrainingMode[]) => (painZones.has("cervical") ? modes.filter((m) => m !== "swimming") : modes);

  let modeIndex = 0;
  /**
   * Replaces a run with cross-training at `share` of its load (1: the same load), the RPE the run's, at
   * most `maxRpe`; whole minutes from 1 to the session cap. False (and nothing suggested) for a run
   * without load.
   */
  const substitute = (
    flagId: FlagId,
    r: PlanRun,
    modes: readonly CrossTrainingMode[],
    why: EngineMessage,
    share: number,
    maxRpe: number,
  ): boolean => {
    const load = runLoad(r);
    if (!(load > 0)) return false;
    r.taken = true;
    r.substituted = true;
    const rpe = wholeRpe(r.rpe, maxRpe);
    const exact = (load * share) / rpe;
    // Below the same load, round down so that the share is never passed.
    const whole = share < 1 ? Math.floor(exact + 1e-9) : Math.round(exact);
    const capped = whole > S.crossTrainingMaxMin;
    const minutes = Math.max(1, Math.min(whole, S.crossTrainingMaxMin));
    const ctLoad = minutes * rpe;
    const mode = modes[modeIndex++ % modes.length];
    const reason: EngineMessage[] = [
      why,
      part(share < 1 ? "replace-lower" : "replace-same", { ...runParams(r), min: minutes, mode, rpe, loadAu: ctLoad, share, runAu: load }),
    ];
    if (capped) reason.push(part("cross-training-capped", { exactMin: exact, maxMin: S.crossTrainingMaxMin }));
    if (!r.rpeKnown) reason.push(part("rpe-assumed", { rpe: DEFAULT_RPE }));
    b.add(flagId, "cross-training", r.day, {
      durationMin: minutes,
      targetLoadAu: ctLoad,
      rpe,
      crossTrainingMode: mode,
      ...(r.id !== null ? { replacesSessionId: r.id } : {}),
      reason,
    });
    return true;
  };

  // Recent running, for the recent pace and for caps of flags given without them.
  const recentRuns = sessions.filter((s) => s.type === "RUN" && s.distanceKm !== null && s.day <= a);
  const paced = recentRuns.filter((s) => s.day >= a - 29 && (s.distanceKm as number) > 0);
  const paceKm = paced.reduce((m, s) => m + (s.distanceKm as number), 0);
  const pace = paceKm > 0 ? paced.reduce((m, s) => m + s.durationMin, 0) / paceKm : 0;
  const runRefs = runReferences(
    recentRuns.map((s) => s.day),
    recentRuns.map((s) => s.distanceKm as number),
  );
  /** The single-run cap of a spike flag: its own, or 1.1 x the reference of its day's longest run. */
  const spikeCap = (flag: Flag): { cap: number; baseline: number; from: number } | null => {
    const from = dayValue(flag.values?.capFromDate) ?? dayValue(flag.date) ?? a;
    const cap = numberValue(flag.values?.maxRunKm);
    const baseline = numberValue(flag.values?.baselineRunKm);
    if (cap !== null && cap > 0 && baseline !== null) return { cap, baseline, from };
    let best = -1;
    for (let k = 0; k < recentRuns.length; k++) {
      if (recentRuns[k].day === from && (best < 0 || (recentRuns[k].distanceKm as number) > (recentRuns[best].distanceKm as number))) best = k;
    }
    const ref = best >= 0 ? runRefs.reference[best] : NaN;
    return ref > 0 ? { cap: deloadCapKm(ref), baseline: ref, from } : null;
  };
  /** The weekly cap of a weekly or ACWR flag: its own, or 1.1 x the average week of the 3 weeks before its week. */
  const weekCap = (flag: Flag): { cap: number; baseline: number } | null => {
    const cap = numberValue(flag.values?.maxWeekRunKm);
    const baseline = numberValue(flag.values?.baselineWeekKm);
    if (cap !== null && cap > 0 && baseline !== null) return { cap, baseline };
    const day = dayValue(flag.values?.capFromDate) ?? dayValue(flag.date) ?? a;
    const km = recentRuns.filter((s) => s.day >= day - 27 && s.day <= day - 7).reduce((m, s) => m + (s.distanceKm as number), 0) / 3;
    return km > 0 ? { cap: deloadCapKm(km), baseline: km } : null;
  };
  /** The cap as minutes of running at the recent pace, when there is one. */
  const paceParts = (km: number): EngineMessage[] => (pace > 0 ? [part("pace", { paceMin: km * pace })] : []);

  const severe = flags.some((f) => f.id === "severe-back-pain");
  const done = new Set<string>();
  const sorted = [...flags].sort((x, y) => (CLAIM_ORDER[x.id] ?? 9) - (CLAIM_ORDER[y.id] ?? 9) || compareFlags(x, y));
  const seen = new Set<FlagId>();
  for (const flag of sorted) {
    if (seen.has(flag.id)) continue;
    seen.add(flag.id);
    switch (flag.id) {
      case "severe-back-pain": {
        const what = severeReport(flag);
        b.add(flag.id, "assessment", a + 1, {
          durationMin: S.assessmentMin,
          targetLoadAu: 0,
          rpe: null,
          assessment: "back assessment by a physiotherapist or doctor",
          reason: [part("severe-assessment", what)],
        });
        const why = part("severe-substitution", what);
        for (const r of planRuns) {
          if (!r.taken) substitute(flag.id, r, fit(SEVERE_PAIN_MODES), why, S.backPainCrossTrainingLoadShare, S.severePainCrossTrainingMaxRpe);
        }
        break;
      }
      case "back-pain-rising":
      case "pain-after-overload": {
        if (!done.has("pain-substitution") && !severe) {
          done.add("pain-substitution");
          const why = part("pain-substitution", { ...painTriggers(flag), share: S.backPainCrossTrainingLoadShare });
          const total = planRuns.filter((r) => !r.taken).reduce((m, r) => m + runLoad(r), 0);
          let moved = 0;
          const order = planRuns.filter((r) => !r.taken).sort((x, y) => runLoad(y) - runLoad(x) || x.day - y.day);
          for (const r of order) {
            if (moved >= total * S.backPainCrossTrainingShare) break;
            if (substitute(flag.id, r, fit(BACK_PAIN_MODES), why, S.backPainCrossTrainingLoadShare, S.crossTrainingMaxRpe)) moved += runLoad(r);
          }
        }
        if (!done.has("mobility")) {
          done.add("mobility");
          const [d] = pickDays("mobility", 1);
          b.add(flag.id, "mobility", d, {
            durationMin: S.mobilityDurationMin,
            targetLoadAu: S.mobilityDurationMin * S.mobilityRpe,
            rpe: S.mobilityRpe,
            exercises: safeExercises(MOBILITY_EXERCISES, severe),
            reason: [part("pain-mobility")],
          });
        }
        break;
      }
      case "return-to-run": {
        if (severe) break;
        const v = flag.values ?? {};
        // The return's own pain rule: no step while recent pain is above it. The pain flag's cross-training
        // stands until a new report shows the pain has settled.
        if (flags.some((f) => f.id === "back-pain-rising" || f.id === "pain-after-overload")) {
          const endDay = dayValue(v.endDate) ?? dayValue(flag.date) ?? a;
          b.add(flag.id, "return-to-run", a + 1, {
            durationMin: 0,
            targetLoadAu: 0,
            rpe: null,
            returnToRunStep: 1,
            reason: [part("return-on-hold", { endDay: formatDay(endDay), step: 1, steps: STEPS.length, stepLabel: String(STEPS[0].step) }), progression()],
          });
          break;
        }
        let step = Math.max(0, Math.min(STEPS.length - 1, Math.round(numberValue(v.step) ?? 1) - 1));
        const endDay = dayValue(v.endDate) ?? dayValue(flag.date) ?? a;
        const intro = part("return-intro", { endDay: formatDay(endDay) });
        const inReturn = planRuns.filter((r) => !r.taken && r.id !== null && r.day <= endDay);
        let trimmed = 0;
        // Each planned run is taken at the step a pain-free return would have reached by then.
        for (let k = 0; k < inReturn.length; ) {
          const day = inReturn[k].day;
          const limit = STEPS[step];
          for (; k < inReturn.length && inReturn[k].day === day; k++) {
            const r = inReturn[k];
            if (!exceeds(r.durationMin, limit.totalMin)) continue;
            r.taken = true;
            trimmed++;
            const rpe = wholeRpe(Math.min(r.rpe, S.returnToRunRpe));
            const km = r.km !== null && r.durationMin > 0 ? floorKm((r.km * limit.totalMin) / r.durationMin) : null;
            b.add(flag.id, "return-to-run", r.day, {
              durationMin: limit.totalMin,
              targetLoadAu: limit.totalMin * rpe,
              rpe,
              ...(km !== null ? { distanceKm: km } : {}),
              replacesSessionId: r.id as string,
              limits: { maxRunMin: limit.totalMin },
              returnToRunStep: limit.step,
              reason: [
                intro,
                part("return-shorten", {
                  ...runParams(r),
                  runMin: r.durationMin,
                  step: limit.step,
                  steps: STEPS.length,
                  stepLabel: String(limit.step),
                  min: limit.totalMin,
                  rpe,
                }),
                progression(),
              ],
            });
            r.km = km;
            r.durationMin = limit.totalMin;
            r.rpe = rpe;
          }
          step = Math.min(STEPS.length - 1, step + 1);
        }
        if (trimmed > 0) break;
        const next = STEPS[Math.max(0, Math.min(STEPS.length - 1, Math.round(numberValue(v.step) ?? 1) - 1))];
        if (inReturn.length > 0) {
          // Advice only, without limits: applying one step's minutes to every run would undo the steps after it.
          b.add(flag.id, "return-to-run", inReturn[0].day, {
            durationMin: 0,
            targetLoadAu: 0,
            rpe: null,
            returnToRunStep: next.step,
            reason: [intro, part("return-within", { step: next.step, steps: STEPS.length, stepLabel: String(next.step), min: next.totalMin }), progression()],
          });
        } else if (a + 1 <= endDay) {
          const lastRun = sessions.reduce((m, s) => (s.type === "RUN" && s.day <= a && s.day > m ? s.day : m), -Infinity);
          // Every other day: a day off between runs lets the next morning's pain be judged.
          const day = lastRun + 2 <= Math.min(endDay, horizonEnd) ? Math.max(a + 1, lastRun + 2) : a + 1;
          const rpe = S.returnToRunRpe;
          b.add(flag.id, "return-to-run", day, {
            durationMin: next.totalMin,
            targetLoadAu: next.totalMin * rpe,
            rpe,
            limits: { maxRunMin: next.totalMin },
            returnToRunStep: next.step,
            reason: [intro, part("return-next", { step: next.step, steps: STEPS.length, stepLabel: String(next.step), min: next.totalMin, rpe }), progression()],
          });
        }
        break;
      }
      case "session-spike": {
        if (severe) break;
        const c = spikeCap(flag);
        if (!c) break;
        const { cap, baseline } = c;
        const afterBreak = numberValue(flag.values?.breakDays) !== null;
        const why = part("spike-cap", {
          flagDay: formatDay(c.from),
          capKm: cap,
          factor: S.deloadFactor,
          baselineKm: baseline,
          afterBreak: afterBreak ? "yes" : "no",
        });
        const over = planRuns.filter((r) => !r.taken && r.id !== null && r.km !== null && exceeds(r.km, cap));
        for (const r of over) {
          r.taken = true;
          const duration = Math.max(1, Math.round((r.durationMin * cap) / (r.km as number)));
          const rpe = wholeRpe(r.rpe);
          b.add(flag.id, "deload", r.day, {
            durationMin: duration,
            targetLoadAu: duration * rpe,
            rpe,
            distanceKm: cap,
            replacesSessionId: r.id as string,
            limits: { maxRunKm: cap },
            reason: [why, part("spike-shorten", { ...runParams(r), toKm: cap, min: duration })],
          });
          r.km = cap;
          r.durationMin = duration;
        }
        if (over.length === 0) {
          // Runs above the cap that another flag's suggestion already changes (cross-training, a shorter step).
          const changedElsewhere = planRuns.some((r) => r.taken && r.id !== null && r.km !== null && exceeds(r.km, cap));
          const planText = part(changedElsewhere ? "spike-changed-elsewhere" : "spike-none-above");
          b.add(flag.id, "deload", a + 1, {
            durationMin: 0,
            targetLoadAu: 0,
            rpe: null,
            limits: { maxRunKm: cap },
            reason: [why, ...(hasPlan ? [planText] : paceParts(cap))],
          });
        }
        break;
      }
      case "weekly-distance-increase":
      case "acwr-high": {
        if (severe || done.has("week-cap")) break;
        const c = weekCap(flag);
        if (!c) break;
        done.add("week-cap");
        const { cap, baseline } = c;
        // Runs trimmed above count at their new distance; runs moved to cross-training not at all.
        const live = planRuns.filter((r) => !r.substituted && r.km !== null);
        const plannedKm = live.reduce((m, r) => m + (r.km as number), 0);
        const free = live.filter((r) => !r.taken);
        const freeKm = free.reduce((m, r) => m + (r.km as number), 0);
        const why = part("week-cap", { cause: flag.id === "acwr-high" ? "load" : "distance", capKm: cap, factor: S.deloadFactor, baselineKm: baseline });
        let acted = false;
        if (exceeds(plannedKm, cap) && freeKm > 0) {
          if (flag.id === "acwr-high") {
            const f = (cap - (plannedKm - freeKm)) / freeKm;
            if (f > 0) {
              acted = true;
              for (const r of free) {
                r.taken = true;
                const km = floorKm((r.km as number) * f);
                const duration = Math.max(1, Math.round(r.durationMin * f));
                const rpe = wholeRpe(r.rpe);
                b.add(flag.id, "deload", r.day, {
                  durationMin: duration,
                  targetLoadAu: duration * rpe,
                  rpe,
                  distanceKm: km,
                  ...(r.id !== null ? { replacesSessionId: r.id } : {}),
                  limits: { maxWeekRunKm: cap },
                  reason: [why, part("week-shorten", { ...runParams(r), toKm: km, shareOfRun: f, min: duration })],
                });
                r.km = km;
                r.durationMin = duration;
              }
            }
          } else {
            let km = plannedKm;
            const order = [...free].sort((x, y) => (y.km as number) - (x.km as number) || x.day - y.day);
            for (const r of order) {
              if (!exceeds(km, cap)) break;
              if (substitute(flag.id, r, fit(LOAD_MODES), why, 1, S.crossTrainingMaxRpe)) {
                km -= r.km as number;
                acted = true;
              }
            }
          }
        }
        if (!acted) {
          const afterOthers = planRuns.some((r) => r.taken) ? "yes" : "no";
          b.add(flag.id, "deload", a + 1, {
            durationMin: 0,
            targetLoadAu: 0,
            rpe: null,
            limits: { maxWeekRunKm: cap },
            reason: [
              why,
              ...(hasPlan ? [part(exceeds(plannedKm, cap) ? "week-planned-over" : "week-planned-within", { plannedKm, afterOthers })] : paceParts(cap)),
            ],
          });
        }
        break;
      }
      case "monotony-high": {
        let day = NaN;
        for (let d = a + 1; d <= horizonEnd; d++) {
          if (!busy.has(d)) {
            day = d;
            break;
          }
        }
        let replaces: string[] = [];
        if (day !== day) {
          const loads = new Map<number, number>();
          for (const p of future) loads.set(p.day, (loads.get(p.day) ?? 0) + parsedSessionLoad(p, "srpe"));
          let best = Infinity;
          for (const [d, l] of loads) {
            if (l < best || (l === best && d < day)) {
              best = l;
              day = d;
            }
          }
          replaces = future.filter((p) => p.day === day).map((p) => p.id);
        }
        busy.set(day, (busy.get(day) ?? 0) + 1);
        b.add(flag.id, "rest", day, {
          durationMin: 0,
          targetLoadAu: 0,
          rpe: null,
          ...(replaces.length > 0 ? { replacesSessionIds: replaces } : {}),
          reason: [part("monotony-rest", { restDay: formatDay(day) })],
        });
        break;
      }
      case "compensatory-deficit": {
        const plannedCore = future.filter((p) => p.type === "CORE" || p.type === "STRENGTH").length;
        const need = Math.max(0, S.coreSessionsPerWeek - plannedCore);
        for (const d of pickDays("core", need)) {
          b.add(flag.id, "core", d, {
            durationMin: S.coreDurationMin,
            targetLoadAu: S.coreDurationMin * S.coreRpe,
            rpe: S.coreRpe,
            exercises: safeExercises(CORE_EXERCISES, severe),
            reason: [
              part("core", { minSessions: S.coreSessionsPerWeek, maxSessions: S.coreMaxSessionsPerWeek }),
              ...(severe ? [part("severe-no-extension")] : []),
            ],
          });
        }
        if (!done.has("mobility") && !future.some((p) => p.type === "MOBILITY")) {
          done.add("mobility");
          const [d] = pickDays("mobility", 1);
          b.add(flag.id, "mobility", d, {
            durationMin: S.mobilityDurationMin,
            targetLoadAu: S.mobilityDurationMin * S.mobilityRpe,
            rpe: S.mobilityRpe,
            exercises: safeExercises(MOBILITY_EXERCISES, severe),
            reason: [part("compensatory-mobility")],
          });
        }
        break;
      }
      case "posture-load": {
        const loads = (profile?.postureLoad.length ? profile.postureLoad : (flag.values?.postureLoad as PostureLoad[] | undefined)) ?? [];
        const exercises: Exercise[] = [];
        for (const l of loads) {
          for (const e of POSTURE_EXERCISES[l] ?? []) if (!exercises.some((x) => x.name === e.name)) exercises.push(e);
        }
        if (exercises.length === 0) exercises.push(...MOBILITY_EXERCISES);
        const [d] = pickDays("posture", 1);
        b.add(flag.id, "posture", d, {
          durationMin: S.postureDurationMin,
          targetLoadAu: S.postureDurationMin * S.postureRpe,
          rpe: S.postureRpe,
          exercises: safeExercises(exercises, severe),
          reason: [loads.length > 0 ? part("posture", { postures: [...loads] }) : part("posture-unrecorded")],
        });
        break;
      }
      case "footprint-unassessed":
        b.add(flag.id, "assessment", a + 1, {
          durationMin: S.assessmentMin,
          targetLoadAu: 0,
          rpe: null,
          assessment: "footprint (gait) assessment",
          reason: [part("footprint-assessment")],
        });
        break;
      case "leg-length-discrepancy":
        b.add(flag.id, "assessment", a + 1, {
          durationMin: S.assessmentMin,
          targetLoadAu: 0,
          rpe: null,
          assessment: "leg-length check by a physiotherapist",
          reason: [part("leg-length-assessment")],
        });
        break;
      case "masters-athlete":
        b.add(flag.id, "assessment", a + 1, {
          durationMin: S.assessmentMin,
          targetLoadAu: 0,
          rpe: null,
          assessment: "physiotherapist screening",
          reason: [part("masters-assessment")],
        });
        break;
      case "shoe-mileage": {
        const shoe = typeof flag.values?.shoeId === "string" ? flag.values.shoeId : null;
        b.add(flag.id, "assessment", a + 1, {
          durationMin: 0,
          targetLoadAu: 0,
          rpe: null,
          assessment: `check or replace shoe ${shoe ?? "the shoe"}`,
          reason: [shoe === null ? part("shoe-assessment-unnamed") : part("shoe-assessment", { shoe })],
        });
        break;
      }
      default:
        break;
    }
  }
  return b.out.sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0));
}

/**
 * A suggestion as a planned session (origin "suggestion"), for accepting it into a plan; null for
 * suggestions that are not sessions (rest, assessments, cap-only deloads and return-to-run advice).
 */
export function suggestionToPlannedSession(s: Suggestion, id: string): PlannedSession | null {
  if (typeof id !== "string" || id === "") throw new EngineInputError("id", "expected a non-empty id", "invalid-type");
  const base = { id, date: s.date, durationMin: s.durationMin, origin: "suggestion" as const, flagId: s.flagId };
  const rpe = s.rpe ?? undefined;
  switch (s.type) {
    case "core":
      return { ...base, type: "CORE", rpe };
    case "mobility":
    case "posture":
      return { ...base, type: "MOBILITY", rpe };
    case "cross-training":
      return { ...base, type: "CROSS_TRAINING", rpe };
    case "deload":
      return s.distanceKm !== undefined && s.durationMin > 0 ? { ...base, type: "RUN", rpe, distanceKm: s.distanceKm } : null;
    case "return-to-run":
      return s.durationMin > 0 ? { ...base, type: "RUN", rpe, ...(s.distanceKm !== undefined ? { distanceKm: s.distanceKm } : {}) } : null;
    default:
      return null;
  }
}

/**
 * Whether a suggestion is a session that can go into the plan (see suggestionToPlannedSession); rest,
 * assessments and cap-only advice are not.
 */
export function isSessionSuggestion(s: Suggestion): boolean {
  return suggestionToPlannedSession(s, "check") !== null;
}
