import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { detectSessionSpikes, spikeBand, weeklyDistanceChange } from "./spikes";
import { addDays, daysBetween } from "./dates";
import { EngineInputError } from "./errors";
import { run, session } from "./test-helpers";

const D = "2025-05-01";

describe("detectSessionSpikes", () => {
  it("compares each run with the longest run of the previous 30 days", () => {
    const out = detectSessionSpikes([
      { id: "a", date: D, distanceKm: 10 },
      { id: "b", date: addDays(D, 3), distanceKm: 14.5 },
      { id: "c", date: addDays(D, 10), distanceKm: 21 },
    ]);
    expect(out[0]).toEqual({ id: "a", date: D, distanceKm: 10, longest30Km: null, referenceKm: null, breakDays: null, spike: null, band: "none" });
    expect(out[1].longest30Km).toBe(10);
    expect(out[1].spike).toBeCloseTo(0.45, 12);
    expect(out[1].band).toBe("30-100");
    expect(out[2].longest30Km).toBe(14.5);
    expect(out[2].spike).toBeCloseTo(21 / 14.5 - 1, 12);
    expect(out[2].band).toBe("30-100");
  });

  it.each([
    [10.99, "none"],
    [11, "none"],
    [11.01, "10-30"],
    [13, "10-30"],
    [13.01, "30-100"],
    [20, "30-100"],
    [20.01, ">100"],
    [5, "none"],
  ])("a %s km run after a 10 km run is in band %s", (km, band) => {
    const out = detectSessionSpikes([
      { id: "ref", date: D, distanceKm: 10 },
      { id: "x", date: addDays(D, 1), distanceKm: km },
    ]);
    expect(out[1].band).toBe(band);
    expect(out[1].spike).toBeCloseTo(km / 10 - 1, 12);
  });

  it("uses days d-30..d-1: day d-30 counts, d-31 and the same day do not", () => {
    const out = detectSessionSpikes([
      { id: "old", date: "2025-03-01", distanceKm: 30 },
      { id: "mid", date: "2025-03-02", distanceKm: 12 },
      { id: "d30", date: "2025-03-31", distanceKm: 10 },
      { id: "d31", date: "2025-04-01", distanceKm: 10 },
      { id: "same1", date: "2025-04-10", distanceKm: 40 },
      { id: "same2", date: "2025-04-10", distanceKm: 5 },
    ]);
    const by = Object.fromEntries(out.map((o) => [o.id, o]));
    // 2025-03-01 is exactly 30 days before 2025-03-31 (across the European DST change of 2025-03-30).
    expect(by.d30.longest30Km).toBe(30);
    expect(by.d31.longest30Km).toBe(12);
    // 2025-04-10 looks back to 2025-03-11: "mid" has left the window.
    expect(by.same1.longest30Km).toBe(10);
    expect(by.same2.longest30Km).toBe(10);
    expect(by.same1.band).toBe(">100");
  });

  it("handles the US DST change, year ends and leap days", () => {
    const out = detectSessionSpikes([
      { id: "a", date: "2025-02-07", distanceKm: 10 },
      { id: "b", date: "2025-03-09", distanceKm: 12 },
      { id: "c", date: "2023-12-31", distanceKm: 8 },
      { id: "d", date: "2024-01-30", distanceKm: 9 },
      { id: "e", date: "2024-02-29", distanceKm: 10 },
      { id: "f", date: "2024-03-30", distanceKm: 10 },
    ]);
    const by = Object.fromEntries(out.map((o) => [o.id, o]));
    expect(daysBetween("2025-02-07", "2025-03-09")).toBe(30);
    expect(by.b.longest30Km).toBe(10);
    expect(by.d.longest30Km).toBe(8);
    expect(by.e.longest30Km).toBe(9);
    expect(by.f.longest30Km).toBe(10);
  });

  it("returns the results in input order for unsorted input, and null after more than 90 days without a run", () => {
    const out = detectSessionSpikes([
      { id: "late", date: "2025-06-20", distanceKm: 15 },
      { id: "early", date: "2025-06-01", distanceKm: 10 },
      { id: "after-gap", date: "2025-09-19", distanceKm: 5 },
    ]);
    expect(out.map((o) => o.id)).toEqual(["late", "early", "after-gap"]);
    expect(out[0].longest30Km).toBe(10);
    expect(out[0].spike).toBeCloseTo(0.5, 12);
    // 2025-06-20 is 91 days before 2025-09-19.
    expect(out[2]).toMatchObject({ longest30Km: null, referenceKm: null, breakDays: null, spike: null, band: "none" });
  });

  it("compares a run after a break with the longest run of the 30 days before the break", () => {
    const out = detectSessionSpikes([
      { id: "old", date: "2025-04-10", distanceKm: 30 }, // 31 days before the last run: outside its 30 days
      { id: "a", date: "2025-04-20", distanceKm: 12 },
      { id: "b", date: "2025-05-11", distanceKm: 10 },
      // 40 days without a run (2025-05-12..2025-06-20).
      { id: "back", date: "2025-06-21", distanceKm: 24 }, // twice the runner's long run: band 30-100 (1.00 is its top)
    ]);
    const back = out[3];
    expect(back).toMatchObject({ longest30Km: null, referenceKm: 12, breakDays: 40, band: "30-100" });
    expect(back.spike).toBeCloseTo(1, 12);
    // The last run before the break is exactly 90 days back: still a reference.
    const edge = detectSessionSpikes([
      { id: "a", date: "2025-01-01", distanceKm: 8 },
      { id: "b", date: "2025-04-01", distanceKm: 10 },
    ]);
    expect(edge[1]).toMatchObject({ referenceKm: 8, breakDays: 89, band: "10-30" });
    // The 30 days before the break are cut at d-90: an older, longer run does not count.
    const cut = detectSessionSpikes([
      { id: "long", date: "2024-12-25", distanceKm: 30 },
      { id: "a", date: "2025-01-10", distanceKm: 8 },
      { id: "b", date: "2025-04-01", distanceKm: 10 },
    ]);
    expect(cut[2].referenceKm).toBe(8);
  });

  it("treats 0 km runs as no reference, also before a break", () => {
    const out = detectSessionSpikes([
      { id: "a", date: D, distanceKm: 10 },
      { id: "zero", date: addDays(D, 40), distanceKm: 0 },
      { id: "x", date: addDays(D, 50), distanceKm: 12 },
    ]);
    expect(out[2]).toMatchObject({ longest30Km: 0, referenceKm: 10, breakDays: 49 });
    expect(out[2].spike).toBeCloseTo(0.2, 12);
  });

  it("gives no spike against a 0 km reference", () => {
    const out = detectSessionSpikes([
      { id: "z", date: D, distanceKm: 0 },
      { id: "x", date: addDays(D, 1), distanceKm: 5 },
    ]);
    expect(out[1].longest30Km).toBe(0);
    expect(out[1].spike).toBeNull();
    expect(out[1].band).toBe("none");
  });

  it("matches a direct scan of the 30 previous days, or of the 30 days before a break (property)", () => {
    const runArb = fc.record({ offset: fc.integer({ min: 0, max: 300 }), km: fc.integer({ min: 0, max: 400 }) });
    fc.assert(
      fc.property(fc.array(runArb, { maxLength: 60 }), (raw) => {
        const runs = raw.map((r, i) => ({ id: `r${i}`, date: addDays("2024-11-20", r.offset), distanceKm: r.km / 10 }));
        const out = detectSessionSpikes(runs);
        raw.forEach((r, i) => {
          const prior = raw.filter((q) => q.offset < r.offset && q.offset >= r.offset - 30).map((q) => q.km / 10);
          const longest = prior.length ? Math.max(...prior) : null;
          expect(out[i].longest30Km).toBe(longest);
          let reference = longest;
          let breakDays: number | null = null;
          if (!(longest !== null && longest > 0)) {
            const earlier = raw.filter((q) => q.offset < r.offset && q.km > 0).map((q) => q.offset);
            const last = earlier.length ? Math.max(...earlier) : null;
            if (last !== null && last >= r.offset - 90) {
              const from = Math.max(last - 29, r.offset - 90);
              reference = Math.max(...raw.filter((q) => q.offset >= from && q.offset <= last).map((q) => q.km / 10));
              breakDays = r.offset - last - 1;
            }
          }
          expect(out[i].referenceKm).toBe(reference);
          expect(out[i].breakDays).toBe(breakDays);
          expect(out[i].spike).toBe(reference ? r.km / 10 / reference - 1 : null);
        });
      }),
      { numRuns: 300 },
    );
  }, 60_000);

  it.each([
    [[{ id: "a", date: D, distanceKm: -1 }], "runs[0].distanceKm"],
    [[{ id: "a", date: D, distanceKm: NaN }], "runs[0].distanceKm"],
    [[{ id: "a", date: D, distanceKm: 1 }, { id: "b", date: "2025-02-29", distanceKm: 1 }], "runs[1].date"],
    [[{ id: 5, date: D, distanceKm: 1 }], "runs[0].id"],
  ])("rejects invalid runs (%j)", (runs, field) => {
    expect(() => detectSessionSpikes(runs as never)).toThrow(EngineInputError);
    expect(() => detectSessionSpikes(runs as never)).toThrow(expect.objectContaining({ field }));
  });

  it("bands follow Frandsen 2025", () => {
    expect(spikeBand(null)).toBe("none");
    expect(spikeBand(-0.5)).toBe("none");
    expect(spikeBand(0.1)).toBe("none");
    expect(spikeBand(0.3)).toBe("10-30");
    expect(spikeBand(1)).toBe("30-100");
    expect(spikeBand(1.0001)).toBe(">100");
  });
});

