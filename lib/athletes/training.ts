import "server-only";
import { COUNTS_FOR_LOAD, LOAD_MINUTES } from "@/lib/sessions/daily-load";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { athleteSquads, canViewAthlete, isStaffRole, type Viewer } from "@/lib/auth/permissions";
import { readAthleteRecord } from "@/lib/profiles/queries";
import { addDays, dateOnly, todayIn } from "@/lib/dates";
import {
  evaluateFlags,
  resolveThresholds,
  type BackZone,
  type EngineOstrc,
  type EnginePainReport,
  type EngineProfile,
  type EngineSession,
  type EngineWellness,
  type Flag,
  type LoadMeasure,
  type Thresholds,
  wellnessTrend,
  WELLNESS_DROP_RULE,
  type WellnessTrendPoint,
} from "@/lib/training-load";
import { toEngineWellness, type WellnessRow } from "@/lib/wellness/queries";
import { toEngineProfile, toEngineSession, type SessionRow } from "@/lib/athletes/engine-input";
import { toEnginePainReport } from "@/lib/pain/queries";
import { flagHistoryFrom } from "@/lib/athletes/flag-history";
import { readReferralHistoryUnchecked } from "@/lib/safety/queries";
import { VersionedCache } from "@/lib/versioned-cache";
import { codeVersion, inputsDigest, readViews, writeViews, type ViewKey } from "@/lib/computed-views/store";
import type { PainZone } from "@/lib/pain/labels";
import { resolveChartRange, type ChartRange } from "@/lib/athletes/schemas";
import {
  buildBackZoneHeatmap,
  buildDailySeries,
  buildPainMarks,
  buildSessionTypeShare,
  buildShoeKm,
  buildWeeklySurfaceKm,
  LOAD_UNITS,
  type BackZoneHeatmap,
  type DailyPoint,
  type DailyTotals,
  type PainMark,
  type SessionTypeShare,
  type ShoeKmRow,
  type WeekSurfacePoint,
} from "@/lib/athletes/chart-series";

export type { DailyPoint, PainMark, WeekSurfacePoint } from "@/lib/athletes/chart-series";

export type TrainingView = {
  /** The athlete's today: the flags are those active on it. */
  asOf: string;
  /** The engine's inputs behind the flags, for planning (suggestions and projections) on the server. */
  engine: {
    sessions: EngineSession[];
    painReports: EnginePainReport[];
    ostrc: EngineOstrc[];
    /** Daily wellness check-ins of the 31 days before today and today (all wellness-drop reads). */
    wellness: EngineWellness[];
    profile: EngineProfile;
    thresholds: Thresholds;
    /** Dates of the athlete's clearances: a red flag lasts until one dated on or after its report. */
    clearances: { date: string }[];
  };
  /** First and last day the charts show (both included). */
  from: string;
  to: string;
  /** The squad's load measure, and the unit of every load in the series. */
  loadMeasure: LoadMeasure;
  loadUnit: "AU" | "km" | "min";
  /** The thresholds the charts draw and mark overload days with (the athlete's resolved ones). */
  chartThresholds: { acwrHigh: number; monotonyHigh: number };
  load: DailyPoint[];
  weeklySurfaceKm: WeekSurfacePoint[];
  surfaces: string[];
  /** Days with a pain report or a check-in in the range (sparse; joined onto `load` by the chart). */
  pain: PainMark[];
  heatmap: BackZoneHeatmap;
  sessionTypes: SessionTypeShare;
  shoes: ShoeKmRow[];
  /**
   * The daily check-in over the range: each day's Hooper sum and back stiffness with the band of its
   * 28-day baseline (mean ± 1.5 SD). `enabled`: one of the athlete's squads asks for it.
   */
  wellness: { enabled: boolean; points: WellnessTrendPoint[]; answered: number };
  flags: Flag[];
};

