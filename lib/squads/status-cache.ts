import type { Flag } from "@/lib/training-load";
import type { FlagWeek } from "@/lib/athletes/flag-history";

/** What the squad overview computes per athlete from their data: everything but the coaches' reviews. */
export type ComputedStatus = {
  today: Flag[];
  weeks: FlagWeek[];
  lastReport: { date: string; nrs: number; zone: string } | null;
  weekLoadAu: number;
  chronicWeekLoadAu: number;
};

// Bounded so a long-running server cannot grow without limit; a squad of 100 uses 100 entries a day.
const MAX_ENTRIES = 20_000;
const entries = new Map<string, ComputedStatus>();

/**
 * The key of a computed status: the athlete's local day, their data version (moved by database
 * triggers on every change to sessions, pain reports, check-ins, profile and shoes) and the thresholds
 * in force. Any change to what the status reads gives a new key, so an entry is never stale; several
 * server processes each keep their own.
 */
export const statusKey = (squadId: string, userId: string, asOf: string, dataVersion: number, thresholds: string) =>
  `${squadId}|${userId}|${asOf}|${dataVersion}|${thresholds}`;

export function cachedStatus(key: string): ComputedStatus | undefined {
  return entries.get(key);
}

export function keepStatus(key: string, status: ComputedStatus): void {
  if (entries.size >= MAX_ENTRIES) {
    // Oldest first (a Map keeps insertion order): yesterday's entries go before today's.
    const drop = entries.keys().next().value;
    if (drop !== undefined) entries.delete(drop);
  }
  entries.set(key, status);
}

/** For tests and benchmarks that measure the uncached path. */
export function clearStatusCache(): void {
  entries.clear();
}
