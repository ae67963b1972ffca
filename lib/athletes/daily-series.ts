import type { DailyPoint } from "@/lib/athletes/chart-series";

/**
 * A daily series as columns: each field's name once, then its values in day order. Props cross from the
 * server to the browser as JSON, where 84 days of 17 fields would name every field 84 times (and the page
 * carries that JSON twice, once escaped); as columns the series is about half the bytes.
 */
export type DailySeries = { keys: (keyof DailyPoint)[]; columns: unknown[][] };

export function toDailySeries(points: DailyPoint[]): DailySeries {
  const keys = (points.length ? Object.keys(points[0]) : []) as (keyof DailyPoint)[];
  return { keys, columns: keys.map((k) => points.map((p) => p[k])) };
}

// Several charts and tables read the same series: it is unpacked once per series object.
const unpacked = new WeakMap<DailySeries, DailyPoint[]>();

export function fromDailySeries(series: DailySeries): DailyPoint[] {
  let points = unpacked.get(series);
  if (!points) {
    const length = series.columns[0]?.length ?? 0;
    points = Array.from({ length }, (_, i) => Object.fromEntries(series.keys.map((k, j) => [k, series.columns[j][i]])) as DailyPoint);
    unpacked.set(series, points);
  }
  return points;
}
