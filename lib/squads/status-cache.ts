import type { Flag } from "@/lib/training-load";
import type { FlagWeek } from "@/lib/athletes/flag-history";
import { VersionedCache } from "@/lib/versioned-cache";

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

// A squad of 100 uses 100 entries a day.
const statuses = new VersionedCache<ComputedStatus>(20_000);

/** The key of a computed status: the athlete's local day, data version and the thresholds in force. */
export const statusKey = (squadId: string, userId: string, asOf: string, dataVersion: number, thresholds: string) =>
  `${squadId}|${userId}|${asOf}|${dataVersion}|${thresholds}`;

export const cachedStatus = (key: string) => statuses.get(key);
export const keepStatus = (key: string, status: ComputedStatus) => statuses.set(key, status);
