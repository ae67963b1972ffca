import { describe, expect, it } from "vitest";
import { formatCount, formatDistanceIn, formatDurationIn } from "./format";

describe("session figures in the reader's language", () => {
  it("writes distances with the locale's decimal separator", () => {
    expect(formatDistanceIn(10.5, "KM", "en-GB")).toBe("10.5 km");
    expect(formatDistanceIn(10.5, "KM", "es-ES")).toBe("10,5 km");
    expect(formatDistanceIn(10.4607, "MI", "es-ES", 2)).toBe("6,50 mi");
    expect(formatDistanceIn(null, "KM", "es-ES")).toBe("–");
  });

  it("groups large numbers as each locale does", () => {
    expect(formatDistanceIn(1234.5, "KM", "en-GB")).toBe("1,234.5 km");
    expect(formatDistanceIn(12345.5, "KM", "es-ES")).toBe("12.345,5 km");
    expect(formatCount(12345, "en-GB")).toBe("12,345");
    expect(formatCount(12345, "es-ES")).toBe("12.345");
  });

  it("writes durations in hours and minutes in both languages", () => {
    expect(formatDurationIn(45, "en-GB")).toBe("45 min");
    expect(formatDurationIn(65, "es-ES")).toBe("1 h 05 min");
    expect(formatDurationIn(125.4, "en-GB")).toBe("2 h 05 min");
  });
});
