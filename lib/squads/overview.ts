import "server-only";
import { COUNTS_FOR_LOAD, LOAD_MINUTES } from "@/lib/sessions/daily-load";
import { db, type Db } from "@/lib/db";
import { assertStaffOf, type Viewer } from "@/lib/auth/permissions";
import { readReferralHistoryUnchecked } from "@/lib/safety/queries";
import { addDays, dateOnly, toDbDate, todayIn } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_RPE, resolveThresholds, type BackZone, type EngineSession, type Severity, type Thresholds } from "@/lib/training-load";
import { cachedStatus, keepStatus, statusKey, statusViewKey, type ComputedStatus } from "@/lib/squads/status-cache";
import { readViews, writeViews } from "@/lib/computed-views/store";
import {
  FLAG_HISTORY_DAYS,
  SEVERITY_RANK,
  flagHistoryFrom,
  flagWeeks,
  isEmergency,
  worstSeverity,
} from "@/lib/athletes/flag-history";
import { toEngineProfile, toEngineSession, type SessionRow } from "@/lib/athletes/engine-input";
import { toEnginePainReport } from "@/lib/pain/queries";
import { toEngineWellness, type WellnessRow } from "@/lib/wellness/queries";
import { listOpenReviewsForSquad } from "@/lib/flag-reviews/queries";
import { withReviews, type ReviewedFlag } from "@/lib/flag-reviews/coverage";

/** An athlete's row of the triage: what is computed from their data (weeks, last report and session,
 * loads) with today's flags and the coaches' reviews of them. */
export type AthleteStatus = Omit<ComputedStatus, "today"> & {
  id: string;
  name: string;
  /** The worst flag not yet resolved by a coach of the squad. */
  worst: Severity | null;
  /** An emergency referral is open: the row goes above every other referral. */
  emergency: boolean;
  /** Today's flags, each with the squad's latest review of it. */
  flags: ReviewedFlag[];
  /** Today's flags not resolved, worst first, unreviewed before acknowledged within a severity. */
  open: ReviewedFlag[];
  /** The squad asks for the daily wellness check-in (the triage then shows each athlete's latest). */
  wellnessCheckIn: boolean;
};

/**
 * Every athlete of a squad with the flags active today, worst first, and the worst flag of each of the
 * last 12 weeks: the coach's triage list and heat map. Reads are batched per squad (one query per
 * table), never per athlete. What is computed from an athlete's data is kept (see status-cache) until
 * the data, the thresholds or the athlete's day changes; only the coaches' reviews are read every time.
 */
export async function getSquadTriage(viewer: Viewer, squadId: string, now = new Date()): Promise<AthleteStatus[]> {
  assertStaffOf(viewer, squadId);
  const prisma = db();
  const [rows, reviews] = await Promise.all([
    // One statement for what every request needs: the members, their data versions and the thresholds.
    prisma.$queryRaw<{ squadThresholds: Prisma.JsonObject | null; wellnessCheckIn: boolean; thresholds: Prisma.JsonObject | null; id: string; name: string; timeZone: string; dataVersion: number }[]>`
      SELECT s."thresholds" AS "squadThresholds", s."wellnessCheckIn", m."thresholds", u."id", u."name", u."timeZone", u."dataVersion"
      FROM "Squad" s
      JOIN "Membership" m ON m."squadId" = s."id" AND m."role" = 'ATHLETE'
      JOIN "User" u ON u."id" = m."userId"
      WHERE s."id" = ${squadId}`,
    listOpenReviewsForSquad(viewer, squadId, addDays(todayIn("UTC", now), -1)),
  ]);
  if (rows.length === 0) return [];

  const squadThresholds = rows[0].squadThresholds ?? undefined;
  const wellnessCheckIn = rows[0].wellnessCheckIn;
  const todays = new Map<string, string>();
  const members = rows.map(({ thresholds: own, ...user }) => {
    let asOf = todays.get(user.timeZone);
    if (asOf === undefined) todays.set(user.timeZone, (asOf = todayIn(user.timeZone, now)));
    const thresholds = resolveThresholds(squadThresholds, own ?? undefined);
    const view = statusViewKey(squadId, user.id, asOf, user.dataVersion, thresholds);
    const key = statusKey(view);
    return { user, asOf, thresholds, view, key, computed: cachedStatus(key) };
  });
  const missing = members.filter((m) => !m.computed);
  if (missing.length > 0) {
    // Kept in Postgres by any process (usually the refresh queue's, right after the write), else computed
    // here and kept for the others.
    const kept = await readViews<ComputedStatus>(prisma, missing.map((m) => m.view));
    const toCompute = [];
    for (const m of missing) {
      m.computed = kept.get(`${m.view.userId}|${m.view.key}`);
      if (m.computed) keepStatus(m.key, m.computed);
      else toCompute.push(m);
    }
    if (toCompute.length > 0) {
      const computed = await computeStatuses(toCompute, now);
      toCompute.forEach((m, i) => {
        m.computed = computed[i];
        keepStatus(m.key, computed[i]);
      });
      // The page has its answer either way: a value that could not be kept is computed again next time.
      await writeViews(prisma, toCompute.map((m, i) => ({ ...m.view, value: computed[i] }))).catch((error: unknown) =>
        console.error("Squad statuses could not be kept:", error),
      );
    }
  }

  const statuses = members.map(({ user, computed }): AthleteStatus => {
    const { today, ...kept } = computed!;
    const { all: flags, open } = withReviews(today, reviews.get(user.id) ?? []);
    open.sort(
      (x, y) =>
        SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] ||
        Number(isEmergency(y)) - Number(isEmergency(x)) ||
        Number(x.review !== null) - Number(y.review !== null),
    );
    return { ...kept, id: user.id, name: user.name, worst: worstSeverity(open), emergency: open.some(isEmergency), flags, open, wellnessCheckIn };
  });
  // Within a severity, flags nobody has looked at yet come before acknowledged ones.
  const unreviewed = (s: AthleteStatus) => s.open.filter((f) => f.severity !== "info" && f.review === null).length;
  return statuses.sort(
    (a, b) =>
      Number(b.emergency) - Number(a.emergency) ||
      (a.worst === null ? 9 : SEVERITY_RANK[a.worst]) - (b.worst === null ? 9 : SEVERITY_RANK[b.worst]) ||
      unreviewed(b) - unreviewed(a) ||
      b.open.filter((f) => f.severity !== "info").length - a.open.filter((f) => f.severity !== "info").length ||
      a.name.localeCompare(b.name),
  );
}

