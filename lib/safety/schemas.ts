import { z } from "zod";
import { CONTROL_CHARACTERS_MESSAGE, multiLineText, singleLineText } from "@/lib/input-schemas";
import { calendarDateSchema } from "@/lib/sessions/schemas";
import { idSchema } from "@/lib/squads/schemas";
import { CLEARANCE_KINDS, CLEARANCE_NOTE_MAX_LENGTH, CLINICIAN_NAME_MAX_LENGTH } from "@/lib/safety/labels";

// Control characters are refused by the shared text schemas; bidirectional overrides, which can reverse
// the text shown around a clinician's name, are refused here too, in the name and the note.
const DIRECTION_OVERRIDES = /[\u202a-\u202e\u2066-\u2069]/;

/**
 * A clearance after a red-flag report: who cleared the athlete (name and kind), on which day, and what
 * they said. It ends the referral; the plan stays held until a coach releases it.
 */
export const clearanceSchema = z.object({
  squadId: idSchema,
  athleteId: idSchema,
  clearedOn: calendarDateSchema,
  clinicianName: singleLineText({ error: "Say who cleared the athlete" })
    .min(2, "Say who cleared the athlete")
    .max(CLINICIAN_NAME_MAX_LENGTH, `Use at most ${CLINICIAN_NAME_MAX_LENGTH} characters`)
    .refine((v) => !DIRECTION_OVERRIDES.test(v), CONTROL_CHARACTERS_MESSAGE),
  clinicianKind: z.enum(CLEARANCE_KINDS, { error: "Choose physiotherapist, doctor or other" }),
  note: multiLineText({ error: "Write what the clinician said" })
    .min(3, "Write what the clinician said (a few words are enough)")
    .max(CLEARANCE_NOTE_MAX_LENGTH, `Use at most ${CLEARANCE_NOTE_MAX_LENGTH} characters`)
    .refine((v) => !DIRECTION_OVERRIDES.test(v), CONTROL_CHARACTERS_MESSAGE),
});

export type ClearanceInput = z.output<typeof clearanceSchema>;

export const releaseHoldSchema = z.object({ squadId: idSchema, athleteId: idSchema });
