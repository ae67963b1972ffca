import { z } from "zod";
import { parseDurationText } from "@/lib/sessions/duration-text";

export { parseDurationText };
import { idSchema, multiLineText, singleLineText } from "@/lib/input-schemas";
import { toStoredKm } from "@/lib/units";
import { CROSS_TRAINING_MODES, SESSION_TYPES, SURFACES } from "@/lib/sessions/labels";

const blankToNull = (v: unknown) => (v === "" || v == null ? null : v);

const optionalNumber = (label: string, min: number, max: number, integer = false) =>
  z.preprocess(
    (v) => (v === "" || v == null ? null : typeof v === "string" ? Number(v.trim().replace(",", ".")) : v),
    (integer ? z.number({ error: `${label} must be a number` }).int(`${label} must be a whole number`) : z.number({ error: `${label} must be a number` }))
      .min(min, `${label} must be at least ${min}`)
      .max(max, `${label} must be at most ${max}`)
      .nullable(),
  );

/** The earliest calendar date any field or address takes. */
export const EARLIEST_DATE = "1000-01-01";

/** A calendar date typed or picked in a form, "YYYY-MM-DD", from the year 1000 on. */
export const calendarDateSchema = z
  .string({ error: "Choose a date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the date format YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "That date does not exist")
  // The database knows no year 0, and day arithmetic a few days back from year 1 reaches it.
  .refine((d) => d >= EARLIEST_DATE, "Check the year: dates start in the year 1000");

const dateString = calendarDateSchema.refine((d) => d >= "2000-01-01", "Date must be in 2000 or later");

/** A duration typed as minutes or hours:minutes, to minutes (1 minute to 24 hours). */
export const durationSchema = z
  .string({ error: "Enter the duration" })
  .trim()
  .min(1, "Enter the duration")
  .transform((v, ctx) => {
    const minutes = parseDurationText(v);
    if (minutes === null) {
      ctx.addIssue({ code: "custom", message: "Enter minutes (45) or hours:minutes (1:15)" });
      return z.NEVER;
    }
    return minutes;
  })
  .pipe(z.number().min(1, "A session lasts at least 1 minute").max(24 * 60, "A session lasts at most 24 hours"));

/** The session form as posted; distance is in the person's unit and converted to km. */
export const sessionFormSchema = z
  .object({
    type: z.enum(SESSION_TYPES, { error: "Choose a session type" }),
    subType: z.preprocess(blankToNull, z.enum(CROSS_TRAINING_MODES, { error: "Choose a cross-training mode" }).nullable()),
    date: dateString,
    startTime: z.preprocess(
      blankToNull,
      z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Use the time format HH:MM").nullable(),
    ),
    duration: durationSchema,
    distance: optionalNumber("Distance", 0, 1000),
    unit: z.enum(["KM", "MI"]).default("KM"),
    elevationGainM: optionalNumber("Elevation gain", 0, 10000),
    rpe: optionalNumber("Effort (RPE)", 0, 10, true),
    avgHr: optionalNumber("Average heart rate", 30, 240, true),
    surface: z.preprocess(blankToNull, z.enum(SURFACES, { error: "Choose a surface" }).nullable()),
    shoeId: z.preprocess(blankToNull, idSchema.nullable()),
    notes: multiLineText()
      .max(1000, "Use at most 1000 characters")
      .optional()
      .transform((v) => (v ? v : null)),
  })
  // Cross-field rules run even when another field failed, so every problem shows at once.
  .refine((v) => v.type !== "CROSS_TRAINING" || Boolean(v.subType), {
    path: ["subType"],
    message: "Choose the cross-training mode",
    when: () => true,
  })
  .refine((v) => v.type !== "RUN" || (v.distance !== null && v.distance !== undefined && !(Number(v.distance) <= 0)), {
    path: ["distance"],
    message: "Enter the distance of the run",
    when: () => true,
  })
  .transform((v) => ({
    type: v.type,
    subType: v.type === "CROSS_TRAINING" ? v.subType : null,
    date: v.date,
    startTime: v.startTime,
    durationMin: Math.round(v.duration * 100) / 100,
    distanceKm: v.distance === null ? null : toStoredKm(v.distance, v.unit),
    elevationGainM: v.elevationGainM,
    rpe: v.rpe,
    avgHr: v.avgHr,
    surface: v.type === "RUN" ? v.surface : null,
    shoeId: v.type === "RUN" ? v.shoeId : null,
    notes: v.notes,
  }));

export type SessionInput = z.output<typeof sessionFormSchema>;

export const shoeFormSchema = z.object({
  name: singleLineText({ error: "Name the shoe" }).min(1, "Name the shoe").max(80, "Use at most 80 characters"),
  brand: singleLineText()
    .max(80, "Use at most 80 characters")
    .optional()
    .transform((v) => (v ? v : null)),
  initialDistance: optionalNumber("Distance already run", 0, 5000).transform((v) => v ?? 0),
  unit: z.enum(["KM", "MI"]).default("KM"),
  startedOn: z.preprocess(blankToNull, dateString.nullable()),
}).transform(({ initialDistance, unit, ...rest }) => ({
  ...rest,
  initialKm: toStoredKm(initialDistance, unit),
}));

/** The most sessions one bulk change may name: two pages' worth is far more than anyone ticks by hand. */
export const BULK_MAX_SESSIONS = 500;

const bulkIdsSchema = z
  .array(idSchema, { error: "Select at least one session" })
  .min(1, "Select at least one session")
  .max(BULK_MAX_SESSIONS, `Select at most ${BULK_MAX_SESSIONS} sessions at a time`)
  .transform((ids) => [...new Set(ids)]);

const requiredRpe = z.preprocess(
  (v) => (v === "" || v == null ? undefined : typeof v === "string" ? Number(v.trim()) : v),
  z
    .number({ error: "Choose the effort (RPE)" })
    .int("Effort (RPE) must be a whole number")
    .min(0, "Effort (RPE) must be at least 0")
    .max(10, "Effort (RPE) must be at most 10"),
);

/**
 * A change to several of the athlete's sessions at once, as the history page posts it. "none" clears
 * a shoe or surface. Shoes and surfaces belong to runs, as in the session form.
 */
export const bulkChangeSchema = z.discriminatedUnion(
  "op",
  [
    z.object({ op: z.literal("rpe"), ids: bulkIdsSchema, rpe: requiredRpe }),
    z.object({
      op: z.literal("shoe"),
      ids: bulkIdsSchema,
      shoeId: z
        .string({ error: "Choose a shoe" })
        .min(1, "Choose a shoe")
        .pipe(z.union([z.literal("none"), idSchema]))
        .transform((v) => (v === "none" ? null : v)),
    }),
    z.object({
      op: z.literal("surface"),
      ids: bulkIdsSchema,
      surface: z
        .enum([...SURFACES, "none"], { error: "Choose a surface" })
        .transform((v) => (v === "none" ? null : v)),
    }),
    z.object({ op: z.literal("delete"), ids: bulkIdsSchema }),
  ],
  { error: "Choose what to change" },
);

export type BulkChange = z.output<typeof bulkChangeSchema>;
