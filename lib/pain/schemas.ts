import { z } from "zod";
import { multiLineText } from "@/lib/input-schemas";
import { BACK_SUB_AREAS, RED_FLAG_SYMPTOMS, RED_FLAG_SYMPTOM_IDS } from "@/lib/training-load";
import {
  ASKED_RED_FLAGS,
  MECHANICAL_ANSWERS,
  PAIN_SIDES,
  PAIN_TIMINGS,
  PAIN_ZONES,
  ZONE_LABELS,
  engineZone,
  redFlagField,
} from "@/lib/pain/labels";

const blankToNull = (v: unknown) => (v === "" || v == null ? null : v);

const yesNo = (label: string) =>
  z.preprocess(
    (v) => (v === "yes" || v === "true" ? true : v === "no" || v === "false" || v === "" || v == null ? false : v),
    z.boolean({ error: `Answer yes or no to: ${label}` }),
  );

export const painDateSchema = z
  .string({ error: "Choose a date" })
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the date format YYYY-MM-DD")
  .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "That date does not exist")
  .refine((d) => d >= "2000-01-01", "Date must be in 2000 or later");

/**
 * Posted forms carry one answer per red-flag question (`redFlag.<id>`), gathered here as `redFlag` with the
 * ids answered "yes" as `redFlags`. Other callers send `redFlags` alone, the ids answered "yes", which
 * answers every other question "no"; their `non-mechanical` answers the movement question too.
 */
function collectRedFlags(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const record = input as Record<string, unknown>;
  if (record.redFlags !== undefined) {
    const unanswered = record.mechanical === undefined || record.mechanical === null || record.mechanical === "";
    return unanswered && Array.isArray(record.redFlags) && record.redFlags.includes("non-mechanical") ? { ...record, mechanical: "no" } : record;
  }
  const redFlag: Record<string, unknown> = {};
  for (const s of ASKED_RED_FLAGS) redFlag[s.id] = record[redFlagField(s.id)];
  const redFlags: string[] = [];
  for (const [key, value] of Object.entries(record)) {
    if (key.startsWith("redFlag.") && value === "yes") redFlags.push(key.slice("redFlag.".length));
  }
  return { ...record, redFlag, redFlags };
}

// No answer is ever read as "no": a warning sign skipped by mistake must not pass for one ruled out.
const redFlagAnswersSchema = z.object(
  Object.fromEntries(ASKED_RED_FLAGS.map((s) => [s.id, z.enum(["yes", "no"], { error: "Answer yes or no" })])),
);

/** A back-pain report as posted or sent by a caller; output is ready to store. */
export const painReportSchema = z.preprocess(
  collectRedFlags,
  z
    .object({
      zone: z.enum(PAIN_ZONES, { error: "Choose where it hurts on the map" }),
      subArea: z.preprocess(blankToNull, z.string().max(64).nullable()),
      side: z.preprocess(blankToNull, z.enum(PAIN_SIDES, { error: "Choose a side" }).nullable()),
      nrs: z.preprocess(
        (v) => (v === "" || v == null ? undefined : typeof v === "string" ? Number(v) : v),
        z
          .number({ error: "Choose how strong the pain is, from 0 to 10" })
          .int("Choose a whole number from 0 to 10")
          .min(0, "Pain is scored from 0 to 10")
          .max(10, "Pain is scored from 0 to 10"),
      ),
      timing: z.preprocess(blankToNull, z.enum(PAIN_TIMINGS, { error: "Choose when it hurts" }).nullable()),
      triggerPoint: yesNo("trigger point"),
      // Answered like the warning signs: "not sure" is an answer, a blank is not.
      mechanical: z.preprocess(
        (v) => (v === true || v === "yes" ? "yes" : v === false || v === "no" ? "no" : v === "" || v === null ? undefined : v),
        z.enum(MECHANICAL_ANSWERS, { error: "Answer yes, no or not sure" }),
      ),
      redFlag: redFlagAnswersSchema.optional(),
      redFlags: z
        .array(z.string().max(64), { error: "Answer the warning-sign questions" })
        .max(RED_FLAG_SYMPTOMS.length, "Too many warning signs")
        .superRefine((ids, ctx) => {
          for (const id of ids) {
            if (!RED_FLAG_SYMPTOM_IDS.has(id)) ctx.addIssue({ code: "custom", message: `Unknown warning sign "${id}"` });
          }
        }),
      notes: multiLineText()
        .max(1000, "Use at most 1000 characters")
        .nullish()
        .transform((v) => (v ? v : null)),
      date: painDateSchema,
    })
    .superRefine((v, ctx) => {
      if (v.subArea !== null && !BACK_SUB_AREAS[engineZone(v.zone)].some((s) => s.id === v.subArea)) {
        ctx.addIssue({ code: "custom", path: ["subArea"], message: `That area is not part of the ${ZONE_LABELS[v.zone].toLowerCase()}` });
      }
      if (v.mechanical === "yes" && v.redFlags.includes("non-mechanical")) {
        ctx.addIssue({
          code: "custom",
          path: ["mechanical"],
          message: "The pain cannot both change and stay the same with movement: check your answer",
        });
      }
    })
    .transform((v) => {
      // Pain that movement and posture leave unchanged is itself a warning sign, so it is stored as one.
      const mechanical = v.mechanical === "yes" ? true : v.mechanical === "no" || v.redFlags.includes("non-mechanical") ? false : null;
      const redFlags = [...new Set(v.redFlags)];
      if (mechanical === false && !redFlags.includes("non-mechanical")) redFlags.push("non-mechanical");
      // The engine's order keeps the stored list stable whatever order the answers came in.
      const ordered = RED_FLAG_SYMPTOMS.map((s) => s.id).filter((id) => redFlags.includes(id));
      return {
        zone: v.zone,
        subArea: v.subArea,
        side: v.side,
        nrs: v.nrs,
        timing: v.timing,
        triggerPoint: v.triggerPoint,
        mechanical,
        redFlags: ordered,
        notes: v.notes,
        date: v.date,
      };
    }),
);

export type PainReportInput = z.output<typeof painReportSchema>;
