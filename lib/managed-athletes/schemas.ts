import { z } from "zod";
import { idSchema, singleLineText } from "@/lib/input-schemas";
import { acceptInvitationSchema, emailSchema } from "@/lib/accounts/schemas";
import { profileSchema } from "@/lib/profiles/schemas";

/** The domain of the placeholder emails of athletes without a login: `.invalid` can never deliver (RFC 2606). */
export const PLACEHOLDER_EMAIL_DOMAIN = "backbone.invalid";

/** A claim link sets up a new login: someone already logged in is asked to log out first. */
export const SIGNED_IN_CLAIM_MESSAGE =
  "This link is for setting up a new login. Log out first, then open the link again. (It cannot move this history into an account you already have.)";

export const createManagedAthleteSchema = profileSchema
  .pick({ birthDate: true, sex: true, heightCm: true, weightKg: true })
  .extend({
    squadId: idSchema,
    name: singleLineText({ error: "Enter the athlete's name" })
      .min(1, "Enter the athlete's name")
      .max(100, "Use at most 100 characters"),
  });

export const managedAthleteSchema = z.object({ squadId: idSchema, athleteId: idSchema });

/** Deleting asks for the athlete's name, typed, so a slip of the mouse deletes nobody. */
export const deleteManagedAthleteSchema = managedAthleteSchema.extend({
  confirm: z.string().trim().max(200).default(""),
});

/** The claim form: the invitation's fields and rules (signup's), with an email a person can receive at. */
export const claimProfileSchema = acceptInvitationSchema.extend({
  email: emailSchema.refine((v) => !v.endsWith(`@${PLACEHOLDER_EMAIL_DOMAIN}`), "Enter an email address you can receive mail at"),
});
