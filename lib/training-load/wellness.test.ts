import { explain } from "./test-helpers";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { evaluateFlags, evaluateFlagsOn } from "./flags";
import { addDays } from "./dates";
import { EngineInputError } from "./errors";
import { hooperSum, wellnessBaseline, wellnessTrend } from "./wellness";
import { projectPlan } from "./projection";
import type { EngineWellness, Flag } from "./types";

const A = "2026-03-16"; // a Monday

/** A check-in whose Hooper sum is `sum` (5-25), spread over the five items. */
function checkIn(date: string, sum: number, backStiffness: number | null = null): EngineWellness {
  const items = [1, 1, 1, 1, 1];
  for (let left = sum - 5, i = 0; left > 0; i = (i + 1) % 5) {
    if (items[i] < 5) {
      items[i]++;
      left--;
    }
  }
  const [sleep, fatigue, soreness, stress, mood] = items;
  return { date, sleep, fatigue, soreness, stress, mood, backStiffness };
}

/** Check-ins alternating 8 and 10 on the `count` days ending `lastOffset` days before A. */
function alternating(count: number, lastOffset: number): EngineWellness[] {
  const out: EngineWellness[] = [];
  for (let k = 0; k < count; k++) out.push(checkIn(addDays(A, -lastOffset - (count - 1 - k)), k % 2 === 0 ? 8 : 10));
  return out;
}

function drop(wellness: EngineWellness[], asOf = A): Flag | undefined {
  return evaluateFlags({ asOf, sessions: [], painReports: [], wellness }).find((f) => f.id === "wellness-drop");
}

describe("hooperSum and the baseline", () => {
  it("adds the five items", () => {
    expect(hooperSum({ sleep: 2, fatigue: 3, soreness: 1, stress: 5, mood: 4 })).toBe(15);
    expect(() => hooperSum({ sleep: 0, fatigue: 3, soreness: 1, stress: 5, mood: 4 })).toThrow(EngineInputError);
    expect(() => hooperSum({ sleep: 2.5, fatigue: 3, soreness: 1, stress: 5, mood: 4 })).toThrow(/whole number/);
  });

  it("is the 28 days before the day, the day excluded, with the sample standard deviation", () => {
    // 12 check-ins 8, 10, 8, ... on A-14..A-3: mean 9, squared deviations 12 x 1, sample variance 12/11.
    const entries = [...alternating(12, 3), checkIn(A, 25), checkIn(addDays(A, -30), 25)];
    const b = wellnessBaseline(entries, addDays(A, -1));
    expect(b.entries).toBe(12);
    expect(b.mean).toBe(9);
    expect(b.sd).toBeCloseTo(Math.sqrt(12 / 11), 12); // 1.044466
    expect(b.limit).toBeCloseTo(10.5667, 4); // 9 + 1.5 x 1.044466
    expect(b.usable).toBe(true);
    // A-30 is 29 days before A-1, one too many; it is 28 days before A-2, whose baseline holds it.
    expect(wellnessBaseline(entries, addDays(A, -2)).entries).toBe(13);
    expect(wellnessBaseline(entries, A).entries).toBe(12);
  });
});

