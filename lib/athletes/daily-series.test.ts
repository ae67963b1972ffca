import { describe, expect, it } from "vitest";
import { DEFAULT_THRESHOLDS } from "@/lib/training-load";
import { buildDailySeries, type DailyTotals } from "@/lib/athletes/chart-series";
import { fromDailySeries, toDailySeries } from "@/lib/athletes/daily-series";

describe("daily series as columns", () => {
  const totals: DailyTotals[] = Array.from({ length: 60 }, (_, i) => ({
    date: `2026-0${1 + Math.floor(i / 28)}-${String(1 + (i % 28)).padStart(2, "0")}`,
    srpeAu: i % 3 === 0 ? 0 : 200 + 10 * i,
    runKm: i % 3 === 0 ? 0 : 5 + (i % 7),
    durationMin: i % 3 === 0 ? 0 : 40,
    longestRunKm: i % 3 === 0 ? 0 : 5 + (i % 7),
    runKmBySurface: i % 3 === 0 ? null : { ASPHALT: 5 + (i % 7) },
  }));

  it("unpacks to the very points it was made from, after a trip through JSON as props take", () => {
    const points = buildDailySeries(totals, { from: "2026-01-29", to: "2026-02-28", thresholds: DEFAULT_THRESHOLDS });
    expect(points.length).toBeGreaterThan(20);
    const packed = JSON.parse(JSON.stringify(toDailySeries(points)));
    expect(fromDailySeries(packed)).toEqual(points);
    expect(JSON.stringify(packed).length).toBeLessThan(JSON.stringify(points).length * 0.7);
  });

  it("keeps an empty period empty", () => {
    expect(fromDailySeries(toDailySeries([]))).toEqual([]);
  });

  it("unpacks a series object once for every chart that reads it", () => {
    const packed = toDailySeries(buildDailySeries(totals, { from: "2026-02-01", to: "2026-02-10", thresholds: DEFAULT_THRESHOLDS }));
    expect(fromDailySeries(packed)).toBe(fromDailySeries(packed));
  });
});
