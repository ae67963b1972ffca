import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { db } from "@/lib/db";
import { ValidationError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { addDays, dateOnly, mondayOf, todayIn } from "@/lib/dates";
import { toEngineProfile, toEngineSession } from "@/lib/athletes/engine-input";
import { getTrainingView } from "@/lib/athletes/training";
import { getPlanningView } from "@/lib/plans/planning";
import { PLAN_WEEKS } from "@/lib/plans/schemas";
import { createPlannedSession } from "@/lib/plans/mutations";
import { getSquadTriage } from "@/lib/squads/overview";
import { createSession, createShoe, deleteSession, updateSession } from "@/lib/sessions/mutations";
import { commitImport, previewImport, type UploadedFile } from "@/lib/imports/store";
import {
  computeDailyMetrics,
  evaluateFlags,
  projectPlan,
  resolveThresholds,
  sessionLoad,
  type EngineSession,
  type Flag,
  type PlannedSession,
  type SessionType,
} from "@/lib/training-load";
import { addAthlete, createSquadWithCoach, viewerOf } from "./factories";

// Every view of an athlete's load (the kept DailyLoad rows, the training page, the planner's projection
// and the coach's triage) is checked after each write against what the engine computes from the stored
// sessions themselves. Clocks are fixed: NOW is midday in Madrid; LATE is half past midnight of the next
// day there while it is still the 14th in UTC.
const TZ = "Europe/Madrid";
const NOW = new Date("2025-05-14T10:00:00Z");
const LATE = new Date("2025-05-14T22:30:00Z");
const VIEW_DAYS = 84;

// ---------------------------------------------------------------- the stored sessions, read back raw

type RawSession = {
  id: string;
  localDate: Date;
  type: string;
  durationMin: number;
  distanceKm: number | null;
  rpe: number | null;
  surface: string | null;
  shoeId: string | null;
  importBatchId: string | null;
  startTime: Date | null;
};

/**
 * The sessions that count for load, as load sees them: imported ones marked for a look are left out, and
 * a session's minutes are its moving time when the source recorded one.
 */
async function rawSessions(userId: string): Promise<RawSession[]> {
  const rows = await db().trainingSession.findMany({
    where: { userId, reviewReason: null },
    select: {
      id: true,
      localDate: true,
      type: true,
      durationMin: true,
      movingMin: true,
      distanceKm: true,
      rpe: true,
      surface: true,
      shoeId: true,
      importBatchId: true,
      startTime: true,
    },
    orderBy: [{ localDate: "asc" }, { id: "asc" }],
  });
  return rows.map(({ movingMin, ...r }) => ({ ...r, durationMin: movingMin ?? r.durationMin }));
}

const engineSessions = (rows: RawSession[]): EngineSession[] => rows.map(toEngineSession);

// ---------------------------------------------------------------- oracles written from domain.md

/** Loads are sRPE: rpe x minutes, a session without an RPE counted at RPE 5 (domain.md, Load). */
const ORACLE_DEFAULT_RPE = 5;
const SUPPORT = new Set(["CORE", "STRENGTH", "MOBILITY"]);

type DayTotals = {
  date: string;
  sessionCount: number;
  srpeAu: number;
  estimatedRpe: number;
  durationMin: number;
  distanceKm: number;
  runKm: number;
  runKmBySurface: Record<string, number> | null;
  supportSessions: number;
  runSessions: number;
  longestRunKm: number;
};

/** One row per local day that has at least one session; no row for a day without any. */
function oracleDailyLoads(rows: RawSession[]): DayTotals[] {
  const byDay = new Map<string, DayTotals>();
  for (const s of rows) {
    const date = dateOnly(s.localDate);
    const day =
      byDay.get(date) ??
      ({ date, sessionCount: 0, srpeAu: 0, estimatedRpe: 0, durationMin: 0, distanceKm: 0, runKm: 0, runKmBySurface: null, supportSessions: 0, runSessions: 0, longestRunKm: 0 } satisfies DayTotals);
    byDay.set(date, day);
    const km = s.distanceKm ?? 0;
    day.sessionCount += 1;
    day.srpeAu += (s.rpe ?? ORACLE_DEFAULT_RPE) * s.durationMin;
    if (s.rpe === null) day.estimatedRpe += 1;
    day.durationMin += s.durationMin;
    day.distanceKm += km;
    if (SUPPORT.has(s.type)) day.supportSessions += 1;
    if (s.type === "RUN") {
      day.runSessions += 1;
      day.runKm += km;
      day.longestRunKm = Math.max(day.longestRunKm, km);
      if (s.surface) {
        day.runKmBySurface ??= {};
        day.runKmBySurface[s.surface] = (day.runKmBySurface[s.surface] ?? 0) + km;
      }
    }
  }
  return [...byDay.values()].sort((a, b) => a.date.localeCompare(b.date));
}

async function storedDailyLoads(userId: string): Promise<DayTotals[]> {
  const rows = await db().dailyLoad.findMany({ where: { userId }, orderBy: { localDate: "asc" } });
  return rows.map((r) => ({
    date: dateOnly(r.localDate),
    sessionCount: r.sessionCount,
    srpeAu: r.srpeAu,
    estimatedRpe: r.estimatedRpe,
    durationMin: r.durationMin,
    distanceKm: r.distanceKm,
    runKm: r.runKm,
    runKmBySurface: (r.runKmBySurface as Record<string, number> | null) ?? null,
    supportSessions: r.supportSessions,
    runSessions: r.runSessions,
    longestRunKm: r.longestRunKm,
  }));
}

/** Floats compared to a micro-unit: stored sums are tidied to 1e-6, sums of decimals carry binary noise. */
function fuzz<T>(value: T): T {
  if (typeof value === "number") return (Math.round(value * 1e4) / 1e4) as T;
  if (Array.isArray(value)) return value.map(fuzz) as T;
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, fuzz(v)])) as T;
  }
  return value;
}