describe("weeklyDistanceChange", () => {
  const asOf = "2025-06-30";
  const baseline = [run(addDays(asOf, -27), 10), run(addDays(asOf, -20), 10), run(addDays(asOf, -7), 10)];

  it("compares the last 7 days with the weekly mean of the 3 weeks before", () => {
    const r = weeklyDistanceChange([...baseline, run(addDays(asOf, -6), 6.5), run(asOf, 6.5)], asOf);
    expect(r.lastKm).toBe(13);
    expect(r.baselineKm).toBe(10);
    expect(r.change).toBeCloseTo(0.3, 12);
  });

  it("ignores days outside the windows, non-run sessions and runs without distance", () => {
    const r = weeklyDistanceChange(
      [
        ...baseline,
        run(addDays(asOf, -28), 50),
        run(addDays(asOf, 1), 50),
        session(asOf, "CROSS_TRAINING", { distanceKm: 40 }),
        session(asOf, "RUN", { distanceKm: undefined }),
        run(asOf, 5),
      ],
      asOf,
    );
    expect(r).toEqual({ lastKm: 5, baselineKm: 10, change: -0.5 });
  });

  it("is null without a baseline", () => {
    expect(weeklyDistanceChange([run(asOf, 5)], asOf)).toEqual({ lastKm: 5, baselineKm: 0, change: null });
    expect(weeklyDistanceChange([], asOf)).toEqual({ lastKm: 0, baselineKm: 0, change: null });
  });

  it("does not flag the alternate-day runner: weeks of 3 and 4 runs stay near the baseline", () => {
    const runs = [];
    for (let d = -60; d <= 0; d += 2) runs.push(run(addDays(asOf, d), 8));
    const r = weeklyDistanceChange(runs, asOf);
    expect(Math.abs(r.change as number)).toBeLessThan(0.2);
  });

  it("rejects a malformed asOf and invalid sessions", () => {
    expect(() => weeklyDistanceChange([], "2025-6-30")).toThrow(expect.objectContaining({ field: "asOf" }));
    expect(() => weeklyDistanceChange([run(asOf, 3, { distanceKm: -3 })], asOf)).toThrow(expect.objectContaining({ field: "sessions[0].distanceKm" }));
  });
});
