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
// Spikes look back 30 days and surface changes 35: sessions this far back feed the flags.
const FLAG_LOOKBACK_DAYS = 42;

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
  const flagFrom = addDays(asOf, -FLAG_LOOKBACK_DAYS);
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

  const [dailyLoads, recentSessions, shoeRuns, retiredShoes, pain, ostrc, wornShoes] = await Promise.all([
    prisma.dailyLoad.findMany({
      where: { userId: athleteId, localDate: { gte: toDbDate(loadFrom), lte: toDbDate(asOf) } },
      select: { localDate: true, srpeAu: true, runKmBySurface: true, runKm: true },
      orderBy: { localDate: "asc" },
    }),
    prisma.trainingSession.findMany({
      where: { userId: athleteId, localDate: { gte: toDbDate(flagFrom), lte: toDbDate(asOf) } },
      select: { id: true, localDate: true, type: true, durationMin: true, distanceKm: true, rpe: true, surface: true, shoeId: true },
    }),
    // Shoe wear counts every run ever done in a shoe still in use. Naming the shoe's owner lets the planner
    // start from the athlete's few shoes; without it, it walked the shoe index of every session stored.
    prisma.trainingSession.findMany({
      where: {
        userId: athleteId,
        type: "RUN",
        localDate: { lt: toDbDate(flagFrom) },
        shoe: { userId: athleteId, retiredAt: null },
      },
      select: { id: true, localDate: true, type: true, durationMin: true, distanceKm: true, rpe: true, surface: true, shoeId: true },
    }),
    prisma.shoe.findMany({ where: { userId: athleteId, retiredAt: { not: null } }, select: { id: true } }),
    prisma.backPainReport.findMany({
      where: { userId: athleteId, localDate: { gte: toDbDate(painFrom), lte: toDbDate(asOf) } },
      select: { localDate: true, zone: true, subArea: true, nrs: true, redFlags: true, mechanical: true },
      orderBy: { localDate: "asc" },
    }),
    listOstrcForEngine(viewer, athleteId, addDays(asOf, -13), asOf),
    prisma.shoe.findMany({ where: { userId: athleteId, retiredAt: null, initialKm: { gt: 0 } }, select: { id: true, initialKm: true } }),
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
  const weeks = new Map<string, WeekSurfacePoint>();
  for (const d of dailyLoads) {
    const date = dateOnly(d.localDate);
    if (date < from) continue;
    const weekStart = mondayOf(date);
    const week = weeks.get(weekStart) ?? { weekStart, totalKm: 0 };
    week.totalKm = Math.round((Number(week.totalKm) + d.runKm) * 10) / 10;
    const bySurface = (d.runKmBySurface ?? {}) as Record<string, number>;
    let surfaced = 0;
    for (const [surface, km] of Object.entries(bySurface)) {
      const key = surface.toLowerCase();
      surfaces.add(key);
      week[key] = Math.round((Number(week[key] ?? 0) + km) * 10) / 10;
      surfaced += km;
    }
    if (d.runKm - surfaced > 0.05) {
      surfaces.add("unrecorded");
      week.unrecorded = Math.round((Number(week.unrecorded ?? 0) + d.runKm - surfaced) * 10) / 10;
    }
    weeks.set(weekStart, week);
  }

  const painByDate = new Map<string, number>();
  for (const p of pain) {
    const date = dateOnly(p.localDate);
    painByDate.set(date, Math.max(painByDate.get(date) ?? 0, p.nrs));
  }
  const painSeries: PainPoint[] = load.map((l) => ({ date: l.date, load: l.load, nrs: painByDate.get(l.date) ?? null }));

  const engine = {
    sessions: [
      // The distance a shoe had when it was added counts towards its wear, as one run long ago.
      ...wornShoes.map((s) => ({
        id: `initial-${s.id}`,
        date: addDays(asOf, -400),
        type: "RUN" as const,
        durationMin: 1,
        distanceKm: s.initialKm,
        shoeId: s.id,
      })),
      ...[...shoeRuns, ...recentSessions].map(toEngineSession),
    ],
    painReports: pain.map(toEnginePainReport),
    ostrc,
    profile: toEngineProfile(user.profile, retiredShoes.map((s) => s.id)),
    thresholds,
  };
  const flags = evaluateFlags({ asOf, ...engine });

  return {
    asOf,
    engine,
    from,
    load,
    weeklySurfaceKm: [...weeks.values()].sort((a, b) => (a.weekStart < b.weekStart ? -1 : 1)),
    surfaces: [...surfaces].sort(),
    pain: painSeries,
    flags,
  };
}