describe("wellness-drop", () => {
  it("known answer: 12 usual days, then 12 and 13", () => {
    // baseline A-29..A-2 = the 12 check-ins: mean 9, sd sqrt(12/11) = 1.0445, limit 10.5667; 12 reaches it.
    // A: baseline A-28..A-1 = those 12 and the 12: sum 120, mean 120/13 = 9.2308; sum of squares
    //    6 x 64 + 6 x 100 + 144 = 1128, squared deviations 1128 - 120^2/13 = 264/13, sample variance 22/13,
    //    sd 1.3009, limit 9.2308 + 1.9513 = 11.1821; 13 reaches it.
    const f = drop([...alternating(12, 3), checkIn(addDays(A, -1), 12), checkIn(A, 13, 6)]) as Flag;
    expect(f).toBeDefined();
    expect(f.severity).toBe("caution");
    expect(f.date).toBe(A);
    expect(f.values).toMatchObject({
      firstDate: addDays(A, -1),
      hooper: 13,
      previousHooper: 12,
      mean: 9.2308,
      sd: 1.3009,
      limit: 11.1821,
      baselineEntries: 13,
      previousMean: 9,
      previousSd: 1.0445,
      previousLimit: 10.5667,
      previousBaselineEntries: 12,
      backStiffness: 6,
      sdAbove: 1.5,
      minEntries: 10,
    });
    expect(f.evidence.strength).toBe("moderate");
    expect(f.evidence.citation).toContain("Saw AE, Main LC, Gastin PB");
    expect(explain(f)).toContain("added up to 12 and 13");
    expect(explain(f)).toContain("the usual was 9.2 (the mean of 13 check-ins in the 28 days before)");
    expect(explain(f)).toContain("11.2 or more");
    expect(explain(f)).toContain("Back stiffness that day: 6/10.");
    expect(explain(f)).toContain("a lighter day");
    expect(explain(f)).not.toMatch(/diagnos|injur|illness|overtrain/i);
  });

  it("known answer at the edge: 11 on the second day stays under 11.1821", () => {
    expect(drop([...alternating(12, 3), checkIn(addDays(A, -1), 12), checkIn(A, 11)])).toBeUndefined();
    expect(drop([...alternating(12, 3), checkIn(addDays(A, -1), 12), checkIn(A, 12)])).toBeDefined();
  });

  it("needs 10 check-ins in the baseline of each day: 9 do not flag, 10 do", () => {
    // 10 check-ins: A-1 mean 9, sd sqrt(10/9) = 1.0541, limit 10.5811; A: mean 102/11 = 9.2727,
    // sample variance (964 - 102^2/11)/10 = 1.8182, sd 1.3484, limit 11.2953.
    const ten = drop([...alternating(10, 3), checkIn(addDays(A, -1), 12), checkIn(A, 13)]) as Flag;
    expect(ten.values).toMatchObject({ previousBaselineEntries: 10, previousLimit: 10.5811, baselineEntries: 11, limit: 11.2953 });
    // 9 before A-1: A has 10 behind it, but A-1 does not.
    expect(drop([...alternating(9, 3), checkIn(addDays(A, -1), 12), checkIn(A, 13)])).toBeUndefined();
  });

  it("a day without a check-in breaks the run", () => {
    const base = alternating(12, 4); // A-15..A-4
    expect(drop([...base, checkIn(addDays(A, -2), 13), checkIn(A, 14)])).toBeUndefined();
    expect(drop([...base, checkIn(addDays(A, -2), 13), checkIn(addDays(A, -1), 14), checkIn(A, 14)])?.date).toBe(A);
  });

  it("a baseline with a standard deviation of 0 never flags", () => {
    const flat = Array.from({ length: 14 }, (_, k) => checkIn(addDays(A, -3 - k), 9));
    expect(wellnessBaseline(flat, addDays(A, -1))).toMatchObject({ entries: 14, mean: 9, sd: 0, usable: false });
    expect(drop([...flat, checkIn(addDays(A, -1), 20), checkIn(A, 21)])).toBeUndefined();
  });

  it("is worse only upwards: two much better days raise nothing", () => {
    expect(drop([...alternating(12, 3), checkIn(addDays(A, -1), 5), checkIn(A, 5)])).toBeUndefined();
  });

  it("stays active 2 days after the run, until a check-in is back within the usual range", () => {
    const run = [...alternating(12, 3), checkIn(addDays(A, -1), 12), checkIn(A, 13)];
    expect(drop(run, addDays(A, 2))?.date).toBe(A);
    expect(drop(run, addDays(A, 3))).toBeUndefined();
    expect(drop([...run, checkIn(addDays(A, 1), 8)], addDays(A, 1))).toBeUndefined();
    // A third bad day moves the date.
    expect(drop([...run, checkIn(addDays(A, 1), 14)], addDays(A, 1))?.date).toBe(addDays(A, 1));
  });

  it("rejects a second check-in on a day and out-of-range items, naming the field", () => {
    const twice = [checkIn(A, 10), checkIn(A, 12)];
    expect(() => drop(twice)).toThrow(/wellness\[1\]\.date/);
    expect(() => drop([{ ...checkIn(A, 10), mood: 6 }])).toThrow(/wellness\[0\]\.mood/);
    expect(() => drop([{ ...checkIn(A, 10), backStiffness: 11 }])).toThrow(/wellness\[0\]\.backStiffness/);
  });

  it("is never carried into a plan's future days", () => {
    const wellness = [...alternating(12, 3), checkIn(addDays(A, -1), 12), checkIn(A, 13), checkIn(addDays(A, 1), 20), checkIn(addDays(A, 2), 21)];
    const p = projectPlan({
      asOf: A,
      sessions: [],
      plannedSessions: [{ id: "p1", date: addDays(A, 5), type: "RUN", durationMin: 30, distanceKm: 5, rpe: 4 }],
      wellness,
    });
    expect(p.flags.filter((f) => f.id === "wellness-drop")).toEqual([]);
  });
});

