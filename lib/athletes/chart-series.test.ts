import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { addDays } from "@/lib/dates";
import { aggregateDailyLoads, type DailyLoadSessionInput } from "@/lib/sessions/daily-load";
import { DEFAULT_THRESHOLDS, evaluateFlags, OVERLOAD_FLAG_IDS, type EngineSession, type Thresholds } from "@/lib/training-load";
import {
  buildBackZoneHeatmap,
  buildDailySeries,
  buildPainMarks,
  buildSessionTypeShare,
  buildShoeKm,
  buildWeeklySurfaceKm,
  dailyLoadIn,
  joinPainSeries,
  type DailyTotals,
} from "./chart-series";

const T: Thresholds = { ...DEFAULT_THRESHOLDS };
const START = "2026-01-05"; // a Monday

const day = (date: string, over: Partial<DailyTotals> = {}): DailyTotals => ({
  date,
  srpeAu: 0,
  durationMin: 0,
  runKm: 0,
  longestRunKm: 0,
  runKmBySurface: null,
  ...over,
});

/** Daily totals from sessions, as rebuildDailyLoads stores them. */
function totalsOf(sessions: DailyLoadSessionInput[]): DailyTotals[] {
  return aggregateDailyLoads(sessions).map((r) => ({
    date: r.localDate,
    srpeAu: r.srpeAu,
    durationMin: r.durationMin,
    runKm: r.runKm,
    longestRunKm: r.longestRunKm,
    runKmBySurface: r.runKmBySurface,
  }));
}

describe("dailyLoadIn", () => {
  it("reads the squad's load measure", () => {
    const d = day(START, { srpeAu: 300, durationMin: 60, runKm: 10 });
    expect(dailyLoadIn(d, "srpe")).toBe(300);
    expect(dailyLoadIn(d, "km")).toBe(10);
    expect(dailyLoadIn(d, "min")).toBe(60);
  });
});

