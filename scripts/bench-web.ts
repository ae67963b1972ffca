/**
 * Server time of the coach's pages on the demo squad scaled to 100 athletes x 36 months (~107,000
 * sessions), against the production build under concurrent requests, next to the bare SQL that reads the
 * same rows; then the first-load JS of every page route.
 * Targets: squad overview p95 < 150 ms, athlete page p95 < 200 ms, first-load JS < 180 kB gzip per route.
 *
 * Times are measured by the client on localhost from sending the request to the last byte of the body,
 * so they include the localhost transfer (and gzip of the HTML, which the requests accept like a
 * browser). Slow figures are reported as OVER; only errors end the script with a non-zero exit code.
 *
 * Database: BENCH_DATABASE_URL, else the local server on 127.0.0.1:5432 (database backbone_bench,
 * created if missing), else the embedded one with its data in .bench/pglite. It is seeded once; reruns
 * reuse it while the seeded history still ends within two days of today. The audit-log entries that the
 * run's logins and page views write are removed at the end.
 *
 * Concurrency: twice the machine's cores by default (4 on two cores): every core busy with a request and
 * as many waiting, with the database and this client on the same cores. Higher settings measure the queue
 * more than the page: at 8 on two cores a request mostly waits for three others to finish.
 *
 * Usage: npm run bench:web [-- --requests 200 --concurrency 4 --serial 20 --port 3300
 *                              --reseed --build | --no-build --profile DIR]
 * --profile writes V8 CPU profiles of the server to DIR (open them in Chrome's DevTools).
 */
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { applyMigrations } from "./migrate";
import { root } from "./lib/processes";
import { distDir } from "./lib/build";
import { ChunkSizes, firstLoadChunks, pageRoutes } from "./lib/first-load-js";
import {
  benchDatabase,
  ensureBuild,
  ensureDemoSeeded,
  freePort,
  logIn,
  ms,
  onCleanUp,
  percentile,
  printTable,
  request,
  runBench,
  setDefaultAgent,
  startServer,
  UsageError,
  type BuildMode,
} from "./lib/bench-server";
import { assertLocalDatabase } from "../tests/integration/test-database";
import { addDays, todayIn } from "../lib/dates";
import { FLAG_HISTORY_DAYS, flagHistoryFrom } from "../lib/athletes/flag-history";
import { PLAN_WEEKS } from "../lib/plans/schemas";
import { DEMO_COACH_EMAIL } from "../prisma/demo/generator";

const ATHLETES = 100;
const MONTHS = 36;
const OVERVIEW_TARGET_MS = 150;
const ATHLETE_TARGET_MS = 200;
const FIRST_LOAD_TARGET_KB = 180;

// ---------------------------------------------------------------- options

type Options = {
  requests: number;
  concurrency: number;
  serial: number;
  port: number;
  reseed: boolean;
  build: BuildMode;
  /** Directory for V8 CPU profiles of the server (node --cpu-prof), written when it stops. */
  profile?: string;
};

function parseArgs(argv: string[]): Options {
  const options: Options = { requests: 200, concurrency: 2 * cpus().length, serial: 20, port: Number(process.env.BENCH_PORT ?? 3300), reseed: false, build: "auto" };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const int = () => {
      const raw = inline ?? argv[++i];
      if (!raw || !/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`${flag} needs a positive whole number, got "${raw ?? ""}"`);
      return Number(raw);
    };
    if (flag === "--requests") options.requests = int();
    else if (flag === "--concurrency") options.concurrency = int();
    else if (flag === "--serial") options.serial = int();
    else if (flag === "--port") options.port = int();
    else if (flag === "--reseed") options.reseed = true;
    else if (flag === "--build") options.build = "always";
    else if (flag === "--no-build") options.build = "never";
    else if (flag === "--profile") {
      const dir = inline ?? argv[++i];
      if (!dir) throw new UsageError("--profile needs a directory");
      options.profile = path.resolve(dir);
    }
    else throw new UsageError(`Unknown argument "${argv[i]}"`);
  }
  return options;
}

// ---------------------------------------------------------------- CPU time (Linux)

// Other work on a shared machine stretches response times but not the CPU time a request costs, so that
// is measured too: user + system time of the server's processes and of the database's backends.
const TICKS_PER_SECOND = 100; // USER_HZ, 100 on every Linux

