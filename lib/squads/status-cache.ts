import type { Flag } from "@/lib/training-load";
import type { FlagWeek } from "@/lib/athletes/flag-history";
import { VersionedCache } from "@/lib/versioned-cache";
import { codeVersion, inputsDigest, type ViewKey } from "@/lib/computed-views/store";

/** What the squad overview computes per athlete from their data: everything but the coaches' reviews. */
export type ComputedStatus = {
  today: Flag[];
  weeks: FlagWeek[];
  lastReport: { date: string; nrs: number; zone: string } | null;
  /** The newest session and pain report ever recorded (they may be older than the flag history). */
  lastSessionDate: string | null;
  lastReportDate: string | null;
  weekLoadAu: number;
  chronicWeekLoadAu: number;
  /** The latest daily check-in of today or the 2 days before, and whether wellness-drop is active today. */
  wellness: { date: string; hooper: number; backStiffness: number; drop: boolean } | null;
};

// In front of the kept statuses in Postgres (lib/computed-views/store.ts), which every process shares:
// a squad of 100 uses 100 entries a day.
const statuses = new VersionedCache<ComputedStatus>(20_000);

/**
 * Where a computed status is kept: per squad (its thresholds), athlete, local day, data version,
 * thresholds in force and code version.
 */
export function statusViewKey(squadId: string, userId: string, asOf: string, dataVersion: number, thresholds: unknown): ViewKey {
  return { userId, squadId, asOf, dataVersion, key: `status|${squadId}|${asOf}|${inputsDigest(thresholds)}|${codeVersion()}` };
}

/** The in-process key of a kept status. */
export const statusKey = (view: ViewKey) => `${view.userId}|${view.key}|${view.dataVersion}`;

export const cachedStatus = (key: string) => statuses.get(key);
export const keepStatus = (key: string, status: ComputedStatus) => statuses.set(key, status);
