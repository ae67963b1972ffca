import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { distanceFieldValue, formatDistance, shortDistance, textInUnit, thresholdDistance, toStoredKm } from "@/lib/units";

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

describe("distances in words, in miles mode", () => {
  it("writes titles' distances in the person's unit, km unchanged", () => {
    expect(shortDistance(7.8)).toBe("7.8 km");
    expect(shortDistance(8, "KM")).toBe("8 km");
    expect(shortDistance(7.8, "MI")).toBe("4.8 mi");
    expect(shortDistance(16.0934, "MI")).toBe("10 mi");
  });

  it("derives a mile threshold from the same km", () => {
    expect(thresholdDistance(700, "KM")).toBe("700 km");
    expect(thresholdDistance(700, "MI")).toBe("435 mi");
    expect(thresholdDistance(10, "MI")).toBe("6.2 mi");
  });

  it("turns the km of a generated text into miles and leaves other words alone", () => {
    const shoe = 'Shoe "Pegasus" has carried 765.9 km of running (past 700 km since it was added).';
    expect(textInUnit(shoe, "KM")).toBe(shoe);
    expect(textInUnit(shoe, "MI")).toBe('Shoe "Pegasus" has carried 475.9 mi of running (past 435 mi since it was added).');
    expect(textInUnit("Keep the run at or under 7.8 km.", "MI")).toBe("Keep the run at or under 4.8 mi.");
    expect(textInUnit("a weekly mean of at least 10 km; 1,200 km in all", "MI")).toBe("a weekly mean of at least 6.2 mi; 746 mi in all");
    expect(textInUnit("Load measure: running km (kmh, 5 kms)", "MI")).toBe("Load measure: running km (kmh, 5 kms)");
  });
});
