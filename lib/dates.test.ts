import { describe, expect, it } from "vitest";
import { addDays, ageOn, formatDateTime, knownTimeZone, timeIn, todayIn, zonedTimeToInstant } from "@/lib/dates";

describe("calendar helpers", () => {
  it("adds days across DST changes and year ends", () => {
    expect(addDays("2026-03-28", 2)).toBe("2026-03-30");
    expect(addDays("2025-12-31", 1)).toBe("2026-01-01");
    expect(addDays("2024-03-01", -1)).toBe("2024-02-29");
  });

  it("gives today's date in the person's time zone", () => {
    const instant = new Date("2026-01-01T02:30:00Z");
    expect(todayIn("Europe/Madrid", instant)).toBe("2026-01-01");
    expect(todayIn("America/New_York", instant)).toBe("2025-12-31");
  });

  it("reads a stored zone the runtime does not know as UTC instead of failing", () => {
    const instant = new Date("2026-01-01T23:30:00Z");
    for (const zone of ["Not/AZone", "", "Europe/Nowhere", "<b>"]) {
      expect(knownTimeZone(zone)).toBe("UTC");
      expect(todayIn(zone, instant)).toBe("2026-01-01");
      expect(timeIn(instant, zone)).toBe("23:30");
      expect(formatDateTime(instant, zone)).toBe(formatDateTime(instant, "UTC"));
    }
    expect(knownTimeZone("Europe/Madrid")).toBe("Europe/Madrid");
  });

  it("converts wall-clock times to instants, including on DST days", () => {
    expect(zonedTimeToInstant("2026-07-01", "09:30", "Europe/Madrid").toISOString()).toBe("2026-07-01T07:30:00.000Z");
    expect(zonedTimeToInstant("2026-01-15", "09:30", "Europe/Madrid").toISOString()).toBe("2026-01-15T08:30:00.000Z");
    expect(zonedTimeToInstant("2026-03-29", "10:00", "Europe/Madrid").toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(zonedTimeToInstant("2026-11-01", "07:00", "America/New_York").toISOString()).toBe("2026-11-01T12:00:00.000Z");
    expect(timeIn(new Date("2026-07-01T07:30:00Z"), "Europe/Madrid")).toBe("09:30");
  });

  it("computes age on a date", () => {
    expect(ageOn("1986-11-26", "2026-11-25")).toBe(39);
    expect(ageOn("1986-11-25", "2026-11-25")).toBe(40);
  });
});
