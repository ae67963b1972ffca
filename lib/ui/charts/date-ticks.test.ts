import { describe, expect, it } from "vitest";
import { dateAxis, dateTickStyle, formatChartDate, formatDateTick, monthTicks } from "./date-ticks";

const days = (from: string, count: number) =>
  Array.from({ length: count }, (_, i) => new Date(Date.parse(`${from}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10));

describe("date ticks", () => {
  it("chooses the style by the range", () => {
    expect(dateTickStyle("2026-01-05", "2026-12-07")).toBe("day");
    expect(dateTickStyle("2025-11-20", "2026-01-15")).toBe("dayYear");
    expect(dateTickStyle("2024-12-07", "2026-12-07")).toBe("month");
    expect(dateTickStyle("2025-06-01", "2026-02-01")).toBe("month");
  });

  it("formats through Intl in the page's locale", () => {
    expect(formatDateTick("2026-12-07", "day", "en-GB")).toBe("7 Dec");
    expect(formatDateTick("2026-12-07", "day", "es-ES")).toBe("7 dic");
    expect(formatDateTick("2025-12-28", "dayYear", "en-GB")).toBe("28 Dec 2025");
    expect(formatDateTick("2025-01-01", "month", "en-GB")).toBe("Jan 2025");
    expect(formatDateTick("2025-01-01", "month", "es-ES")).toBe("ene 2025");
    expect(formatChartDate("2026-12-07", "en-GB")).toBe("7 Dec 2026");
    expect(formatChartDate("2026-12-07", "es-ES")).toBe("7 dic 2026");
  });

  it("puts a multi-year axis's ticks on month starts, with the year", () => {
    const dates = days("2024-12-07", 731);
    const axis = dateAxis(dates, "en-GB", 8);
    expect(axis.style).toBe("month");
    expect(axis.ticks!.length).toBeLessThanOrEqual(8);
    expect(axis.ticks![0]).toBe("2025-01-01");
    expect(axis.ticks!.every((d) => d.endsWith("-01"))).toBe(true);
    expect(axis.format(axis.ticks![0])).toBe("Jan 2025");
    // Every year of the range is named on some tick.
    const labels = axis.ticks!.map(axis.format).join(" ");
    expect(labels).toMatch(/2025/);
    expect(labels).toMatch(/2026/);
  });

  it("leaves day-style ticks to the chart", () => {
    expect(monthTicks(days("2026-09-01", 84), "day")).toBeUndefined();
    expect(dateAxis([], "en-GB").style).toBe("day");
  });

  it("keeps weekly dates (Mondays) on their first week of each month", () => {
    const mondays = Array.from({ length: 60 }, (_, i) => days("2025-01-06", 7 * 60)[7 * i]);
    const ticks = monthTicks(mondays, "month", 20)!;
    expect(ticks[0]).toBe("2025-01-06");
    expect(new Set(ticks.map((d) => d.slice(0, 7))).size).toBe(ticks.length);
  });
});
