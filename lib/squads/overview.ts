import "server-only";
import { db } from "@/lib/db";
import { assertCoachOf, type Viewer } from "@/lib/auth/permissions";
import { addDays, todayIn } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { evaluateFlags, resolveThresholds, type BackZone, type EngineSession, type Flag, type Severity } from "@/lib/training-load";
import { toEngineProfile, toEngineSession } from "@/lib/athletes/engine-input";
import { toEnginePainReport } from "@/lib/pain/queries";

export type AthleteStatus = {
  id: string;
  name: string;
  worst: Severity | null;
  flags: Flag[];
  lastReport: { date: string; nrs: number; zone: string } | null;
  weekLoadAu: number;
  chronicWeekLoadAu: number;
};

const SEVERITY_RANK: Record<Severity, number> = { referral: 0, warning: 1, caution: 2, info: 3 };
// Spikes look back 30 days and surface changes 35, so this much history feeds today's flags.
const LOOKBACK_DAYS = 42;
// A whole-history stand-in for a shoe's distance before the window (what it had when added plus older
// runs), dated where no other rule looks.
const SHOE_HISTORY_OFFSET_DAYS = 400;

/**
 * Every athlete of a squad with the flags active today, worst first: the coach's triage list.
 * Reads are batched per squad (one query per table), never per athlete.
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
  // The squad's athletes may live in several time zones: read a window wide enough for all of them.
  const utcToday = todayIn("UTC", now);
  const from = addDays(utcToday, -LOOKBACK_DAYS - 1);
  const [sessions, shoeTotals, retired, pains, ostrcRows] = await Promise.all([
    prisma.$queryRaw<
      { id: string; userId: string; localDate: string; type: string; durationMin: number; distanceKm: number | null; rpe: number | null; surface: string | null; shoeId: string | null }[]
    >`SELECT "id", "userId", to_char("localDate", 'YYYY-MM-DD') AS "localDate", "type"::text AS "type", "durationMin", "distanceKm", "rpe", "surface"::text AS "surface", "shoeId"
      FROM "TrainingSession" WHERE "userId" = ANY(${ids}::text[]) AND "localDate" >= ${from}::date`,
    prisma.$queryRaw<{ userId: string; shoeId: string; km: number }[]>`
      SELECT sh."userId", sh."id" AS "shoeId",
             (sh."initialKm" + COALESCE(SUM(s."distanceKm") FILTER (WHERE s."type" = 'RUN' AND s."localDate" < ${from}::date), 0))::float8 AS km
      FROM "Shoe" sh LEFT JOIN "TrainingSession" s ON s."shoeId" = sh."id"
      WHERE sh."userId" = ANY(${ids}::text[]) AND sh."retiredAt" IS NULL
      GROUP BY sh."userId", sh."id", sh."initialKm"`,
    prisma.shoe.findMany({ where: { userId: { in: ids }, retiredAt: { not: null } }, select: { id: true, userId: true } }),
    prisma.backPainReport.findMany({
      // A rise compares with the report before, up to 14 days earlier than the last 14 days.
      where: { userId: { in: ids }, localDate: { gte: new Date(`${addDays(utcToday, -29)}T00:00:00Z`) } },
      select: { userId: true, localDate: true, zone: true, subArea: true, nrs: true, redFlags: true, mechanical: true, reportedAt: true },
      orderBy: [{ localDate: "asc" }, { reportedAt: "asc" }],
    }),
    prisma.ostrcResponse.findMany({
      // Check-ins of the last 14 days feed pain-after-overload.
      where: { userId: { in: ids }, localDate: { gte: new Date(`${addDays(utcToday, -15)}T00:00:00Z`) } },
      select: { userId: true, localDate: true, zone: true, q1: true, q2: true, q3: true, q4: true },
    }),
  ]);

  const squadThresholds = (squad.thresholds as Prisma.JsonObject | null) ?? undefined;
  // Rows are split per athlete once, and each time zone's date is worked out once: with a hundred
  // athletes, filtering every list per athlete and formatting a date per athlete cost more than the reads.
  // For the same reason session dates come as strings from the database rather than Dates to format.
  const byUser = <T extends { userId: string }>(rows: T[]) => {
    const map = new Map<string, T[]>();
    for (const row of rows) {
      const list = map.get(row.userId);
      if (list) list.push(row);
      else map.set(row.userId, [row]);
    }
    return map;
  };
  const sessionsOf = byUser(sessions);
  const shoeTotalsOf = byUser(shoeTotals);
  const retiredOf = byUser(retired);
  const painsOf = byUser(pains);
  const ostrcOf = byUser(ostrcRows);
  const todays = new Map<string, string>();
  const todayOf = (timeZone: string) => {
    const today = todays.get(timeZone) ?? todayIn(timeZone, now);
    todays.set(timeZone, today);
    return today;
  };
  const statuses = squad.memberships.map(({ user, thresholds }) => {
    const asOf = todayOf(user.timeZone);
    const own = (sessionsOf.get(user.id) ?? []).map(toEngineSession);
    const historyDate = addDays(asOf, -SHOE_HISTORY_OFFSET_DAYS);
    const history: EngineSession[] = (shoeTotalsOf.get(user.id) ?? [])
      .filter((t) => t.km > 0)
      .map((t) => ({ id: `history-${t.shoeId}`, date: historyDate, type: "RUN", durationMin: 1, distanceKm: t.km, shoeId: t.shoeId }));
    const ownPains = painsOf.get(user.id) ?? [];
    const flags = evaluateFlags({
      asOf,
      sessions: [...history, ...own.filter((s) => s.date <= asOf)],
      painReports: ownPains.map(toEnginePainReport).filter((p) => p.date <= asOf),
      ostrc: (ostrcOf.get(user.id) ?? [])
        .map((o) => ({ date: o.localDate.toISOString().slice(0, 10), zone: o.zone.toLowerCase() as BackZone, q1: o.q1, q2: o.q2, q3: o.q3, q4: o.q4 }))
        .filter((o) => o.date <= asOf),
      profile: toEngineProfile(user.profile, (retiredOf.get(user.id) ?? []).map((r) => r.id)),
      thresholds: resolveThresholds(squadThresholds, (thresholds as Prisma.JsonObject | null) ?? undefined),
    });
    const weekFrom = addDays(asOf, -7);
    const monthFrom = addDays(asOf, -28);
    const week = own.filter((s) => s.date > weekFrom && s.date <= asOf);
    const month = own.filter((s) => s.date > monthFrom && s.date <= asOf);
    const load = (list: EngineSession[]) => list.reduce((sum, s) => sum + (s.rpe ?? 5) * s.durationMin, 0);
    const last = ownPains.at(-1);
    return {
      id: user.id,
      name: user.name,
      worst: flags.reduce<Severity | null>((w, f) => (w === null || SEVERITY_RANK[f.severity] < SEVERITY_RANK[w] ? f.severity : w), null),
      flags,
      lastReport: last ? { date: last.localDate.toISOString().slice(0, 10), nrs: last.nrs, zone: last.zone } : null,
      weekLoadAu: Math.round(load(week)),
      chronicWeekLoadAu: Math.round(load(month) / 4),
    };
  });
  return statuses.sort(
    (a, b) =>
      (a.worst === null ? 9 : SEVERITY_RANK[a.worst]) - (b.worst === null ? 9 : SEVERITY_RANK[b.worst]) ||
      b.flags.filter((f) => f.severity !== "info").length - a.flags.filter((f) => f.severity !== "info").length ||
      a.name.localeCompare(b.name),
  );
}
