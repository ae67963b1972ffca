import { z } from "zod";
import { idSchema } from "@/lib/input-schemas";

const whole = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === "" || v == null ? undefined : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: "Choose an answer" })
      .int(`Choose one of ${min} to ${max}`)
      .min(min, `Choose one of ${min} to ${max}`)
      .max(max, `Choose one of ${min} to ${max}`),
  );

/** A day's check-in: five items 1 (best) to 5 (worst), and back stiffness 0-10. */
export const wellnessCheckInSchema = z.object({
  sleep: whole(1, 5),
  fatigue: whole(1, 5),
  soreness: whole(1, 5),
  stress: whole(1, 5),
  mood: whole(1, 5),
  backStiffness: whole(0, 10),
});

export type WellnessCheckIn = z.output<typeof wellnessCheckInSchema>;

/** The head coach turns the squad's daily check-in on or off. */
export const squadWellnessSettingSchema = z.object({
  squadId: idSchema,
  enabled: z.enum(["on", "off"], { error: "Choose on or off" }).transform((v) => v === "on"),
});
