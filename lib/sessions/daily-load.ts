import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { insertJson } from "@/lib/db-bulk";

/** The fields of a training session that daily totals depend on. */
export interface DailyLoadSessionInput {
  /** Calendar day in the athlete's time zone, "YYYY-MM-DD". */
  localDate: string;
  type: string;
  durationMin: number;
  distanceKm: number | null;
  rpe: number | null;
  surface: string | null;
}

/** One athlete-day of totals, the shape of the DailyLoad model without its user id. */
export interface DailyLoadRow {
  localDate: string;
  sessionCount: number;
  /** Sum of rpe x durationMin, in AU. */
  srpeAu: number;
  /** Sessions without an RPE; each was counted at DEFAULT_RPE in srpeAu. */
  estimatedRpe: number;
  durationMin: number;
  distanceKm: number;
  runKm: number;
  /** Run km per surface; runs without a surface count in runKm only. Null when no run had a surface. */
  runKmBySurface: Record<string, number> | null;
  /** CORE, STRENGTH and MOBILITY sessions: the compensatory work the deficit flag looks for. */
  supportSessions: number;
  runSessions: number;
  longestRunKm: number;
}

/**
 * SQL for the minutes a stored session counts for in load: its moving time when the source recorded one
 * (a ride left running overnight has 20 hours elapsed and 2 minutes moving), else its duration.
 */
export function loadMinutesSql(table?: string): Prisma.Sql {
  return table
    ? Prisma.sql`COALESCE(${Prisma.raw(`"${table}"."movingMin"`)}, ${Prisma.raw(`"${table}"."durationMin"`)})`
    : Prisma.sql`COALESCE("movingMin", "durationMin")`;
}
export const LOAD_MINUTES = loadMinutesSql();

/**
 * SQL for the sessions that count for load: all but imported ones whose figures need a look
 * (lib/imports/plausibility.ts) until the athlete confirms or edits them.
 */
export const COUNTS_FOR_LOAD = Prisma.sql`"reviewReason" IS NULL`;

/** The same two rules for rows read through the client. */
export const countsForLoad = { reviewReason: null } as const;
export { loadMinutesOf as loadMinutes } from "@/lib/imports/plausibility";

/** The load a session without an RPE is given, as the engine does, so stored totals and flags agree. */
export const DEFAULT_RPE = 5;

const SUPPORT_TYPES = new Set(["CORE", "STRENGTH", "MOBILITY"]);

function emptyRow(localDate: string): DailyLoadRow {
  return {
    localDate,
    sessionCount: 0,
    srpeAu: 0,
    estimatedRpe: 0,
    durationMin: 0,
    distanceKm: 0,
    runKm: 0,
    runKmBySurface: null,
    supportSessions: 0,
    runSessions: 0,
    longestRunKm: 0,
  };
}

/** Daily totals per local calendar day, sorted by date; days without sessions get no row. */
export function aggregateDailyLoads(sessions: readonly DailyLoadSessionInput[]): DailyLoadRow[] {
  const byDate = new Map<string, DailyLoadRow>();
  for (const s of sessions) {
    let row = byDate.get(s.localDate);
    if (!row) {
      row = emptyRow(s.localDate);
      byDate.set(s.localDate, row);
    }
    const duration = Number.isFinite(s.durationMin) ? s.durationMin : 0;
    const distance = s.distanceKm != null && Number.isFinite(s.distanceKm) ? s.distanceKm : 0;
    row.sessionCount += 1;
    row.durationMin += duration;
    row.distanceKm += distance;
    if (s.rpe == null) {
      row.estimatedRpe += 1;
      row.srpeAu += DEFAULT_RPE * duration;
    } else {
      row.srpeAu += s.rpe * duration;
    }
    if (SUPPORT_TYPES.has(s.type)) row.supportSessions += 1;
    if (s.type === "RUN") {
      row.runSessions += 1;
      row.runKm += distance;
      if (distance > row.longestRunKm) row.longestRunKm = distance;
      if (s.surface) {
        row.runKmBySurface ??= {};
        row.runKmBySurface[s.surface] = (row.runKmBySurface[s.surface] ?? 0) + distance;
      }
    }
  }
  const rows = [...byDate.values()].sort((a, b) => (a.localDate < b.localDate ? -1 : a.localDate > b.localDate ? 1 : 0));
  for (const row of rows) {
    row.srpeAu = tidy(row.srpeAu);
    row.durationMin = tidy(row.durationMin);
    row.distanceKm = tidy(row.distanceKm);
    row.runKm = tidy(row.runKm);
    if (row.runKmBySurface) for (const k in row.runKmBySurface) row.runKmBySurface[k] = tidy(row.runKmBySurface[k]);
  }
  return rows;
}

