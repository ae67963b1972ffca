import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  addDays,
  civilFromDays,
  daysBetween,
  daysFromCivil,
  dayString,
  formatDay,
  isValidDate,
  parseDay,
  tryParseDay,
  weekdayOf,
} from "./dates";
import { EngineInputError } from "./errors";

describe("calendar dates", () => {
  it("parses strict YYYY-MM-DD dates to epoch days", () => {
    expect(parseDay("1970-01-01", "d")).toBe(0);
    expect(parseDay("1970-01-02", "d")).toBe(1);
    expect(parseDay("1969-12-31", "d")).toBe(-1);
    expect(parseDay("2000-03-01", "d")).toBe(Date.UTC(2000, 2, 1) / 86_400_000);
  });

  it.each([
    "2025-02-29",
    "2025-02-30",
    "2024-02-30",
    "2025-04-31",
    "2025-13-01",
    "2025-00-10",
    "2025-01-00",
    "2025-1-01",
    "2025/01/01",
    "2025-01-01T00:00:00Z",
    " 2025-01-01",
    "20250101",
    "",
    "abcd-ef-gh",
    "1900-02-29",
  ])("rejects %j", (s) => {
    expect(Number.isNaN(tryParseDay(s))).toBe(true);
    expect(isValidDate(s)).toBe(false);
    expect(() => parseDay(s, "sessions[2].date")).toThrow(EngineInputError);
    try {
      parseDay(s, "sessions[2].date");
    } catch (e) {
      expect((e as EngineInputError).field).toBe("sessions[2].date");
      expect((e as EngineInputError).code).toBe("invalid-date");
    }
  });

  it("rejects non-strings", () => {
    for (const v of [null, undefined, 20250101, new Date(0), {}]) {
      expect(() => parseDay(v, "asOf")).toThrow(EngineInputError);
    }
  });

  it("accepts leap days only in leap years", () => {
    expect(isValidDate("2024-02-29")).toBe(true);
    expect(isValidDate("2000-02-29")).toBe(true);
    expect(isValidDate("2100-02-29")).toBe(false);
    expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
    expect(addDays("2024-02-29", 1)).toBe("2024-03-01");
    expect(addDays("2025-02-28", 1)).toBe("2025-03-01");
  });

  it("crosses year ends", () => {
    expect(addDays("2024-12-31", 1)).toBe("2025-01-01");
    expect(addDays("2025-01-01", -1)).toBe("2024-12-31");
    expect(daysBetween("2024-01-01", "2025-01-01")).toBe(366);
    expect(daysBetween("2025-01-01", "2026-01-01")).toBe(365);
  });

  it("counts whole days across daylight-saving changes in any time zone", () => {
    const saved = process.env.TZ;
    try {
      for (const tz of ["Europe/Paris", "America/New_York", "Australia/Sydney", "UTC"]) {
        process.env.TZ = tz;
        expect(addDays("2025-03-29", 1)).toBe("2025-03-30");
        expect(addDays("2025-03-30", 1)).toBe("2025-03-31");
        expect(addDays("2025-10-26", 1)).toBe("2025-10-27");
        expect(addDays("2025-03-09", 1)).toBe("2025-03-10");
        expect(daysBetween("2025-03-01", "2025-03-31")).toBe(30);
        expect(daysBetween("2025-10-01", "2025-10-31")).toBe(30);
        expect(daysBetween("2025-03-08", "2025-03-10")).toBe(2);
      }
    } finally {
      process.env.TZ = saved;
    }
  });

  it("names weekdays", () => {
    expect(weekdayOf(parseDay("2025-03-30", "d"))).toBe("Sunday");
    expect(weekdayOf(parseDay("1970-01-01", "d"))).toBe("Thursday");
    expect(weekdayOf(parseDay("1969-12-31", "d"))).toBe("Wednesday");
    expect(weekdayOf(parseDay("2024-02-29", "d"))).toBe("Thursday");
  });

  it("agrees with Date.UTC and round-trips (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: -300_000, max: 2_900_000 }), (d) => {
        const { y, m, day } = ((c) => ({ y: c.y, m: c.m, day: c.d }))(civilFromDays(d));
        expect(daysFromCivil(y, m, day)).toBe(d);
        const utc = new Date(d * 86_400_000);
        expect(utc.getUTCFullYear()).toBe(y);
        expect(utc.getUTCMonth() + 1).toBe(m);
        expect(utc.getUTCDate()).toBe(day);
        if (y >= 1000 && y <= 9999) {
          const s = formatDay(d);
          expect(s).toBe(utc.toISOString().slice(0, 10));
          expect(tryParseDay(s)).toBe(d);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("serves date strings from the shared cache, in and out of its range", () => {
    const start = parseDay("2023-12-25", "d");
    for (let i = 0; i < 800; i++) expect(dayString(start + i)).toBe(formatDay(start + i));
    for (const d of ["1969-12-31", "1970-01-01", "2199-12-31", "2200-01-01", "1066-10-14", "9999-12-31"]) {
      expect(dayString(parseDay(d, "d"))).toBe(d);
    }
    expect(dayString(start)).toBe(dayString(start));
  });
});
