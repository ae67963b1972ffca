import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { Prisma } from "@/lib/generated/prisma/client";
import { aggregateDailyLoads, dailyLoadCreateData, DEFAULT_RPE, type DailyLoadSessionInput } from "./daily-load";

const session = (over: Partial<DailyLoadSessionInput>): DailyLoadSessionInput => ({
  localDate: "2026-03-02",
  type: "RUN",
  durationMin: 60,
  distanceKm: 10,
  rpe: 5,
  surface: "ASPHALT",
  ...over,
});

describe("aggregateDailyLoads", () => {
  it("returns no rows for no sessions", () => {
    expect(aggregateDailyLoads([])).toEqual([]);
  });

  it("sums one day's sessions into the DailyLoad fields", () => {
    const rows = aggregateDailyLoads([
      session({ durationMin: 50, distanceKm: 10, rpe: 4, surface: "ASPHALT" }),
      session({ durationMin: 30, distanceKm: 5, rpe: 7, surface: "TRACK" }),
      session({ type: "CORE", durationMin: 20, distanceKm: null, rpe: null, surface: null }),
      session({ type: "CROSS_TRAINING", durationMin: 60, distanceKm: 25, rpe: 3, surface: null }),
    ]);
    expect(rows).toEqual([
      {
        localDate: "2026-03-02",
        sessionCount: 4,
        srpeAu: 4 * 50 + 7 * 30 + DEFAULT_RPE * 20 + 3 * 60,
        estimatedRpe: 1,
        durationMin: 160,
        distanceKm: 40,
        runKm: 15,
        runKmBySurface: { ASPHALT: 10, TRACK: 5 },
        supportSessions: 1,
        runSessions: 2,
        longestRunKm: 10,
      },
    ]);
  });

  it("counts a missing RPE as 5 but an RPE of 0 as 0", () => {
    const [row] = aggregateDailyLoads([session({ rpe: null, durationMin: 40 }), session({ rpe: 0, durationMin: 40 })]);
    expect(row.srpeAu).toBe(200);
    expect(row.estimatedRpe).toBe(1);
  });

  it("counts CORE, STRENGTH and MOBILITY as support sessions, nothing else", () => {
    const types = ["CORE", "STRENGTH", "MOBILITY", "OTHER", "CROSS_TRAINING", "RUN"];
    const [row] = aggregateDailyLoads(types.map((type) => session({ type, distanceKm: null, surface: null })));
    expect(row.supportSessions).toBe(3);
    expect(row.runSessions).toBe(1);
    expect(row.sessionCount).toBe(6);
  });

  it("keeps runs without a surface in runKm but out of the surface split", () => {
    const [row] = aggregateDailyLoads([
      session({ distanceKm: 8, surface: null }),
      session({ distanceKm: 6, surface: "TRAIL" }),
      session({ distanceKm: null, surface: "TREADMILL" }),
    ]);
    expect(row.runKm).toBe(14);
    expect(row.runKmBySurface).toEqual({ TRAIL: 6, TREADMILL: 0 });
    expect(row.longestRunKm).toBe(8);
  });

  it("leaves the surface split null on days without a run", () => {
    const [row] = aggregateDailyLoads([session({ type: "MOBILITY", distanceKm: null, surface: null })]);
    expect(row.runKmBySurface).toBeNull();
    expect(row.runKm).toBe(0);
    expect(row.longestRunKm).toBe(0);
  });

  it("gives one row per day in date order whatever the input order", () => {
    const rows = aggregateDailyLoads([
      session({ localDate: "2026-03-05" }),
      session({ localDate: "2026-02-28" }),
      session({ localDate: "2026-03-05" }),
    ]);
    expect(rows.map((r) => [r.localDate, r.sessionCount])).toEqual([
      ["2026-02-28", 1],
      ["2026-03-05", 2],
    ]);
  });

  it("does not carry binary noise into the totals", () => {
    const [row] = aggregateDailyLoads([session({ rpe: 3, durationMin: 80.6 }), session({ distanceKm: 0.1 }), session({ distanceKm: 0.2 })]);
    expect(row.srpeAu).toBe(241.8 + 600);
    expect(row.runKm).toBe(10.3);
  });

  it("preserves totals across days (property)", () => {
    const arb = fc.array(
      fc.record({
        localDate: fc.constantFrom("2026-01-01", "2026-01-02", "2026-01-03"),
        type: fc.constantFrom("RUN", "CORE", "STRENGTH", "MOBILITY", "CROSS_TRAINING", "OTHER"),
        durationMin: fc.integer({ min: 1, max: 300 }),
        distanceKm: fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
        rpe: fc.option(fc.integer({ min: 0, max: 10 }), { nil: null }),
        surface: fc.option(fc.constantFrom("ASPHALT", "TRAIL"), { nil: null }),
      }),
    );
    fc.assert(
      fc.property(arb, (sessions) => {
        const rows = aggregateDailyLoads(sessions);
        const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((t, r) => t + f(r), 0);
        expect(sum((r) => r.sessionCount)).toBe(sessions.length);
        expect(sum((r) => r.srpeAu)).toBe(sessions.reduce((t, s) => t + (s.rpe ?? DEFAULT_RPE) * s.durationMin, 0));
        expect(sum((r) => r.estimatedRpe)).toBe(sessions.filter((s) => s.rpe == null).length);
        const runKm = sessions.filter((s) => s.type === "RUN").reduce((t, s) => t + (s.distanceKm ?? 0), 0);
        expect(sum((r) => r.runKm)).toBe(runKm);
        for (const r of rows) expect(r.longestRunKm).toBeLessThanOrEqual(r.runKm);
      }),
    );
  });
});

describe("dailyLoadCreateData", () => {
  it("stores the day as midnight UTC and a missing surface split as SQL NULL", () => {
    const [row] = aggregateDailyLoads([session({ type: "CORE", distanceKm: null, surface: null })]);
    const data = dailyLoadCreateData("user-1", row);
    expect(data.userId).toBe("user-1");
    expect((data.localDate as Date).toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(data.runKmBySurface).toBe(Prisma.DbNull);
  });
});
