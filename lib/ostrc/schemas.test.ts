import { describe, expect, it } from "vitest";
import { OSTRC_Q1_SCORES, OSTRC_Q2_SCORES, OSTRC_Q4_SCORES } from "@/lib/training-load";
import { ostrcCheckInSchema, weekStartOf } from "@/lib/ostrc/schemas";
import { OSTRC_QUESTIONS } from "@/lib/ostrc/questions";

const none = { problem: "no" };

function issues(input: unknown): Record<string, string[]> {
  const r = ostrcCheckInSchema.safeParse(input);
  if (r.success) return {};
  const out: Record<string, string[]> = {};
  for (const i of r.error.issues) (out[i.path.join(".") || "form"] ??= []).push(i.message);
  return out;
}

describe("ostrcCheckInSchema", () => {
  it("turns 'no problems' into all-zero answers for each area", () => {
    expect(ostrcCheckInSchema.parse({ cervical: none, dorsal: none, lumbar: none })).toEqual([
      { zone: "CERVICAL", q1: 0, q2: 0, q3: 0, q4: 0 },
      { zone: "DORSAL", q1: 0, q2: 0, q3: 0, q4: 0 },
      { zone: "LUMBAR", q1: 0, q2: 0, q3: 0, q4: 0 },
    ]);
  });

  it("reads posted fields named area.question", () => {
    const parsed = ostrcCheckInSchema.parse({
      "cervical.problem": "no",
      "dorsal.problem": "no",
      "lumbar.problem": "yes",
      "lumbar.q1": "17",
      "lumbar.q2": "13",
      "lumbar.q3": "6",
      "lumbar.q4": "17",
      // Answers of an area marked "no problems" are ignored.
      "dorsal.q4": "25",
    });
    expect(parsed[1]).toEqual({ zone: "DORSAL", q1: 0, q2: 0, q3: 0, q4: 0 });
    expect(parsed[2]).toEqual({ zone: "LUMBAR", q1: 17, q2: 13, q3: 6, q4: 17 });
  });

  it("sets Q2 and Q3 to 'could not participate' when Q1 says so", () => {
    const parsed = ostrcCheckInSchema.parse({ cervical: none, dorsal: none, lumbar: { problem: "yes", q1: 25, q2: 0, q3: 6, q4: 8 } });
    expect(parsed[2]).toEqual({ zone: "LUMBAR", q1: 25, q2: 25, q3: 25, q4: 8 });
  });

  it("accepts only the questionnaire's scores and names the missing answer", () => {
    expect(issues({ cervical: none, dorsal: none, lumbar: { problem: "yes", q1: 10, q2: 6, q4: 8 } })).toEqual({
      "lumbar.q1": ["Choose one of the answers (0, 8, 17, 25)"],
      "lumbar.q3": ["Choose an answer"],
    });
    expect(Object.keys(issues({ cervical: none, dorsal: { problem: "maybe" } }))).toEqual(["dorsal.problem", "lumbar"]);
  });

  it("offers exactly the scores of OSTRC-O2", () => {
    expect(OSTRC_QUESTIONS.map((q) => q.answers.map((a) => a.score))).toEqual([
      [...OSTRC_Q1_SCORES],
      [...OSTRC_Q2_SCORES],
      [...OSTRC_Q2_SCORES],
      [...OSTRC_Q4_SCORES],
    ]);
    expect(OSTRC_QUESTIONS[0].answers.map((a) => `${a.label}=${a.score}`)).toEqual([
      "Full participation without problems=0",
      "Full participation, but with problems=8",
      "Reduced participation because of problems=17",
      "Could not participate because of problems=25",
    ]);
  });
});

describe("weekStartOf", () => {
  it("gives the Monday of the week", () => {
    expect(weekStartOf("2026-06-15")).toBe("2026-06-15");
    expect(weekStartOf("2026-06-21")).toBe("2026-06-15");
    expect(weekStartOf("2026-06-17")).toBe("2026-06-15");
    expect(weekStartOf("2026-01-01")).toBe("2025-12-29");
  });
});
