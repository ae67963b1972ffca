import { z } from "zod";
import type { Severity } from "@/lib/training-load";
import { SEVERITY_RANK } from "@/lib/athletes/flag-history";

export const OVERVIEW_SORT_KEYS = ["status", "name", "load", "report", "weeks"] as const;
export type OverviewSortKey = (typeof OVERVIEW_SORT_KEYS)[number];
export type SortDir = "asc" | "desc";

/** Sort order from the page's search params; anything unknown falls back to the triage order. */
export const overviewSortSchema = z.object({
  sort: z.enum(OVERVIEW_SORT_KEYS).catch("status"),
  dir: z.enum(["asc", "desc"]).optional().catch(undefined),
});

/** The direction a column sorts in first: worst, highest, latest and most on top; names A to Z. */
export const DEFAULT_DIR: Record<OverviewSortKey, SortDir> = { status: "asc", name: "asc", load: "desc", report: "desc", weeks: "desc" };


export type SortableRow = {
  name: string;
  worst: Severity | null;
  weekLoadAu: number;
  chronicWeekLoadAu: number;
  lastReport: { date: string; nrs: number } | null;
  weeks: { worst: Severity | null }[];
};

/** This week's load over the 4-week weekly average; null without a chronic load to compare with. */
export function loadRatio(row: Pick<SortableRow, "weekLoadAu" | "chronicWeekLoadAu">): number | null {
  return row.chronicWeekLoadAu > 0 ? row.weekLoadAu / row.chronicWeekLoadAu : null;
}

/** Weeks of the last 12 with a warning or a referral. */
export const flaggedWeeks = (row: Pick<SortableRow, "weeks">) =>
  row.weeks.filter((w) => w.worst === "referral" || w.worst === "warning").length;

/**
 * Rows sorted by a column. The triage order (`status`, ascending) is the order the rows arrive in;
 * other keys fall back to it on ties, so equal rows keep their triage order. Missing values (no report,
 * no chronic load) go last in either direction.
 */
export function sortOverview<T extends SortableRow>(rows: readonly T[], key: OverviewSortKey, dir: SortDir = DEFAULT_DIR[key]): T[] {
  const indexed = rows.map((row, index) => ({ row, index }));
  const sign = dir === "asc" ? 1 : -1;
  const missingLast = (a: number | string | null, b: number | string | null) => (a === null ? 1 : 0) - (b === null ? 1 : 0);
  const compare = (a: number | string | null, b: number | string | null) =>
    missingLast(a, b) || (a === null || b === null ? 0 : a < b ? -sign : a > b ? sign : 0);
  indexed.sort((x, y) => {
    const a = x.row;
    const b = y.row;
    let c = 0;
    switch (key) {
      case "status":
        c = sign * ((a.worst === null ? 9 : SEVERITY_RANK[a.worst]) - (b.worst === null ? 9 : SEVERITY_RANK[b.worst]));
        break;
      case "name":
        c = sign * a.name.localeCompare(b.name);
        break;
      case "load":
        c = compare(loadRatio(a), loadRatio(b));
        break;
      case "report":
        c = compare(a.lastReport?.date ?? null, b.lastReport?.date ?? null) || compare(a.lastReport?.nrs ?? null, b.lastReport?.nrs ?? null);
        break;
      case "weeks":
        c = sign * (flaggedWeeks(a) - flaggedWeeks(b));
        break;
    }
    return c || x.index - y.index;
  });
  return indexed.map((i) => i.row);
}