// Sums of decimal inputs pick up binary noise (3 x 80.6 = 241.79999999999998); a micro-unit is far below
// anything measured, and clean values compare equal to what a person computes by hand.
function tidy(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}

/** A row as createMany wants it for one athlete. */
export function dailyLoadCreateData(userId: string, row: DailyLoadRow): Prisma.DailyLoadCreateManyInput {
  return {
    userId,
    localDate: new Date(`${row.localDate}T00:00:00Z`),
    sessionCount: row.sessionCount,
    srpeAu: row.srpeAu,
    estimatedRpe: row.estimatedRpe,
    durationMin: row.durationMin,
    distanceKm: row.distanceKm,
    runKm: row.runKm,
    runKmBySurface: row.runKmBySurface ?? Prisma.DbNull,
    supportSessions: row.supportSessions,
    runSessions: row.runSessions,
    longestRunKm: row.longestRunKm,
  };
}

type Db = PrismaClient | Prisma.TransactionClient;

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const INSERT_CHUNK = 4000;
const REBUILD_LOCK_NAMESPACE = 0x64_6c_64; // arbitrary; keeps these locks apart from other advisory locks

/**
 * Recomputes an athlete's DailyLoad rows for the days from..to (both included, "YYYY-MM-DD"; either end
 * open when omitted) from the TrainingSession rows, replacing what was there. Runs in one transaction,
 * or inside the caller's when given a transaction client, so readers never see a half-rebuilt range.
 * Returns the number of rows written.
 */
export async function rebuildDailyLoads(db: Db, userId: string, from?: string, to?: string): Promise<number> {
  for (const d of [from, to]) {
    if (d !== undefined && !DATE_RE.test(d)) throw new Error(`rebuildDailyLoads: expected YYYY-MM-DD, got "${d}"`);
  }
  const localDate: Prisma.DateTimeFilter = {};
  if (from) localDate.gte = new Date(`${from}T00:00:00Z`);
  if (to) localDate.lte = new Date(`${to}T00:00:00Z`);
  const where = from || to ? { userId, localDate } : { userId };

  const rebuild = async (tx: Prisma.TransactionClient): Promise<number> => {
    // Two rebuilds of one athlete would each delete and then insert the same keys; the second would
    // fail on the primary key, so they queue on a per-athlete lock instead.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REBUILD_LOCK_NAMESPACE}::int4, hashtext(${userId}))`;
    // Raw SQL and one JSON insert: going through the client row by row made a 10,000-session import
    // spend seconds here.
    const sessions = await tx.$queryRaw<
      { localDate: string; type: string; durationMin: number; distanceKm: number | null; rpe: number | null; surface: string | null }[]
    >`SELECT to_char("localDate", 'YYYY-MM-DD') AS "localDate", "type"::text AS "type", ${LOAD_MINUTES} AS "durationMin", "distanceKm", "rpe", "surface"::text AS "surface"
      FROM "TrainingSession"
      WHERE "userId" = ${userId} AND ${COUNTS_FOR_LOAD}
        AND (${from ?? null}::date IS NULL OR "localDate" >= ${from ?? null}::date)
        AND (${to ?? null}::date IS NULL OR "localDate" <= ${to ?? null}::date)`;
    await tx.dailyLoad.deleteMany({ where });
    const rows = aggregateDailyLoads(sessions);
    for (let i = 0; i < rows.length; i += INSERT_CHUNK) {
      await insertJson(
        tx,
        "DailyLoad",
        rows.slice(i, i + INSERT_CHUNK).map((row) => ({ userId, ...row })),
      );
    }
    return rows.length;
  };

  return "$transaction" in db ? db.$transaction(rebuild) : rebuild(db);
}

/**
 * The DailyLoad rows of the given athletes (every athlete when `userIds` is omitted) recomputed from their
 * sessions in one INSERT ... SELECT, with the same rules as aggregateDailyLoads: load minutes, RPE 5 for
 * sessions without one, run km per surface, sums rounded to a micro-unit. Reads and writes stay inside
 * PostgreSQL, so a club's million sessions are rebuilt in seconds rather than streamed through the app.
 */
