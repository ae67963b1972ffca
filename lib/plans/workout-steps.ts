// Structured workouts: the steps of a planned session (warm-up, work, recovery, cool-down, rest, and
// blocks repeated N times), as PlannedSession.steps stores them. Distances in metres and paces in seconds
// per km, whatever the viewer's unit; words in the viewer's unit and language. No server code and no zod:
// the step editor in the browser checks and renders with these functions, and the server's schema
// (lib/plans/workout-schemas.ts, with a message for each field) keeps to the same budgets.
import { hasControlCharacters } from "@/lib/control-characters";
import { KM_PER_MILE, type Unit } from "@/lib/units";

export const STEP_TYPES = ["warmup", "work", "recovery", "cooldown", "rest"] as const;
export type StepType = (typeof STEP_TYPES)[number];
/** What a repeat block may hold: the repeated part of an interval session. */
export const REPEATED_STEP_TYPES = ["work", "recovery", "rest"] as const;

/** The step types' names in a watch's workout file, which has no language of its own. */
export const STEP_TYPE_LABELS: Record<StepType, string> = {
  warmup: "Warm-up",
  work: "Work",
  recovery: "Recovery",
  cooldown: "Cool-down",
  rest: "Rest",
};

// Budgets. A watch takes at most 50 steps in a workout (a repeat block counts as one step more than
// what it repeats), and a coach needs far fewer.
export const MAX_TOP_LEVEL_ENTRIES = 20;
export const MAX_FIT_STEPS = 50;
export const MAX_REPEAT_CHILDREN = 10;
export const MAX_REPEAT_COUNT = 50;
export const MIN_STEP_SECONDS = 10;
export const MAX_STEP_SECONDS = 6 * 3600;
export const MIN_STEP_METRES = 10;
export const MAX_STEP_METRES = 100_000;
/** Paces from 1:00 to 20:00 per km: a fast bike to a slow walk. */
export const MIN_PACE_SEC_PER_KM = 60;
export const MAX_PACE_SEC_PER_KM = 1200;
export const MAX_STEP_NOTE = 60;
/**
 * The steps field's text, in characters. The editor writes a full workout (50 steps, each with a pace
 * target and a note) in under 12,000.
 */
export const MAX_STEPS_TEXT = 32_000;
/** The whole workout, repeats counted out: no session lasts more than a day or goes further than 500 km. */
export const MAX_TOTAL_SECONDS = 24 * 3600;
export const MAX_TOTAL_METRES = 500_000;

export type StepDuration = { kind: "time"; seconds: number } | { kind: "distance"; metres: number } | { kind: "open" };
export type StepTarget = { kind: "rpe"; rpe: number } | { kind: "pace"; fastSecPerKm: number; slowSecPerKm: number };
export type WorkoutStep = { type: StepType; duration: StepDuration; target: StepTarget | null; note: string | null };
export type RepeatBlock = { type: "repeat"; count: number; steps: (WorkoutStep & { type: (typeof REPEATED_STEP_TYPES)[number] })[] };
export type WorkoutEntry = WorkoutStep | RepeatBlock;
export type WorkoutSteps = WorkoutEntry[];

/** How many steps a watch receives: each step, and one more for each repeat block. */
export const fitStepCount = (entries: readonly WorkoutEntry[]) =>
  entries.reduce((n, e) => n + (e.type === "repeat" ? e.steps.length + 1 : 1), 0);

/** Every step in the order it is trained, repeats counted out. */
export function expandSteps(entries: readonly WorkoutEntry[]): WorkoutStep[] {
  return entries.flatMap((e) => (e.type === "repeat" ? Array.from({ length: e.count }, () => e.steps).flat() : [e]));
}

/** Why a whole workout is over its budgets (steps a watch takes, total time and distance), or null. */
export function workoutBudgetProblem(entries: readonly WorkoutEntry[]): string | null {
  const count = fitStepCount(entries);
  if (count > MAX_FIT_STEPS) return `A workout holds at most ${MAX_FIT_STEPS} steps, counting each repeat block as one; this one has ${count}`;
  const steps = expandSteps(entries);
  if (steps.reduce((s, step) => s + (step.duration.kind === "time" ? step.duration.seconds : 0), 0) > MAX_TOTAL_SECONDS) return "The timed steps add up to more than 24 hours";
  if (steps.reduce((m, step) => m + (step.duration.kind === "distance" ? step.duration.metres : 0), 0) > MAX_TOTAL_METRES) return "The steps add up to more than 500 km";
  return null;
}

// ---------------------------------------------------------------- the editor's check

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
const whole = (v: unknown, min: number, max: number): v is number => typeof v === "number" && Number.isInteger(v) && v >= min && v <= max;

