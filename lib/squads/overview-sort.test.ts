import { describe, expect, it } from "vitest";
import { flaggedWeeks, loadRatio, overviewSortSchema, sortOverview, type SortableRow } from "./overview-sort";

const row = (name: string, extra: Partial<SortableRow> = {}): SortableRow => ({
  name,
  worst: null,
  weekLoadAu: 0,
  chronicWeekLoadAu: 0,
  lastReport: null,
  weeks: [],
  ...extra,
});

// Arrive in triage order: referral, warning, nothing.
const rows = [
  row("Cleo", { worst: "referral", weekLoadAu: 100, chronicWeekLoadAu: 200, lastReport: { date: "2026-11-20", nrs: 6 }, weeks: [{ worst: "referral" }] }),
  row("Abel", { worst: "warning", weekLoadAu: 300, chronicWeekLoadAu: 200, weeks: [{ worst: "warning" }, { worst: "warning" }, { worst: "caution" }] }),
  row("Bea", { weekLoadAu: 50, lastReport: { date: "2026-11-24", nrs: 2 } }),
];

describe("sortOverview", () => {
  it("keeps the triage order for status, and reverses it on request", () => {
    expect(sortOverview(rows, "status").map((r) => r.name)).toEqual(["Cleo", "Abel", "Bea"]);
    expect(sortOverview(rows, "status", "desc").map((r) => r.name)).toEqual(["Bea", "Abel", "Cleo"]);
  });

  it("sorts by name, load ratio, latest report and flagged weeks, missing values last", () => {
    expect(sortOverview(rows, "name").map((r) => r.name)).toEqual(["Abel", "Bea", "Cleo"]);
    expect(sortOverview(rows, "load").map((r) => r.name)).toEqual(["Abel", "Cleo", "Bea"]);
    expect(sortOverview(rows, "load", "asc").map((r) => r.name)).toEqual(["Cleo", "Abel", "Bea"]);
    expect(sortOverview(rows, "report").map((r) => r.name)).toEqual(["Bea", "Cleo", "Abel"]);
    expect(sortOverview(rows, "report", "asc").map((r) => r.name)).toEqual(["Cleo", "Bea", "Abel"]);
    expect(sortOverview(rows, "weeks").map((r) => r.name)).toEqual(["Abel", "Cleo", "Bea"]);
  });

  it("does not change the input", () => {
    const copy = [...rows];
    sortOverview(rows, "name");
    expect(rows).toEqual(copy);
  });

  it("computes the ratio and the flagged weeks", () => {
    expect(loadRatio(rows[1])).toBe(1.5);
    expect(loadRatio(rows[2])).toBeNull();
    expect(flaggedWeeks(rows[1])).toBe(2);
  });

  it("falls back to the triage order on unknown parameters", () => {
    expect(overviewSortSchema.parse({ sort: "drop table", dir: "sideways" })).toEqual({ sort: "status", dir: undefined });
    expect(overviewSortSchema.parse({})).toEqual({ sort: "status", dir: undefined });
    expect(overviewSortSchema.parse({ sort: "name", dir: "desc" })).toEqual({ sort: "name", dir: "desc" });
  });
});
