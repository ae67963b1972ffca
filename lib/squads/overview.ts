import "server-only";
import { db } from "@/lib/db";
import { assertCoachOf, type Viewer } from "@/lib/auth/permissions";
import { addDays, dateOnly, toDbDate, todayIn } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { DEFAULT_RPE, resolveThresholds, type BackZone, type EngineSession, type Severity } from "@/lib/training-load";
import {
  FLAG_HISTORY_DAYS,
  SEVERITY_RANK,
  flagHistoryFrom,
  flagWeeks,
  worstSeverity,
  type FlagWeek,
} from "@/lib/athletes/flag-history";
import { toEngineProfile, toEngineSession } from "@/lib/athletes/engine-input";
import { toEnginePainReport } from "@/lib/pain/queries";
import { listOpenReviewsForSquad } from "@/lib/flag-reviews/queries";
import { withReviews, type ReviewedFlag } from "@/lib/flag-reviews/coverage";

export type AthleteStatus = {
  id: string;
  name: string;
  /** The worst flag not yet resolved by a coach of the squad. */
  worst: Severity | null;
  /** Today's flags, each with the squad's latest review of it. */
  flags: ReviewedFlag[];
  /** Today's flags not resolved, worst first, unreviewed before acknowledged within a severity. */
  open: ReviewedFlag[];
  /** The worst flag of each of the last 12 weeks, oldest first. */
  weeks: FlagWeek[];
  lastReport: { date: string; nrs: number; zone: string } | null;
  weekLoadAu: number;
  chronicWeekLoadAu: number;
};

/**
 * Every athlete of a squad with the flags active today, worst first, and the worst flag of each of the
 * last 12 weeks: the coach's triage list and heat map. Reads are batched per squad (one query per
 * table), never per athlete.
 */
export async function getSquadTriage(viewer: Viewer, squadId: string, now = new Date()): Promise<AthleteStatus[]> {
  assertCoachOf(viewer, squadId);
  const prisma = db();
  const squad = await prisma.squad.findUnique({
    where: { id: squadId },
    select: {
      thresholds: true,
      memberships: {
        where: { role: "ATHLETE" },
        select: {
          thresholds: true,
          user: {
            select: {
              id: true,
              name: true,
              timeZone: true,
              profile: { select: { birthDate: true, footprintType: true, legLengthDiscrepancyMm: true, postureLoad: true } },
            },
          },
        },
      },
    },
  });
  if (!squad || squad.memberships.length === 0) return [];
  const ids = squad.memberships.map((m) => m.user.id);
  // The squad's athletes may live in several time zones (a day either side of UTC): read a window wide
  // enough for all of them, then cut each athlete's at their own history start.
  const utcToday = todayIn("UTC", now);
  const from = addDays(utcToday, -FLAG_HISTORY_DAYS - 1);
  const [sessions, shoeTotals, retired, pains, ostrcRows, reviews] = await Promise.all([
    prisma.$queryRaw<
      { id: string; userId: string; localDate: Date; type: string; durationMin: number; distanceKm: number | null; rpe: number | null; surface: string | null; shoeId: string | null }[]
    >`SELECT "id", "userId", "localDate", "type"::text AS "type", "durationMin", "distanceKm", "rpe", "surface"::text AS "surface", "shoeId"
      FROM "TrainingSession" WHERE "userId" = ANY(${ids}::text[]) AND "localDate" >= ${from}::date
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
    listOpenReviewsForSquad(viewer, squadId, addDays(utcToday, -1)),
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

  const squadThresholds = (squad.thresholds as Prisma.JsonObject | null) ?? undefined;
  const statuses = squad.memberships.map(({ user, thresholds }) => {
    const asOf = todayIn(user.timeZone, now);
    const historyFrom = flagHistoryFrom(asOf);
    const all = (sessionsOf.get(user.id) ?? []).map(toEngineSession).filter((s) => s.date <= asOf);
    const own = all.filter((s) => s.date >= historyFrom);
    // Runs between the squad-wide window start and this athlete's count towards shoe wear only.
    const shoeKm = new Map((shoesOf.get(user.id) ?? []).map((t) => [t.shoeId, t.km]));
    for (const s of all) {
      if (s.date < historyFrom && s.type === "RUN" && s.shoeId && s.distanceKm && shoeKm.has(s.shoeId)) {
        shoeKm.set(s.shoeId, (shoeKm.get(s.shoeId) ?? 0) + s.distanceKm);
      }
    }
    const ownPains = (painsOf.get(user.id) ?? []).filter((p) => dateOnly(p.localDate) <= asOf);
    const { weeks, today } = flagWeeks({
      asOf,
      sessions: own,
      painReports: ownPains.map(toEnginePainReport),
      ostrc: (ostrcOf.get(user.id) ?? [])
        .map((o) => ({
          date: dateOnly(o.localDate),
          zone: o.zone.toLowerCase() as BackZone,
          q1: o.q1,
          q2: o.q2,
          q3: o.q3,
          q4: o.q4,
        }))
        .filter((o) => o.date <= asOf),
      profile: toEngineProfile(user.profile, (retiredOf.get(user.id) ?? []).map((r) => r.id), Object.fromEntries(shoeKm)),
      thresholds: resolveThresholds(squadThresholds, (thresholds as Prisma.JsonObject | null) ?? undefined),
    });
    const week = own.filter((s) => s.date > addDays(asOf, -7));
    const month = own.filter((s) => s.date > addDays(asOf, -28));
    const load = (list: EngineSession[]) => list.reduce((sum, s) => sum + (s.rpe ?? DEFAULT_RPE) * s.durationMin, 0);
    const last = ownPains.at(-1);
    const { all: flags, open } = withReviews(today, reviews.get(user.id) ?? []);
    open.sort((x, y) => SEVERITY_RANK[x.severity] - SEVERITY_RANK[y.severity] || Number(x.review !== null) - Number(y.review !== null));
    return {
      id: user.id,
      name: user.name,
      worst: worstSeverity(open),
      flags,
      open,
      weeks,
      lastReport: last ? { date: dateOnly(last.localDate), nrs: last.nrs, zone: last.zone } : null,
      weekLoadAu: Math.round(load(week)),
      chronicWeekLoadAu: Math.round(load(month) / 4),
    };
  });
  // Within a severity, flags nobody has looked at yet come before acknowledged ones.
  const unreviewed = (s: AthleteStatus) => s.open.filter((f) => f.severity !== "info" && f.review === null).length;
  return statuses.sort(
    (a, b) =>
      (a.worst === null ? 9 : SEVERITY_RANK[a.worst]) - (b.worst === null ? 9 : SEVERITY_RANK[b.worst]) ||
      unreviewed(b) - unreviewed(a) ||
      b.open.filter((f) => f.severity !== "info").length - a.open.filter((f) => f.severity !== "info").length ||
      a.name.localeCompare(b.name),
  );
}