function procStat(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "pid (comm) ": state, ppid, pgrp, ... utime is the 14th field, stime the 15th.
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

type CpuSnapshot = Map<number, number>;

function cpuOf(pids: number[]): CpuSnapshot {
  const snapshot: CpuSnapshot = new Map();
  for (const pid of pids) {
    const f = procStat(pid);
    if (f) snapshot.set(pid, ((Number(f[11]) + Number(f[12])) * 1000) / TICKS_PER_SECOND);
  }
  return snapshot;
}

/** CPU milliseconds spent between two snapshots; null when nothing could be read (no /proc, remote database). */
function cpuSpent(before: CpuSnapshot, after: CpuSnapshot): number | null {
  if (after.size === 0) return null;
  let ms = 0;
  for (const [pid, t] of after) ms += t - (before.get(pid) ?? 0);
  return ms;
}

/** The server's processes: next start and anything it started, all in its process group. */
function processGroup(pgid: number): number[] {
  if (!existsSync("/proc")) return [];
  return readdirSync("/proc")
    .filter((d) => /^\d+$/.test(d))
    .map(Number)
    .filter((pid) => procStat(pid)?.[2] === String(pgid));
}

/** Backends of the benchmark database, when it runs on this machine (their pids are local processes). */
async function databaseBackends(client: pg.Client): Promise<number[]> {
  const { rows } = await client.query<{ pid: number }>(`SELECT pid FROM pg_stat_activity WHERE datname = current_database()`);
  return rows.map((r) => r.pid);
}

type CpuMeter = { app: () => CpuSnapshot; db: () => Promise<CpuSnapshot> };

// ---------------------------------------------------------------- timing

type Timing = { p50: number; p95: number; max: number; perSecond: number; count: number };

/** Runs `count` tasks, `concurrency` at a time; each task's own duration is what it returns. */
async function timeConcurrently(count: number, concurrency: number, task: (i: number) => Promise<number>): Promise<Timing> {
  const times: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) times.push(await task(next++));
    }),
  );
  const wall = performance.now() - started;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), max: times[times.length - 1], perSecond: (count / wall) * 1000, count };
}

// ---------------------------------------------------------------- what is measured

type Scene = {
  coachId: string;
  coachSquadIds: string[];
  squadId: string;
  squadName: string;
  athleteIds: string[];
  athletes: { label: string; id: string; name: string; email: string; timeZone: string; sessions: number }[];
  // The athlete whose own pages are measured for first-load JS, with one of their reports and sessions.
  ownId: string;
  ownEmail: string;
  ownReportId: string | null;
  ownSessionId: string | null;
  // A planned session of the squad and its athlete, for the planned-session page.
  planned: { id: string; athleteId: string } | null;
};

async function loadScene(client: pg.Client): Promise<Scene> {
  const coach = await client.query<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [DEMO_COACH_EMAIL]);
  const coachId = coach.rows[0].id;
  const squads = await client.query<{ id: string; name: string; athletes: number }>(
    `SELECT s.id, s.name, (SELECT count(*)::int FROM "Membership" a WHERE a."squadId" = s.id AND a.role = 'ATHLETE') AS athletes
     FROM "Membership" m JOIN "Squad" s ON s.id = m."squadId" WHERE m."userId" = $1 AND m.role = 'COACH' ORDER BY athletes DESC`,
    [coachId],
  );
  const squad = squads.rows[0];
  const athletes = await client.query<{ id: string; name: string; email: string; timeZone: string; sessions: number; reports: number }>(
    `SELECT u.id, u.name, u.email, u."timeZone",
            (SELECT count(*)::int FROM "TrainingSession" s WHERE s."userId" = u.id) AS sessions,
            (SELECT count(*)::int FROM "BackPainReport" r WHERE r."userId" = u.id) AS reports
     FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m."squadId" = $1 AND m.role = 'ATHLETE'
     ORDER BY sessions DESC, u.id`,
    [squad.id],
  );
  const all = athletes.rows;
  const pick = (label: string, a: (typeof all)[number]) => ({ label, id: a.id, name: a.name, email: a.email, timeZone: a.timeZone, sessions: a.sessions });
  const own = all.find((a) => a.reports > 0) ?? all[0];
  const report = await client.query<{ id: string }>(`SELECT id FROM "BackPainReport" WHERE "userId" = $1 ORDER BY "localDate" DESC LIMIT 1`, [own.id]);
  const session = await client.query<{ id: string }>(`SELECT id FROM "TrainingSession" WHERE "userId" = $1 ORDER BY "localDate" DESC LIMIT 1`, [own.id]);
  const planned = await client.query<{ id: string; athleteId: string }>(`SELECT id, "athleteId" FROM "PlannedSession" WHERE "squadId" = $1 ORDER BY date, id LIMIT 1`, [squad.id]);
  return {
    coachId,
    coachSquadIds: squads.rows.map((s) => s.id),
    squadId: squad.id,
    squadName: squad.name,
    athleteIds: all.map((a) => a.id),
    athletes: [pick("most data", all[0]), pick("median", all[Math.floor(all.length / 2)]), pick("least data", all[all.length - 1])],
    ownId: own.id,
    ownEmail: own.email,
    ownReportId: report.rows[0]?.id ?? null,
    ownSessionId: session.rows[0]?.id ?? null,
    planned: planned.rows[0] ?? null,
  };
}

type Stage = [sql: string, params: unknown[]][];

