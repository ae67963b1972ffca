import { describe, expect, it } from "vitest";
import { parseDurationText, sessionFormSchema, shoeFormSchema } from "@/lib/sessions/schemas";

const issuesOf = (input: unknown) => {
  const r = sessionFormSchema.safeParse(input);
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("session form", () => {
  it("reads durations as minutes or hours:minutes", () => {
    expect(parseDurationText("45")).toBe(45);
    expect(parseDurationText("1:15")).toBe(75);
    expect(parseDurationText("1:15:30")).toBe(75.5);
    expect(parseDurationText("1:75")).toBeNull();
    expect(parseDurationText("soon")).toBeNull();
  });

  it("shows every problem at once, cross-field ones included", () => {
    expect(issuesOf({ type: "RUN", date: "2026-01-01", duration: "forever", distance: "" })).toEqual({
      duration: "Enter minutes (45) or hours:minutes (1:15)",
      distance: "Enter the distance of the run",
    });
    expect(issuesOf({ type: "CROSS_TRAINING", date: "2026-01-01", duration: "40" })).toEqual({
      subType: "Choose the cross-training mode",
    });
  });

  it("drops fields that do not apply to the type and converts miles", () => {
    const parsed = sessionFormSchema.parse({
      type: "CORE",
      subType: "CYCLING",
      date: "2026-01-01",
      duration: "30",
      surface: "TRAIL",
      shoeId: "x",
      unit: "MI",
      distance: "1",
    });
    expect(parsed).toMatchObject({ type: "CORE", subType: null, surface: null, shoeId: null, durationMin: 30 });
    expect(parsed.distanceKm).toBeCloseTo(1.609, 3);
  });

  it("names a missing or impossible date instead of failing", () => {
    for (const date of ["", "yesterday", "2026-13-01", "2026-02-30"]) {
      expect(Object.keys(issuesOf({ type: "CORE", date, duration: "30" }))).toEqual(["date"]);
    }
    expect(shoeFormSchema.safeParse({ name: "Pair", startedOn: "2026-13-01" }).success).toBe(false);
  });

  it("bounds RPE, heart rate and duration", () => {
    expect(Object.keys(issuesOf({ type: "CORE", date: "2026-01-01", duration: "0", rpe: "10.5", avgHr: "300" })).sort()).toEqual([
      "avgHr",
      "duration",
      "rpe",
    ]);
  });
});

describe("shoe form", () => {
  it("needs a name and converts the starting distance", () => {
    expect(shoeFormSchema.safeParse({ name: " " }).success).toBe(false);
    expect(shoeFormSchema.parse({ name: "Pair", initialDistance: "100", unit: "MI" }).initialKm).toBeCloseTo(160.934, 3);
    expect(shoeFormSchema.parse({ name: "Pair", initialDistance: "" }).initialKm).toBe(0);
  });
});
