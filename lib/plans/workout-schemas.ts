// The server's schema of a planned session's workout steps (see lib/plans/workout-steps.ts for the steps
// themselves): a message for each field that does not fit. Server code only: the step editor in the
// browser checks drafts with checkWorkout, which keeps to the same rules.
import { z } from "zod";
import { singleLineText } from "@/lib/input-schemas";
import {
  MAX_PACE_SEC_PER_KM,
  MAX_REPEAT_CHILDREN,
  MAX_REPEAT_COUNT,
  MAX_STEP_METRES,
  MAX_STEP_NOTE,
  MAX_STEP_SECONDS,
  MAX_STEPS_TEXT,
  MAX_TOP_LEVEL_ENTRIES,
  MIN_PACE_SEC_PER_KM,
  MIN_STEP_METRES,
  MIN_STEP_SECONDS,
  REPEATED_STEP_TYPES,
  STEP_TYPES,
  workoutBudgetProblem,
  type WorkoutSteps,
} from "@/lib/plans/workout-steps";

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


/** A workout's steps: the whole list, checked against the budgets. An empty list is no workout (null). */
export const workoutStepsSchema = z
  .array(z.discriminatedUnion("type", [simpleStepSchema, repeatSchema], { error: "Choose a step type" }), {
    error: "The workout steps are a list of steps",
  })
  .max(MAX_TOP_LEVEL_ENTRIES, `A workout holds at most ${MAX_TOP_LEVEL_ENTRIES} steps and repeat blocks`)
  .superRefine((entries, ctx) => {
    const problem = workoutBudgetProblem(entries);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  })
  .transform((entries) => (entries.length ? entries : null));

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


// The schema's output is the steps' type: a change to one without the other fails the type check.
type Parsed = NonNullable<z.output<typeof workoutStepsSchema>>;
const sameShape: [Parsed, WorkoutSteps] extends [WorkoutSteps, Parsed] ? true : never = true;
void sameShape;
