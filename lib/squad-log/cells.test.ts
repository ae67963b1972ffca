import { describe, expect, it } from "vitest";
import { cellInputName, readCellInputName, readGridCell, readWeekParam, weekDays, weekdayOf } from "@/lib/squad-log/cells";

describe("readGridCell", () => {
  it("is empty when all three fields are blank", () => {
    expect(readGridCell({ distance: " ", minutes: "", rpe: "" }, "KM")).toEqual({ kind: "empty" });
  });

  it("reads a run in the coach's unit, minutes as numbers or hours:minutes", () => {
    expect(readGridCell({ distance: "8,5", minutes: "1:05", rpe: "6" }, "KM")).toEqual({ kind: "run", distanceKm: 8.5, durationMin: 65, rpe: 6 });
    expect(readGridCell({ distance: "5", minutes: "40", rpe: "" }, "MI")).toEqual({ kind: "run", distanceKm: 8.047, durationMin: 40, rpe: null });
  });

  it("names each field that needs a correction", () => {
    expect(readGridCell({ distance: "8", minutes: "forty", rpe: "11" }, "KM")).toEqual({
      kind: "invalid",
      errors: { minutes: "enter minutes as a number", rpe: "enter RPE as a whole number from 0 to 10" },
    });
    expect(readGridCell({ distance: "", minutes: "", rpe: "5" }, "KM")).toEqual({
      kind: "invalid",
      errors: { distance: "enter the distance", minutes: "enter the minutes" },
    });
    expect(readGridCell({ distance: "=1+1", minutes: "0", rpe: "" }, "MI")).toEqual({
      kind: "invalid",
      errors: { distance: "enter the distance as a number", minutes: "enter minutes from 1 to 1440" },
    });
  });
});

describe("cell input names", () => {
  it("round-trip, and nothing else reads as a cell", () => {
    const name = cellInputName("minutes", "cmabc123", "2026-03-02");
    expect(name).toBe("min.cmabc123.2026-03-02");
    expect(readCellInputName(name)).toEqual({ part: "minutes", athleteId: "cmabc123", date: "2026-03-02" });
    expect(readCellInputName("week")).toBeNull();
    expect(readCellInputName("min.a.b.2026-03-02")).toBeNull();
  });

  it("lists a week from its Monday", () => {
    const days = weekDays("2026-03-02");
    expect(days).toHaveLength(7);
    expect(days.map(weekdayOf)).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
  });
});

describe("readWeekParam", () => {
  it("moves any day to its Monday, and falls back to this week with a notice", () => {
    expect(readWeekParam("2026-03-05", "2026-06-10")).toEqual({ monday: "2026-03-02", notice: null });
    expect(readWeekParam(undefined, "2026-06-10")).toEqual({ monday: "2026-06-08", notice: null });
    expect(readWeekParam("2026-02-30", "2026-06-10").monday).toBe("2026-06-08");
    expect(readWeekParam(["1999-01-01"], "2026-06-10").notice).toMatch(/not a date/);
  });
});