function checkStep(v: unknown, types: readonly string[]): WorkoutStep | null {
  if (!isObject(v) || typeof v.type !== "string" || !types.includes(v.type) || !isObject(v.duration)) return null;
  const d = v.duration;
  let duration: StepDuration;
  if (d.kind === "time" && whole(d.seconds, MIN_STEP_SECONDS, MAX_STEP_SECONDS)) duration = { kind: "time", seconds: d.seconds };
  else if (d.kind === "distance" && whole(d.metres, MIN_STEP_METRES, MAX_STEP_METRES)) duration = { kind: "distance", metres: d.metres };
  else if (d.kind === "open") duration = { kind: "open" };
  else return null;
  let target: StepTarget | null = null;
  const t = v.target;
  if (isObject(t)) {
    if (t.kind === "rpe" && whole(t.rpe, 1, 10)) target = { kind: "rpe", rpe: t.rpe };
    else if (
      t.kind === "pace" &&
      whole(t.fastSecPerKm, MIN_PACE_SEC_PER_KM, MAX_PACE_SEC_PER_KM) &&
      whole(t.slowSecPerKm, MIN_PACE_SEC_PER_KM, MAX_PACE_SEC_PER_KM) &&
      t.fastSecPerKm <= t.slowSecPerKm
    )
      target = { kind: "pace", fastSecPerKm: t.fastSecPerKm, slowSecPerKm: t.slowSecPerKm };
    else return null;
  } else if (t != null) return null;
  let note: string | null = null;
  if (typeof v.note === "string") {
    const trimmed = v.note.trim();
    if (trimmed.length > MAX_STEP_NOTE || hasControlCharacters(trimmed, { multiline: false })) return null;
    note = trimmed || null;
  } else if (v.note != null) return null;
  return { type: v.type as StepType, duration, target, note };
}

/**
 * The workout a draft describes when every value fits, else null (as is an empty list): the step
 * editor's preview. The same rules as the server's schema, without its messages (the server gives those
 * on save); lib/plans/workout-schemas.test.ts checks that the two agree.
 */
export function checkWorkout(value: unknown): WorkoutSteps | null {
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_TOP_LEVEL_ENTRIES) return null;
  const entries: WorkoutEntry[] = [];
  for (const v of value) {
    if (isObject(v) && v.type === "repeat") {
      if (!whole(v.count, 1, MAX_REPEAT_COUNT) || !Array.isArray(v.steps) || v.steps.length < 1 || v.steps.length > MAX_REPEAT_CHILDREN) return null;
      const steps = v.steps.map((s) => checkStep(s, REPEATED_STEP_TYPES));
      if (steps.some((s) => s === null)) return null;
      entries.push({ type: "repeat", count: v.count, steps: steps as RepeatBlock["steps"] });
    } else {
      const step = checkStep(v, STEP_TYPES);
      if (!step) return null;
      entries.push(step);
    }
  }
  return workoutBudgetProblem(entries) ? null : entries;
}

// ---------------------------------------------------------------- numbers as people write them

/** "1:30" as 90, "2:05:00" as 7500; plain numbers are minutes ("15", "2.5"). Null when unreadable. */
export function parseStepTime(text: string): number | null {
  const v = text.trim().replace(",", ".");
  if (/^\d+(\.\d+)?$/.test(v)) return Math.round(Number(v) * 60);
  const m = /^(?:(\d+):)?(\d{1,3}):(\d{2})$/.exec(v);
  if (!m) return null;
  const [h, min, s] = [Number(m[1] ?? 0), Number(m[2]), Number(m[3])];
  if (s >= 60 || (m[1] !== undefined && min >= 60)) return null;
  return h * 3600 + min * 60 + s;
}

/** Seconds as the time field shows them: whole minutes as "15", otherwise "1:30" or "1:05:30". */
export function stepTimeText(seconds: number): string {
  if (seconds % 60 === 0) return String(seconds / 60);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = String(seconds % 60).padStart(2, "0");
  return h ? `${h}:${String(m).padStart(2, "0")}:${s}` : `${m}:${s}`;
}

/** A pace typed as "4:05" (per km or per mile) as seconds per km, or null. */
export function parsePace(text: string, unit: Unit): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m || Number(m[2]) >= 60) return null;
  const perUnit = Number(m[1]) * 60 + Number(m[2]);
  return Math.round(unit === "MI" ? perUnit / KM_PER_MILE : perUnit);
}

/** Seconds per km as "4:05", per km or per mile. */
export function paceText(secPerKm: number, unit: Unit): string {
  const total = Math.round(unit === "MI" ? secPerKm * KM_PER_MILE : secPerKm);
  return `${Math.floor(total / 60)}:${String(total % 60).padStart(2, "0")}`;
}

// ---------------------------------------------------------------- words

