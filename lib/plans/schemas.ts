import { z } from "zod";
import { idSchema, multiLineText, singleLineText } from "@/lib/input-schemas";
import { toStoredKm } from "@/lib/units";
import { CROSS_TRAINING_MODES, SESSION_TYPES } from "@/lib/sessions/labels";
import { calendarDateSchema as dateString, durationSchema } from "@/lib/sessions/schemas";
import { MAX_TEMPLATE_NAME, MAX_TEMPLATE_SESSIONS, TEMPLATE_DAYS } from "@/lib/plans/limits";
import { postedStepsSchema } from "@/lib/plans/workout-schemas";

/** How many weeks ahead a coach plans and the engine projects and suggests. */
export const PLAN_WEEKS = 4;

const blankToNull = (v: unknown) => (v === "" || v == null ? null : v);

const optionalText = (max: number, { multiline }: { multiline: boolean }) =>
  (multiline ? multiLineText() : singleLineText())
    .max(max, `Use at most ${max} characters`)
    .optional()
    .transform((v) => (v ? v : null));

const toKm = (distance: number | null, unit: "KM" | "MI") => (distance === null ? null : toStoredKm(distance, unit));

// The fields a coach types for one session, shared by the plan form, the edit form and template rows.
const sessionFields = {
  type: z.enum(SESSION_TYPES, { error: "Choose a session type" }),
  subType: z.preprocess(blankToNull, z.enum(CROSS_TRAINING_MODES, { error: "Choose a cross-training mode" }).nullable()),
  title: optionalText(80, { multiline: false }),
  duration: durationSchema,
  distance: z.preprocess(
    (v) => (v === "" || v == null ? null : Number(String(v).replace(",", "."))),
    z.number({ error: "Distance must be a number" }).min(0).max(500, "Distance must be at most 500").nullable(),
  ),
  targetRpe: z.preprocess(
    (v) => (v === "" || v == null ? null : Number(v)),
    z.number({ error: "Effort must be a number" }).int().min(0, "Effort is 0-10").max(10, "Effort is 0-10").nullable(),
  ),
};

const crossTrainingNeedsMode = () => ({
  path: ["subType"],
  message: "Choose the cross-training mode",
  // Runs even when another field failed, so every problem shows at once.
  when: () => true,
});

/** A planned session as the coach's form posts it; distance in the coach's unit. */
export const plannedSessionSchema = z
  .object({
    ...sessionFields,
    date: dateString,
    unit: z.enum(["KM", "MI"]).default("KM"),
    description: optionalText(1000, { multiline: true }),
    // Workout steps as JSON; absent leaves the stored steps as they are, empty removes them.
    steps: postedStepsSchema.optional(),
  })
  .refine((v) => v.type !== "CROSS_TRAINING" || Boolean(v.subType), crossTrainingNeedsMode())
  .transform(({ duration, distance, unit, ...v }) => ({
    ...v,
    subType: v.type === "CROSS_TRAINING" ? v.subType : null,
    durationMin: Math.round(duration * 100) / 100,
    distanceKm: toKm(distance, unit),
  }));

/** The edit form: the same fields as a new planned session, and which one it replaces. */
export const updatePlannedSessionSchema = z
  .object({ plannedId: idSchema })
  .and(plannedSessionSchema);

export const movePlannedSessionSchema = z.object({ plannedId: idSchema, date: dateString });

// ---------------------------------------------------------------- templates

const dayOffsetSchema = z.preprocess(
  (v) => (v === "" || v == null ? undefined : Number(v)),
  z
    .number({ error: "Choose a day" })
    .int("Choose a day")
    .min(0, "Choose a day of weeks 1 to 4")
    .max(TEMPLATE_DAYS - 1, "Choose a day of weeks 1 to 4"),
);

