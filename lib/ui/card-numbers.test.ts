import { describe, expect, it } from "vitest";
import { flagLabelInUnit, formatFlagNumber, formatKm, formatLoadAu, formatMinutes, formatRatio, formatRpe } from "@/lib/ui/card-numbers";

describe("card numbers", () => {
  it("rounds for people: whole minutes, km to one decimal, whole AU, ratios to two decimals", () => {
    expect(formatMinutes(279.81250000000006)).toBe("280 min");
    expect(formatKm(13.200000000000001)).toBe("13.2 km");
    expect(formatKm(8)).toBe("8.0 km");
    expect(formatLoadAu(1234.5678)).toBe("1235 AU");
    expect(formatRatio(1.4285714)).toBe("1.43");
    expect(formatRpe(5.3)).toBe("5");
    expect(formatKm(-0.01)).toBe("0.0 km");
  });

  it("reads a flag's numbers by what they measure", () => {
    expect(formatFlagNumber("distanceKm", 24.0001)).toBe("24.0");
    expect(formatFlagNumber("longest30Km", 13.200000000000001)).toBe("13.2");
    expect(formatFlagNumber("spike", 0.41666666666666674)).toBe("0.42");
    expect(formatFlagNumber("acwrEwma", 1.5)).toBe("1.50");
    expect(formatFlagNumber("strain", 331.30434)).toBe("331");
    expect(formatFlagNumber("weeklyLoad", 41.27, "km")).toBe("41.3");
    expect(formatFlagNumber("stepMaxRunMin", 19.6)).toBe("20");
    expect(formatFlagNumber("nrs", 7)).toBe("7");
    expect(formatFlagNumber("somethingNew", 2.123456)).toBe("2.12");
  });
});

describe("card numbers in miles", () => {
  it("writes distances and distance labels in miles for a miles reader, loads and ratios unchanged", () => {
    expect(formatKm(8, "MI")).toBe("5.0 mi");
    expect(formatFlagNumber("longest30Km", 16.0934, undefined, "MI")).toBe("10.0");
    expect(formatFlagNumber("acwrEwma", 1.5, undefined, "MI")).toBe("1.50");
    expect(flagLabelInUnit("maxRunKm", "Cap per run (km)", "MI")).toBe("Cap per run (mi)");
    expect(flagLabelInUnit("recentKm", "Run km, last 7 days", "MI")).toBe("Run mi, last 7 days");
    expect(flagLabelInUnit("maxRunMin", "Longest run this step (min)", "MI")).toBe("Longest run this step (min)");
  });
});