type Page = {
  name: string;
  path: string;
  targetMs: number;
  /** Text the page must contain, so that a login page or an error page is not timed by mistake. */
  expect: string;
  /**
   * The page's reads as bare SQL, stage by stage as the page awaits them (a stage's queries run in
   * parallel). They mirror the queries of the page's lib/ functions and must follow them when those
   * change. Repeated access checks and the athlete page's audit-log insert are left out.
   */
  sql: () => Stage[];
};

// lib/auth/permissions.ts loadViewerForSession (the session row looked up by the person's id here).
const VIEWER_SQL = `SELECT u.id, u.email, u.name, u."timeZone", u."unitPreference"::text AS "unitPreference",
       EXISTS (SELECT 1 FROM "AthleteProfile" p WHERE p."userId" = u.id) AS "hasAthleteProfile",
       COALESCE(json_agg(json_build_object('squadId', m."squadId", 'squadName', s.name, 'role', m.role, 'isOwner', m."isOwner")
                         ORDER BY m."createdAt", m.id) FILTER (WHERE m.id IS NOT NULL), '[]'::json) AS memberships
  FROM "User" u LEFT JOIN "Membership" m ON m."userId" = u.id LEFT JOIN "Squad" s ON s.id = m."squadId"
  WHERE u.id = $1 AND EXISTS (SELECT 1 FROM "AuthSession" a WHERE a."userId" = u.id AND a."expiresAt" > now())
  GROUP BY u.id`;

