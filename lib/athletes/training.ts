import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { canViewAthlete, type Viewer } from "@/lib/auth/permissions";
import { addDays, dateOnly, mondayOf, toDbDate, todayIn } from "@/lib/dates";
import {
  computeDailyMetrics,
  evaluateFlags,
  resolveThresholds,
  type EngineOstrc,
  type EnginePainReport,
  type EngineProfile,
  type EngineSession,
  type Flag,
  type Thresholds,
} from "@/lib/training-load";
import type { Prisma } from "@/lib/generated/prisma/client";
import { toEngineProfile, toEngineSession } from "@/lib/athletes/engine-input";
import { toEnginePainReport } from "@/lib/pain/queries";
import { listOstrcForEngine } from "@/lib/ostrc/queries";
import { flagHistoryFrom } from "@/lib/athletes/flag-history";

export type LoadPoint = { date: string; load: number; acute: number | null; chronic: number | null; acwr: number | null };
export type WeekSurfacePoint = { weekStart: string; totalKm: number } & Record<string, number | string>;
export type PainPoint = { date: string; nrs: number | null; load: number };

export type TrainingView = {
  asOf: string;
  /** The engine's inputs behind the flags, for planning (suggestions and projections) on the server. */
  engine: {
    sessions: EngineSession[];
    painReports: EnginePainReport[];
    ostrc: EngineOstrc[];
    profile: EngineProfile;
    thresholds: Thresholds;
  };
  from: string;
  load: LoadPoint[];
  weeklySurfaceKm: WeekSurfacePoint[];
  surfaces: string[];
  pain: PainPoint[];
  flags: Flag[];
};

// The chronic window needs 27 days before the first shown day to have a value on it.
const WARM_UP_DAYS = 27;

const round = (x: number | null, digits = 1) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

/**
 * Chart series and active flags for one athlete over the last `days` days, for the athlete or a
 * coach of one of their squads. Loads come from the kept daily totals, not from raw sessions.
 */
