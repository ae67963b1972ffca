import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { scoreOstrc } from "./ostrc";
import { EngineInputError } from "./errors";

describe("scoreOstrc", () => {
  it("sums the answer scores", () => {
    expect(scoreOstrc({ q1: 0, q2: 0, q3: 0, q4: 0 })).toEqual({ severity: 0, substantial: false });
    expect(scoreOstrc({ q1: 8, q2: 6, q3: 6, q4: 8 })).toEqual({ severity: 28, substantial: false });
    expect(scoreOstrc({ q1: 17, q2: 19, q3: 13, q4: 25 })).toEqual({ severity: 74, substantial: true });
  });

  it("marks a substantial problem from Q2 or Q3 >= 13", () => {
    expect(scoreOstrc({ q1: 8, q2: 6, q3: 0, q4: 17 }).substantial).toBe(false);
    expect(scoreOstrc({ q1: 8, q2: 13, q3: 0, q4: 0 }).substantial).toBe(true);
    expect(scoreOstrc({ q1: 8, q2: 0, q3: 13, q4: 0 }).substantial).toBe(true);
    expect(scoreOstrc({ q1: 8, q2: 0, q3: 6, q4: 25 }).substantial).toBe(false);
  });

  it("sets Q2 and Q3 to 25 when Q1 is 25 (could not participate)", () => {
    expect(scoreOstrc({ q1: 25, q2: 0, q3: 0, q4: 17 })).toEqual({ severity: 92, substantial: true });
    expect(scoreOstrc({ q1: 25, q2: 25, q3: 25, q4: 25 })).toEqual({ severity: 100, substantial: true });
  });

  it("stays within 0..100 for every allowed combination (property)", () => {
    const q1 = fc.constantFrom(0, 8, 17, 25);
    const q23 = fc.constantFrom(0, 6, 13, 19, 25);
    fc.assert(
      fc.property(q1, q23, q23, q1, (a, b, c, d) => {
        const r = scoreOstrc({ q1: a, q2: b, q3: c, q4: d });
        expect(r.severity).toBeGreaterThanOrEqual(0);
        expect(r.severity).toBeLessThanOrEqual(100);
        expect(r.substantial).toBe(a === 25 || b >= 13 || c >= 13);
      }),
    );
  });

  it.each([
    [{ q1: 5, q2: 0, q3: 0, q4: 0 }, "q1"],
    [{ q1: 0, q2: 8, q3: 0, q4: 0 }, "q2"],
    [{ q1: 0, q2: 0, q3: 17, q4: 0 }, "q3"],
    [{ q1: 0, q2: 0, q3: 0, q4: 6 }, "q4"],
    [{ q1: 0, q2: 0, q3: 0, q4: NaN }, "q4"],
    [{ q1: "0", q2: 0, q3: 0, q4: 0 }, "q1"],
    [{ q2: 0, q3: 0, q4: 0 }, "q1"],
  ])("rejects answers that are not questionnaire scores (%j)", (a, field) => {
    expect(() => scoreOstrc(a as never)).toThrow(EngineInputError);
    expect(() => scoreOstrc(a as never)).toThrow(expect.objectContaining({ field }));
  });
});