function pages(scene: Scene): Page[] {
  const { coachId, squadId, athleteIds } = scene;
  // The viewer, then (in the header, beside the page's own reads) the unread alerts of lib/notifications/queries.ts.
  const viewer: Stage = [[VIEWER_SQL, [coachId]]];
  const unreadAlerts: Stage[number] = [
    `SELECT count(*)::int FROM (SELECT 1 FROM "Notification" WHERE "userId" = $1 AND "squadId" = ANY($2::text[]) AND "readAt" IS NULL LIMIT 100) n`,
    [coachId, scene.coachSquadIds],
  ];
  const utcToday = todayIn("UTC");

  const overview: Page = {
    name: "squad overview /coach",
    path: "/coach",
    targetMs: OVERVIEW_TARGET_MS,
    expect: "Your squads",
    // lib/squads/overview.ts getSquadTriage (the squads come with the viewer): the members with their
    // data versions and the reviews, then the rows the statuses are computed from (on the first request,
    // and for an athlete whose data changed; later requests reuse the computed statuses).
    sql: () => {
      const from = addDays(utcToday, -FLAG_HISTORY_DAYS - 1);
      return [
        viewer,
        [
          unreadAlerts,
          [`SELECT s.thresholds AS "squadThresholds", m.thresholds, u.id, u.name, u."timeZone", u."dataVersion"
            FROM "Squad" s JOIN "Membership" m ON m."squadId" = s.id AND m.role = 'ATHLETE' JOIN "User" u ON u.id = m."userId"
            WHERE s.id = $1`, [squadId]],
          [`SELECT id, "athleteId", "flagId", "flagDate", status, note, "createdAt" FROM "FlagAcknowledgement"
            WHERE "squadId" = $1 AND ("flagDate" >= $2::date OR "flagId" = 'shoe-mileage')`, [squadId, addDays(utcToday, -31)]],
        ],
        [
          [`SELECT "id", "userId", to_char("localDate", 'YYYY-MM-DD') AS "localDate", "type"::text AS "type", "durationMin", "distanceKm", "rpe", "surface"::text AS "surface", "shoeId"
            FROM "TrainingSession" WHERE "userId" = ANY($1::text[]) AND "localDate" >= $2::date`, [athleteIds, from]],
          [`SELECT sh."userId", sh."id" AS "shoeId",
                   (sh."initialKm" + COALESCE(SUM(s."distanceKm") FILTER (WHERE s."type" = 'RUN' AND s."localDate" < $2::date), 0))::float8 AS km
            FROM "Shoe" sh LEFT JOIN "TrainingSession" s ON s."shoeId" = sh."id"
            WHERE sh."userId" = ANY($1::text[]) AND sh."retiredAt" IS NULL
            GROUP BY sh."userId", sh."id", sh."initialKm"`, [athleteIds, from]],
          [`SELECT id, "userId" FROM "Shoe" WHERE "userId" = ANY($1::text[]) AND "retiredAt" IS NOT NULL`, [athleteIds]],
          [`SELECT "userId", "localDate", zone, "subArea", nrs, "redFlags", mechanical, "reportedAt" FROM "BackPainReport"
            WHERE "userId" = ANY($1::text[]) AND "localDate" >= $2::date ORDER BY "localDate", "reportedAt"`, [athleteIds, from]],
          [`SELECT "userId", "localDate", zone, q1, q2, q3, q4 FROM "OstrcResponse" WHERE "userId" = ANY($1::text[]) AND "localDate" >= $2::date`,
            [athleteIds, from]],
          [`SELECT "userId", "birthDate", "footprintType", "legLengthDiscrepancyMm", "postureLoad" FROM "AthleteProfile" WHERE "userId" = ANY($1::text[])`,
            [athleteIds]],
          [`SELECT a."userId", to_char(ls."localDate", 'YYYY-MM-DD') AS "lastSessionDate", to_char(lr."localDate", 'YYYY-MM-DD') AS "lastReportDate"
            FROM unnest($1::text[]) AS a("userId")
            LEFT JOIN LATERAL (SELECT "localDate" FROM "TrainingSession" WHERE "userId" = a."userId" ORDER BY "localDate" DESC LIMIT 1) ls ON true
            LEFT JOIN LATERAL (SELECT "localDate" FROM "BackPainReport" WHERE "userId" = a."userId" ORDER BY "localDate" DESC LIMIT 1) lr ON true`, [athleteIds]],
          // lib/safety/queries.ts readReferralHistory: red flags last until a clearance.
          [`SELECT r."userId", to_char(r."localDate", 'YYYY-MM-DD') AS "localDate", r.zone::text, r."subArea", r.nrs, r."redFlags", r.mechanical
            FROM "BackPainReport" r WHERE r."userId" = ANY($1::text[]) AND r."localDate" < $2::date
              AND (cardinality(r."redFlags") > 0 OR r.mechanical = false)
              AND r."localDate" > COALESCE((SELECT max(c."clearedOn") FROM "Clearance" c WHERE c."userId" = r."userId"), '-infinity'::date)
            ORDER BY r."localDate", r."reportedAt"`, [athleteIds, from]],
          [`SELECT "userId", to_char("clearedOn", 'YYYY-MM-DD') AS date FROM "Clearance" WHERE "userId" = ANY($1::text[]) ORDER BY "clearedOn"`, [athleteIds]],
        ],
      ];
    },
  };

  const squadPage: Page = {
    name: "squad page /coach/squads/[id]",
    path: `/coach/squads/${squadId}`,
    targetMs: OVERVIEW_TARGET_MS,
    expect: scene.squadName,
    // lib/squads/queries.ts getSquadForCoach.
    sql: () => [
      viewer,
      [
        unreadAlerts,
        [`SELECT s.id, s.name, m.role, m."isOwner", m."createdAt", u.id AS "userId", u.name AS "userName", u.email
          FROM "Squad" s JOIN "Membership" m ON m."squadId" = s.id JOIN "User" u ON u.id = m."userId"
          WHERE s.id = $1 ORDER BY m.role, u.name`, [squadId]],
        [`SELECT i.id, i.role, i.note, i."createdAt", i."expiresAt", i."usedAt", i."revokedAt", ub.name AS "usedBy"
          FROM "Invitation" i LEFT JOIN "User" ub ON ub.id = i."usedById" WHERE i."squadId" = $1 ORDER BY i."createdAt" DESC LIMIT 50`, [squadId]],
      ],
    ],
  };

  const athletePages = scene.athletes.map((a): Page => ({
    name: `athlete page, ${a.label} (${a.sessions} sessions)`,
    path: `/coach/squads/${squadId}/athletes/${a.id}`,
    targetMs: ATHLETE_TARGET_MS,
    expect: a.name,
    // lib/athletes/coach-view.ts: the access check (athleteSquads), then getAthleteSummary, getAthleteProfile and
    // getTrainingView (one readAthleteRecord between them; the training view's own reads as on a first
    // request, though later ones reuse the view), then getFlagPanel; beside them lib/comments/queries.ts
    // listCommentTargets and lib/athletes/comments.ts listCommentsForAthlete.
    sql: () => {
      const asOf = todayIn(a.timeZone);
      const from = addDays(asOf, -83);
      const historyFrom = addDays(from, -365);
      const flagFrom = flagHistoryFrom(asOf);
      const from28 = addDays(asOf, -27);
      return [
        viewer,
        [unreadAlerts, [`SELECT m."squadId", s.name AS "squadName", m.thresholds AS "athleteThresholds", s.thresholds AS "squadThresholds",
                  COALESCE((SELECT json_agg(cu.name ORDER BY cm."createdAt", cm.id) FROM "Membership" cm JOIN "User" cu ON cu.id = cm."userId"
                            WHERE cm."squadId" = m."squadId" AND cm.role = 'COACH'), '[]'::json) AS coaches
           FROM "Membership" m JOIN "Squad" s ON s.id = m."squadId" WHERE m."userId" = $1 AND m.role = 'ATHLETE' ORDER BY m."createdAt", m.id`, [a.id]]],
        [
          [`SELECT u.id, u.name, u.email, u."timeZone", u."unitPreference"::text, u."dataVersion", p."userId" IS NOT NULL AS "hasProfile",
                   p."birthDate", p.sex::text, p."heightCm", p."weightKg", p."footprintType"::text, p."legLengthDiscrepancyMm",
                   p."postureLoad"::text[], p."curvatureFindings"::text[], p."injuryHistory", p."updatedAt"
            FROM "User" u LEFT JOIN "AthleteProfile" p ON p."userId" = u.id WHERE u.id = $1`, [a.id]],
          [`SELECT r.id, r."localDate", r.zone, r.nrs, r.notes,
                   (SELECT count(*)::int FROM "CoachComment" c WHERE c."painReportId" = r.id AND c."squadId" = $2) AS comments
            FROM "BackPainReport" r WHERE r."userId" = $1 ORDER BY r."localDate" DESC, r."reportedAt" DESC LIMIT 10`, [a.id, squadId]],
          [`SELECT s.id, s."localDate", s.type, s."durationMin", s."distanceKm", s.rpe,
                   (SELECT count(*)::int FROM "CoachComment" c WHERE c."sessionId" = s.id AND c."squadId" = $2) AS comments
            FROM "TrainingSession" s WHERE s."userId" = $1 ORDER BY s."localDate" DESC, s."createdAt" DESC LIMIT 10`, [a.id, squadId]],
          [`SELECT c.id, c.body, c."createdAt", au.name AS author, s.type, s."localDate", r.zone, r."localDate" AS "reportDate"
            FROM "CoachComment" c LEFT JOIN "User" au ON au.id = c."authorId"
            LEFT JOIN "TrainingSession" s ON s.id = c."sessionId" LEFT JOIN "BackPainReport" r ON r.id = c."painReportId"
            WHERE c."athleteId" = $1 AND c."squadId" = ANY($2::text[]) ORDER BY c."createdAt" DESC LIMIT 20`, [a.id, scene.coachSquadIds]],
        ],
        [
          [`SELECT id, "localDate", type, "durationMin", "distanceKm", rpe FROM "TrainingSession"
            WHERE "userId" = $1 AND "localDate" >= $2::date AND "localDate" <= $3::date ORDER BY "localDate" DESC, "startTime" DESC`, [a.id, from28, asOf]],
          [`SELECT "localDate", zone, nrs, "redFlags" FROM "BackPainReport" WHERE "userId" = $1 ORDER BY "localDate" DESC, "reportedAt" DESC LIMIT 1`, [a.id]],
          [`SELECT to_char("localDate", 'YYYY-MM-DD') AS date, "srpeAu", "durationMin", "runKm", "longestRunKm", "runKmBySurface" FROM "DailyLoad"
            WHERE "userId" = $1 AND "localDate" >= $2::date AND "localDate" <= $3::date ORDER BY "localDate"`, [a.id, historyFrom, asOf]],
          [`SELECT id, "localDate", type::text, "durationMin", "distanceKm", rpe, surface::text, "shoeId" FROM "TrainingSession"
            WHERE "userId" = $1 AND "localDate" >= $2::date AND "localDate" <= $3::date`, [a.id, flagFrom, asOf]],
          [`SELECT "localDate", zone::text, "subArea", nrs, "redFlags", mechanical FROM "BackPainReport"
            WHERE "userId" = $1 AND "localDate" >= $2::date AND "localDate" <= $3::date ORDER BY "localDate", "reportedAt"`, [a.id, from < from28 ? from : from28, asOf]],
          [`SELECT to_char("localDate", 'YYYY-MM-DD') AS date, zone::text, q1, q2, q3, q4, severity FROM "OstrcResponse"
            WHERE "userId" = $1 AND "localDate" >= $2::date AND "localDate" <= $3::date ORDER BY "localDate", zone`, [a.id, from, asOf]],
          [`SELECT type::text, count(*)::int AS sessions, COALESCE(sum("durationMin"), 0)::float8 AS "durationMin" FROM "TrainingSession"
            WHERE "userId" = $1 AND "localDate" >= $2::date AND "localDate" <= $3::date GROUP BY type`, [a.id, from, asOf]],
          [`SELECT sh.id, sh.name, sh."retiredAt" IS NOT NULL AS retired, sh."initialKm",
                   COALESCE(sum(s."distanceKm") FILTER (WHERE s."localDate" < $2::date), 0)::float8 AS "beforeKm",
                   COALESCE(sum(s."distanceKm") FILTER (WHERE s."localDate" >= $3::date AND s."localDate" <= $4::date), 0)::float8 AS "periodKm",
                   COALESCE(sum(s."distanceKm"), 0)::float8 AS "runKm"
            FROM "Shoe" sh LEFT JOIN "TrainingSession" s ON s."shoeId" = sh.id AND s.type = 'RUN'
            WHERE sh."userId" = $1 GROUP BY sh.id`, [a.id, flagFrom, from, asOf]],
          // lib/safety/queries.ts readReferralHistory: red flags last until a clearance.
          [`SELECT r."userId", to_char(r."localDate", 'YYYY-MM-DD') AS "localDate", r.zone::text, r."subArea", r.nrs, r."redFlags", r.mechanical
            FROM "BackPainReport" r WHERE r."userId" = ANY($1::text[]) AND r."localDate" < $2::date
              AND (cardinality(r."redFlags") > 0 OR r.mechanical = false)
              AND r."localDate" > COALESCE((SELECT max(c."clearedOn") FROM "Clearance" c WHERE c."userId" = r."userId"), '-infinity'::date)
            ORDER BY r."localDate", r."reportedAt"`, [[a.id], from < from28 ? from : from28]],
          [`SELECT "userId", to_char("clearedOn", 'YYYY-MM-DD') AS date FROM "Clearance" WHERE "userId" = ANY($1::text[]) ORDER BY "clearedOn"`, [[a.id]]],
          // lib/safety/queries.ts getSafetyRecord.
          [`SELECT h.id, h."startDate", h.emergency, h."clearanceId", h."releasedAt", rb.name, (SELECT count(*)::int FROM "PlannedSession" p WHERE p."holdId" = h.id) AS sessions
            FROM "PlanHold" h LEFT JOIN "User" rb ON rb.id = h."releasedById" WHERE h."athleteId" = $1 ORDER BY h."startDate" DESC, h."createdAt" DESC LIMIT 50`, [a.id]],
          [`SELECT c.id, c."clearedOn", c."clinicianName", c."clinicianKind", c.note, c."createdAt", rb.name FROM "Clearance" c LEFT JOIN "User" rb ON rb.id = c."recordedById"
            WHERE c."userId" = $1 ORDER BY c."clearedOn" DESC, c."createdAt" DESC LIMIT 50`, [a.id]],
        ],
        [
          [`SELECT id, "athleteId", "flagId", "flagDate", status, note, "createdAt" FROM "FlagAcknowledgement"
            WHERE "squadId" = $1 AND "athleteId" = $2 ORDER BY "createdAt" DESC LIMIT 200`, [squadId, a.id]],
          [`SELECT p.* FROM "PlannedSession" p WHERE p."athleteId" = $1 AND p.date >= $2::date AND p.date <= $3::date AND p."squadId" = ANY($4::text[])
              AND EXISTS (SELECT 1 FROM "Membership" m WHERE m."squadId" = p."squadId" AND m."userId" = $1 AND m.role = 'ATHLETE')
            ORDER BY p.date`, [a.id, addDays(asOf, -6), addDays(asOf, PLAN_WEEKS * 7), scene.coachSquadIds]],
        ],
      ];
    },
  }));

  return [overview, squadPage, ...athletePages];
}