/**
 * Decimal inputs summed in binary pick up noise (9.26 + 9.29 = 18.549999999999997); a sum is taken to the
 * micro-unit, as the stored totals are, before it is rounded for display, so 18.55 rounds as written.
 */
/** A week of the view without its change and partial marks: the km the oracle computes. */
const kmOnly = (week: Record<string, unknown>) => Object.fromEntries(Object.entries(week).filter(([k]) => k !== "changePct" && k !== "partial"));
const micro = (x: number) => Math.round(x * 1e6) / 1e6;
const r = (x: number | null, digits: number) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);
const flagKeys = (flags: Flag[]) => flags.map((f) => `${f.id}|${f.severity}|${f.date}`).sort();
/**
 * acwr-high rests on exponential averages, which remember the whole history, while the athlete page hands
 * the engine 42 days of sessions and the triage 43 days before today in UTC. With different starts the
 * latest day over 1.5 can differ by a day, so for that flag only its presence and severity are compared.
 */
const activeFlagKeys = (flags: Flag[]) =>
  flags.map((f) => (f.id === "acwr-high" ? `${f.id}|${f.severity}` : `${f.id}|${f.severity}|${f.date}`)).sort();

// ---------------------------------------------------------------- the world

type World = { coach: Viewer; athlete: Viewer; other: Viewer; squadId: string };

async function world(): Promise<World> {
  const { coach, squad } = await createSquadWithCoach("Harriers");
  const athlete = await addAthlete(squad.id);
  await db().user.update({ where: { id: athlete.id }, data: { timeZone: TZ } });
  // A squad-mate in UTC with a session of their own: nothing done to the athlete may touch their numbers.
  const other = await addAthlete(squad.id);
  const otherViewer = await viewerOf(other.id);
  await createSession(otherViewer, { type: "RUN", date: "2025-05-12", duration: "50", distance: "10", rpe: "5" }, NOW);
  return { coach: await viewerOf(coach.id), athlete: await viewerOf(athlete.id), other: otherViewer, squadId: squad.id };
}

type Snapshot = {
  asOf: string;
  daily: DayTotals[];
  projection: { date: string; acute: number | null; chronic: number | null; projected: boolean }[];
  weekLoadAu: number;
};

/**
 * Four checks against the stored sessions (soft, so one failing step shows every view that disagrees):
 * 1. DailyLoad is exactly the per-day totals of the sessions, with no row for a day without sessions;
 * 2. the training view's series, ACWR, weekly km by surface and flags are the engine's over those sessions;
 * 3. the planner's projection is projectPlan over those sessions and the stored plan;
 * 4. the triage's week and 4-week loads are the sums of those sessions' loads.
 */
