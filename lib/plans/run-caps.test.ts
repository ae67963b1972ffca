import { describe, expect, it } from "vitest";
import { trimRunsToCaps, type PlannedRunForCap } from "@/lib/plans/run-caps";

const run = (id: string, distanceKm: number | null, durationMin: number, date = "2026-12-08"): PlannedRunForCap => ({ id, date, distanceKm, durationMin });

describe("trimRunsToCaps", () => {
  it("brings every run above the single-run cap down to it, duration in proportion, and leaves the rest", () => {
    // Usual long run 12 km, so the cap is 1.1 x 12 = 13.200000000000001 km.
    const trimmed = trimRunsToCaps([run("long", 26, 156), run("easy", 8, 48), run("edge", 13.2, 80)], { maxRunKm: 1.1 * 12 });
    expect(trimmed).toEqual([{ id: "long", date: "2026-12-08", fromKm: 26, toKm: 13.2, fromMin: 156, toMin: 79 }]);
  });

  it("never leaves a run above the cap, to one decimal and whole minutes", () => {
    for (const cap of [2.3, 4.4, 13.53, 9.99, 0.7 * 3, 1.1 * 7.3]) {
      const [t] = trimRunsToCaps([run("r", 40, 241.5)], { maxRunKm: cap });
      expect(t.toKm).toBeLessThanOrEqual(cap);
      expect(cap - (t.toKm as number)).toBeLessThan(0.1 + 1e-9);
      expect(Math.round((t.toKm as number) * 10) / 10).toBe(t.toKm);
      expect(Number.isInteger(t.toMin)).toBe(true);
    }
  });

  it("shrinks the week's runs by one share when they add up to more than the 7-day cap", () => {
    const trimmed = trimRunsToCaps([run("a", 10, 60), run("b", 20, 120), run("c", null, 30)], { maxWeekRunKm: 15 });
    expect(trimmed).toEqual([
      { id: "a", date: "2026-12-08", fromKm: 10, toKm: 5, fromMin: 60, toMin: 30 },
      { id: "b", date: "2026-12-08", fromKm: 20, toKm: 10, fromMin: 120, toMin: 60 },
    ]);
    expect(trimRunsToCaps([run("a", 10, 60), run("b", 5, 30)], { maxWeekRunKm: 15 })).toEqual([]);
  });

  it("applies the single-run cap before the 7-day cap", () => {
    const trimmed = trimRunsToCaps([run("a", 30, 180), run("b", 10, 60)], { maxRunKm: 12, maxWeekRunKm: 11 });
    const km = trimmed.reduce((sum, t) => sum + (t.toKm as number), 0);
    expect(km).toBeLessThanOrEqual(11);
    expect(trimmed.find((t) => t.id === "a")?.toKm).toBeLessThanOrEqual(12);
  });

  it("cuts runs longer than a minute cap to it, distance in proportion", () => {
    expect(trimRunsToCaps([run("a", 10, 60), run("b", null, 45), run("c", 3, 20)], { maxRunMin: 30 })).toEqual([
      { id: "a", date: "2026-12-08", fromKm: 10, toKm: 5, fromMin: 60, toMin: 30 },
      { id: "b", date: "2026-12-08", fromKm: null, toKm: null, fromMin: 45, toMin: 30 },
    ]);
  });

  it("changes nothing without a usable cap", () => {
    const runs = [run("a", 30, 180)];
    for (const caps of [{}, { maxRunKm: 0 }, { maxRunKm: -3 }, { maxWeekRunKm: Number.NaN }, { maxRunKm: 40 }]) {
      expect(trimRunsToCaps(runs, caps)).toEqual([]);
    }
  });
});
