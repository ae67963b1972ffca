/**
 * Compensatory sessions and plan changes proposed for active flags (domain reference, "Suggestions").
 * Every suggestion names the flag that caused it. A red-flag referral suppresses everything but rest.
 */
import { formatDay, parseDay, weekdayOf } from "./dates";
import { parsedSessionLoad } from "./metrics";
import { compareFlags } from "./flags";
import { EngineInputError } from "./errors";
import { DEFAULT_RPE, SUGGESTION_DEFAULTS as S } from "./thresholds";
import type {
  CrossTrainingMode,
  EngineProfile,
  EngineSession,
  Exercise,
  Flag,
  FlagId,
  PlannedSession,
  PostureLoad,
  Suggestion,
  SuggestionType,
} from "./types";
import { parseProfile, parseSessions, requireArray, requireFlagId, requireObject } from "./validate";

/** Core work: abdominal, lumbar, gluteal and pelvic-floor exercises (source article; Lauersen 2014). */
export const CORE_EXERCISES: readonly Exercise[] = Object.freeze([
  { name: "Dead bug", target: "abdominal", prescription: "3 x 10 slow reps per side" },
  { name: "Front plank", target: "abdominal", prescription: "3 x 30-45 s" },
  { name: "Bird dog", target: "lumbar", prescription: "3 x 10 reps per side, 2 s hold" },
  { name: "Prone back extension", target: "lumbar", prescription: "3 x 12 reps" },
  { name: "Glute bridge", target: "gluteal", prescription: "3 x 15 reps" },
  { name: "Side plank with clam", target: "gluteal", prescription: "2 x 30 s per side" },
  { name: "Pelvic-floor contractions with diaphragmatic breathing", target: "pelvic-floor", prescription: "3 x 10, 5 s hold" },
]);

/** Mobility for hamstrings, hip flexors (psoas), piriformis, glutes and thoracic spine. */
export const MOBILITY_EXERCISES: readonly Exercise[] = Object.freeze([
  { name: "Supine hamstring stretch with a strap", target: "hamstrings", prescription: "2 x 30 s per leg" },
  { name: "Half-kneeling hip-flexor (psoas) stretch", target: "hip-flexors", prescription: "2 x 30 s per side" },
  { name: "Figure-four piriformis stretch", target: "piriformis", prescription: "2 x 30 s per side" },
  { name: "Knee-to-opposite-shoulder glute stretch", target: "glutes", prescription: "2 x 30 s per side" },
  { name: "Open-book thoracic rotation", target: "thoracic-spine", prescription: "2 x 8 reps per side" },
]);

/** Posture work matched to the posture load recorded in the profile. */
export const POSTURE_EXERCISES: Readonly<Record<PostureLoad, readonly Exercise[]>> = Object.freeze({
  desk: [
    { name: "Thoracic extension over a foam roller", target: "thoracic-spine", prescription: "2 x 10 reps" },
    { name: "Chin tucks", target: "cervical", prescription: "2 x 10 reps, 3 s hold" },
    { name: "Half-kneeling hip-flexor (psoas) stretch", target: "hip-flexors", prescription: "2 x 30 s per side" },
  ],
  standing: [
    { name: "Standing pelvic tilts", target: "lumbar", prescription: "2 x 12 reps" },
    { name: "Wall calf stretch", target: "calves", prescription: "2 x 30 s per side" },
    { name: "Glute bridge", target: "gluteal", prescription: "2 x 15 reps" },
  ],
  lifting: [
    { name: "Hip-hinge drill with a dowel along the spine", target: "lumbar", prescription: "3 x 10 reps" },
    { name: "Dead bug (bracing)", target: "abdominal", prescription: "3 x 8 reps per side" },
    { name: "Goblet squat to a box", target: "gluteal", prescription: "3 x 10 reps, light" },
  ],
});

const BACK_PAIN_MODES: readonly CrossTrainingMode[] = ["aqua-jogging", "swimming", "elliptical", "cycling"];
const LOAD_MODES: readonly CrossTrainingMode[] = ["cycling", "elliptical", "swimming", "aqua-jogging"];
const MODE_NAMES: Record<CrossTrainingMode, string> = {
  cycling: "cycling",
  swimming: "swimming",
  elliptical: "elliptical trainer",
  "aqua-jogging": "aqua jogging",
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
  taken: boolean;
}

function label(day: number): string {
  return `${weekdayOf(day)} ${formatDay(day)}`;
}