export async function getTrainingView(viewer: Viewer, athleteId: string, days = 84, now = new Date()): Promise<TrainingView> {
  const prisma = db();
  if (!(await canViewAthlete(prisma, viewer, athleteId))) throw new NotFoundError("Athlete not found");
  const user = await prisma.user.findUnique({
    where: { id: athleteId },
    select: {
      timeZone: true,
      profile: { select: { birthDate: true, footprintType: true, legLengthDiscrepancyMm: true, postureLoad: true } },
      memberships: {
        where: { role: "ATHLETE" },
        orderBy: { createdAt: "asc" },
        select: { squadId: true, thresholds: true, squad: { select: { thresholds: true } } },
      },
    },
  });
  if (!user) throw new NotFoundError("Athlete not found");
  const asOf = todayIn(user.timeZone, now);
  const from = addDays(asOf, -(days - 1));
  const loadFrom = addDays(from, -WARM_UP_DAYS);
  // The same session history as the squad's triage and heat map, so both show the same flags.
  const flagFrom = flagHistoryFrom(asOf);
  // Pain flags read the last 14 days and compare with the report before, up to 14 days earlier.
  const painFrom = from < addDays(asOf, -27) ? from : addDays(asOf, -27);

  // A coach sees the athlete with the thresholds of a squad they share; the athlete with their first squad's.
  const membership =
    user.memberships.find((m) => viewer.memberships.some((vm) => vm.squadId === m.squadId && vm.role === "COACH")) ??
    user.memberships[0];
  const thresholds = resolveThresholds(
    (membership?.squad.thresholds as Prisma.JsonObject | null) ?? undefined,
    (membership?.thresholds as Prisma.JsonObject | null) ?? undefined,
  );

  const [dailyLoads, recentSessions, shoeKmBefore, retiredShoes, pain, ostrc] = await Promise.all([
    prisma.dailyLoad.findMany({
      where: { userId: athleteId, localDate: { gte: toDbDate(loadFrom), lte: toDbDate(asOf) } },
      select: { localDate: true, srpeAu: true, runKmBySurface: true, runKm: true },
      orderBy: { localDate: "asc" },
    }),
    prisma.trainingSession.findMany({
      where: { userId: athleteId, localDate: { gte: toDbDate(flagFrom), lte: toDbDate(asOf) } },
      select: { id: true, localDate: true, type: true, durationMin: true, distanceKm: true, rpe: true, surface: true, shoeId: true },
    }),
    // Shoe wear counts every run ever done in a shoe still in use, and what it had when added.
    prisma.$queryRaw<{ shoeId: string; km: number }[]>`
      SELECT sh."id" AS "shoeId",
             (sh."initialKm" + COALESCE(SUM(s."distanceKm") FILTER (WHERE s."type" = 'RUN' AND s."localDate" < ${toDbDate(flagFrom)}::date), 0))::float8 AS km
      FROM "Shoe" sh LEFT JOIN "TrainingSession" s ON s."shoeId" = sh."id"
      WHERE sh."userId" = ${athleteId} AND sh."retiredAt" IS NULL
      GROUP BY sh."id", sh."initialKm"`,
    prisma.shoe.findMany({ where: { userId: athleteId, retiredAt: { not: null } }, select: { id: true } }),
    prisma.backPainReport.findMany({
      where: { userId: athleteId, localDate: { gte: toDbDate(painFrom), lte: toDbDate(asOf) } },
      select: { localDate: true, zone: true, subArea: true, nrs: true, redFlags: true, mechanical: true },
      orderBy: { localDate: "asc" },
    }),
    listOstrcForEngine(viewer, athleteId, addDays(asOf, -13), asOf),
  ]);

  // A zero entry on the first warm-up day makes the series start there even before any session.
  const metrics = computeDailyMetrics(
    [{ date: loadFrom, load: 0 }, ...dailyLoads.map((d) => ({ date: dateOnly(d.localDate), load: d.srpeAu }))],
    { to: asOf },
  );
  const shown = metrics.filter((m) => m.date >= from);
  const load: LoadPoint[] = shown.map((m) => ({
    date: m.date,
    load: Math.round(m.load),
    acute: round(m.acuteLoad7),
    chronic: round(m.chronicLoad28),
    acwr: round(m.acwrEwma, 2),
  }));

  const surfaces = new Set<string>();
  const weekKm = new Map<string, Record<string, number>>();
  for (const d of dailyLoads) {
    const date = dateOnly(d.localDate);
    if (date < from) continue;
    const weekStart = mondayOf(date);
    const week = weekKm.get(weekStart) ?? { totalKm: 0 };
    week.totalKm += d.runKm;
    const bySurface = (d.runKmBySurface ?? {}) as Record<string, number>;
    let surfaced = 0;
    for (const [surface, km] of Object.entries(bySurface)) {
      const key = surface.toLowerCase();
      surfaces.add(key);
      week[key] = (week[key] ?? 0) + km;
      surfaced += km;
    }
    if (d.runKm - surfaced > 0.05) {
      surfaces.add("unrecorded");
      week.unrecorded = (week.unrecorded ?? 0) + d.runKm - surfaced;
    }
    weekKm.set(weekStart, week);
  }
  // Each week is summed in full and rounded once: rounding the running total after every day lost up to
  // 0.05 km a day (10.00 + 10.03 + 5.01 + 15.02 showed as 40.0). The micro-unit step drops binary noise
  // first, so 9.26 + 9.29 rounds as 18.55 does.
  const km1 = (x: number) => Math.round(Math.round(x * 1e6) / 1e5) / 10;
  const weeklySurfaceKm: WeekSurfacePoint[] = [...weekKm.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([weekStart, kms]) => ({ weekStart, ...Object.fromEntries(Object.entries(kms).map(([k, v]) => [k, km1(v)])) }) as WeekSurfacePoint);

  const painByDate = new Map<string, number>();
  for (const p of pain) {
    const date = dateOnly(p.localDate);
    painByDate.set(date, Math.max(painByDate.get(date) ?? 0, p.nrs));
  }
  const painSeries: PainPoint[] = load.map((l) => ({ date: l.date, load: l.load, nrs: painByDate.get(l.date) ?? null }));

  const engine = {
    sessions: recentSessions.map(toEngineSession),
    painReports: pain.map(toEnginePainReport),
    ostrc,
    profile: toEngineProfile(
      user.profile,
      retiredShoes.map((s) => s.id),
      Object.fromEntries(shoeKmBefore.map((r) => [r.shoeId, r.km])),
    ),
    thresholds,
  };
  const flags = evaluateFlags({ asOf, ...engine });

  return {
    asOf,
    engine,
    from,
    load,
    weeklySurfaceKm,
    surfaces: [...surfaces].sort(),
    pain: painSeries,
    flags,
  };
}