// ---------------------------------------------------------------- runs

type PageResult = {
  page: Page;
  /** The first request after the server started: nothing kept yet (the squad statuses are computed). */
  firstMs: number;
  serial: Timing;
  load: Timing;
  sql: Timing;
  htmlKb: number;
  sqlRows: number;
  /** CPU milliseconds per request of the server and of the database, and of the database per bare-SQL run. */
  cpu: { app: number | null; db: number | null; sqlDb: number | null };
};

async function benchPage(base: string, cookie: string, pool: pg.Pool, meter: CpuMeter, page: Page, options: Options): Promise<PageResult> {
  const headers = { cookie, accept: "text/html", "accept-encoding": "gzip" };
  const fetchPage = async () => {
    const res = await request(`${base}${page.path}`, { headers });
    if (res.status !== 200) throw new Error(`${page.path} answered HTTP ${res.status}${res.headers.location ? ` (to ${res.headers.location})` : ""}`);
    return res;
  };
  // One uncompressed read to check it is the page, and its size as the browser receives it before gzip.
  const check = await request(`${base}${page.path}`, { headers: { cookie, accept: "text/html" } });
  const firstMs = check.ms;
  const html = check.body.toString();
  if (check.status !== 200 || !html.includes(page.expect)) {
    throw new Error(`${page.path} did not return the page (HTTP ${check.status}${check.headers.location ? `, to ${check.headers.location}` : ""}; "${page.expect}" ${html.includes(page.expect) ? "found" : "not found"})`);
  }
  const warmUp = Math.max(10, options.concurrency * 2);
  await timeConcurrently(warmUp, options.concurrency, async () => (await fetchPage()).ms);
  const serial = await timeConcurrently(options.serial, 1, async () => (await fetchPage()).ms);
  const [app0, db0] = [meter.app(), await meter.db()];
  const load = await timeConcurrently(options.requests, options.concurrency, async () => (await fetchPage()).ms);
  const [app1, db1] = [meter.app(), await meter.db()];

  let sqlRows = 0;
  const runSql = async () => {
    const started = performance.now();
    let rows = 0;
    for (const stage of page.sql()) {
      const results = await Promise.all(stage.map(([text, params]) => pool.query(text, params)));
      rows += results.reduce((n, r) => n + (r.rowCount ?? 0), 0);
    }
    sqlRows = rows;
    return performance.now() - started;
  };
  await timeConcurrently(warmUp, options.concurrency, runSql);
  const sqlDb0 = await meter.db();
  const sql = await timeConcurrently(options.requests, options.concurrency, runSql);
  const sqlDb1 = await meter.db();
  const perRequest = (ms: number | null) => (ms === null ? null : ms / options.requests);
  return {
    page,
    firstMs,
    serial,
    load,
    sql,
    htmlKb: check.body.length / 1024,
    sqlRows,
    cpu: { app: perRequest(cpuSpent(app0, app1)), db: perRequest(cpuSpent(db0, db1)), sqlDb: perRequest(cpuSpent(sqlDb0, sqlDb1)) },
  };
}