function r1(x: number): number {
  return Math.round(x * 10) / 10;
}

class Builder {
  readonly out: Suggestion[] = [];
  private counter = 0;

  add(flagId: FlagId, type: SuggestionType, day: number, fields: Omit<Suggestion, "id" | "flagId" | "type" | "date">): void {
    this.counter++;
    this.out.push({ id: `${flagId}:${type}:${formatDay(day)}:${this.counter}`, flagId, type, date: formatDay(day), ...fields });
  }
}

/**
 * Suggested sessions and plan changes for the given flags, for the 7 days after asOf.
 *
 * - `red-flag`: only one rest suggestion (from asOf), telling to seek emergency care now or to see a
 *   clinician, standing in for the planned sessions of the next 14 days; nothing else is suggested.
 * - `back-pain-rising`, `pain-after-overload`: move at least half of the next 7 days' running load (sRPE)
 *   to cross-training (aqua jogging, swimming, elliptical, cycling), each replacement at the run's load
 *   with duration = run load / chosen RPE (the run's RPE, at most 6), largest runs first; plus one
 *   mobility session.
 * - `session-spike`: deload cap, next single run <= 1.1 x the longest run of asOf-29..asOf; planned runs
 *   above it are trimmed to the cap. Without a plan, one suggestion states the cap (duration at the
 *   recent pace); a plan that already respects it gets nothing.
 * - `weekly-distance-increase`: next 7 days' run km <= 1.1 x the run km of asOf-6..asOf; planned runs
 *   above the cap move to cross-training (largest first) at the same load. Without a plan, one
 *   suggestion states the cap.
 * - `acwr-high`: the same weekly cap, reached by trimming every planned run in proportion (this lowers
 *   the load, which a same-load substitution would not).
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
    const replaced = planned.filter((p) => p.day > a && p.day <= a + 14).map((p) => p.id);
    b.add("red-flag", "rest", a, {
      durationMin: 0,
      targetLoadAu: 0,
      rpe: null,
      replacesSessionIds: replaced,
      reason: emergency
        ? "Red-flag symptoms were reported: seek emergency care now. No training until a doctor has cleared the athlete."
        : "Red-flag symptoms were reported: rest and see a clinician before training again. Training suggestions are held back until then.",
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

  const runLabel = (r: PlanRun) =>
    `${r.km !== null ? `${r.km.toFixed(1)} km ` : ""}run ${r.templateOf === null ? "planned for" : "expected on"} ${label(r.day)}` +
    (r.templateOf !== null ? ` (like the run of ${label(r.templateOf)})` : "");

  let modeIndex = 0;
  const substitute = (flagId: FlagId, r: PlanRun, modes: readonly CrossTrainingMode[], why: string) => {
    r.taken = true;
    const load = runLoad(r);
    const rpe = Math.max(1, Math.min(r.rpe, S.crossTrainingMaxRpe));
    const mode = modes[modeIndex++ % modes.length];
    const duration = load / rpe;
    b.add(flagId, "cross-training", r.day, {
      durationMin: duration,
      targetLoadAu: load,
      rpe,
      crossTrainingMode: mode,
      ...(r.id !== null ? { replacesSessionId: r.id } : {}),
      reason:
        `${why} Replace the ${runLabel(r)} with ${Math.round(duration)} min of ${MODE_NAMES[mode]} at RPE ${rpe}: ` +
        `the same session load (${Math.round(load)} AU = run load / RPE ${rpe} x ${Math.round(duration)} min) without the impact of running.` +
        (r.rpeKnown ? "" : ` The run had no RPE, so RPE ${DEFAULT_RPE} was assumed.`),
    });
  };

  // Recent running, for caps and for estimating a capped run's duration.
  const recentRuns = sessions.filter((s) => s.type === "RUN" && s.distanceKm !== null && s.day <= a);
  const longest30 = recentRuns.filter((s) => s.day >= a - 29).reduce((m, s) => Math.max(m, s.distanceKm as number), 0);
  const last7Km = recentRuns.filter((s) => s.day >= a - 6).reduce((m, s) => m + (s.distanceKm as number), 0);
  const paced = recentRuns.filter((s) => s.day >= a - 29 && (s.distanceKm as number) > 0);
  const paceKm = paced.reduce((m, s) => m + (s.distanceKm as number), 0);
  const pace = paceKm > 0 ? paced.reduce((m, s) => m + s.durationMin, 0) / paceKm : 0;
  const recentRpe = paced.length > 0 ? paced.reduce((m, s) => m + (s.rpe ?? DEFAULT_RPE), 0) / paced.length : DEFAULT_RPE;

  const done = new Set<string>();
  const sorted = [...flags].sort(compareFlags);
  const seen = new Set<FlagId>();
  for (const flag of sorted) {
    if (seen.has(flag.id)) continue;
    seen.add(flag.id);
    switch (flag.id) {
      case "back-pain-rising":
      case "pain-after-overload": {
        if (done.has("pain-substitution")) break;
        done.add("pain-substitution");
        const why =
          flag.id === "back-pain-rising"
            ? "Back pain is rising, so at least half of the next 7 days' running load moves to low-impact cross-training."
            : "Back pain followed an overload, so at least half of the next 7 days' running load moves to low-impact cross-training.";
        const total = planRuns.reduce((m, r) => m + runLoad(r), 0);
        let moved = planRuns.filter((r) => r.taken).reduce((m, r) => m + runLoad(r), 0);
        const order = planRuns.filter((r) => !r.taken).sort((x, y) => runLoad(y) - runLoad(x) || x.day - y.day);
        for (const r of order) {
          if (total > 0 && moved >= total * S.backPainCrossTrainingShare) break;
          substitute(flag.id, r, BACK_PAIN_MODES, why);
          moved += runLoad(r);
        }
        if (!done.has("mobility")) {
          done.add("mobility");
          const [d] = pickDays("mobility", 1);
          b.add(flag.id, "mobility", d, {
            durationMin: S.mobilityDurationMin,
            targetLoadAu: S.mobilityDurationMin * S.mobilityRpe,
            rpe: S.mobilityRpe,
            exercises: [...MOBILITY_EXERCISES],
            reason:
              "Gentle mobility for the hamstrings, hip flexors, piriformis, glutes and thoracic spine keeps the back moving " +
              "while the running load is lower; stop any exercise that increases the pain.",
          });
        }
        break;
      }
      case "session-spike": {
        if (longest30 <= 0) break;
        const cap = S.deloadFactor * longest30;
        const over = planRuns.filter((r) => !r.taken && r.id !== null && r.km !== null && r.km > cap);
        const why =
          `A single run was much longer than usual, so cap each run at ${r1(cap).toFixed(1)} km ` +
          `(1.1 x the longest run of the last 30 days, ${longest30.toFixed(1)} km).`;
        for (const r of over) {
          r.taken = true;
          const f = cap / (r.km as number);
          const duration = r.durationMin * f;
          b.add(flag.id, "deload", r.day, {
            durationMin: duration,
            targetLoadAu: duration * r.rpe,
            rpe: r.rpe,
            distanceKm: cap,
            replacesSessionId: r.id as string,
            limits: { maxRunKm: cap },
            reason: `${why} Shorten the ${runLabel(r)} to ${cap.toFixed(1)} km (about ${Math.round(duration)} min).`,
          });
        }
        if (over.length === 0 && !hasPlan) {
          const next = planRuns.find((r) => !r.taken);
          const day = next ? next.day : a + 1;
          const duration = cap * pace;
          b.add(flag.id, "deload", day, {
            durationMin: duration,
            targetLoadAu: duration * recentRpe,
            rpe: r1(recentRpe),
            limits: { maxRunKm: cap },
            reason: `${why} Keep the next run at or under ${cap.toFixed(1)} km${pace > 0 ? ` (about ${Math.round(duration)} min at the recent pace)` : ""}.`,
          });
        }
        break;
      }
      case "weekly-distance-increase":
      case "acwr-high": {
        if (done.has("week-cap") || last7Km <= 0) break;
        done.add("week-cap");
        const cap = S.deloadFactor * last7Km;
        const live = planRuns.filter((r) => !r.taken && r.km !== null);
        const plannedKm = live.reduce((m, r) => m + (r.km as number), 0);
        const why =
          `${flag.id === "acwr-high" ? "The load rose quickly" : "Weekly distance rose quickly"}, so keep the next 7 days ` +
          `at or under ${cap.toFixed(1)} km of running (1.1 x the last 7 days' ${last7Km.toFixed(1)} km).`;
        if (plannedKm > cap && live.length > 0) {
          if (flag.id === "acwr-high") {
            const f = cap / plannedKm;
            for (const r of live) {
              r.taken = true;
              const duration = r.durationMin * f;
              b.add(flag.id, "deload", r.day, {
                durationMin: duration,
                targetLoadAu: duration * r.rpe,
                rpe: r.rpe,
                distanceKm: (r.km as number) * f,
                ...(r.id !== null ? { replacesSessionId: r.id } : {}),
                limits: { maxWeekRunKm: cap },
                reason: `${why} Shorten the ${runLabel(r)} to ${((r.km as number) * f).toFixed(1)} km (${Math.round(f * 100)}% of it).`,
              });
            }
          } else {
            let km = plannedKm;
            const order = [...live].sort((x, y) => (y.km as number) - (x.km as number) || x.day - y.day);
            for (const r of order) {
              if (km <= cap) break;
              substitute(flag.id, r, LOAD_MODES, why);
              km -= r.km as number;
            }
          }
        } else if (!hasPlan) {
          const duration = cap * pace;
          b.add(flag.id, "deload", a + 1, {
            durationMin: duration,
            targetLoadAu: duration * recentRpe,
            rpe: r1(recentRpe),
            limits: { maxWeekRunKm: cap },
            reason: `${why}${pace > 0 ? ` That is about ${Math.round(duration)} min of running at the recent pace.` : ""}`,
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
          reason:
            `Training days have been too alike (monotony above the threshold), so make ${label(day)} a full rest day ` +
            `and keep easy days truly easy: the contrast between hard and easy days is what lowers monotony.`,
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
            exercises: [...CORE_EXERCISES],
            reason:
              `Few core or strength sessions lately: core work for the abdominals, lower back, glutes and pelvic floor, ` +
              `${S.coreSessionsPerWeek}-${S.coreMaxSessionsPerWeek} times a week for 20-30 min at RPE 4-6, supports the trunk ` +
              `and spine; strength training cut sports injuries by about two thirds.`,
          });
        }
        if (!done.has("mobility") && !future.some((p) => p.type === "MOBILITY")) {
          done.add("mobility");
          const [d] = pickDays("mobility", 1);
          b.add(flag.id, "mobility", d, {
            durationMin: S.mobilityDurationMin,
            targetLoadAu: S.mobilityDurationMin * S.mobilityRpe,
            rpe: S.mobilityRpe,
            exercises: [...MOBILITY_EXERCISES],
            reason: "Mobility for the hamstrings, hip flexors (psoas), piriformis, glutes and thoracic spine completes the compensatory work.",
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
          exercises,
          reason:
            `Posture load outside training (${loads.join(", ") || "recorded in the profile"}): a short posture and mobility ` +
            `session, plus regular breaks and good lifting technique during the day.`,
        });
        break;
      }
      case "footprint-unassessed":
        b.add(flag.id, "assessment", a + 1, {
          durationMin: S.assessmentMin,
          targetLoadAu: 0,
          rpe: null,
          assessment: "biomechanical footprint test",
          reason: "Book a biomechanical footprint (gait) test so that running shoes can be matched to the footprint type.",
        });
        break;
      case "leg-length-discrepancy":
        b.add(flag.id, "assessment", a + 1, {
          durationMin: S.assessmentMin,
          targetLoadAu: 0,
          rpe: null,
          assessment: "leg-length check by a physiotherapist",
          reason: "Have the leg-length difference measured by a physiotherapist, who can judge whether an insole or specific work is needed.",
        });
        break;
      case "masters-athlete":
        b.add(flag.id, "assessment", a + 1, {
          durationMin: S.assessmentMin,
          targetLoadAu: 0,
          rpe: null,
          assessment: "physiotherapist screening",
          reason: "A physiotherapist screening of back, hips and stride helps correct habits that weigh more with age.",
        });
        break;
      case "shoe-mileage": {
        const shoe = typeof flag.values?.shoeId === "string" ? flag.values.shoeId : "the shoe";
        b.add(flag.id, "assessment", a + 1, {
          durationMin: 0,
          targetLoadAu: 0,
          rpe: null,
          assessment: `check or replace shoe ${shoe}`,
          reason: `Shoe ${shoe} is past its mileage limit: check its cushioning and replace it (then mark it retired).`,
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
 * suggestions that are not sessions (rest, assessments, caps without a session).
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
      return s.distanceKm !== undefined ? { ...base, type: "RUN", rpe, distanceKm: s.distanceKm } : null;
    default:
      return null;
  }
}
