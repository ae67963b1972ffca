import { z } from "zod";
import { OSTRC_Q1_SCORES, OSTRC_Q2_SCORES, OSTRC_Q3_SCORES, OSTRC_Q4_SCORES } from "@/lib/training-load/ostrc-scores";
import { COULD_NOT_PARTICIPATE, OSTRC_AREA_KEYS, zoneOfKey, type OstrcQuestionKey } from "@/lib/ostrc/questions";

const SCORES: Record<OstrcQuestionKey, readonly number[]> = {
  q1: OSTRC_Q1_SCORES,
  q2: OSTRC_Q2_SCORES,
  q3: OSTRC_Q3_SCORES,
  q4: OSTRC_Q4_SCORES,
};

const answerSchema = (key: OstrcQuestionKey) =>
  z.preprocess(
    (v) => (v === "" || v == null ? undefined : typeof v === "string" ? Number(v) : v),
    z
      .number({ error: "Choose an answer" })
      .refine((n) => SCORES[key].includes(n), `Choose one of the answers (${SCORES[key].join(", ")})`),
  );

const areaSchema = z.discriminatedUnion("problem", [
  z.object({ problem: z.literal("no") }),
  z.object({ problem: z.literal("yes"), q1: answerSchema("q1"), q2: answerSchema("q2"), q3: answerSchema("q3"), q4: answerSchema("q4") }),
], { error: "Say whether you had problems in this area" });

/** Posted forms name fields "lumbar.q1"; other callers may send nested objects. */
function nestDotted(input: unknown): unknown {
  if (typeof input !== "object" || input === null || Array.isArray(input)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    const dot = key.indexOf(".");
    if (dot < 0) {
      out[key] = value;
      continue;
    }
    const [area, field] = [key.slice(0, dot), key.slice(dot + 1)];
    const nested = (out[area] ??= {});
    if (typeof nested === "object" && nested !== null) (nested as Record<string, unknown>)[field] = value;
  }
  return out;
}

export type OstrcAnswers = { q1: number; q2: number; q3: number; q4: number };

/** One week's check-in for the three back areas; "no problems" is all-zero answers. */
export const ostrcCheckInSchema = z.preprocess(
  nestDotted,
  z
    .object({ cervical: areaSchema, dorsal: areaSchema, lumbar: areaSchema })
    .transform((v) =>
      OSTRC_AREA_KEYS.map((key) => {
        const a = v[key];
        const raw: OstrcAnswers = a.problem === "no" ? { q1: 0, q2: 0, q3: 0, q4: 0 } : { q1: a.q1, q2: a.q2, q3: a.q3, q4: a.q4 };
        // Someone who could not take part at all also lost all their volume and performance.
        const out = raw.q1 === COULD_NOT_PARTICIPATE;
        return {
          zone: zoneOfKey(key),
          q1: raw.q1,
          q2: out ? COULD_NOT_PARTICIPATE : raw.q2,
          q3: out ? COULD_NOT_PARTICIPATE : raw.q3,
          q4: raw.q4,
        };
      }),
    ),
);

export type OstrcCheckInInput = z.output<typeof ostrcCheckInSchema>;

/** Monday of the week a check-in covers. */
export { mondayOf as weekStartOf } from "@/lib/dates";