async function expectConsistent(w: World, step: string, now = NOW): Promise<Snapshot> {
  const sessions = await rawSessions(w.athlete.id);
  const engine = engineSessions(sessions);
  const asOf = todayIn(TZ, now);

  // 1. DailyLoad
  const daily = await storedDailyLoads(w.athlete.id);
  expect.soft(fuzz(daily), `${step}: DailyLoad`).toEqual(fuzz(oracleDailyLoads(sessions)));
  expect.soft(daily.every((d) => d.sessionCount > 0), `${step}: no empty rows`).toBe(true);
  expect(
    daily.map((d) => d.date),
    `${step}: a row exactly on each day with sessions`,
  ).toEqual([...new Set(sessions.map((s) => dateOnly(s.localDate)))].sort());

  // 2. Training view: the series starts on the first day with totals within a year before the range
  // (the metrics contract), and shows 0 with no metrics on the days of the range before it.
  const view = await getTrainingView(w.coach, w.athlete.id, VIEW_DAYS, now);
  expect.soft(view.asOf, `${step}: asOf in the athlete's zone`).toBe(asOf);
  const from = addDays(asOf, -(VIEW_DAYS - 1));
  const loadFrom = addDays(from, -365);
  const dayLoads = new Map<string, number>();
  for (const s of engine) {
    if (s.date >= loadFrom && s.date <= asOf) dayLoads.set(s.date, (dayLoads.get(s.date) ?? 0) + sessionLoad(s));
  }
  const metrics = computeDailyMetrics(
    [...dayLoads].sort(([a], [b]) => a.localeCompare(b)).map(([date, load]) => ({ date, load: micro(load) })),
    { to: asOf },
  );
  const metricOf = new Map(metrics.map((m) => [m.date, m]));
  const expectedLoad = Array.from({ length: VIEW_DAYS }, (_, i) => {
    const date = addDays(from, i);
    const m = metricOf.get(date);
    return { date, load: r(m?.load ?? 0, 1), acute: r(m?.acuteLoad7 ?? null, 1), chronic: r(m?.chronicLoad28 ?? null, 1), acwr: r(m?.acwrEwma ?? null, 2) };
  });
  expect
    .soft(
      view.load.map((p) => ({ date: p.date, load: p.load, acute: p.acute, chronic: p.chronic, acwr: p.acwr })),
      `${step}: load series, acute, chronic, ACWR`,
    )
    .toEqual(expectedLoad);

  // Every whole week that overlaps the range, with or without running.
  const weeks = new Map<string, Record<string, number>>();
  for (let week = mondayOf(from); week <= asOf; week = addDays(week, 7)) weeks.set(week, { totalKm: 0 });
  for (const s of engine) {
    if (s.date < mondayOf(from) || s.date > asOf || s.type !== "RUN") continue;
    const week = weeks.get(mondayOf(s.date))!;
    const km = s.distanceKm ?? 0;
    week.totalKm += km;
    const key = s.surface ?? "unrecorded";
    week[key] = (week[key] ?? 0) + km;
  }
  const expectedWeeks = [...weeks.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([weekStart, kms]) => ({
      weekStart,
      ...Object.fromEntries(Object.entries(kms).filter(([k, v]) => k === "totalKm" || v > 0).map(([k, v]) => [k, r(micro(v), 1)])),
    }));
  expect
    .soft(
      view.weeklySurfaceKm.map(kmOnly),
      `${step}: weekly km by surface`,
    )
    .toEqual(expectedWeeks);

  const profileRow = await db().athleteProfile.findUnique({
    where: { userId: w.athlete.id },
    select: { birthDate: true, footprintType: true, legLengthDiscrepancyMm: true, postureLoad: true },
  });
  const profile = toEngineProfile(profileRow, []);
  const thresholds = resolveThresholds();
  const expectedFlags = evaluateFlags({ asOf, sessions: engine.filter((s) => s.date <= asOf), painReports: [], ostrc: [], profile, thresholds });
  expect.soft(activeFlagKeys(view.flags), `${step}: active flags`).toEqual(activeFlagKeys(expectedFlags));

  // 3. Planner projection
  const planning = await getPlanningView(w.coach, w.squadId, w.athlete.id, now);
  const plannedRows = await db().plannedSession.findMany({
    where: { athleteId: w.athlete.id, date: { gt: new Date(`${asOf}T00:00:00Z`), lte: new Date(`${addDays(asOf, PLAN_WEEKS * 7)}T00:00:00Z`) } },
  });
  const planned: PlannedSession[] = plannedRows.map((p) => ({
    id: p.id,
    date: dateOnly(p.date),
    type: p.type as SessionType,
    durationMin: p.durationMin,
    distanceKm: p.distanceKm,
    rpe: p.targetRpe,
  }));
  const projected = projectPlan({ asOf, sessions: engine, plannedSessions: planned, painReports: [], ostrc: [], profile, thresholds });
  const chartFrom = addDays(asOf, -27);
  const expectedProjection = projected.metrics
    .filter((m) => m.date >= chartFrom)
    .map((m) => ({
      date: m.date,
      acute: m.acuteLoad7 === null ? null : Math.round(m.acuteLoad7),
      chronic: m.chronicLoad28 === null ? null : Math.round(m.chronicLoad28),
      projected: m.date > asOf,
    }));
  expect.soft(planning.asOf, `${step}: planner asOf`).toBe(asOf);
  expect.soft(planning.projection, `${step}: projection`).toEqual(expectedProjection);
  expect.soft(flagKeys(planning.projectedFlags), `${step}: projected flags`).toEqual(flagKeys(projected.flags));
  // Its trained days tell what the athlete page tells (whole AU there, tenths on the athlete page).
  const viewDay = new Map(view.load.map((p) => [p.date, p]));
  for (const p of planning.projection.filter((x) => !x.projected)) {
    const v = viewDay.get(p.date)!;
    for (const key of ["acute", "chronic"] as const) {
      if (p[key] !== null && v[key] !== null) expect.soft(Math.abs(p[key] - v[key]), `${step}: ${p.date} ${key} on both pages`).toBeLessThanOrEqual(0.55);
    }
  }

  // 4. Coach triage
  const triage = await getSquadTriage(w.coach, w.squadId, now);
  const row = triage.find((t) => t.id === w.athlete.id)!;
  const sumLoads = (fromDate: string) =>
    engine.filter((s) => s.date >= fromDate && s.date <= asOf).reduce((sum, s) => sum + sessionLoad(s), 0);
  expect.soft(row.weekLoadAu, `${step}: triage week load`).toBe(Math.round(sumLoads(addDays(asOf, -6))));
  expect.soft(row.chronicWeekLoadAu, `${step}: triage 4-week mean`).toBe(Math.round(sumLoads(addDays(asOf, -27)) / 4));
  // The kept totals tell the same week.
  const weekFromDaily = daily.filter((d) => d.date >= addDays(asOf, -6) && d.date <= asOf).reduce((sum, d) => sum + d.srpeAu, 0);
  expect.soft(row.weekLoadAu, `${step}: triage week load = DailyLoad week`).toBe(Math.round(weekFromDaily));
  expect.soft(activeFlagKeys(row.flags), `${step}: triage flags = training view flags`).toEqual(activeFlagKeys(view.flags));

  // The squad-mate is untouched.
  expect.soft(await storedDailyLoads(w.other.id), `${step}: squad-mate`).toEqual([
    expect.objectContaining({ date: "2025-05-12", srpeAu: 250, runKm: 10, sessionCount: 1 }),
  ]);

  return { asOf, daily, projection: planning.projection, weekLoadAu: row.weekLoadAu };
}

