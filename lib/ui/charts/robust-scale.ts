/**
 * Robust axis tops. One value far above the rest (a monotony of 86 on a day of identical loads, a one-off
 * ultra) would flatten a whole chart, so the axis top may be clipped:
 *
 * Rule: among the finite values above zero (at least MIN_VALUES of them), a value is an outlier when it is
 * more than OUTLIER_FACTOR times the 95th percentile (nearest rank). With any outlier, the axis top is the
 * largest value that is not one, plus 10% headroom, rounded up to a "nice" number (1, 2, 2.5 or 5 times a
 * power of ten). Without outliers (or with too few values) there is no clipping and the chart scales itself.
 *
 * The charts draw a clipped value at the top with a marker and keep its true number in the tooltip and
 * the table.
 */
export const OUTLIER_FACTOR = 3;
export const MIN_VALUES = 8;

/** The 95th percentile by nearest rank of ascending-sorted values. */
export function percentile95(sorted: readonly number[]): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)];
}

/** The smallest of 1, 2, 2.5, 5 x 10^k at or above x (x > 0). */
export function niceCeil(x: number): number {
  if (!(x > 0)) return 0;
  const power = 10 ** Math.floor(Math.log10(x));
  for (const step of [1, 2, 2.5, 5, 10]) {
    // The tiny tolerance keeps 2.0000000001 (binary noise) at 2.
    if (step * power >= x - power * 1e-9) return Math.round(step * power * 1e9) / 1e9;
  }
  return 10 * power;
}

/** The clipped axis top for these values, or null when nothing is far enough above the rest. */
export function robustTop(values: readonly (number | null | undefined)[]): number | null {
  const positive = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v) && v > 0).sort((a, b) => a - b);
  if (positive.length < MIN_VALUES) return null;
  const limit = OUTLIER_FACTOR * percentile95(positive);
  const kept = positive.filter((v) => v <= limit);
  if (kept.length === positive.length) return null;
  return niceCeil(kept[kept.length - 1] * 1.1);
}

/**
 * Rows ready to plot under a clipped top: each `key` keeps its true value, `${key}Shown` is the value
 * capped at the top (what the mark draws), and `${key}Over` is the top on clipped rows (where the marker
 * goes), else null. With no top the shown values are the true ones.
 */
export function clipRows<T extends Record<string, unknown>>(rows: readonly T[], keys: readonly string[], top: number | null): (T & Record<string, number | null>)[] {
  return rows.map((row) => {
    const out: Record<string, unknown> = { ...row };
    for (const key of keys) {
      const v = row[key];
      const value = typeof v === "number" ? v : null;
      out[`${key}Shown`] = value !== null && top !== null && value > top ? top : value;
      out[`${key}Over`] = value !== null && top !== null && value > top ? top : null;
    }
    return out as T & Record<string, number | null>;
  });
}