describe("buildDailySeries", () => {
  it("gives the metrics contract's known answers (21 days of 30, then 7 of 50)", () => {
    const totals = Array.from({ length: 28 }, (_, i) => day(addDays(START, i), { srpeAu: i < 21 ? 30 : 50 }));
    const series = buildDailySeries(totals, { from: addDays(START, 20), to: addDays(START, 27), thresholds: T });
    expect(series).toHaveLength(8);
    const last = series.at(-1)!;
    expect(last.date).toBe(addDays(START, 27));
    expect(last.acwrRolling).toBe(1.43);
    expect(last.acwrRollingUncoupled).toBe(1.67);
    expect(last.acwr).toBe(1.25);
    expect(last.fitness).toBe(17.8);
    expect(last.fatigue).toBe(42.8);
    expect(last.acute).toBe(50);
    expect(last.chronic).toBe(35);
    // Ratios need 28 days of history: none on the day before.
    expect(series.at(-2)!.acwr).toBeNull();
  });

  it("gives Foster's monotony and strain (week 5, 15, 20, 20, 20, 25, 35)", () => {
    const loads = [5, 15, 20, 20, 20, 25, 35];
    const totals = loads.map((l, i) => day(addDays(START, i), { srpeAu: l }));
    const last = buildDailySeries(totals, { from: START, to: addDays(START, 6), thresholds: T }).at(-1)!;
    expect(last.monotony).toBe(2.37);
    expect(last.strain).toBe(331);
    expect(last.weekLoad).toBe(140);
    // 2.37 > 2.0: the day carries monotony-high.
    expect(last.overload).toContain("monotony-high");
  });

  it("shows days before any history as zero load without metrics", () => {
    const series = buildDailySeries([day(addDays(START, 3), { srpeAu: 100 })], { from: START, to: addDays(START, 4), thresholds: T });
    expect(series.map((d) => d.load)).toEqual([0, 0, 0, 100, 0]);
    expect(series[0]).toMatchObject({ acute: null, fitness: null, acwr: null, overload: [] });
    expect(series[3].fitness).toBe(2.4);
  });

  it("uses the squad's load measure", () => {
    const totals = [day(START, { srpeAu: 300, durationMin: 60, runKm: 12 })];
    expect(buildDailySeries(totals, { from: START, to: START, thresholds: { ...T, loadMeasure: "km" } })[0].load).toBe(12);
    expect(buildDailySeries(totals, { from: START, to: START, thresholds: { ...T, loadMeasure: "min" } })[0].load).toBe(60);
  });

  it("marks a spike and a weekly increase from daily totals", () => {
    const totals = [
      day(START, { runKm: 10, longestRunKm: 10, srpeAu: 300 }),
      day(addDays(START, 10), { runKm: 11, longestRunKm: 11, srpeAu: 300 }), // exactly 10% longer: not a spike
      day(addDays(START, 20), { runKm: 16, longestRunKm: 16, srpeAu: 300 }),
    ];
    const series = buildDailySeries(totals, { from: START, to: addDays(START, 20), thresholds: T });
    expect(series[10].overload).not.toContain("session-spike");
    expect(series[20].overload).toContain("session-spike");
    // The baseline week mean is under 10 km: no weekly-distance-increase.
    expect(series[20].overload).not.toContain("weekly-distance-increase");
  });

  it("marks a spike after a break against the 30 days before the break, at most 90 days back", () => {
    const totals = [
      day(START, { runKm: 20, longestRunKm: 20, srpeAu: 300 }), // 31 days before the last run: not in its 30 days
      day(addDays(START, 10), { runKm: 12, longestRunKm: 12, srpeAu: 300 }),
      day(addDays(START, 31), { runKm: 10, longestRunKm: 10, srpeAu: 300 }),
      // 40 days without a run.
      day(addDays(START, 72), { runKm: 13.5, longestRunKm: 13.5, srpeAu: 300 }),
      // 95 days without a run: nothing to compare with.
      day(addDays(START, 168), { runKm: 30, longestRunKm: 30, srpeAu: 300 }),
    ];
    const series = buildDailySeries(totals, { from: START, to: addDays(START, 168), thresholds: T });
    expect(series[72].overload).toContain("session-spike");
    expect(series[168].overload).not.toContain("session-spike");
    const sessions: EngineSession[] = totals.map((t, i) => ({ id: `r${i}`, date: t.date, type: "RUN", durationMin: 60, distanceKm: t.runKm, rpe: 5 }));
    const at = (offset: number) => evaluateFlags({ asOf: addDays(START, offset), sessions, painReports: [], thresholds: T }).find((f) => f.id === "session-spike");
    expect(at(72)?.values).toMatchObject({ referenceKm: 12, breakDays: 40, longest30Km: null });
    expect(at(168)).toBeUndefined();
  });

  it("marks exactly the days the engine says carry an overload rule", () => {
    const sessionArb = fc.record({
      // Some sessions bunch into the last three weeks so that monotonous weeks occur too.
      offset: fc.oneof(fc.integer({ min: 0, max: 69 }), fc.integer({ min: 49, max: 69 }), fc.integer({ min: 0, max: 12 })),
      type: fc.constantFrom("RUN", "RUN", "RUN", "CORE", "CROSS_TRAINING"),
      durationMin: fc.integer({ min: 10, max: 150 }),
      distanceKm: fc.integer({ min: 0, max: 300 }).map((x) => x / 10),
      rpe: fc.option(fc.integer({ min: 1, max: 10 }), { nil: null }),
    });
    // A run of near-identical days: what makes a week monotonous.
    const blockArb = fc.record({ start: fc.integer({ min: 0, max: 55 }), days: fc.integer({ min: 0, max: 14 }), durationMin: fc.integer({ min: 30, max: 60 }) });
    const thresholdArb = fc.record({
      loadMeasure: fc.constantFrom("srpe" as const, "km" as const, "min" as const),
      acwrHigh: fc.constantFrom(1.2, 1.5),
      monotonyHigh: fc.constantFrom(1.5, 2),
      weeklyMinBaselineKm: fc.constantFrom(0, 10),
    });
    fc.assert(
      fc.property(fc.array(sessionArb, { minLength: 1, maxLength: 60 }), blockArb, thresholdArb, (scattered, block, over) => {
        const thresholds: Thresholds = { ...T, ...over };
        const steady = Array.from({ length: block.days }, (_, i) => ({
          offset: block.start + i,
          type: "RUN",
          durationMin: block.durationMin + (i % 2) * 5,
          distanceKm: 8,
          rpe: 5,
        }));
        const sessions: DailyLoadSessionInput[] = [...scattered, ...steady].map((s) => ({
          localDate: addDays(START, s.offset),
          type: s.type,
          durationMin: s.durationMin,
          distanceKm: s.type === "RUN" ? s.distanceKm : null,
          rpe: s.rpe,
          surface: null,
        }));
        const engineSessions: EngineSession[] = sessions.map((s, i) => ({
          id: `s${i}`,
          date: s.localDate,
          type: s.type as EngineSession["type"],
          durationMin: s.durationMin,
          distanceKm: s.distanceKm,
          rpe: s.rpe,
        }));
        const to = addDays(START, 69);
        const series = buildDailySeries(totalsOf(sessions), { from: START, to, thresholds });
        for (const point of series) {
          const carried = evaluateFlags({ asOf: point.date, sessions: engineSessions, painReports: [], thresholds })
            .filter((f) => (OVERLOAD_FLAG_IDS as readonly string[]).includes(f.id) && f.date === point.date)
            .map((f) => f.id)
            .sort();
          expect([...point.overload].sort(), point.date).toEqual(carried);
        }
      }),
      { numRuns: 40 },
    );
    // Each case evaluates the engine once per day: generous time for a busy machine.
  }, 30_000);
});

