import { describe, expect, it } from "vitest";
import { buildCalendarGrid, calendarHref, datesBetween, parseCalendarQuery } from "@/lib/plans/calendar";

describe("calendar grids", () => {
  it("builds a Monday-to-Sunday week around any day", () => {
    const grid = buildCalendarGrid("week", "2026-12-03"); // a Thursday
    expect(grid.start).toBe("2026-11-30");
    expect(grid.end).toBe("2026-12-06");
    expect(grid.weeks).toHaveLength(1);
    expect(grid.weeks[0].map((d) => d.date)).toEqual(datesBetween("2026-11-30", "2026-12-06"));
    expect(grid.weeks[0].every((d) => d.inPeriod)).toBe(true);
    expect(grid.previousStart).toBe("2026-11-23");
    expect(grid.nextStart).toBe("2026-12-07");
  });

  it("builds a month as whole weeks, marking the neighbouring months' days", () => {
    // February 2026 runs from a Sunday to a Saturday: five rows, with six January days and one of March.
    const grid = buildCalendarGrid("month", "2026-02-17");
    expect(grid.start).toBe("2026-02-01");
    expect(grid.end).toBe("2026-02-28");
    expect(grid.firstShown).toBe("2026-01-26");
    expect(grid.lastShown).toBe("2026-03-01");
    expect(grid.weeks).toHaveLength(5);
    expect(grid.weeks.every((w) => w.length === 7)).toBe(true);
    expect(grid.weeks[0].filter((d) => d.inPeriod).map((d) => d.date)).toEqual(["2026-02-01"]);
    expect(grid.weeks.flat().filter((d) => d.inPeriod)).toHaveLength(28);
    expect(grid.previousStart).toBe("2026-01-01");
    expect(grid.nextStart).toBe("2026-03-01");
  });

  it("moves across year ends and leap days", () => {
    const december = buildCalendarGrid("month", "2026-12-31");
    expect(december.nextStart).toBe("2027-01-01");
    expect(buildCalendarGrid("month", "2027-01-15").previousStart).toBe("2026-12-01");
    const leap = buildCalendarGrid("month", "2028-02-10");
    expect(leap.end).toBe("2028-02-29");
    // A month that starts on a Monday and ends on a Sunday fills exactly four rows.
    expect(buildCalendarGrid("month", "2027-02-01").weeks).toHaveLength(4);
    expect(buildCalendarGrid("week", "2026-12-31").nextStart).toBe("2027-01-04");
  });

  it("every month grid starts on a Monday, ends on a Sunday and covers its month", () => {
    for (let m = 1; m <= 24; m++) {
      const month = `${2026 + Math.floor((m - 1) / 12)}-${String(((m - 1) % 12) + 1).padStart(2, "0")}-15`;
      const grid = buildCalendarGrid("month", month);
      expect(new Date(`${grid.firstShown}T00:00:00Z`).getUTCDay()).toBe(1);
      expect(new Date(`${grid.lastShown}T00:00:00Z`).getUTCDay()).toBe(0);
      expect(grid.firstShown <= grid.start && grid.lastShown >= grid.end).toBe(true);
      expect(grid.weeks.flat().filter((d) => d.inPeriod)[0].date).toBe(grid.start);
    }
  });
});

describe("calendar links", () => {
  const today = "2026-12-03";

  it("defaults to this week", () => {
    expect(parseCalendarQuery({}, today)).toEqual({ view: "week", start: "2026-11-30", notice: null });
  });

  it("reads a month view and moves start to the first of its month", () => {
    expect(parseCalendarQuery({ view: "month", start: "2027-03-18" }, today)).toEqual({ view: "month", start: "2027-03-01", notice: null });
    expect(parseCalendarQuery({ view: ["week", "month"], start: "2027-03-18" }, today).view).toBe("week");
  });

  it("falls back to defaults with a clear message on bad input, keeping what was usable", () => {
    const badView = parseCalendarQuery({ view: "year", start: "2027-03-18" }, today);
    expect(badView).toMatchObject({ view: "week", start: "2027-03-15" });
    expect(badView.notice).toMatch(/view must be week or month/);
    expect(badView.notice).toMatch(/showing the week of 18 Mar 2027 instead/);

    const badStart = parseCalendarQuery({ view: "month", start: "2026-02-30" }, today);
    expect(badStart).toMatchObject({ view: "month", start: "2026-12-01" });
    expect(badStart.notice).toMatch(/does not exist/);
    expect(badStart.notice).toMatch(/this month instead/);

    expect(parseCalendarQuery({ start: "next tuesday" }, today).notice).toMatch(/YYYY-MM-DD/);
    expect(parseCalendarQuery({ start: "1890-01-01" }, today).notice).toMatch(/between 2000-01-01 and 2100-12-31/);
  });

  it("writes links that parse back to the same period", () => {
    const href = calendarHref("/x", "month", "2026-05-01");
    const params = Object.fromEntries(new URLSearchParams(href.split("?")[1]));
    expect(parseCalendarQuery(params, today)).toEqual({ view: "month", start: "2026-05-01", notice: null });
  });
});
