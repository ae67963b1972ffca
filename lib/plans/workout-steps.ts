// Structured workouts: the steps of a planned session (warm-up, work, recovery, cool-down, rest, and
// blocks repeated N times), as PlannedSession.steps stores them. Distances in metres and paces in seconds
// per km, whatever the viewer's unit; words in the viewer's unit. No server code: the step editor in the
// browser validates and renders with the same functions.
import { z } from "zod";
import { singleLineText } from "@/lib/input-schemas";
import { KM_PER_MILE, type Unit } from "@/lib/units";

export const STEP_TYPES = ["warmup", "work", "recovery", "cooldown", "rest"] as const;
export type StepType = (typeof STEP_TYPES)[number];
/** What a repeat block may hold: the repeated part of an interval session. */
export const REPEATED_STEP_TYPES = ["work", "recovery", "rest"] as const;

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

const wholeNumber = (what: string, min: number, max: number, message: string) =>
  z
    .number({ error: `Enter the ${what} as a number` })
    .int(`Enter the ${what} as a whole number`)
    .min(min, message)
    .max(max, message);

const durationSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({
      kind: z.literal("time"),
      seconds: wholeNumber("time", MIN_STEP_SECONDS, MAX_STEP_SECONDS, "A step lasts from 10 seconds to 6 hours"),
    }),
    z.object({
      kind: z.literal("distance"),
      metres: wholeNumber("distance", MIN_STEP_METRES, MAX_STEP_METRES, "A step covers from 10 m to 100 km"),
    }),
    z.object({ kind: z.literal("open") }),
  ],
  { error: "Choose how the step is measured: time, distance or until the lap button" },
);

const paceNumber = wholeNumber("pace", MIN_PACE_SEC_PER_KM, MAX_PACE_SEC_PER_KM, "A pace is from 1:00 to 20:00 per km (0:37 to 32:11 per mile)");

const targetSchema = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("rpe"), rpe: wholeNumber("effort", 1, 10, "Effort is RPE 1-10") }),
    z
      .object({ kind: z.literal("pace"), fastSecPerKm: paceNumber, slowSecPerKm: paceNumber })
      .refine((t) => t.fastSecPerKm <= t.slowSecPerKm, { message: "The fastest pace comes first: it is the smaller time", path: ["fastSecPerKm"] }),
  ],
  { error: "Choose a target: effort (RPE) or a pace range" },
);

const noteSchema = singleLineText({ error: "Write the note as text" })
  .max(MAX_STEP_NOTE, `Keep a step's note to ${MAX_STEP_NOTE} characters`)
  .nullish()
  .transform((v) => (v ? v : null));

const stepFields = {
  duration: durationSchema,
  target: targetSchema.nullish().transform((v) => v ?? null),
  note: noteSchema,
};

const simpleStepSchema = z.object({ type: z.enum(STEP_TYPES), ...stepFields });
const repeatedStepSchema = z.object({
  type: z.enum(REPEATED_STEP_TYPES, { error: "A repeat block holds work, recovery and rest steps" }),
  ...stepFields,
});

const repeatSchema = z.object({
  type: z.literal("repeat"),
  count: wholeNumber("repeat count", 1, MAX_REPEAT_COUNT, `Repeat a block 1 to ${MAX_REPEAT_COUNT} times`),
  steps: z
    .array(repeatedStepSchema, { error: "A repeat block holds a list of steps" })
    .min(1, "Add at least one step to the repeat block")
    .max(MAX_REPEAT_CHILDREN, `A repeat block holds at most ${MAX_REPEAT_CHILDREN} steps`),
});

export type StepDuration = z.infer<typeof durationSchema>;
export type StepTarget = z.infer<typeof targetSchema>;
export type WorkoutStep = z.infer<typeof simpleStepSchema>;
export type RepeatBlock = z.infer<typeof repeatSchema>;
export type WorkoutEntry = WorkoutStep | RepeatBlock;

/** How many steps a watch receives: each step, and one more for each repeat block. */
export const fitStepCount = (entries: readonly WorkoutEntry[]) =>
  entries.reduce((n, e) => n + (e.type === "repeat" ? e.steps.length + 1 : 1), 0);