describe("wellnessTrend", () => {
  it("draws the band the rule compares with", () => {
    const entries = [...alternating(12, 3), checkIn(addDays(A, -1), 12), checkIn(A, 13, 4)];
    const trend = wellnessTrend(entries, addDays(A, -2), A);
    expect(trend.map((p) => p.date)).toEqual([addDays(A, -2), addDays(A, -1), A]);
    expect(trend[0]).toMatchObject({ hooper: null, worse: false });
    expect(trend[1]).toMatchObject({ hooper: 12, bandLow: 7.43, bandHigh: 10.57, worse: true });
    expect(trend[2]).toMatchObject({ hooper: 13, backStiffness: 4, bandHigh: 11.18, worse: true });
  });
});

/** The rule written straight from its definition, slowly, to check the engine against. */
function reference(wellness: EngineWellness[], asOf: string): string | null {
  const H = new Map(wellness.map((w) => [w.date, w.sleep + w.fatigue + w.soreness + w.stress + w.mood]));
  const worse = (d: string): boolean => {
    const h = H.get(d);
    if (h === undefined) return false;
    const xs: number[] = [];
    for (let k = 1; k <= 28; k++) {
      const v = H.get(addDays(d, -k));
      if (v !== undefined) xs.push(v);
    }
    if (xs.length < 10) return false;
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((a, b) => a + (b - mean) ** 2, 0) / (xs.length - 1));
    return sd > 0 && h >= mean + 1.5 * sd - 1e-9;
  };
  for (let k = 0; k < 3; k++) {
    const d = addDays(asOf, -k);
    if (!(d <= asOf && worse(d) && worse(addDays(d, -1)))) continue;
    for (let j = k - 1; j >= 0; j--) {
      const later = addDays(asOf, -j);
      if (H.has(later) && !worse(later)) return null;
    }
    return d;
  }
  return null;
}

describe("wellness-drop properties", () => {
  const item = fc.integer({ min: 1, max: 5 });
  const entryArb = fc.record({ offset: fc.integer({ min: 0, max: 59 }), sleep: item, fatigue: item, soreness: item, stress: item, mood: item });
  const listArb = fc.uniqueArray(entryArb, { selector: (e) => e.offset, minLength: 0, maxLength: 60 });
  const START = "2026-01-05";
  const toEntries = (raw: { offset: number; sleep: number; fatigue: number; soreness: number; stress: number; mood: number }[]) =>
    raw.map(({ offset, ...items }) => ({ date: addDays(START, offset), ...items }));

  it("agrees with the definition on every day, whatever the order of the check-ins", () => {
    fc.assert(
      fc.property(listArb, fc.integer({ min: 30, max: 62 }), (raw, asOfOffset) => {
        const wellness = toEntries(raw);
        const asOf = addDays(START, asOfOffset);
        const expected = reference(wellness, asOf);
        const got = drop(wellness, asOf)?.date ?? null;
        expect(got).toBe(expected);
        expect(drop([...wellness].reverse(), asOf)?.date ?? null).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it("fires on long runs of bad days after a varied month", () => {
    // Bias towards flags: a varied baseline of low sums, then a streak of high ones.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 5, max: 12 }), { minLength: 28, maxLength: 28 }), fc.integer({ min: 2, max: 5 }), (base, streak) => {
        fc.pre(new Set(base).size > 1);
        const wellness = base.map((s, k) => checkIn(addDays(START, k), s));
        for (let k = 0; k < streak; k++) wellness.push(checkIn(addDays(START, 28 + k), 25));
        const asOf = addDays(START, 27 + streak);
        expect(drop(wellness, asOf)?.date).toBe(asOf);
        expect(reference(wellness, asOf)).toBe(asOf);
      }),
      { numRuns: 100 },
    );
  });

  it("judges each day only on the check-ins up to it", () => {
    fc.assert(
      fc.property(listArb, (raw) => {
        const wellness = toEntries(raw);
        const days = [30, 40, 50, 59].map((d) => addDays(START, d));
        const together = evaluateFlagsOn({ days, sessions: [], painReports: [], wellness });
        days.forEach((day, i) => {
          const alone = evaluateFlags({ asOf: day, sessions: [], painReports: [], wellness: wellness.filter((w) => w.date <= day) });
          expect(together[i]).toEqual(alone);
        });
      }),
      { numRuns: 100 },
    );
  });
});
