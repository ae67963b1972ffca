import "server-only";
import { db } from "@/lib/db";
import { isAthlete, type Viewer } from "@/lib/auth/permissions";
import { dateOnly, todayIn, toDbDate } from "@/lib/dates";
import type { WellnessCheckIn } from "@/lib/wellness/schemas";

export type WellnessToday = {
  /** Whether any of the viewer's squads asks for the daily check-in. */
  enabled: boolean;
  /** The viewer's today, in their time zone. */
  date: string;
  /** Today's answer, when given. */
  entry: (WellnessCheckIn & { hooper: number }) | null;
};

const entrySelect = { sleep: true, fatigue: true, soreness: true, stress: true, mood: true, backStiffness: true } as const;

/** Whether the athlete is in a squad that has the daily check-in on. */
export async function isWellnessOnFor(athleteId: string): Promise<boolean> {
  const found = await db().membership.findFirst({
    where: { userId: athleteId, role: "ATHLETE", squad: { wellnessCheckIn: true } },
    select: { id: true },
  });
  return found !== null;
}

/** The viewer's own check-in of today, and whether one is asked for; nothing for someone who is not an athlete. */
export async function getOwnWellnessToday(viewer: Viewer, now = new Date()): Promise<WellnessToday> {
  const date = todayIn(viewer.timeZone, now);
  if (!isAthlete(viewer)) return { enabled: false, date, entry: null };
  const [enabled, row] = await Promise.all([
    isWellnessOnFor(viewer.id),
    db().wellnessEntry.findUnique({ where: { userId_localDate: { userId: viewer.id, localDate: toDbDate(date) } }, select: entrySelect }),
  ]);
  return {
    enabled,
    date,
    entry: row ? { ...row, hooper: row.sleep + row.fatigue + row.soreness + row.stress + row.mood } : null,
  };
}

/** A stored check-in in the engine's shape. */
export type WellnessRow = {
  localDate: Date | string;
  sleep: number;
  fatigue: number;
  soreness: number;
  stress: number;
  mood: number;
  backStiffness: number;
};

export const toEngineWellness = (r: WellnessRow) => ({
  date: typeof r.localDate === "string" ? r.localDate : dateOnly(r.localDate),
  sleep: r.sleep,
  fatigue: r.fatigue,
  soreness: r.soreness,
  stress: r.stress,
  mood: r.mood,
  backStiffness: r.backStiffness,
});
