import { describe, expect, it } from "vitest";
import { MAX_CHART_RANGE_DAYS, parseChartRange, resolveChartRange } from "./schemas";

const TODAY = "2026-06-15";

describe("parseChartRange", () => {
  it("defaults to the last 12 weeks without a message", () => {
    expect(parseChartRange({}, TODAY)).toEqual({
      range: { preset: "12w" },
      error: null,
      form: { range: "12w", from: "2026-03-24", to: TODAY },
    });
  });

  it.each(["4w", "12w", "26w", "52w"] as const)("reads the preset %s and ignores dates next to it", (preset) => {
    const parsed = parseChartRange({ range: preset, from: "2026-01-01" }, TODAY);
    expect(parsed.range).toEqual({ preset });
    expect(parsed.error).toBeNull();
  });

  it("reads custom dates, with or without range=custom, and an empty end as today", () => {
    expect(parseChartRange({ range: "custom", from: "2026-01-01", to: "2026-02-01" }, TODAY).range).toEqual({ from: "2026-01-01", to: "2026-02-01" });
    expect(parseChartRange({ from: "2026-01-01" }, TODAY).range).toEqual({ from: "2026-01-01", to: TODAY });
    expect(parseChartRange({ range: "custom", from: "2026-01-01", to: "" }, TODAY)).toMatchObject({
      range: { from: "2026-01-01", to: TODAY },
      form: { range: "custom", from: "2026-01-01", to: TODAY },
    });
  });

  it.each([
    [{ range: "forever" }, /The period must be one of/],
    [{ range: ["4w", "12w"] }, /The period must be one of/],
    [{ from: "yesterday" }, /The start date must be a date written YYYY-MM-DD/],
    [{ from: "2026-02-30" }, /The start date is not a real calendar day/],
    [{ from: "2026-01-01", to: "2026-13-01" }, /The end date is not a real calendar day/],
    [{ range: "custom" }, /Choose a start date/],
    [{ to: "2026-01-01" }, /Choose a start date/],
    [{ from: "2026-03-01", to: "2026-02-01" }, /The start date is after the end date/],
    [{ from: "2026-03-01", to: "2026-06-20" }, /The end date is in the future/],
    [{ from: "2020-01-01", to: "2026-01-01" }, /at most 1096 days/],
  ])("falls back to the default with a message for %j", (params, message) => {
    const parsed = parseChartRange(params, TODAY);
    expect(parsed.range).toEqual({ preset: "12w" });
    expect(parsed.error).toMatch(message);
    expect(parsed.form.range).toBe("12w");
  });

  it("lets an end date through one day ahead, for athletes whose day has begun", () => {
    expect(parseChartRange({ from: "2026-06-01", to: "2026-06-16" }, TODAY).error).toBeNull();
  });

  it("accepts exactly three years", () => {
    expect(parseChartRange({ from: "2023-06-16", to: TODAY }, TODAY).error).toBeNull();
  });
});

describe("resolveChartRange", () => {
  it("ends presets and day counts on the athlete's today", () => {
    expect(resolveChartRange({ preset: "4w" }, TODAY)).toEqual({ from: "2026-05-19", to: TODAY });
    expect(resolveChartRange(28, TODAY)).toEqual({ from: "2026-05-19", to: TODAY });
  });

  it("keeps custom ranges within today and three years", () => {
    expect(resolveChartRange({ from: "2026-06-01", to: "2026-06-16" }, TODAY)).toEqual({ from: "2026-06-01", to: TODAY });
    const long = resolveChartRange({ from: "2000-01-01", to: TODAY }, TODAY);
    expect(long.to).toBe(TODAY);
    expect((Date.parse(long.to) - Date.parse(long.from)) / 86_400_000 + 1).toBe(MAX_CHART_RANGE_DAYS);
    expect(resolveChartRange(10_000, TODAY).from).toBe(long.from);
  });
});