describe("buildWeeklySurfaceKm", () => {
  it("sums whole weeks by surface with the change against the week before", () => {
    const totals = [
      day(addDays(START, -3), { runKm: 20, runKmBySurface: { ASPHALT: 20 } }), // the week before the range
      day(START, { runKm: 10, runKmBySurface: { ASPHALT: 6, TRAIL: 4 } }),
      day(addDays(START, 2), { runKm: 15, runKmBySurface: { TRAIL: 10 } }), // 5 km without a surface
      day(addDays(START, 9), { runKm: 0 }),
      day(addDays(START, 15), { runKm: 12.5, runKmBySurface: { ASPHALT: 12.5 } }),
    ];
    // From a Wednesday: the weekly chart still covers the whole week it falls in.
    const { weeks, surfaces } = buildWeeklySurfaceKm(totals, addDays(START, 2), addDays(START, 16));
    expect(surfaces).toEqual(["asphalt", "trail", "unrecorded"]);
    expect(weeks).toEqual([
      { weekStart: START, totalKm: 25, changePct: 25, partial: false, asphalt: 6, trail: 14, unrecorded: 5 },
      { weekStart: addDays(START, 7), totalKm: 0, changePct: -100, partial: false },
      { weekStart: addDays(START, 14), totalKm: 12.5, changePct: null, partial: true, asphalt: 12.5 },
    ]);
  });
});

