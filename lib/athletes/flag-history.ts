import {
  addDays,
  evaluateFlagsOn,
  SEVERITIES,
  type EngineOstrc,
  type EnginePainReport,
  type EngineProfile,
  type EngineSession,
  type EngineWellness,
  type Flag,
  type Severity,
  type Thresholds,
} from "@/lib/training-load";
import { mondayOf } from "@/lib/dates";

export const HEAT_MAP_WEEKS = 12;
/**
 * Days of sessions behind the flags, counted back from the athlete's today, everywhere flags are shown
 * (triage, heat map, athlete page, planning). Spikes need 30 days and surface changes 35 before the day
 * judged, and the oldest heat-map week ends 11 weeks before this one: 18 weeks cover both, and give the
 * exponentially weighted chronic load time to forget its first day. One window for every view keeps
 * the status on the squad page and the flags on the athlete page identical.
 */
export const FLAG_HISTORY_DAYS = HEAT_MAP_WEEKS * 7 + 42;
/** Most severe first, in the engine's order. */
export const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((s, i) => [s, i])) as Record<Severity, number>;

export function worstSeverity(flags: readonly Pick<Flag, "severity">[]): Severity | null {
  let worst: Severity | null = null;
  for (const f of flags) if (worst === null || SEVERITY_RANK[f.severity] < SEVERITY_RANK[worst]) worst = f.severity;
  return worst;
}

/** A red flag raised by one of the emergency symptoms ("seek emergency care now"). */
export const isEmergency = (flag: Pick<Flag, "id" | "triage">) => flag.id === "red-flag" && flag.triage?.emergency === true;

/** The first day of sessions that feed an athlete's flags. */
export const flagHistoryFrom = (asOf: string) => addDays(asOf, -FLAG_HISTORY_DAYS);

export type FlagHistoryInput = {
  /** The athlete's local today. */
  asOf: string;
  /** Sessions from flagHistoryFrom(asOf) through asOf; older shoe wear goes in profile.shoeKmBefore. */
  sessions: EngineSession[];
  painReports: EnginePainReport[];
  ostrc: EngineOstrc[];
  /** Daily wellness check-ins of the same window. */
  wellness?: EngineWellness[];
  profile: EngineProfile;
  thresholds: Thresholds;
  /** Dates of the athlete's clearances (see evaluateFlags). */
  clearances: { date: string }[];
};

export type FlagWeek = {
  /** Monday of the week. */
  weekStart: string;
  /** The day the week was judged on: its Sunday, or today for the current week. */
  evaluatedOn: string;
  worst: Severity | null;
  /** Whether the week's referral is an emergency (shown above an ordinary referral). */
  emergency: boolean;
  /** The week's flags above a note (caution, warning, referral). */
  flagIds: string[];
};

/**
 * Today's flags and the worst flag of each of the last `weeks` weeks (oldest first), each week judged
 * on its last day with the data up to that day. An overload rule stays active for 7 days after the day
 * that carried it and the pain rules look back 14, so a week's last day sees every overload carried
 * during the week.
 */
export function flagWeeks(input: FlagHistoryInput, weeks = HEAT_MAP_WEEKS): { weeks: FlagWeek[]; today: Flag[] } {
  const thisMonday = mondayOf(input.asOf);
  const days: string[] = [];
  for (let k = weeks - 1; k >= 0; k--) days.push(k === 0 ? input.asOf : addDays(thisMonday, -7 * k + 6));
  const byDay = evaluateFlagsOn({ days, ...input });
  return {
    weeks: days.map((evaluatedOn, i) => ({
      weekStart: mondayOf(evaluatedOn),
      evaluatedOn,
      worst: worstSeverity(byDay[i]),
      emergency: byDay[i].some(isEmergency),
      flagIds: byDay[i].filter((f) => f.severity !== "info").map((f) => f.id),
    })),
    today: byDay[days.length - 1],
  };
}