export type StatusInput = { user: { id: string }; asOf: string; thresholds: Thresholds };

/**
 * Flags of today and of the last 12 weeks, and this week's load, for the athletes given, in their order
 * (an athlete may come several times, for other days or thresholds). A function of the athletes' data,
 * each one's day and thresholds only: `now` bounds what is read, and any day from yesterday on may be asked.
 */
export async function computeStatuses(members: StatusInput[], now: Date, prisma: Db = db()): Promise<ComputedStatus[]> {
  const ids = [...new Set(members.map((m) => m.user.id))];
  // The athletes may live in several time zones (a day either side of UTC): read a window wide enough
  // for all of them, then cut each athlete's at their own history start.
  const from = addDays(todayIn("UTC", now), -FLAG_HISTORY_DAYS - 1);
  const [sessions, shoeTotals, retired, pains, ostrcRows, profiles, latest, referrals, wellnessRows] = await Promise.all([
    // Dates as text: formatting a Date per session costs more than the read.
    prisma.$queryRaw<(SessionRow & { userId: string; localDate: string })[]>`SELECT "id", "userId", to_char("localDate", 'YYYY-MM-DD') AS "localDate", "type"::text AS "type", ${LOAD_MINUTES} AS "durationMin", "distanceKm", "rpe", "surface"::text AS "surface", "shoeId"
      FROM "TrainingSession" WHERE "userId" = ANY(${ids}::text[]) AND "localDate" >= ${from}::date AND ${COUNTS_FOR_LOAD}
      ORDER BY "localDate"`,
    prisma.$queryRaw<{ userId: string; shoeId: string; km: number }[]>`
      SELECT sh."userId", sh."id" AS "shoeId",
             (sh."initialKm" + COALESCE(SUM(s."distanceKm") FILTER (WHERE s."type" = 'RUN' AND s."localDate" < ${from}::date), 0))::float8 AS km
      FROM "Shoe" sh LEFT JOIN "TrainingSession" s ON s."shoeId" = sh."id"
      WHERE sh."userId" = ANY(${ids}::text[]) AND sh."retiredAt" IS NULL
      GROUP BY sh."userId", sh."id", sh."initialKm"`,
    prisma.shoe.findMany({ where: { userId: { in: ids }, retiredAt: { not: null } }, select: { id: true, userId: true } }),
    prisma.backPainReport.findMany({
      // A rise compares with the report before, up to 14 days earlier than the 14 days a flag reads.
      where: { userId: { in: ids }, localDate: { gte: toDbDate(from) } },
      select: { userId: true, localDate: true, zone: true, subArea: true, nrs: true, redFlags: true, mechanical: true, reportedAt: true },
      orderBy: [{ localDate: "asc" }, { reportedAt: "asc" }],
    }),
    prisma.ostrcResponse.findMany({
      where: { userId: { in: ids }, localDate: { gte: toDbDate(from) } },
      select: { userId: true, localDate: true, zone: true, q1: true, q2: true, q3: true, q4: true },
    }),
    prisma.athleteProfile.findMany({
      where: { userId: { in: ids } },
      select: { userId: true, birthDate: true, footprintType: true, legLengthDiscrepancyMm: true, postureLoad: true },
    }),
    // The newest row per athlete, one backward index probe each: grouping would read every session ever logged.
    prisma.$queryRaw<{ userId: string; lastSessionDate: string | null; lastReportDate: string | null }[]>`
      SELECT a."userId", to_char(ls."localDate", 'YYYY-MM-DD') AS "lastSessionDate", to_char(lr."localDate", 'YYYY-MM-DD') AS "lastReportDate"
      FROM unnest(${ids}::text[]) AS a("userId")
      LEFT JOIN LATERAL (SELECT "localDate" FROM "TrainingSession" WHERE "userId" = a."userId" ORDER BY "localDate" DESC LIMIT 1) ls ON true
      LEFT JOIN LATERAL (SELECT "localDate" FROM "BackPainReport" WHERE "userId" = a."userId" ORDER BY "localDate" DESC LIMIT 1) lr ON true`,
    // Red flags last until a clearance: the open ones reported before the window.
    readReferralHistoryUnchecked(prisma, ids, from),
    // The heat map's weeks judge wellness-drop too: the check-ins of the same window, by the
    // (userId, localDate) unique index.
    prisma.$queryRaw<(WellnessRow & { userId: string; localDate: string })[]>`
      SELECT "userId", to_char("localDate", 'YYYY-MM-DD') AS "localDate", "sleep", "fatigue", "soreness", "stress", "mood", "backStiffness"
      FROM "WellnessEntry" WHERE "userId" = ANY(${ids}::text[]) AND "localDate" >= ${from}::date
      ORDER BY "localDate"`,
  ]);

  const group = <T extends { userId: string }>(rows: T[]) => {
    const out = new Map<string, T[]>();
    for (const r of rows) {
      const list = out.get(r.userId);
      if (list) list.push(r);
      else out.set(r.userId, [r]);
    }
    return out;
  };
  const sessionsOf = group(sessions);
  const shoesOf = group(shoeTotals);
  const retiredOf = group(retired);
  const painsOf = group(pains);
  const ostrcOf = group(ostrcRows);
  const wellnessOf = group(wellnessRows);
  const profileOf = new Map(profiles.map((p) => [p.userId, p]));
  const latestOf = new Map(latest.map((r) => [r.userId, r]));

  return members.map(({ user, asOf, thresholds }): ComputedStatus => {
    const historyFrom = flagHistoryFrom(asOf);
    const own: EngineSession[] = [];
    // Runs between the squad-wide window start and this athlete's count towards shoe wear only.
    const shoeKm = new Map((shoesOf.get(user.id) ?? []).map((t) => [t.shoeId, t.km]));
    for (const row of sessionsOf.get(user.id) ?? []) {
      if (row.localDate > asOf) continue;
      const s = toEngineSession(row);
      if (s.date >= historyFrom) own.push(s);
      else if (s.type === "RUN" && s.shoeId && s.distanceKm && shoeKm.has(s.shoeId)) shoeKm.set(s.shoeId, (shoeKm.get(s.shoeId) ?? 0) + s.distanceKm);
    }
    const ownPains = (painsOf.get(user.id) ?? []).filter((p) => dateOnly(p.localDate) <= asOf);
    const referral = referrals.get(user.id)!;
    const wellness = (wellnessOf.get(user.id) ?? []).filter((w) => w.localDate >= historyFrom && w.localDate <= asOf).map(toEngineWellness);
    const { weeks, today } = flagWeeks({
      asOf,
      sessions: own,
      painReports: [...referral.openReports.map(toEnginePainReport), ...ownPains.map(toEnginePainReport)],
      clearances: referral.clearances,
      ostrc: (ostrcOf.get(user.id) ?? [])
        .map((o) => ({ date: dateOnly(o.localDate), zone: o.zone.toLowerCase() as BackZone, q1: o.q1, q2: o.q2, q3: o.q3, q4: o.q4 }))
        .filter((o) => o.date <= asOf),
      wellness,
      profile: toEngineProfile(profileOf.get(user.id) ?? null, (retiredOf.get(user.id) ?? []).map((r) => r.id), Object.fromEntries(shoeKm)),
      thresholds,
    });
    const weekFrom = addDays(asOf, -7);
    const monthFrom = addDays(asOf, -28);
    let week = 0;
    let month = 0;
    for (const s of own) {
      const load = (s.rpe ?? DEFAULT_RPE) * s.durationMin;
      if (s.date > monthFrom) month += load;
      if (s.date > weekFrom) week += load;
    }
    const last = ownPains.at(-1);
    const lastCheckIn = wellness.at(-1);
    return {
      today,
      weeks,
      lastReport: last ? { date: dateOnly(last.localDate), nrs: last.nrs, zone: last.zone } : null,
      lastSessionDate: latestOf.get(user.id)?.lastSessionDate ?? null,
      lastReportDate: latestOf.get(user.id)?.lastReportDate ?? null,
      weekLoadAu: Math.round(week),
      chronicWeekLoadAu: Math.round(month / 4),
      wellness:
        lastCheckIn && lastCheckIn.date >= addDays(asOf, -2)
          ? {
              date: lastCheckIn.date,
              hooper: lastCheckIn.sleep + lastCheckIn.fatigue + lastCheckIn.soreness + lastCheckIn.stress + lastCheckIn.mood,
              backStiffness: lastCheckIn.backStiffness,
              drop: today.some((f) => f.id === "wellness-drop"),
            }
          : null,
    };
  });
}
