import { z } from "zod";
import { idSchema, singleLineText } from "@/lib/input-schemas";

export { idSchema };

export const createInvitationSchema = z.object({
  squadId: idSchema,
  role: z.enum(["ATHLETE", "COACH", "CLINICIAN"], { error: "Choose athlete, assistant coach or clinician" }),
  note: singleLineText()
    .max(120, "Use at most 120 characters")
    .optional()
    .transform((v) => (v ? v : undefined)),
});

export const revokeInvitationSchema = z.object({ invitationId: idSchema });

export const removeMemberSchema = z.object({ squadId: idSchema, userId: idSchema });