// ---------------------------------------------------------------- import helpers

const fixture = (name: string): UploadedFile => ({
  name: path.basename(name),
  bytes: new Uint8Array(readFileSync(path.resolve(__dirname, "../../lib/imports/fixtures", name))),
});

/** A run recorded as a GPX track: one point a minute due north, evenly paced. */
function gpxRun(name: string, startIso: string, minutes: number, km: number): UploadedFile {
  const start = Date.parse(startIso);
  const degPerKm = 1 / 111.195;
  const points = Array.from({ length: minutes + 1 }, (_, i) => {
    const lat = 40.4 + (km * i * degPerKm) / minutes;
    return `<trkpt lat="${lat.toFixed(7)}" lon="-3.7"><ele>650</ele><time>${new Date(start + i * 60_000).toISOString()}</time></trkpt>`;
  });
  const xml = `<?xml version="1.0" encoding="UTF-8"?>
<gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
  <trk><name>${name}</name><type>running</type><trkseg>${points.join("")}</trkseg></trk>
</gpx>`;
  return { name: `${name}.gpx`, bytes: new TextEncoder().encode(xml) };
}

async function importFiles(userId: string, files: UploadedFile[], now = NOW) {
  const preview = await previewImport(db(), userId, files, TZ);
  if (!preview.batchId) return { preview, created: 0, batchId: null };
  const { created } = await commitImport(db(), userId, preview.batchId, now);
  return { preview, created, batchId: preview.batchId };
}