type BundleRow = { route: string; as: string; kb: number | null; chunks: number; note?: string };

async function measureFirstLoad(base: string, scene: Scene, cookies: { coach: string; athlete: string }, invitationToken: string): Promise<BundleRow[]> {
  const sizes = new ChunkSizes(distDir());
  const values: Record<string, string | null> = {
    squadId: scene.squadId,
    athleteId: scene.athletes[0].id,
    reportId: scene.ownReportId,
    sessionId: scene.ownSessionId,
    plannedId: scene.planned?.id ?? null,
    token: invitationToken,
  };
  const rows: BundleRow[] = [];
  for (const route of pageRoutes(distDir())) {
    const as = route.startsWith("/coach") || route === "/settings" ? "coach" : route.startsWith("/athlete") ? "athlete" : "visitor";
    const missing = [...route.matchAll(/\[(\w+)\]/g)].map((m) => m[1]).filter((p) => !values[p]);
    if (missing.length) {
      rows.push({ route, as, kb: null, chunks: 0, note: `no value for ${missing.join(", ")}` });
      continue;
    }
    // The planned-session page belongs to the athlete the planned session is for.
    const routeValues = route.includes("[plannedId]") && scene.planned ? { ...values, athleteId: scene.planned.athleteId } : values;
    const url = route === "/_not-found" ? "/bench-web-no-such-page" : route.replace(/\[(\w+)\]/g, (_, p: string) => routeValues[p]!);
    const cookie = as === "coach" ? cookies.coach : as === "athlete" ? cookies.athlete : "";
    const res = await request(`${base}${url}`, { headers: { accept: "text/html", ...(cookie ? { cookie } : {}) } });
    const expected = route === "/_not-found" ? 404 : 200;
    if (res.status !== expected) {
      rows.push({ route, as, kb: null, chunks: 0, note: `HTTP ${res.status}${res.headers.location ? ` to ${res.headers.location}` : ""}` });
      continue;
    }
    const total = sizes.total(firstLoadChunks(res.body.toString()));
    rows.push({ route, as, kb: total.gzip / 1024, chunks: total.count });
  }
  return rows;
}

