import { z } from "zod";
import { idSchema, multiLineText } from "@/lib/input-schemas";
import { FLAG_IDS } from "@/lib/training-load";
import { calendarDateSchema } from "@/lib/sessions/schemas";

import { REVIEW_NOTE_MAX_LENGTH } from "@/lib/flag-reviews/limits";

export { REVIEW_NOTE_MAX_LENGTH };
export const REVIEW_STATUSES = ["ACKNOWLEDGED", "RESOLVED"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];

/**
 * A coach's answer to one active flag: acknowledged (seen, being handled) or resolved (dealt with). A
 * resolution says how, so the history explains itself.
 */
export const reviewFlagSchema = z
  .object({
    squadId: idSchema,
    athleteId: idSchema,
    flagId: z.enum(FLAG_IDS, { error: "Unknown flag" }),
    flagDate: calendarDateSchema,
    status: z.enum(REVIEW_STATUSES, { error: "Choose acknowledge or resolve" }),
    note: multiLineText()
      .max(REVIEW_NOTE_MAX_LENGTH, `Use at most ${REVIEW_NOTE_MAX_LENGTH} characters`)
      .optional()
      .default(""),
  })
  .refine((v) => v.status !== "RESOLVED" || v.note.length >= 3, {
    path: ["note"],
    message: "Say how it was resolved (a few words are enough)",
  })
  // A referral ends only with a clinician's clearance, recorded as such; a note cannot resolve it.
  .refine((v) => v.status !== "RESOLVED" || v.flagId !== "red-flag", {
    path: ["status"],
    message: "A referral ends only when a clinician's clearance is recorded; acknowledge it, or record the clearance",
  });

export type ReviewFlagInput = z.output<typeof reviewFlagSchema>;
