import { z } from "zod";
import { calendarDateSchema } from "@/lib/sessions/schemas";
import { idSchema } from "@/lib/squads/schemas";
import { CLEARANCE_KINDS, CLEARANCE_NOTE_MAX_LENGTH, CLINICIAN_NAME_MAX_LENGTH } from "@/lib/safety/labels";

// Postgres refuses a NUL in text: refused here with a message instead of failing the write.
const noNul = (v: string) => !v.includes("\u0000");

/**
 * A clearance after a red-flag report: who cleared the athlete (name and kind), on which day, and what
 * they said. It ends the referral; the plan stays held until a coach releases it.
 */
export const clearanceSchema = z.object({
  squadId: idSchema,
  athleteId: idSchema,
  clearedOn: calendarDateSchema,
  clinicianName: z
    .string({ error: "Say who cleared the athlete" })
    .trim()
    .min(2, "Say who cleared the athlete")
    .max(CLINICIAN_NAME_MAX_LENGTH, `Use at most ${CLINICIAN_NAME_MAX_LENGTH} characters`)
    .refine(noNul, "Remove the control characters"),
  clinicianKind: z.enum(CLEARANCE_KINDS, { error: "Choose physiotherapist, doctor or other" }),
  note: z
    .string({ error: "Write what the clinician said" })
    .trim()
    .min(3, "Write what the clinician said (a few words are enough)")
    .max(CLEARANCE_NOTE_MAX_LENGTH, `Use at most ${CLEARANCE_NOTE_MAX_LENGTH} characters`)
    .refine(noNul, "Remove the control characters"),
});

export type ClearanceInput = z.output<typeof clearanceSchema>;

export const releaseHoldSchema = z.object({ squadId: idSchema, athleteId: idSchema });
