import { z } from "zod";
import { calendarDateSchema } from "@/lib/sessions/schemas";
import { idSchema } from "@/lib/squads/schemas";
import { CLEARANCE_KINDS, CLEARANCE_NOTE_MAX_LENGTH, CLINICIAN_NAME_MAX_LENGTH } from "@/lib/safety/labels";

// Control characters (Postgres refuses NUL) and bidirectional overrides, which can reverse the text shown
// around a name, are refused with a message; line breaks and tabs are fine in a note.
const UNSAFE_IN_NAME = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const UNSAFE_IN_NOTE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

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
    .refine((v) => !UNSAFE_IN_NAME.test(v), "Remove the control characters"),
  clinicianKind: z.enum(CLEARANCE_KINDS, { error: "Choose physiotherapist, doctor or other" }),
  note: z
    .string({ error: "Write what the clinician said" })
    .trim()
    .min(3, "Write what the clinician said (a few words are enough)")
    .max(CLEARANCE_NOTE_MAX_LENGTH, `Use at most ${CLEARANCE_NOTE_MAX_LENGTH} characters`)
    .refine((v) => !UNSAFE_IN_NOTE.test(v), "Remove the control characters"),
});

export type ClearanceInput = z.output<typeof clearanceSchema>;

export const releaseHoldSchema = z.object({ squadId: idSchema, athleteId: idSchema });