/** "15 min", "90 s", "1 min 30 s", "1 h 15 min". */
export function formatStepTime(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  if (h) return [`${h} h`, m ? `${m} min` : null, s ? `${s} s` : null].filter(Boolean).join(" ");
  if (m) return s ? `${m} min ${s} s` : `${m} min`;
  return `${s} s`;
}

const trimmed = (value: number, digits: number) => String(Number(value.toFixed(digits)));

/** "800 m" and "5 km" in km; "0.5 mi" and "3.1 mi" in miles. */
export function formatStepDistance(metres: number, unit: Unit): string {
  if (unit === "MI") return `${trimmed(metres / 1000 / KM_PER_MILE, 2)} mi`;
  return metres < 1000 ? `${metres} m` : `${trimmed(metres / 1000, 2)} km`;
}

function targetWords(target: StepTarget | null, unit: Unit): string | null {
  if (!target) return null;
  if (target.kind === "rpe") return `RPE ${target.rpe}`;
  const per = unit === "MI" ? "/mi" : "/km";
  return target.fastSecPerKm === target.slowSecPerKm
    ? `${paceText(target.fastSecPerKm, unit)} ${per}`
    : `${paceText(target.fastSecPerKm, unit)}–${paceText(target.slowSecPerKm, unit)} ${per}`;
}

/**
 * A translator of the catalogue's `workoutSteps` namespace: next-intl's useTranslations or
 * getTranslations("workoutSteps"), or translatorFor(locale, "workoutSteps") outside a request.
 */
export type WorkoutWords = (key: string, values?: Record<string, string | number>) => string;

/** One step in words: "15 min warm-up", "800 m at RPE 8", "2 min recovery", "warm-up until the lap button". */
export function describeStep(step: WorkoutStep, unit: Unit, words: WorkoutWords): string {
  const noun = words(`noun.${step.type}`);
  const size =
    step.duration.kind === "time"
      ? formatStepTime(step.duration.seconds)
      : step.duration.kind === "distance"
        ? formatStepDistance(step.duration.metres, unit)
        : null;
  // A work step is its size alone ("800 m at RPE 8"); the others name what they are.
  const head = !size ? words("untilLap", { noun }) : step.type === "work" ? size : words("sized", { size, noun });
  const target = targetWords(step.target, unit);
  const withTarget = target ? words("atTarget", { step: head, target }) : head;
  return step.note ? words("withNote", { step: withTarget, note: step.note }) : withTarget;
}

/** The whole workout on one line: "15 min warm-up · 6 × (800 m at RPE 8, 2 min recovery) · 10 min cool-down". */
export function describeWorkout(entries: readonly WorkoutEntry[], unit: Unit, words: WorkoutWords): string {
  return entries
    .map((e) =>
      e.type === "repeat" ? words("repeat", { count: e.count, steps: e.steps.map((s) => describeStep(s, unit, words)).join(", ") }) : describeStep(e, unit, words),
    )
    .join(" · ");
}

// ---------------------------------------------------------------- totals

export type WorkoutTotals = {
  /** Time of the steps whose time is known: timed ones, and ones by distance with a pace target. */
  seconds: number;
  /** Distance of the steps whose distance is known: by distance, and timed ones with a pace target. */
  metres: number;
  /** Steps (repeats counted out) whose time is unknown: by distance without a pace, or until the lap button. */
  untimedSteps: number;
  /** Steps (repeats counted out) whose distance is unknown. */
  unmeasuredSteps: number;
};

const midPace = (t: StepTarget | null) => (t?.kind === "pace" ? (t.fastSecPerKm + t.slowSecPerKm) / 2 : null);

/**
 * What the steps add up to, estimated: a pace target (its middle) turns distance into time and time
 * into distance. The session's own duration stays what the coach typed; this only offers a number.
 */
export function workoutTotals(entries: readonly WorkoutEntry[]): WorkoutTotals {
  const totals: WorkoutTotals = { seconds: 0, metres: 0, untimedSteps: 0, unmeasuredSteps: 0 };
  for (const step of expandSteps(entries)) {
    const pace = midPace(step.target);
    if (step.duration.kind === "time") {
      totals.seconds += step.duration.seconds;
      if (pace) totals.metres += (step.duration.seconds / pace) * 1000;
      else totals.unmeasuredSteps += 1;
    } else if (step.duration.kind === "distance") {
      totals.metres += step.duration.metres;
      if (pace) totals.seconds += (step.duration.metres / 1000) * pace;
      else totals.untimedSteps += 1;
    } else {
      totals.untimedSteps += 1;
      totals.unmeasuredSteps += 1;
    }
  }
  totals.seconds = Math.round(totals.seconds);
  totals.metres = Math.round(totals.metres);
  return totals;
}