const dayOf = async (userId: string, date: string) => (await storedDailyLoads(userId)).find((d) => d.date === date);

// ---------------------------------------------------------------- the scenario

describe("aggregates stay consistent", () => {
  it("after sessions are added, edited, deleted and imported, every view agrees with the sessions", { timeout: 120_000 }, async () => {
    const w = await world();
    const { athlete, coach, squadId } = w;
    await expectConsistent(w, "empty");

    const road = await createShoe(athlete, { name: "Road pair" });
    const trail = await createShoe(athlete, { name: "Trail pair" });

    // Add: a week of logging, Friday 9 to Tuesday 13 (Monday 12 starts a new week).
    const add = async (step: string, input: Record<string, unknown>) => {
      const { id } = await createSession(athlete, input, NOW);
      await expectConsistent(w, step);
      return id;
    };
    const fridayTrail = await add("add trail run", {
      type: "RUN", date: "2025-05-09", startTime: "07:30", duration: "55", distance: "10", rpe: "6", surface: "TRAIL", shoeId: trail.id,
    });
    const saturdayLong = await add("add long road run", {
      type: "RUN", date: "2025-05-10", startTime: "08:00", duration: "1:40", distance: "18", rpe: "7", surface: "ASPHALT", shoeId: road.id,
    });
    const saturdayCore = await add("add core", { type: "CORE", date: "2025-05-10", duration: "25", rpe: "4" });
    const sundayBike = await add("add ride without RPE", { type: "CROSS_TRAINING", subType: "CYCLING", date: "2025-05-11", duration: "60" });
    const mondayTrack = await add("add track session", {
      type: "RUN", date: "2025-05-12", startTime: "19:00", duration: "40", distance: "8", rpe: "8", surface: "TRACK", shoeId: road.id,
    });
    const tuesdayEasy = await add("add run without RPE or surface", { type: "RUN", date: "2025-05-13", duration: "33", distance: "6" });
    const tuesdayMobility = await add("add mobility", { type: "MOBILITY", date: "2025-05-13", duration: "20", rpe: "2" });

    expect(await dayOf(athlete.id, "2025-05-10")).toMatchObject({ sessionCount: 2, srpeAu: 100 * 7 + 25 * 4, supportSessions: 1, runKmBySurface: { ASPHALT: 18 } });
    expect(await dayOf(athlete.id, "2025-05-11")).toMatchObject({ srpeAu: 300, estimatedRpe: 1, runKm: 0, runKmBySurface: null });
    expect(await dayOf(athlete.id, "2025-05-13")).toMatchObject({ runKm: 6, runKmBySurface: null, estimatedRpe: 1 });

    // Edit: the long run was really on Monday (a week later in the calendar), longer, harder, on grass.
    const beforeMove = await getTrainingView(coach, athlete.id, VIEW_DAYS, NOW);
    await updateSession(athlete, saturdayLong, {
      type: "RUN", date: "2025-05-12", startTime: "07:00", duration: "1:50", distance: "20", rpe: "8", surface: "GRASS", shoeId: road.id,
    }, NOW);
    await expectConsistent(w, "move long run across the week boundary");
    expect(await dayOf(athlete.id, "2025-05-10")).toMatchObject({ sessionCount: 1, srpeAu: 100, runKm: 0, runSessions: 0, longestRunKm: 0, runKmBySurface: null });
    expect(await dayOf(athlete.id, "2025-05-12")).toMatchObject({ sessionCount: 2, runKm: 28, longestRunKm: 20, runKmBySurface: { TRACK: 8, GRASS: 20 } });
    const afterMove = await getTrainingView(coach, athlete.id, VIEW_DAYS, NOW);
    const weekKm = (v: typeof afterMove, weekStart: string) => {
      const week = v.weeklySurfaceKm.find((x) => x.weekStart === weekStart);
      return week ? kmOnly(week) : undefined;
    };
    expect(weekKm(beforeMove, "2025-05-05")).toMatchObject({ totalKm: 28, trail: 10, asphalt: 18 });
    expect(weekKm(afterMove, "2025-05-05")).toEqual({ weekStart: "2025-05-05", totalKm: 10, trail: 10 });
    expect(weekKm(afterMove, "2025-05-12")).toMatchObject({ totalKm: 34, track: 8, grass: 20, unrecorded: 6 });

    // Edit: the track session was on the elliptical after all (a run becomes cross-training).
    await updateSession(athlete, mondayTrack, { type: "CROSS_TRAINING", subType: "ELLIPTICAL", date: "2025-05-12", duration: "45", rpe: "6" }, NOW);
    await expectConsistent(w, "change a run's type");
    expect(await dayOf(athlete.id, "2025-05-12")).toMatchObject({ runKm: 20, runSessions: 1, runKmBySurface: { GRASS: 20 } });

    // Edit: the ride gets its RPE and is moved one day back.
    await updateSession(athlete, sundayBike, { type: "CROSS_TRAINING", subType: "CYCLING", date: "2025-05-10", duration: "75", rpe: "3" }, NOW);
    await expectConsistent(w, "rate and move the ride");
    expect(await dayOf(athlete.id, "2025-05-11")).toBeUndefined();

    // Delete both Tuesday sessions: the day is left with no row at all.
    await deleteSession(athlete, tuesdayMobility);
    await expectConsistent(w, "delete mobility");
    await deleteSession(athlete, tuesdayEasy);
    await expectConsistent(w, "delete the last session of a day");
    expect(await dayOf(athlete.id, "2025-05-13")).toBeUndefined();

    // Import a Garmin Connect export: four months of history, Jan 16 to May 7 (a DST change on Mar 30).
    const csv = await importFiles(athlete.id, [fixture("csv/garmin_connect_activities_2025-05.csv")]);
    expect(csv.created).toBe(56);
    await expectConsistent(w, "import CSV history");
    // 10.00 + 10.03 + 5.01 + 15.02 km in the week of Mar 31: 40.06, shown as 40.1.
    expect(weekKm(await getTrainingView(coach, athlete.id, VIEW_DAYS, NOW), "2025-03-31")).toEqual({ weekStart: "2025-03-31", totalKm: 40.1, unrecorded: 40.1 });

    // Import single files: GPX, TCX and FIT (from other years), plus a broken FIT that is refused.
    // The GPX starts at 23:29 UTC on Oct 24, already the 25th in Madrid.
    const files = await importFiles(athlete.id, [
      fixture("gpx/garmin_connect_run_hr.gpx"),
      fixture("tcx/garmin_fr410_run_3laps_hr.tcx"),
      fixture("fit/garmin_fenix2_run_hr.fit"),
      fixture("fit/broken_truncated_unexpected_eof.fit"),
    ]);
    expect(files.created).toBe(3);
    expect(files.preview.counts.rejected).toBe(1);
    await expectConsistent(w, "import GPX, TCX and FIT");
    expect(await dayOf(athlete.id, "2012-10-24")).toBeUndefined();
    expect(await dayOf(athlete.id, "2012-10-25")).toMatchObject({ sessionCount: 1, estimatedRpe: 1 });

    // Import this morning's run, recorded at 00:30 Madrid time: still the 13th in UTC, today locally.
    const tonight = await importFiles(athlete.id, [gpxRun("Midnight run", "2025-05-13T22:30:00Z", 36, 7.2)]);
    expect(tonight.created).toBe(1);
    const today = await expectConsistent(w, "import a run started after local midnight");
    expect(today.daily.find((d) => d.date === "2025-05-14")).toMatchObject({ runSessions: 1, estimatedRpe: 1 });
    expect(today.daily.find((d) => d.date === "2025-05-13")).toBeUndefined();

    // The same export again creates nothing and changes nothing.
    const again = await importFiles(athlete.id, [fixture("csv/garmin_connect_activities_2025-05.csv")]);
    expect(again.created).toBe(0);
    const unchanged = await expectConsistent(w, "re-import the same export");
    expect(unchanged.daily).toEqual(today.daily);

    // Delete imported sessions: the export's last run (alone on its day), and the midnight run.
    const imported = (await rawSessions(athlete.id)).filter((s) => s.importBatchId !== null);
    const may7 = imported.find((s) => dateOnly(s.localDate) === "2025-05-07")!;
    await deleteSession(athlete, may7.id);
    await expectConsistent(w, "delete an imported run");
    expect(await dayOf(athlete.id, "2025-05-07")).toBeUndefined();
    const midnight = imported.find((s) => s.importBatchId === tonight.batchId)!;
    await deleteSession(athlete, midnight.id);
    await expectConsistent(w, "delete the imported midnight run");
    expect(await dayOf(athlete.id, "2025-05-14")).toBeUndefined();

    // Edit an imported session: the Apr 27 double day loses its early run to the day before.
    const april27 = imported.filter((s) => dateOnly(s.localDate) === "2025-04-27").sort((a, b) => a.startTime!.getTime() - b.startTime!.getTime());
    await updateSession(athlete, april27[0].id, { type: "RUN", date: "2025-04-26", duration: "71", distance: "8.4", rpe: "4", surface: "TRAIL" }, NOW);
    await expectConsistent(w, "edit an imported run");
    expect(await dayOf(athlete.id, "2025-04-27")).toMatchObject({ sessionCount: 1, estimatedRpe: 1 });

    // Plan the next weeks; the projection follows the plan.
    for (const [offset, type, duration, distance, targetRpe] of [
      [2, "RUN", "50", "10", "5"],
      [4, "RUN", "1:30", "16", "6"],
      [5, "CORE", "25", "", "5"],
      [8, "RUN", "45", "9", "5"],
      [11, "RUN", "1:45", "19", "6"],
    ] as const) {
      await createPlannedSession(coach, squadId, athlete.id, { type, date: addDays("2025-05-14", offset), duration, distance, targetRpe });
    }
    const planned = await expectConsistent(w, "plan two weeks");

    // A big session yesterday raises what next week is projected to look like.
    await createSession(athlete, { type: "RUN", date: "2025-05-13", duration: "2:30", distance: "28", rpe: "8", surface: "TRAIL", shoeId: trail.id }, NOW);
    const bigger = await expectConsistent(w, "add a big run yesterday");
    const nextWeek = (s: Snapshot) => s.projection.filter((p) => p.date >= "2025-05-15" && p.date <= "2025-05-19");
    for (const [before, after] of nextWeek(planned).map((p, i) => [p, nextWeek(bigger)[i]] as const)) {
      expect(after.date).toBe(before.date);
      expect(after.acute!).toBeGreaterThan(before.acute!);
      expect(after.acute! / after.chronic!).toBeGreaterThan(before.acute! / before.chronic!);
    }
    expect(bigger.weekLoadAu).toBe(planned.weekLoadAu + 150 * 8);

    // Just after midnight in Madrid (still the 14th in UTC) the 15th is today: it can be logged and counts.
    const early = { type: "CORE", date: "2025-05-15", startTime: "00:10", duration: "20", rpe: "5" };
    await expect(createSession(athlete, early, NOW)).rejects.toBeInstanceOf(ValidationError);
    await createSession(athlete, early, LATE);
    const late = await expectConsistent(w, "log the first minutes of a new local day", LATE);
    expect(late.asOf).toBe("2025-05-15");
    expect(late.daily.at(-1)).toMatchObject({ date: "2025-05-15", srpeAu: 100, supportSessions: 1 });

    // The Friday run, moved to today across the week boundary once more and then deleted, leaves no trace.
    await updateSession(athlete, fridayTrail, {
      type: "RUN", date: "2025-05-15", duration: "55", distance: "10", rpe: "6", surface: "TRAIL", shoeId: trail.id,
    }, LATE);
    await expectConsistent(w, "move a run into the new local day", LATE);
    expect(await dayOf(athlete.id, "2025-05-09")).toBeUndefined();
    await deleteSession(athlete, fridayTrail);
    await expectConsistent(w, "delete it", LATE);
    expect(await dayOf(athlete.id, "2025-05-15")).toMatchObject({ sessionCount: 1, runKm: 0 });
    await deleteSession(athlete, saturdayCore);
    await expectConsistent(w, "delete the core session", LATE);
  });
});

