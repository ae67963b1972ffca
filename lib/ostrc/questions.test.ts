import { describe, expect, it } from "vitest";
import { OSTRC_QUESTIONS } from "@/lib/ostrc/questions";

describe("OSTRC questions", () => {
  it("asks Q2 in the 2020 wording: modified training or competition, not reduced volume", () => {
    const q2 = OSTRC_QUESTIONS.find((q) => q.key === "q2");
    expect(q2?.text).toBe("To what extent have you modified your training or competition because of problems in this area?");
    expect(q2?.answers.map((a) => `${a.label}=${a.score}`)).toEqual([
      "No modification=0",
      "To a minor extent=6",
      "To a moderate extent=13",
      "To a major extent=19",
      "Could not participate at all=25",
    ]);
    for (const q of OSTRC_QUESTIONS) expect(q.text).not.toMatch(/volume/i);
  });
});