// The exponential averages and fitness carry their whole history; a year of it is within 0.02% of all of it
// (fitness, the slowest, keeps (41/42)^365 of its start), and bounds what a short range reads.
const HISTORY_DAYS = 365;
/** wellness-drop judges asOf-2..asOf, each day and the one before against the 28 days before it. */
const WELLNESS_LOOKBACK_DAYS = WELLNESS_DROP_RULE.baselineDays + WELLNESS_DROP_RULE.consecutiveDays + WELLNESS_DROP_RULE.activeDays - 2;

// Views are read by pages and planning and never changed by them. A few hundred athletes times the
// periods looked at in a day; in front of the copies kept in Postgres for every process and instance.
const views = new VersionedCache<TrainingView>(2_000);

const earlier = (a: string, b: string) => (a < b ? a : b);
const later = (a: string, b: string) => (a > b ? a : b);

/**
 * Chart series for one athlete over a range (days ending today, or custom dates), with the flags active
 * today, for the athlete or a coach of one of their squads. Loads come from the kept daily totals,
 * never from raw sessions; the few session-level reads are the flags' last 18 weeks and two small
 * aggregates (session types of the period, km per shoe).
 */
export async function getTrainingView(
  viewer: Viewer,
  athleteId: string,
  range: ChartRange | number = 84,
  now = new Date(),
): Promise<TrainingView> {
  const prisma = db();
  if (!(await canViewAthlete(prisma, viewer, athleteId))) throw new NotFoundError("Athlete not found");
  const [record, squads] = await Promise.all([readAthleteRecord(prisma, athleteId), athleteSquads(prisma, athleteId)]);
  if (!record) throw new NotFoundError("Athlete not found");
  const user = record.profile;
  const asOf = todayIn(user.timeZone, now);
  const { from, to } = resolveChartRange(range, asOf);
  const historyFrom = addDays(from, -HISTORY_DAYS);
  // The same session history as the squad's triage and heat map, so both show the same flags.
  const flagFrom = flagHistoryFrom(asOf);
  // Pain flags read the last 14 days and compare with the report before, up to 14 days earlier.
  const painFrom = earlier(from, addDays(asOf, -27));
  const painTo = later(to, asOf);
  // The engine reads the last 14 days of check-ins; the chart those of its range.
  const ostrcFrom = earlier(from, addDays(asOf, -13));

  // Staff see the athlete with the thresholds of a squad they share; the athlete with their first squad's.
  const membership =
    squads.find((m) => viewer.memberships.some((vm) => vm.squadId === m.squadId && isStaffRole(vm.role))) ?? squads[0];
  const thresholds = resolveThresholds(membership?.squadThresholds ?? undefined, membership?.athleteThresholds ?? undefined);
  const wellnessOn = squads.some((s) => s.wellnessCheckIn);
  // The rule's baselines reach 28 days before the first day it judges (asOf-3); the chart's band, 28 days
  // before the range.
  const wellnessFrom = earlier(addDays(from, -WELLNESS_DROP_RULE.baselineDays), addDays(asOf, -WELLNESS_LOOKBACK_DAYS));
  // Everything below is a function of these inputs: a view computed from them is reused until one moves.
  const key = `${athleteId}|${from}|${to}|${asOf}|${record.dataVersion}|${JSON.stringify(thresholds)}|${wellnessOn}`;
  const kept = views.get(key);
  if (kept) return kept;
  const stored: ViewKey = {
    userId: athleteId,
    squadId: null,
    asOf,
    dataVersion: record.dataVersion,
    key: `training|${from}|${to}|${asOf}|${inputsDigest([thresholds, wellnessOn])}|${codeVersion()}`,
  };
  const shared = (await readViews<TrainingView>(prisma, [stored])).get(`${stored.userId}|${stored.key}`);
  if (shared) {
    views.set(key, shared);
    return shared;
  }

  // Raw SQL: the client's query planning cost more than these reads themselves, and this view runs on
  // every load of the athlete pages.
  const [dailyTotals, recentSessions, pain, ostrcRows, typeAggregate, shoeAggregate, referrals, wellnessRows] = await Promise.all([
    // Up to four years of days.
    prisma.$queryRaw<DailyTotals[]>`
      SELECT to_char("localDate", 'YYYY-MM-DD') AS "date", "srpeAu", "durationMin", "runKm", "longestRunKm", "runKmBySurface"
      FROM "DailyLoad"
      WHERE "userId" = ${athleteId} AND "localDate" >= ${historyFrom}::date AND "localDate" <= ${to}::date
      ORDER BY "localDate"`,
    // The flags' own window of sessions (spikes and surface changes need them one by one).
    prisma.$queryRaw<SessionRow[]>`
      SELECT "id", "localDate", "type"::text AS "type", ${LOAD_MINUTES} AS "durationMin", "distanceKm", "rpe", "surface"::text AS "surface", "shoeId"
      FROM "TrainingSession"
      WHERE "userId" = ${athleteId} AND "localDate" >= ${flagFrom}::date AND "localDate" <= ${asOf}::date AND ${COUNTS_FOR_LOAD}`,
    prisma.$queryRaw<{ localDate: Date; zone: PainZone; subArea: string | null; nrs: number; redFlags: string[]; mechanical: boolean | null }[]>`
      SELECT "localDate", "zone"::text AS "zone", "subArea", "nrs", "redFlags", "mechanical"
      FROM "BackPainReport"
      WHERE "userId" = ${athleteId} AND "localDate" >= ${painFrom}::date AND "localDate" <= ${painTo}::date
      ORDER BY "localDate", "reportedAt"`,
    prisma.$queryRaw<{ date: string; zone: string; q1: number; q2: number; q3: number; q4: number; severity: number }[]>`
      SELECT to_char("localDate", 'YYYY-MM-DD') AS "date", "zone"::text AS "zone", "q1", "q2", "q3", "q4", "severity"
      FROM "OstrcResponse"
      WHERE "userId" = ${athleteId} AND "localDate" >= ${ostrcFrom}::date AND "localDate" <= ${later(to, asOf)}::date
      ORDER BY "localDate", "zone"`,
    // DailyLoad keeps only a count of support sessions; the split by type and minutes needs one aggregate.
    prisma.$queryRaw<{ type: string; sessions: number; durationMin: number }[]>`
      SELECT "type"::text AS "type", count(*)::int AS "sessions", COALESCE(sum(${LOAD_MINUTES}), 0)::float8 AS "durationMin"
      FROM "TrainingSession"
      WHERE "userId" = ${athleteId} AND "localDate" >= ${from}::date AND "localDate" <= ${to}::date AND ${COUNTS_FOR_LOAD}
      GROUP BY "type"`,
    // Km per shoe for the chart, and for shoe wear every run before the flags' window (the runs inside it
    // are among the sessions the engine gets).
    prisma.$queryRaw<{ id: string; name: string; retired: boolean; initialKm: number; periodKm: number; runKm: number; beforeKm: number }[]>`
      SELECT sh."id", sh."name", sh."retiredAt" IS NOT NULL AS "retired", sh."initialKm",
             COALESCE(sum(s."distanceKm") FILTER (WHERE s."localDate" < ${flagFrom}::date), 0)::float8 AS "beforeKm",
             COALESCE(sum(s."distanceKm") FILTER (WHERE s."localDate" >= ${from}::date AND s."localDate" <= ${to}::date), 0)::float8 AS "periodKm",
             COALESCE(sum(s."distanceKm"), 0)::float8 AS "runKm"
      FROM "Shoe" sh LEFT JOIN "TrainingSession" s ON s."shoeId" = sh."id" AND s."type" = 'RUN'
      WHERE sh."userId" = ${athleteId}
      GROUP BY sh."id"`,
    // A red flag lasts until a clearance, however old its report: the open ones before the pain window.
    readReferralHistoryUnchecked(prisma, [athleteId], painFrom),
    // One range read of the (userId, localDate) unique index.
    prisma.$queryRaw<(WellnessRow & { localDate: string })[]>`
      SELECT to_char("localDate", 'YYYY-MM-DD') AS "localDate", "sleep", "fatigue", "soreness", "stress", "mood", "backStiffness"
      FROM "WellnessEntry"
      WHERE "userId" = ${athleteId} AND "localDate" >= ${wellnessFrom}::date AND "localDate" <= ${later(to, asOf)}::date
      ORDER BY "localDate"`,
  ]);
  const wellnessAll = wellnessRows.map(toEngineWellness);
  const referral = referrals.get(athleteId)!;

  // Overload days are marked by re-applying the engine's four overload rules to the daily totals with
  // these thresholds (see overloadRulesByDay), not by running evaluateFlags once per shown day: that would
  // need every session of the range. The ratios here carry up to a year of history while the flag list
  // runs the engine on the last 18 weeks of sessions, so on a day right at a threshold the two can
  // disagree in the last decimal; the chart is consistent with itself and with its table.
  const load = buildDailySeries(dailyTotals, { from, to, thresholds });
  const weekly = buildWeeklySurfaceKm(dailyTotals, from, to);
  const painInRange = pain.filter((p) => {
    const date = dateOnly(p.localDate);
    return date >= from && date <= to;
  });
  const reports = painInRange.map((p) => ({ date: dateOnly(p.localDate), zone: p.zone, nrs: p.nrs }));

  const engine = {
    sessions: recentSessions.map(toEngineSession),
    painReports: [...referral.openReports, ...pain.filter((p) => dateOnly(p.localDate) <= asOf)].map(toEnginePainReport),
    ostrc: ostrcRows
      .filter((o) => o.date >= addDays(asOf, -13) && o.date <= asOf)
      .map((o) => ({ date: o.date, zone: o.zone.toLowerCase() as BackZone, q1: o.q1, q2: o.q2, q3: o.q3, q4: o.q4 })),
    wellness: wellnessAll.filter((w) => w.date >= addDays(asOf, -WELLNESS_LOOKBACK_DAYS) && w.date <= asOf),
    profile: toEngineProfile(
      record.hasProfile ? user : null,
      shoeAggregate.filter((s) => s.retired).map((s) => s.id),
      Object.fromEntries(shoeAggregate.filter((s) => !s.retired).map((s) => [s.id, s.initialKm + s.beforeKm])),
    ),
    thresholds,
    clearances: referral.clearances,
  };
  const flags = evaluateFlags({ asOf, ...engine });

  const view: TrainingView = {
    asOf,
    engine,
    from,
    to,
    loadMeasure: thresholds.loadMeasure,
    loadUnit: LOAD_UNITS[thresholds.loadMeasure],
    chartThresholds: { acwrHigh: thresholds.acwrHigh, monotonyHigh: thresholds.monotonyHigh },
    load,
    weeklySurfaceKm: weekly.weeks,
    surfaces: weekly.surfaces,
    pain: buildPainMarks(
      reports,
      ostrcRows.filter((o) => o.date >= from && o.date <= to),
    ),
    heatmap: buildBackZoneHeatmap(reports, from, to),
    sessionTypes: buildSessionTypeShare(typeAggregate),
    shoes: buildShoeKm(shoeAggregate),
    wellness: {
      enabled: wellnessOn,
      points: wellnessTrend(wellnessAll, from, to),
      answered: wellnessAll.filter((w) => w.date >= from && w.date <= to).length,
    },
    flags,
  };
  views.set(key, view);
  // The page has its answer either way: a view that could not be kept is computed again next time.
  await writeViews(prisma, [{ ...stored, value: view }]).catch((error: unknown) => console.error("A training view could not be kept:", error));
  return view;
}
