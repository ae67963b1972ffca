import { z } from "zod";
import { KM_PER_MILE } from "@/lib/units";
import { CROSS_TRAINING_MODES, SESSION_TYPES, parseDurationText } from "@/lib/sessions/schemas";

const dateString = z
  .string({ error: "Choose a date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the date format YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "That date does not exist");

const blankToNull = (v: unknown) => (v === "" || v == null ? null : v);

/** A planned session as the coach's form posts it; distance in the coach's unit. */
export const plannedSessionSchema = z
  .object({
    type: z.enum(SESSION_TYPES, { error: "Choose a session type" }),
    subType: z.preprocess(blankToNull, z.enum(CROSS_TRAINING_MODES, { error: "Choose a cross-training mode" }).nullable()),
    date: dateString,
    title: z
      .string()
      .trim()
      .max(80, "Use at most 80 characters")
      .optional()
      .transform((v) => (v ? v : null)),
    duration: z
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
      .pipe(z.number().min(1, "At least 1 minute").max(24 * 60, "At most 24 hours")),
    distance: z.preprocess(
      (v) => (v === "" || v == null ? null : Number(String(v).replace(",", "."))),
      z.number({ error: "Distance must be a number" }).min(0).max(500, "Distance must be at most 500").nullable(),
    ),
    unit: z.enum(["KM", "MI"]).default("KM"),
    targetRpe: z.preprocess(
      (v) => (v === "" || v == null ? null : Number(v)),
      z.number({ error: "Effort must be a number" }).int().min(0, "Effort is 0-10").max(10, "Effort is 0-10").nullable(),
    ),
    description: z
      .string()
      .trim()
      .max(1000, "Use at most 1000 characters")
      .optional()
      .transform((v) => (v ? v : null)),
  })
  .refine((v) => v.type !== "CROSS_TRAINING" || Boolean(v.subType), {
    path: ["subType"],
    message: "Choose the cross-training mode",
    when: () => true,
  })
  .transform(({ duration, distance, unit, ...v }) => ({
    ...v,
    subType: v.type === "CROSS_TRAINING" ? v.subType : null,
    durationMin: Math.round(duration * 100) / 100,
    distanceKm: distance === null ? null : Math.round((unit === "MI" ? distance * KM_PER_MILE : distance) * 1000) / 1000,
  }));

export const movePlannedSessionSchema = z.object({ plannedId: z.string().min(1).max(64), date: dateString });