/** Every step in the order it is trained, repeats counted out. */
export function expandSteps(entries: readonly WorkoutEntry[]): WorkoutStep[] {
  return entries.flatMap((e) => (e.type === "repeat" ? Array.from({ length: e.count }, () => e.steps).flat() : [e]));
}

/** A workout's steps: the whole list, checked against the budgets. An empty list is no workout (null). */
export const workoutStepsSchema = z
  .array(z.discriminatedUnion("type", [simpleStepSchema, repeatSchema], { error: "Choose a step type" }), {
    error: "The workout steps are a list of steps",
  })
  .max(MAX_TOP_LEVEL_ENTRIES, `A workout holds at most ${MAX_TOP_LEVEL_ENTRIES} steps and repeat blocks`)
  .superRefine((entries, ctx) => {
    const count = fitStepCount(entries);
    if (count > MAX_FIT_STEPS) {
      ctx.addIssue({ code: "custom", message: `A workout holds at most ${MAX_FIT_STEPS} steps, counting each repeat block as one; this one has ${count}` });
      return;
    }
    const seconds = expandSteps(entries).reduce((s, step) => s + (step.duration.kind === "time" ? step.duration.seconds : 0), 0);
    const metres = expandSteps(entries).reduce((m, step) => m + (step.duration.kind === "distance" ? step.duration.metres : 0), 0);
    if (seconds > MAX_TOTAL_SECONDS) ctx.addIssue({ code: "custom", message: "The timed steps add up to more than 24 hours" });
    if (metres > MAX_TOTAL_METRES) ctx.addIssue({ code: "custom", message: "The steps add up to more than 500 km" });
  })
  .transform((entries) => (entries.length ? entries : null));

export type WorkoutSteps = WorkoutEntry[];

/**
 * The steps field as a form posts it: JSON text, or nothing for a session without steps. Text that is
 * not JSON is refused with a message for the field, like any other wrong value.
 */
export const postedStepsSchema = z.preprocess(
  (v, ctx) => {
    if (v == null || (typeof v === "string" && v.trim() === "")) return null;
    if (typeof v !== "string") return v;
    // Checked before the text is read: a form post of nested brackets costs far more to parse than to send.
    if (v.length > MAX_STEPS_TEXT) {
      ctx.addIssue({ code: "custom", message: "The workout steps are too long to read: remove some steps and save again" });
      return z.NEVER;
    }
    try {
      return JSON.parse(v);
    } catch {
      ctx.addIssue({ code: "custom", message: "The workout steps could not be read: reload the page and build them again" });
      return z.NEVER;
    }
  },
  workoutStepsSchema.nullable(),
);

/** Stored steps, or null when there are none or they no longer pass the rules (the session keeps its words). */
export function readWorkoutSteps(value: unknown): WorkoutSteps | null {
  if (value == null) return null;
  const parsed = workoutStepsSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
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

const NOUNS: Record<StepType, string | null> = { warmup: "warm-up", work: null, recovery: "recovery", cooldown: "cool-down", rest: "rest" };

/** One step in words: "15 min warm-up", "800 m at RPE 8", "2 min recovery", "warm-up until the lap button". */
export function describeStep(step: WorkoutStep, unit: Unit): string {
  const noun = NOUNS[step.type];
  const size =
    step.duration.kind === "time"
      ? formatStepTime(step.duration.seconds)
      : step.duration.kind === "distance"
        ? formatStepDistance(step.duration.metres, unit)
        : null;
  const head = size ? [size, noun].filter(Boolean).join(" ") : `${noun ?? "work"} until the lap button`;
  const target = targetWords(step.target, unit);
  return `${head}${target ? ` at ${target}` : ""}${step.note ? ` (${step.note})` : ""}`;
}

/** The whole workout on one line: "15 min warm-up · 6 × (800 m at RPE 8, 2 min recovery) · 10 min cool-down". */
export function describeWorkout(entries: readonly WorkoutEntry[], unit: Unit): string {
  return entries
    .map((e) => (e.type === "repeat" ? `${e.count} × (${e.steps.map((s) => describeStep(s, unit)).join(", ")})` : describeStep(e, unit)))
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
