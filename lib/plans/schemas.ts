import { z } from "zod";
import { KM_PER_MILE } from "@/lib/units";
import { CROSS_TRAINING_MODES, SESSION_TYPES, calendarDateSchema as dateString, durationSchema } from "@/lib/sessions/schemas";

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
    duration: durationSchema,
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
