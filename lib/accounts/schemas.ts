import { z } from "zod";
import { LOCALES } from "@/lib/i18n/config";
import { CONTROL_CHARACTERS_MESSAGE, hasControlCharacters, singleLineText } from "@/lib/input-schemas";

export const emailSchema = z
  .string({ error: "Enter your email address" })
  .trim()
  .refine((v) => !hasControlCharacters(v, { multiline: false }), CONTROL_CHARACTERS_MESSAGE)
  .toLowerCase()
  .max(254, "That email address is too long")
  .pipe(z.email({ error: "Enter a valid email address" }));

export const newPasswordSchema = z
  .string({ error: "Choose a password" })
  .min(10, "Use at least 10 characters")
  .max(200, "Use at most 200 characters");

export const personNameSchema = singleLineText({ error: "Enter your name" })
  .min(1, "Enter your name")
  .max(100, "Use at most 100 characters");

export const squadNameSchema = singleLineText({ error: "Name your squad" })
  .min(2, "Use at least 2 characters")
  .max(80, "Use at most 80 characters");

export const loginSchema = z.object({
  email: emailSchema,
  password: z.string({ error: "Enter your password" }).min(1, "Enter your password").max(200),
});

export const signUpSchema = z.object({
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
  squadName: squadNameSchema,
});

export const changePasswordSchema = z
  .object({
    currentPassword: z.string().min(1, "Enter your current password").max(200),
    newPassword: newPasswordSchema,
    confirmPassword: z.string(),
  })
  .refine((v) => v.newPassword === v.confirmPassword, {
    path: ["confirmPassword"],
    message: "The two new passwords differ",
  });

export const acceptInvitationSchema = z.object({
  token: z.string().min(20).max(200),
  name: personNameSchema,
  email: emailSchema,
  password: newPasswordSchema,
});

export const unitPreferenceSchema = z.enum(["KM", "MI"], { error: "Choose km or miles" });

export const timeZoneSchema = z
  .string()
  .trim()
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat("en", { timeZone: tz });
      return tz.length > 0;
    } catch {
      return false;
    }
  }, "Choose a valid time zone, e.g. Europe/Madrid");

export const preferencesSchema = z.object({
  unitPreference: unitPreferenceSchema,
  timeZone: timeZoneSchema,
  // Empty: follow the browser's language.
  locale: z
    .enum(["", ...LOCALES])
    .optional()
    // Left out: unchanged.
    .transform((value) => (value === undefined ? undefined : value || null)),
});