function dailyLoadsFromSessionsSql(userIds: readonly string[] | undefined): Prisma.Sql {
  const who = userIds ? Prisma.sql`AND s."userId" = ANY(${[...userIds]}::text[])` : Prisma.empty;
  const support = Prisma.raw(`ARRAY['CORE', 'STRENGTH', 'MOBILITY']`);
  return Prisma.sql`
    WITH s AS (
      SELECT s."userId", s."localDate", s."type"::text AS "type", s."surface"::text AS "surface", s."rpe",
             ${loadMinutesSql("s")} AS "minutes", COALESCE(s."distanceKm", 0) AS "km"
      FROM "TrainingSession" s
      WHERE s.${COUNTS_FOR_LOAD} ${who}
    ),
    surfaces AS (
      SELECT "userId", "localDate", jsonb_object_agg("surface", "km") AS "bySurface"
      FROM (
        SELECT "userId", "localDate", "surface", round(sum("km")::numeric, 6)::float8 AS "km"
        FROM s WHERE "type" = 'RUN' AND "surface" IS NOT NULL
        GROUP BY "userId", "localDate", "surface"
      ) per_surface
      GROUP BY "userId", "localDate"
    ),
    days AS (
      SELECT "userId", "localDate",
             count(*)::int AS "sessionCount",
             round(sum(COALESCE("rpe", ${DEFAULT_RPE}) * "minutes")::numeric, 6)::float8 AS "srpeAu",
             (count(*) FILTER (WHERE "rpe" IS NULL))::int AS "estimatedRpe",
             round(sum("minutes")::numeric, 6)::float8 AS "durationMin",
             round(sum("km")::numeric, 6)::float8 AS "distanceKm",
             round(COALESCE(sum("km") FILTER (WHERE "type" = 'RUN'), 0)::numeric, 6)::float8 AS "runKm",
             (count(*) FILTER (WHERE "type" = ANY(${support})))::int AS "supportSessions",
             (count(*) FILTER (WHERE "type" = 'RUN'))::int AS "runSessions",
             COALESCE(max("km") FILTER (WHERE "type" = 'RUN'), 0) AS "longestRunKm"
      FROM s GROUP BY "userId", "localDate"
    )
    INSERT INTO "DailyLoad" ("userId", "localDate", "sessionCount", "srpeAu", "estimatedRpe", "durationMin",
                             "distanceKm", "runKm", "runKmBySurface", "supportSessions", "runSessions", "longestRunKm")
    SELECT d."userId", d."localDate", d."sessionCount", d."srpeAu", d."estimatedRpe", d."durationMin",
           d."distanceKm", d."runKm", x."bySurface", d."supportSessions", d."runSessions", d."longestRunKm"
    FROM days d LEFT JOIN surfaces x ON x."userId" = d."userId" AND x."localDate" = d."localDate"`;
}

/**
 * A full rebuild of daily totals: deletes and recomputes every DailyLoad row of the given athletes (of
 * every athlete when `userIds` is omitted) from their sessions, in one transaction (or the caller's), so
 * readers see the old totals or the new ones, never a gap. Returns the number of rows written.
 */
export async function rebuildAllDailyLoads(db: Db, userIds?: readonly string[]): Promise<number> {
  const rebuild = async (tx: Prisma.TransactionClient): Promise<number> => {
    const [remove, insert] = fullRebuildSql(userIds);
    await tx.$executeRaw(remove);
    return tx.$executeRaw(insert);
  };
  return "$transaction" in db ? db.$transaction(rebuild, { timeout: 30 * 60_000 }) : rebuild(db);
}

/** The two statements of rebuildAllDailyLoads, for callers with a plain pg client (the benchmark). */
export function fullRebuildSql(userIds?: readonly string[]): [remove: Prisma.Sql, insert: Prisma.Sql] {
  const remove = userIds
    ? Prisma.sql`DELETE FROM "DailyLoad" WHERE "userId" = ANY(${[...userIds]}::text[])`
    : Prisma.sql`DELETE FROM "DailyLoad"`;
  return [remove, dailyLoadsFromSessionsSql(userIds)];
}