describe("buildPainMarks and joinPainSeries", () => {
  it("keep each day's worst pain and OSTRC severity, joined over the daily load", () => {
    const marks = buildPainMarks(
      [
        { date: START, nrs: 3 },
        { date: START, nrs: 6 },
      ],
      [
        { date: addDays(START, 1), severity: 25 },
        { date: addDays(START, 1), severity: 44 },
      ],
    );
    expect(marks).toEqual([
      { date: START, nrs: 6, ostrcSeverity: null },
      { date: addDays(START, 1), nrs: null, ostrcSeverity: 44 },
    ]);
    const daily = buildDailySeries([day(START, { srpeAu: 200 })], { from: START, to: addDays(START, 2), thresholds: T });
    expect(joinPainSeries(daily, marks)).toEqual([
      { date: START, load: 200, nrs: 6, ostrcSeverity: null, overload: [] },
      { date: addDays(START, 1), load: 0, nrs: null, ostrcSeverity: 44, overload: [] },
      { date: addDays(START, 2), load: 0, nrs: null, ostrcSeverity: null, overload: [] },
    ]);
  });
});

describe("buildBackZoneHeatmap", () => {
  it("counts reports per zone and week with the worst NRS", () => {
    const map = buildBackZoneHeatmap(
      [
        { date: START, zone: "LUMBAR", nrs: 4 },
        { date: addDays(START, 3), zone: "LUMBAR", nrs: 2 },
        { date: addDays(START, 8), zone: "CERVICAL", nrs: 7 },
        { date: addDays(START, -1), zone: "DORSAL", nrs: 9 }, // before the range
      ],
      addDays(START, 1),
      addDays(START, 9),
    );
    expect(map.weeks).toEqual([START, addDays(START, 7)]);
    const cell = (zone: string, i: number) => map.rows.find((r) => r.zone === zone)!.cells[i];
    expect(cell("LUMBAR", 0)).toEqual({ weekStart: START, reports: 1, maxNrs: 2 }); // the Monday report is before `from`
    expect(cell("CERVICAL", 1)).toEqual({ weekStart: addDays(START, 7), reports: 1, maxNrs: 7 });
    expect(cell("DORSAL", 0)).toEqual({ weekStart: START, reports: 0, maxNrs: null });
  });
});

describe("buildSessionTypeShare", () => {
  it("gives the share of core, strength and mobility by count and by minutes", () => {
    const share = buildSessionTypeShare([
      { type: "RUN", sessions: 6, durationMin: 360 },
      { type: "CORE", sessions: 2, durationMin: 50 },
      { type: "MOBILITY", sessions: 2, durationMin: 30 },
    ]);
    expect(share.totalSessions).toBe(10);
    expect(share.totalMin).toBe(440);
    expect(share.rows.find((r) => r.type === "CORE")).toEqual({ type: "CORE", sessions: 2, durationMin: 50, sessionSharePct: 20, minuteSharePct: 11.4 });
    expect(share.rows.find((r) => r.type === "STRENGTH")).toMatchObject({ sessions: 0, sessionSharePct: 0 });
    expect(share.support).toEqual({ sessions: 4, durationMin: 80, sessionSharePct: 40, minuteSharePct: 18.2 });
  });

  it("has no shares without sessions", () => {
    const share = buildSessionTypeShare([]);
    expect(share.support.sessionSharePct).toBeNull();
    expect(share.rows.every((r) => r.minuteSharePct === null)).toBe(true);
  });
});

describe("buildShoeKm", () => {
  it("adds the distance a shoe had when added and leaves out retired shoes not run in", () => {
    const rows = buildShoeKm([
      { id: "a", name: "Old racers", retired: true, initialKm: 0, periodKm: 0, runKm: 800 },
      { id: "b", name: "Trail pair", retired: false, initialKm: 100, periodKm: 42.04, runKm: 250.56 },
      { id: "c", name: "Retired in the period", retired: true, initialKm: 0, periodKm: 12, runKm: 640 },
      { id: "d", name: "New road pair", retired: false, initialKm: 0, periodKm: 0, runKm: 0 },
    ]);
    expect(rows).toEqual([
      { id: "b", name: "Trail pair", retired: false, periodKm: 42, totalKm: 350.6 },
      { id: "d", name: "New road pair", retired: false, periodKm: 0, totalKm: 0 },
      { id: "c", name: "Retired in the period", retired: true, periodKm: 12, totalKm: 640 },
    ]);
  });
});