/** One session of a template as it is stored in PlanTemplate.sessions. */
export const templateSessionSchema = z.object({
  dayOffset: z.number().int().min(0).max(TEMPLATE_DAYS - 1),
  type: z.enum(SESSION_TYPES),
  subType: z.enum(CROSS_TRAINING_MODES).nullable(),
  durationMin: z.number().min(1).max(24 * 60),
  distanceKm: z.number().min(0).max(1000).nullable(),
  targetRpe: z.number().int().min(0).max(10).nullable(),
  title: z.string().max(80).nullable(),
});
export type TemplateSession = z.infer<typeof templateSessionSchema>;

export const storedTemplateSessionsSchema = z.array(templateSessionSchema);

const templateNameSchema = singleLineText({ error: "Name the template" })
  .min(1, "Name the template")
  .max(MAX_TEMPLATE_NAME, `Use at most ${MAX_TEMPLATE_NAME} characters`);

/** The template form: a name and its sessions, distances in the coach's unit. */
export const createTemplateSchema = z
  .object({
    name: templateNameSchema,
    unit: z.enum(["KM", "MI"]).default("KM"),
    sessions: z
      .array(
        z
          .object({ ...sessionFields, dayOffset: dayOffsetSchema })
          .refine((v) => v.type !== "CROSS_TRAINING" || Boolean(v.subType), crossTrainingNeedsMode()),
        { error: "Add at least one session" },
      )
      .min(1, "Add at least one session")
      .max(MAX_TEMPLATE_SESSIONS, `A template holds at most ${MAX_TEMPLATE_SESSIONS} sessions`),
  })
  .transform(({ name, unit, sessions }) => ({
    name,
    sessions: sessions
      .map(
        (s): TemplateSession => ({
          dayOffset: s.dayOffset,
          type: s.type,
          subType: s.type === "CROSS_TRAINING" ? s.subType : null,
          durationMin: Math.round(s.duration * 100) / 100,
          distanceKm: toKm(s.distance, unit),
          targetRpe: s.targetRpe,
          title: s.title,
        }),
      )
      .sort((a, b) => a.dayOffset - b.dayOffset),
  }));

const mondaySchema = dateString.refine(
  (d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1,
  "Choose a Monday: a template's day 1 is a Monday",
);

/** "Copy this week to next week": the Monday of the week copied. */
export const copyWeekSchema = z.object({ monday: dateString.refine((d) => new Date(`${d}T00:00:00Z`).getUTCDay() === 1, "Choose a Monday") });

/** "Remove the copied sessions": the sessions a copy created, as the copy answered them. */
export const undoCopyWeekSchema = z.object({
  plannedIds: z.preprocess(
    (v) => (typeof v === "string" ? v.split(",").filter(Boolean) : v),
    z.array(idSchema, { error: "Nothing to remove" }).min(1, "Nothing to remove").max(200, "Nothing to remove"),
  ),
});

/** "Save this athlete's week as a template". */
export const saveWeekAsTemplateSchema = z.object({ name: templateNameSchema, monday: mondaySchema });

export const applyTemplateSchema = z.object({
  templateId: z.string({ error: "Choose a template" }).min(1, "Choose a template").pipe(idSchema),
  startDate: mondaySchema,
  athleteIds: z
    .array(idSchema, { error: "Choose at least one athlete" })
    .min(1, "Choose at least one athlete")
    .max(500, "Choose at most 500 athletes"),
});

/** Which template a delete or an edit is about. */
export const templateRefSchema = z.object({ templateId: idSchema });

/**
 * A form's flat "rows.0.field" names to `{ rows: [{ field }] }`, in index order; other keys stay as they
 * are. Lets a form with added and removed rows post plain inputs and still validate as an array.
 */
export function nestRows(flat: Record<string, unknown>, key: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const rows = new Map<number, Record<string, unknown>>();
  const pattern = new RegExp(`^${key}\\.(\\d{1,3})\\.(\\w+)$`);
  for (const [name, value] of Object.entries(flat)) {
    const m = pattern.exec(name);
    if (!m) {
      out[name] = value;
      continue;
    }
    const index = Number(m[1]);
    const row = rows.get(index) ?? {};
    row[m[2]] = value;
    rows.set(index, row);
  }
  out[key] = [...rows.entries()].sort((a, b) => a[0] - b[0]).map(([, row]) => row);
  return out;
}
