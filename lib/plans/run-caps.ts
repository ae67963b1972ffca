/** Caps a suggestion sets on the planned runs: one run (km or minutes) and the next 7 days' run km. */
export type RunCaps = { maxRunKm?: number; maxWeekRunKm?: number; maxRunMin?: number };

export type PlannedRunForCap = { id: string; date: string; distanceKm: number | null; durationMin: number };

export type TrimmedRun = { id: string; date: string; fromKm: number | null; toKm: number | null; fromMin: number; toMin: number };

/**
 * A km cap as it is applied and shown: one decimal, never above the cap (a stored 13.2 must not read as
 * over a 13.200000000000001 cap, and a 13.25 cap is 13.2, not 13.3).
 */
export function kmAtMost(limit: number): number {
  const km = Math.floor(limit * 10 + 1e-9) / 10;
  return km > limit ? Math.round((km - 0.1) * 10) / 10 : km;
}

const positive = (x: number | undefined): x is number => x !== undefined && Number.isFinite(x) && x > 0;

/**
 * The planned runs a suggestion's caps shorten, and to what, in the order the engine sets them: a run
 * longer than the single-run cap comes down to it; if the runs then still add up to more than the 7-day
 * cap, each run with a distance shrinks by the same share; a run longer than the minute cap comes down to
 * it. Distance and duration shrink together, so each run keeps its pace; distances have one decimal and
 * minutes are whole, both rounded down so no run ends above a cap (a run keeps at least 0.1 km and 1 min).
 * Runs without a distance are left to the minute cap. Returns only the runs that change.
 */
export function trimRunsToCaps(runs: readonly PlannedRunForCap[], caps: RunCaps): TrimmedRun[] {
  const work = runs.map((r) => ({ ...r, km: r.distanceKm, min: r.durationMin }));
  const shrinkKm = (r: (typeof work)[number], km: number) => {
    if (r.km === null || km >= r.km) return;
    r.min = Math.max(1, Math.round((r.min * km) / r.km));
    r.km = km;
  };
  if (positive(caps.maxRunKm)) {
    const cap = kmAtMost(caps.maxRunKm);
    for (const r of work) if (r.km !== null && r.km > caps.maxRunKm) shrinkKm(r, cap);
  }
  if (positive(caps.maxWeekRunKm)) {
    const total = work.reduce((sum, r) => sum + (r.km ?? 0), 0);
    if (total > caps.maxWeekRunKm) {
      const share = caps.maxWeekRunKm / total;
      for (const r of work) if (r.km !== null) shrinkKm(r, Math.max(0.1, Math.floor(r.km * share * 10 + 1e-9) / 10));
    }
  }
  if (positive(caps.maxRunMin)) {
    const cap = Math.max(1, Math.floor(caps.maxRunMin + 1e-9));
    for (const r of work) {
      if (r.min <= caps.maxRunMin) continue;
      if (r.km !== null) r.km = Math.max(0.1, Math.floor(((r.km * cap) / r.min) * 10 + 1e-9) / 10);
      r.min = cap;
    }
  }
  return work
    .filter((r) => r.km !== r.distanceKm || r.min !== r.durationMin)
    .map((r) => ({ id: r.id, date: r.date, fromKm: r.distanceKm, toKm: r.km, fromMin: r.durationMin, toMin: r.min }));
}
