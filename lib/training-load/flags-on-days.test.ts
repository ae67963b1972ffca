import { explain } from "./test-helpers";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { evaluateFlags, evaluateFlagsOn } from "./flags";
import { addDays } from "./dates";
import { EngineInputError } from "./errors";
import { OSTRC_Q1_SCORES, OSTRC_Q2_SCORES, OSTRC_Q3_SCORES, OSTRC_Q4_SCORES } from "./ostrc-scores";
import { SURFACES, type EngineOstrc, type EnginePainReport, type EngineSession } from "./types";

const START = "2026-01-05";
const SPAN = 120;

const sessionArb = fc.record({
  offset: fc.integer({ min: 0, max: SPAN }),
  type: fc.constantFrom("RUN", "RUN", "RUN", "CORE", "STRENGTH", "CROSS_TRAINING"),
  durationMin: fc.integer({ min: 10, max: 150 }),
  distanceKm: fc.integer({ min: 2, max: 30 }),
  rpe: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
  surface: fc.constantFrom(...SURFACES),
  shoe: fc.constantFrom("a", "b", null),
});
const painArb = fc.record({
  offset: fc.integer({ min: 0, max: SPAN }),
  zone: fc.constantFrom("cervical", "dorsal", "lumbar"),
  nrs: fc.integer({ min: 0, max: 10 }),
  redFlag: fc.constantFrom(null, null, "night-pain", "saddle-numbness", "chest-pain"),
});
const ostrcArb = fc.record({
  offset: fc.integer({ min: 0, max: SPAN }),
  q1: fc.constantFrom(...OSTRC_Q1_SCORES),
  q2: fc.constantFrom(...OSTRC_Q2_SCORES),
  q3: fc.constantFrom(...OSTRC_Q3_SCORES),
  q4: fc.constantFrom(...OSTRC_Q4_SCORES),
});

describe("evaluateFlagsOn", () => {
  it("gives, for each day, what evaluateFlags gives with only the data up to that day", () => {
    fc.assert(
      fc.property(
        fc.array(sessionArb, { maxLength: 140 }),
        fc.array(painArb, { maxLength: 8 }),
        fc.array(ostrcArb, { maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 0, max: SPAN + 10 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: SPAN }), { maxLength: 3 }),
        (rawSessions, rawPains, rawOstrc, dayOffsets, clearanceOffsets) => {
          const sessions: EngineSession[] = rawSessions.map((s, i) => ({
            id: `s${i}`,
            date: addDays(START, s.offset),
            type: s.type as EngineSession["type"],
            durationMin: s.durationMin,
            distanceKm: s.type === "RUN" ? s.distanceKm : null,
            rpe: s.rpe,
            surface: s.type === "RUN" ? s.surface : null,
            shoeId: s.type === "RUN" ? s.shoe : null,
          }));
          const painReports: EnginePainReport[] = rawPains.map((p) => ({
            date: addDays(START, p.offset),
            zone: p.zone as EnginePainReport["zone"],
            nrs: p.nrs,
            redFlags: p.redFlag ? [p.redFlag] : [],
            mechanical: true,
          }));
          const ostrc: EngineOstrc[] = rawOstrc.map((o) => ({ date: addDays(START, o.offset), zone: "lumbar", q1: o.q1, q2: o.q2, q3: o.q3, q4: o.q4 }));
          const profile = { birthDate: "1980-06-01", footprintType: "unassessed" as const, legLengthDiscrepancyMm: 12, postureLoad: [], retiredShoeIds: ["b"], shoeKmBefore: { a: 640, c: 900 } };
          const clearances = clearanceOffsets.map((d) => ({ date: addDays(START, d) }));
          const days = dayOffsets.map((d) => addDays(START, d));
          const together = evaluateFlagsOn({ days, sessions, painReports, ostrc, profile, clearances });
          days.forEach((day, i) => {
            const alone = evaluateFlags({
              asOf: day,
              sessions: sessions.filter((s) => s.date <= day),
              painReports: painReports.filter((p) => p.date <= day),
              ostrc: ostrc.filter((o) => o.date <= day),
              profile,
              clearances: clearances.filter((c) => c.date <= day),
            });
            expect(together[i]).toEqual(alone);
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it("answers an empty list of days with an empty list, and names a bad day", () => {
    expect(evaluateFlagsOn({ days: [], sessions: [], painReports: [] })).toEqual([]);
    expect(() => evaluateFlagsOn({ days: ["2026-02-30"], sessions: [], painReports: [] })).toThrow(EngineInputError);
    expect(() => evaluateFlagsOn({ days: ["2026-02-30"], sessions: [], painReports: [] })).toThrow(/days\[0\]/);
  });
});

describe("a shoe's distance from before the sessions given", () => {
  const profile = (shoeKmBefore: Record<string, number>) => ({ footprintType: "neutral" as const, shoeKmBefore });
  const firstRun: EngineSession = { id: "r1", date: "2026-03-02", type: "RUN", durationMin: 50, distanceKm: 10, rpe: 6, shoeId: "s" };

  it("counts towards wear but is not load: a first run in a worn-in shoe raises no load flag", () => {
    const flags = evaluateFlags({ asOf: "2026-03-02", sessions: [firstRun], painReports: [], profile: profile({ s: 120 }) });
    expect(flags.map((f) => f.id)).toEqual([]);
  });

  it("dates the flag on the run that passed the limit", () => {
    const [flag] = evaluateFlags({ asOf: "2026-03-04", sessions: [firstRun], painReports: [], profile: profile({ s: 695 }) });
    expect(flag).toMatchObject({ id: "shoe-mileage", date: "2026-03-02", values: { km: 705, limitKm: 700 } });
  });

  it("dates it on the day judged when the shoe was past the limit before, even without a session", () => {
    const [flag] = evaluateFlags({ asOf: "2026-03-04", sessions: [], painReports: [], profile: profile({ s: 800 }) });
    expect(flag).toMatchObject({ id: "shoe-mileage", date: "2026-03-04", values: { km: 800 } });
    expect(explain(flag)).toContain("before the runs on record");
  });

  it("names a bad distance", () => {
    expect(() => evaluateFlags({ asOf: "2026-03-04", sessions: [], painReports: [], profile: profile({ s: -1 }) })).toThrow(/profile\.shoeKmBefore\.s/);
  });
});