// ---------------------------------------------------------------- output

const cpuMs = (x: number | null) => (x === null ? "-" : ms(x));

function printPages(results: PageResult[], options: Options) {
  console.log(
    `\nServer time per page: ${options.requests} requests at concurrency ${options.concurrency} after a warm-up; "alone" = p50 of ${options.serial} requests one at a time;` +
      `\n"first" = the page's first request, before anything was kept (the squad statuses are computed then, and again only when an athlete's data changes).` +
      `\nCPU app / CPU db = CPU time per request of the next start processes / of the database backends (Linux /proc; "-" when unreadable).` +
      `\nBare SQL = the page's own queries sent with pg at the same concurrency (stages awaited as the page does); SQL CPU db per run.`,
  );
  printTable(
    ["page", "HTML", "first", "alone", "p50", "p95", "max", "req/s", "CPU app", "CPU db", "SQL p50", "SQL p95", "SQL CPU db", "page/SQL p50", "page/SQL p95", "target p95"],
    results.map((r) => [
      r.page.name,
      `${Math.round(r.htmlKb)} kB`,
      ms(r.firstMs),
      ms(r.serial.p50),
      ms(r.load.p50),
      ms(r.load.p95),
      ms(r.load.max),
      r.load.perSecond.toFixed(1),
      cpuMs(r.cpu.app),
      cpuMs(r.cpu.db),
      ms(r.sql.p50),
      ms(r.sql.p95),
      cpuMs(r.cpu.sqlDb),
      `${(r.load.p50 / r.sql.p50).toFixed(1)}x`,
      `${(r.load.p95 / r.sql.p95).toFixed(1)}x`,
      `< ${r.page.targetMs} ms ${r.load.p95 < r.page.targetMs ? "PASS" : "OVER"}`,
    ]),
  );
}

function printBundles(rows: BundleRow[]) {
  console.log(`\nFirst-load JS per route (gzip level 9 of every script chunk the page's HTML loads; polyfills for old browsers left out):`);
  printTable(
    ["route", "as", "kB gzip", "chunks", "target"],
    rows.map((r) => [
      r.route,
      r.as,
      r.kb === null ? "-" : r.kb.toFixed(1),
      r.kb === null ? "-" : String(r.chunks),
      r.kb === null ? `not measured: ${r.note}` : `< ${FIRST_LOAD_TARGET_KB} kB ${r.kb < FIRST_LOAD_TARGET_KB ? "PASS" : "OVER"}`,
    ]),
  );
}