// ---------------------------------------------------------------- random sequences

const PROPERTY_DAYS = Array.from({ length: 10 }, (_, i) => addDays("2025-05-05", i)); // Monday 5 to Wednesday 14
const SESSION_FORM_TYPES = ["RUN", "CROSS_TRAINING", "CORE", "STRENGTH", "MOBILITY", "OTHER"] as const;
const FORM_SURFACES = ["ASPHALT", "TRACK", "TRAIL", "GRASS", "SAND", "TREADMILL", "MIXED"] as const;

const sessionArb = fc.record({
  day: fc.integer({ min: 0, max: PROPERTY_DAYS.length - 1 }),
  type: fc.constantFrom(...SESSION_FORM_TYPES),
  minutes: fc.integer({ min: 4, max: 4 * 240 }).map((q) => q / 4),
  rpe: fc.option(fc.integer({ min: 0, max: 10 })),
  km: fc.option(fc.integer({ min: 1, max: 4000 }).map((h) => h / 100)),
  surface: fc.option(fc.constantFrom(...FORM_SURFACES)),
  withShoe: fc.boolean(),
});
type SessionArb = typeof sessionArb extends fc.Arbitrary<infer T> ? T : never;

const opArb = fc.oneof(
  { weight: 4, arbitrary: fc.record({ kind: fc.constant("add" as const), session: sessionArb }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant("edit" as const), pick: fc.nat(), session: sessionArb }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant("delete" as const), pick: fc.nat() }) },
  {
    weight: 1,
    arbitrary: fc.record({
      kind: fc.constant("import" as const),
      day: fc.integer({ min: 0, max: PROPERTY_DAYS.length - 1 }),
      // Any minute of the UTC day: from 22:00 UTC on, the run falls on the next day in Madrid.
      minuteOfDay: fc.integer({ min: 0, max: 24 * 60 - 1 }),
      minutes: fc.integer({ min: 10, max: 120 }),
      km: fc.integer({ min: 10, max: 250 }).map((t) => t / 10),
    }),
  },
);

