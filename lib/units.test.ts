import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { distanceFieldValue, formatDistance, toStoredKm } from "@/lib/units";

describe("distances in forms", () => {
  it("stores what was typed, to the metre", () => {
    expect(toStoredKm(10, "KM")).toBe(10);
    expect(toStoredKm(5, "MI")).toBe(8.047);
    expect(toStoredKm(14.23456, "KM")).toBe(14.235);
  });

  it("shows a stored distance so that saving it unchanged stores the same km, in either unit", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom("KM" as const, "MI" as const), (metres, unit) => {
        const km = metres / 1000;
        expect(toStoredKm(Number(distanceFieldValue(km, unit)), unit)).toBe(km);
      }),
    );
    expect(distanceFieldValue(10, "MI")).toBe("6.2137");
    expect(distanceFieldValue(14.2, "KM")).toBe("14.2");
    expect(formatDistance(8.047, "MI")).toBe("5.0 mi");
  });
});