// ---------------------------------------------------------------- main

async function main() {
  const options = parseArgs(process.argv.slice(2));
  setDefaultAgent(new http.Agent({ keepAlive: true, maxSockets: options.concurrency }));
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  console.log(`CPU: ${cpus()[0]?.model ?? "unknown"} x${cpus().length}; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  const database = await benchDatabase({ envVar: "BENCH_DATABASE_URL", name: "backbone_bench", embeddedDir: path.join(root, ".bench", "pglite") });
  assertLocalDatabase(database.url);
  const { applied } = await applyMigrations(database.url);
  if (applied.length) console.log(`database: applied ${applied.join(", ")}`);
  const state = await ensureDemoSeeded(database.url, { athletes: ATHLETES, months: MONTHS, minSessions: 50_000, reseed: options.reseed });
  await ensureBuild(options.build);
  const buildId = readFileSync(path.join(distDir(), "BUILD_ID"), "utf8").trim();
  const builtAt = statSync(path.join(distDir(), "BUILD_ID")).mtime.toISOString().slice(0, 16).replace("T", " ");

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  onCleanUp(() => client.end());
  const scene = await loadScene(client);
  // The athlete page records each view in the audit log; the run's own entries go again afterwards, so
  // that reruns find the same database.
  const runStarted = new Date();
  onCleanUp(
    async () =>
      void (await client.query(`DELETE FROM "AuditLog" WHERE "createdAt" >= $1 AND action IN ('athlete.view', 'auth.login') AND "actorId" = ANY($2::text[])`, [
        runStarted,
        [scene.coachId, scene.ownId],
      ])),
  );
  // A live invitation, so that the invitation page is measured with its forms.
  const invitationToken = randomBytes(32).toString("base64url");
  const invitationId = `bench${randomUUID().replace(/-/g, "")}`;
  await client.query(`INSERT INTO "Invitation" (id, "squadId", role, "tokenHash", note, "expiresAt") VALUES ($1, $2, 'ATHLETE', $3, 'bench:web', now() + interval '1 day')`, [
    invitationId,
    scene.squadId,
    createHash("sha256").update(invitationToken).digest("hex"),
  ]);
  onCleanUp(async () => void (await client.query(`DELETE FROM "Invitation" WHERE id = $1`, [invitationId])));

  const port = await freePort(options.port);
  const { base, pid: serverPid } = await startServer(database.url, port, { embedded: database.embedded, profile: options.profile });
  console.log(`server: next start on ${base} (build ${buildId} of ${builtAt} UTC)`);
  console.log(
    `data: ${state.athletes} athletes, ${state.sessions.toLocaleString("en")} sessions, ${state.dailyLoads.toLocaleString("en")} daily totals, history ${state.first} to ${state.last}`,
  );
  const cookies = { coach: await logIn(base, DEMO_COACH_EMAIL), athlete: await logIn(base, scene.ownEmail) };

  const pool = new pg.Pool({ connectionString: database.url, max: options.concurrency });
  onCleanUp(() => pool.end());
  const local = !database.embedded && ["127.0.0.1", "localhost", "::1", "[::1]"].includes(new URL(database.url).hostname);
  const meter: CpuMeter = {
    app: () => cpuOf(processGroup(serverPid)),
    db: async () => (local ? cpuOf(await databaseBackends(client)) : new Map()),
  };
  const results: PageResult[] = [];
  for (const page of pages(scene)) {
    process.stdout.write(`measuring ${page.name}…\n`);
    results.push(await benchPage(base, cookies.coach, pool, meter, page, options));
  }
  printPages(results, options);
  const bundles = await measureFirstLoad(base, scene, cookies, invitationToken);
  printBundles(bundles);

  const measured = bundles.filter((b) => b.kb !== null);
  const heaviest = measured.reduce((a, b) => (b.kb! > a.kb! ? b : a));
  console.log("\nTargets:");
  for (const r of results) {
    console.log(`  ${r.page.name}: p95 ${ms(r.load.p95)} at concurrency ${options.concurrency} (target < ${r.page.targetMs} ms): ${r.load.p95 < r.page.targetMs ? "PASS" : "OVER"}`);
  }
  const over = measured.filter((b) => b.kb! >= FIRST_LOAD_TARGET_KB);
  console.log(
    `  first-load JS: largest ${heaviest.route} ${heaviest.kb!.toFixed(1)} kB gzip over ${measured.length} routes (target < ${FIRST_LOAD_TARGET_KB} kB): ` +
      (over.length ? `OVER on ${over.map((b) => b.route).join(", ")}` : "PASS"),
  );
  console.log(`  load average after the run: ${loadavg().map((l) => l.toFixed(2)).join(" ")} (others' work on this machine shows in the figures)`);
}

runBench(main);
