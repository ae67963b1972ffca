import { z } from "zod";
import { multiLineText } from "@/lib/input-schemas";
import { CURVATURE_OPTIONS, FOOTPRINT_OPTIONS, POSTURE_OPTIONS, SEX_OPTIONS } from "@/lib/profiles/labels";

const optionalNumber = (min: number, max: number, label: string) =>
  z.preprocess(
    (v) => (v === "" || v == null ? null : typeof v === "string" ? Number(v.replace(",", ".")) : v),
    z
      .number({ error: `${label} must be a number` })
      .min(min, `${label} must be at least ${min}`)
      .max(max, `${label} must be at most ${max}`)
      .nullable(),
  );

export const profileSchema = z.object({
  birthDate: z.preprocess(
    (v) => (v === "" || v == null ? null : v),
    z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the date format YYYY-MM-DD")
      .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d), "That date does not exist")
      .refine((d) => d >= "1920-01-01", "Birth date must be after 1920")
      .refine((d) => d <= new Date().toISOString().slice(0, 10), "Birth date cannot be in the future")
      .nullable(),
  ),
  sex: z.enum(SEX_OPTIONS, { error: "Choose an option" }),
  heightCm: optionalNumber(100, 230, "Height"),
  weightKg: optionalNumber(25, 200, "Weight"),
  footprintType: z.enum(FOOTPRINT_OPTIONS, { error: "Choose a footprint type" }),
  legLengthDiscrepancyMm: optionalNumber(0, 60, "Leg-length difference"),
  postureLoad: z.array(z.enum(POSTURE_OPTIONS, { error: "Unknown posture option" })).max(3),
  curvatureFindings: z.array(z.enum(CURVATURE_OPTIONS, { error: "Unknown finding" })).max(4),
  injuryHistory: multiLineText()
    .max(2000, "Use at most 2000 characters")
    .transform((v) => (v ? v : null)),
});

export type ProfileInput = z.infer<typeof profileSchema>;