function sessionForm(s: SessionArb, shoeId: string) {
  const km = s.km ?? (s.type === "RUN" ? 5 : null);
  return {
    type: s.type,
    subType: s.type === "CROSS_TRAINING" ? "ROWING" : "",
    date: PROPERTY_DAYS[s.day],
    duration: String(s.minutes),
    distance: km === null ? "" : String(km),
    rpe: s.rpe === null ? "" : String(s.rpe),
    surface: s.surface ?? "",
    shoeId: s.withShoe ? shoeId : "",
  };
}

describe("DailyLoad under random sequences of writes", () => {
  it("always equals the per-day totals of the stored sessions", { timeout: 60_000 }, async () => {
    const { squad } = await createSquadWithCoach("Random");
    const user = await addAthlete(squad.id);
    await db().user.update({ where: { id: user.id }, data: { timeZone: TZ } });
    const athlete = await viewerOf(user.id);
    const shoe = await createShoe(athlete, { name: "Daily pair" });
    let imports = 0;

    await fc.assert(
      fc.asyncProperty(fc.array(opArb, { minLength: 1, maxLength: 8 }), async (ops) => {
        await db().trainingSession.deleteMany({ where: { userId: athlete.id } });
        await db().dailyLoad.deleteMany({ where: { userId: athlete.id } });
        for (const op of ops) {
          const ids = (await rawSessions(athlete.id)).map((s) => s.id);
          if (op.kind === "add") {
            await createSession(athlete, sessionForm(op.session, shoe.id), NOW);
          } else if (op.kind === "edit" && ids.length > 0) {
            await updateSession(athlete, ids[op.pick % ids.length], sessionForm(op.session, shoe.id), NOW);
          } else if (op.kind === "delete" && ids.length > 0) {
            await deleteSession(athlete, ids[op.pick % ids.length]);
          } else if (op.kind === "import") {
            const start = new Date(Date.parse(`${PROPERTY_DAYS[op.day]}T00:00:00Z`) + op.minuteOfDay * 60_000).toISOString();
            await importFiles(athlete.id, [gpxRun(`Random run ${++imports}`, start, op.minutes, op.km)]);
          }
          const sessions = await rawSessions(athlete.id);
          expect(fuzz(await storedDailyLoads(athlete.id)), JSON.stringify(op)).toEqual(fuzz(oracleDailyLoads(sessions)));
        }
      }),
      { numRuns: 25 },
    );
  });
});
