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
 *
 * --club measures the club instead (see runClub below): 1,000 athletes x 36 months in 10 squads, in a
 * database of its own (BENCH_CLUB_DATABASE_URL, else backbone_club on the local server).
 * --instances 2 runs two app instances behind a round-robin proxy instead (scripts/lib/two-instances.ts).
 */
import { spawn } from "node:child_process";
import { createHash, randomBytes, randomUUID } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { applyMigrations } from "./migrate";
import { root, run } from "./lib/processes";
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
import { assertLocalDatabase, resetDatabase } from "../tests/integration/test-database";
import type { CapturedStage, PageSqlInput, PageSqlOutput } from "./lib/page-sql";
import { DEMO_COACH_EMAIL } from "../prisma/demo/generator";
import { addDays, todayIn } from "../lib/dates";
import { fullRebuildSql } from "../lib/sessions/daily-load";
import { runTwoInstances } from "./lib/two-instances";

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
  /** The club bench (runClub) instead of the demo squad's pages. */
  club: boolean;
  /** Whether --requests or --concurrency were given, so that the club keeps its own defaults otherwise. */
  given: Set<string>;
  /** 2: two app instances behind a proxy (scripts/lib/two-instances.ts). */
  instances: 1 | 2;
};

function parseArgs(argv: string[]): Options {
  const options: Options = {
    requests: 200,
    concurrency: 2 * cpus().length,
    serial: 20,
    port: Number(process.env.BENCH_PORT ?? 3300),
    reseed: false,
    build: "auto",
    club: false,
    given: new Set(),
    instances: 1,
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const int = () => {
      const raw = inline ?? argv[++i];
      if (!raw || !/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`${flag} needs a positive whole number, got "${raw ?? ""}"`);
      options.given.add(flag);
      return Number(raw);
    };
    if (flag === "--requests") options.requests = int();
    else if (flag === "--concurrency") options.concurrency = int();
    else if (flag === "--serial") options.serial = int();
    else if (flag === "--port") options.port = int();
    else if (flag === "--reseed") options.reseed = true;
    else if (flag === "--club") options.club = true;
    else if (flag === "--instances") {
      const raw = inline ?? argv[++i];
      if (raw !== "1" && raw !== "2") throw new UsageError(`--instances is 1 or 2, got "${raw ?? ""}"`);
      options.instances = Number(raw) as 1 | 2;
    }
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

type Stage = CapturedStage;

type Page = {
  name: string;
  path: string;
  targetMs: number;
  /** Text the page must contain, so that a login page or an error page is not timed by mistake. */
  expect: string;
  /**
   * The page's reads as bare SQL, stage by stage as the page awaits them (a stage's queries run in
   * parallel): the statements its own lib/ functions sent when run once (scripts/lib/page-sql.ts).
   */
  sql: () => Stage[];
};

/**
 * Runs the pages' data functions once in a process of their own (a cold start, as a page's first request)
 * and answers the SQL they sent, page by page.
 */
async function capturePageSql(databaseUrl: string, input: PageSqlInput): Promise<PageSqlOutput> {
  // No mail server: the header's unread count must not start sending alert emails from this process.
  const { SMTP_URL: _smtp, ...env } = process.env;
  void _smtp;
  const child = spawn(
    process.execPath,
    [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), path.join(root, "scripts", "lib", "page-sql.ts"), JSON.stringify(input)],
    { cwd: root, env: { ...env, DATABASE_URL: databaseUrl, DB_POOL_SIZE: "10" }, stdio: ["ignore", "pipe", "pipe"] },
  );
  const out: Buffer[] = [];
  const err: Buffer[] = [];
  child.stdout.on("data", (chunk: Buffer) => out.push(chunk));
  child.stderr.on("data", (chunk: Buffer) => err.push(chunk));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.on("error", reject);
    child.on("close", resolve);
  });
  if (code !== 0) throw new Error(`Capturing the pages' SQL failed (exit ${code}): ${Buffer.concat(err).toString().trim()}`);
  return JSON.parse(Buffer.concat(out).toString()) as PageSqlOutput;
}

function pages(scene: Scene, captured: PageSqlOutput): Page[] {
  const { squadId } = scene;
  const overview: Page = {
    name: "squad overview /coach",
    path: "/coach",
    targetMs: OVERVIEW_TARGET_MS,
    expect: "Your squads",
    sql: () => captured.overview,
  };
  const squadPage: Page = {
    name: "squad page /coach/squads/[id]",
    path: `/coach/squads/${squadId}`,
    targetMs: OVERVIEW_TARGET_MS,
    expect: scene.squadName,
    sql: () => captured.squad,
  };
  const athletePages = scene.athletes.map(
    (a): Page => ({
      name: `athlete page, ${a.label} (${a.sessions} sessions)`,
      path: `/coach/squads/${squadId}/athletes/${a.id}`,
      targetMs: ATHLETE_TARGET_MS,
      expect: a.name,
      sql: () => captured.athletes[a.id],
    }),
  );
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
    const as = route.startsWith("/coach") || route === "/settings" || route === "/inbox" ? "coach" : route.startsWith("/athlete") ? "athlete" : "visitor";
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
      `\nBare SQL = the statements the page's own lib/ functions send (captured once, on a cold start), replayed with pg at the same concurrency` +
      `\n(stages awaited as the page does); SQL CPU db per run.`,
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
  if (options.club) return runClub(options);
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
  if (options.instances === 2) {
    return runTwoInstances({
      databaseUrl: database.url,
      embedded: database.embedded,
      port: options.port,
      requests: options.requests,
      concurrency: options.concurrency,
      coachEmail: DEMO_COACH_EMAIL,
      squadId: scene.squadId,
      squadName: scene.squadName,
      // The median athlete logs a session through instance A.
      athlete: scene.athletes[1],
    });
  }
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
  // The coach's session of this run, for the viewer's statement as the pages send it.
  const session = await client.query<{ id: string }>(`SELECT id FROM "AuthSession" WHERE "userId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [scene.coachId]);
  process.stdout.write("capturing the pages' SQL…\n");
  const captured = await capturePageSql(database.url, {
    coachId: scene.coachId,
    sessionId: session.rows[0].id,
    squadId: scene.squadId,
    athleteIds: scene.athletes.map((a) => a.id),
  });

  const pool = new pg.Pool({ connectionString: database.url, max: options.concurrency });
  onCleanUp(() => pool.end());
  const local = !database.embedded && ["127.0.0.1", "localhost", "::1", "[::1]"].includes(new URL(database.url).hostname);
  const meter: CpuMeter = {
    app: () => cpuOf(processGroup(serverPid)),
    db: async () => (local ? cpuOf(await databaseBackends(client)) : new Map()),
  };
  const results: PageResult[] = [];
  for (const page of pages(scene, captured)) {
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

// ---------------------------------------------------------------- the club (--club)
//
// A club of 1,000 athletes x 36 months in 10 squads of 100 (about 1.1 million sessions; prisma/seed.ts
// --club), in a database of its own: BENCH_CLUB_DATABASE_URL, else backbone_club on the local server.
// It is seeded when missing or when the seeded club does not match (as the demo squad is; --reseed
// forces it). Measured, with OVER/PASS, for the demo coach's 100-athlete squad:
// - the squad overview and an athlete page at concurrency 16 (--concurrency): p95 < 150 ms, p99 < 300 ms,
//   no errors;
// - the first request of each after the server started, and after a data change (a session written for
//   the athlete as the app writes one: the row and that athlete's daily totals in one transaction): < 150 ms;
// - the athlete page within 3x its bare SQL, both one request at a time (p50);
// - the app's CPU time per overview request (user + system time of the server's processes over the
//   concurrent run, divided by its requests): < 15 ms;
// - the database size and a full rebuild of every athlete's daily totals (rebuildAllDailyLoads' SQL).

const CLUB_ATHLETES = 1000;
const CLUB_MIN_SESSIONS = 900_000;
const CLUB_CONCURRENCY = 16;
const CLUB_REQUESTS = 400;
const CLUB_P95_MS = 150;
const CLUB_P99_MS = 300;
const CLUB_FIRST_MS = 150;
const CLUB_SQL_RATIO = 3;
const CLUB_CPU_MS = 15;

type ClubState = { athletes: number; squads: number; sessions: number; dailyLoads: number; first: string | null; last: string | null };

async function clubState(client: pg.Client): Promise<ClubState> {
  const { rows } = await client.query<ClubState>(`
    SELECT (SELECT count(*)::int FROM "Membership" WHERE role = 'ATHLETE') AS athletes,
           (SELECT count(*)::int FROM "Squad") AS squads,
           (SELECT count(*)::int FROM "TrainingSession") AS sessions,
           (SELECT count(*)::int FROM "DailyLoad") AS "dailyLoads",
           (SELECT min("localDate")::text FROM "TrainingSession") AS first,
           (SELECT max("localDate")::text FROM "TrainingSession") AS last`);
  return rows[0];
}

/** Seeds the club unless it is there with a history that ends within two days of today (or --reseed). */
async function ensureClubSeeded(client: pg.Client, url: string, reseed: boolean): Promise<ClubState & { seedSeconds: number | null }> {
  let state = await clubState(client);
  const current = state.athletes === CLUB_ATHLETES && state.sessions > CLUB_MIN_SESSIONS && state.last !== null && state.last >= addDays(todayIn("UTC"), -2);
  let seedSeconds: number | null = null;
  if (current && !reseed) {
    console.log(`database: club present (${state.athletes} athletes in ${state.squads} squads, history ${state.first} to ${state.last}); not reseeded`);
  } else {
    const why = reseed ? "--reseed" : state.sessions === 0 ? "empty database" : `seeded data does not match (${state.athletes} athletes, history up to ${state.last})`;
    console.log(`database: seeding the club, ${CLUB_ATHLETES} athletes (${why})…`);
    const started = performance.now();
    await resetDatabase(url);
    await run(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "prisma/seed.ts", "--club", String(CLUB_ATHLETES)], {
      env: { ...process.env, DATABASE_URL: url },
    });
    seedSeconds = (performance.now() - started) / 1000;
    console.log(`database: club seeded in ${seedSeconds.toFixed(1)} s`);
    state = await clubState(client);
  }
  await client.query("VACUUM ANALYZE");
  return { ...state, seedSeconds };
}

type ClubLoad = Timing & { p99: number; errors: number; firstError: string | null; cpuMs: number | null };

/** `count` requests of one page, `concurrency` at a time; failures are counted, not thrown. */
async function clubLoad(url: string, cookie: string, count: number, concurrency: number, serverPid: number): Promise<ClubLoad> {
  const times: number[] = [];
  let errors = 0;
  let firstError: string | null = null;
  let next = 0;
  const app0 = cpuOf(processGroup(serverPid));
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) {
        next++;
        const began = performance.now();
        try {
          const res = await request(url, { headers: { cookie, accept: "text/html", "accept-encoding": "gzip" } });
          if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
          times.push(res.ms);
        } catch (error) {
          errors++;
          firstError ??= error instanceof Error ? error.message : String(error);
          times.push(performance.now() - began);
        }
      }
    }),
  );
  const wall = performance.now() - started;
  const spent = cpuSpent(app0, cpuOf(processGroup(serverPid)));
  times.sort((a, b) => a - b);
  return {
    p50: percentile(times, 0.5),
    p95: percentile(times, 0.95),
    p99: percentile(times, 0.99),
    max: times[times.length - 1],
    perSecond: (count / wall) * 1000,
    count,
    errors,
    firstError,
    cpuMs: spent === null ? null : spent / count,
  };
}

/** One request that must answer the page (HTTP 200 and its text); its time. */
async function clubPage(url: string, cookie: string, expect: string): Promise<number> {
  const res = await request(url, { headers: { cookie, accept: "text/html" } });
  const html = res.body.toString();
  if (res.status !== 200 || !html.includes(expect)) {
    throw new Error(`${url} did not return the page (HTTP ${res.status}${res.headers.location ? `, to ${res.headers.location}` : ""}; "${expect}" ${html.includes(expect) ? "found" : "not found"})`);
  }
  return res.ms;
}

/**
 * A session for the athlete today, written as lib/sessions/mutations.ts createSession writes one: the row
 * and the athlete's daily totals in one transaction (the triggers bump the athlete's data version).
 * Returns the session's id.
 */
async function writeClubSession(client: pg.Client, athleteId: string, timeZone: string): Promise<string> {
  const id = `bench${randomUUID().replace(/-/g, "")}`;
  const [remove, insert] = fullRebuildSql([athleteId]);
  await client.query("BEGIN");
  try {
    await client.query(
      `INSERT INTO "TrainingSession" (id, "userId", "localDate", type, "durationMin", "distanceKm", rpe, surface, source, notes, "updatedAt")
       VALUES ($1, $2, $3::date, 'RUN', 45, 9.2, 6, 'ASPHALT', 'MANUAL', 'bench:web --club', now())`,
      [id, athleteId, todayIn(timeZone)],
    );
    await client.query(remove.text, remove.values);
    await client.query(insert.text, insert.values);
    await client.query("COMMIT");
  } catch (error) {
    await client.query("ROLLBACK");
    throw error;
  }
  return id;
}

async function removeClubSession(client: pg.Client, id: string, athleteId: string): Promise<void> {
  const [remove, insert] = fullRebuildSql([athleteId]);
  await client.query("BEGIN");
  await client.query(`DELETE FROM "TrainingSession" WHERE id = $1`, [id]);
  await client.query(remove.text, remove.values);
  await client.query(insert.text, insert.values);
  await client.query("COMMIT");
}

/** The full rebuild of daily totals as rebuildAllDailyLoads runs it, timed; rows written. */
async function timeFullRebuild(client: pg.Client): Promise<{ seconds: number; rows: number }> {
  const [remove, insert] = fullRebuildSql();
  const started = performance.now();
  await client.query("BEGIN");
  await client.query(remove.text, remove.values);
  const written = await client.query(insert.text, insert.values);
  await client.query("COMMIT");
  const seconds = (performance.now() - started) / 1000;
  // The old row versions would otherwise be read past by the pages measured next.
  await client.query(`VACUUM ANALYZE "DailyLoad"`);
  return { seconds, rows: written.rowCount ?? 0 };
}

const verdict = (ok: boolean) => (ok ? "PASS" : "OVER");

async function runClub(options: Options): Promise<number> {
  const concurrency = options.given.has("--concurrency") ? options.concurrency : CLUB_CONCURRENCY;
  const requests = options.given.has("--requests") ? options.requests : CLUB_REQUESTS;
  setDefaultAgent(new http.Agent({ keepAlive: true, maxSockets: concurrency }));
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  console.log(`CPU: ${cpus()[0]?.model ?? "unknown"} x${cpus().length}; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  const database = await benchDatabase({ envVar: "BENCH_CLUB_DATABASE_URL", name: "backbone_club", embeddedDir: path.join(root, ".bench", "pglite-club") });
  assertLocalDatabase(database.url);
  const { applied } = await applyMigrations(database.url);
  if (applied.length) console.log(`database: applied ${applied.join(", ")}`);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  onCleanUp(() => client.end());
  const state = await ensureClubSeeded(client, database.url, options.reseed);
  await ensureBuild(options.build);

  const scene = await loadScene(client);
  const athlete = scene.athletes[1];
  const runStarted = new Date();
  onCleanUp(
    async () =>
      void (await client.query(`DELETE FROM "AuditLog" WHERE "createdAt" >= $1 AND action IN ('athlete.view', 'auth.login') AND "actorId" = $2`, [runStarted, scene.coachId])),
  );

  // The size before the rebuild: a rebuild leaves the old rows' space to be reused by the next writes.
  const size = await client.query<{ bytes: string; pretty: string }>(`SELECT pg_database_size(current_database())::text AS bytes, pg_size_pretty(pg_database_size(current_database())) AS pretty`);
  const tables = await client.query<{ name: string; pretty: string }>(
    `SELECT c.relname AS name, pg_size_pretty(pg_total_relation_size(c.oid)) AS pretty FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = 'public' AND c.relkind = 'r' ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 3`,
  );
  console.log("database: full rebuild of daily totals…");
  const rebuild = await timeFullRebuild(client);

  const port = await freePort(options.port);
  const { base, pid: serverPid } = await startServer(database.url, port, { embedded: database.embedded, profile: options.profile });
  console.log(`server: next start on ${base}`);
  console.log(
    `data: ${state.athletes} athletes in ${state.squads} squads, ${state.sessions.toLocaleString("en")} sessions, ${state.dailyLoads.toLocaleString("en")} daily totals, history ${state.first} to ${state.last}`,
  );
  const cookie = await logIn(base, DEMO_COACH_EMAIL);
  const overviewUrl = `${base}/coach`;
  const athleteUrl = `${base}/coach/squads/${scene.squadId}/athletes/${athlete.id}`;

  // The first requests after the start: nothing kept in the server yet.
  const firstOverview = await clubPage(overviewUrl, cookie, "Your squads");
  const firstAthlete = await clubPage(athleteUrl, cookie, athlete.name);

  const session = await client.query<{ id: string }>(`SELECT id FROM "AuthSession" WHERE "userId" = $1 ORDER BY "createdAt" DESC LIMIT 1`, [scene.coachId]);
  process.stdout.write("capturing the athlete page's SQL…\n");
  const captured = await capturePageSql(database.url, { coachId: scene.coachId, sessionId: session.rows[0].id, squadId: scene.squadId, athleteIds: [athlete.id] });
  const pool = new pg.Pool({ connectionString: database.url, max: concurrency });
  onCleanUp(() => pool.end());

  const warmUp = concurrency * 2;
  process.stdout.write(`measuring the squad overview, ${requests} requests at concurrency ${concurrency}…\n`);
  await clubLoad(overviewUrl, cookie, warmUp, concurrency, serverPid);
  const overview = await clubLoad(overviewUrl, cookie, requests, concurrency, serverPid);
  process.stdout.write(`measuring the athlete page (${athlete.sessions} sessions), ${requests} requests at concurrency ${concurrency}…\n`);
  await clubLoad(athleteUrl, cookie, warmUp, concurrency, serverPid);
  const athletePage = await clubLoad(athleteUrl, cookie, requests, concurrency, serverPid);

  // The page against its bare SQL, both one at a time, so that the queue at 16 is in neither.
  const alone = await timeConcurrently(options.serial, 1, async () => (await request(athleteUrl, { headers: { cookie, accept: "text/html", "accept-encoding": "gzip" } })).ms);
  const runSql = async () => {
    const started = performance.now();
    for (const stage of captured.athletes[athlete.id]) await Promise.all(stage.map(([text, params]) => pool.query(text, params)));
    return performance.now() - started;
  };
  await timeConcurrently(5, 1, runSql);
  const sqlAlone = await timeConcurrently(options.serial, 1, runSql);

  // A data change: the next overview and that athlete's page.
  const written = await writeClubSession(client, athlete.id, athlete.timeZone);
  onCleanUp(() => removeClubSession(client, written, athlete.id));
  const changedOverview = await clubPage(overviewUrl, cookie, "Your squads");
  const changedAthlete = await clubPage(athleteUrl, cookie, athlete.name);

  console.log(`\nClub: ${scene.squadName} (${scene.athleteIds.length} athletes) of ${state.squads} squads; athlete page of ${athlete.name} (${athlete.sessions} sessions).`);
  printTable(
    ["page", "first after start", "first after a change", "p50", "p95", "p99", "max", "req/s", "errors", "CPU app/request"],
    [
      ["squad overview /coach", ms(firstOverview), ms(changedOverview), ms(overview.p50), ms(overview.p95), ms(overview.p99), ms(overview.max), overview.perSecond.toFixed(1), String(overview.errors), cpuMs(overview.cpuMs)],
      ["athlete page", ms(firstAthlete), ms(changedAthlete), ms(athletePage.p50), ms(athletePage.p95), ms(athletePage.p99), ms(athletePage.max), athletePage.perSecond.toFixed(1), String(athletePage.errors), cpuMs(athletePage.cpuMs)],
    ],
  );
  for (const [name, load] of [["overview", overview], ["athlete page", athletePage]] as const) {
    if (load.firstError) console.log(`  ${name}: first error: ${load.firstError}`);
  }
  const ratio = alone.p50 / sqlAlone.p50;
  console.log(`athlete page one at a time: p50 ${ms(alone.p50)}; its bare SQL (${captured.athletes[athlete.id].flat().length} statements) p50 ${ms(sqlAlone.p50)}: ${ratio.toFixed(1)}x`);
  console.log(`database: ${size.rows[0].pretty} (${Number(size.rows[0].bytes).toLocaleString("en")} bytes); largest tables ${tables.rows.map((t) => `${t.name} ${t.pretty}`).join(", ")}`);
  console.log(`full rebuild of daily totals: ${rebuild.rows.toLocaleString("en")} rows for ${state.athletes} athletes in ${rebuild.seconds.toFixed(1)} s`);
  if (state.seedSeconds !== null) console.log(`seed: ${state.seedSeconds.toFixed(1)} s`);

  console.log(`\nTargets (concurrency ${concurrency}, ${requests} requests each):`);
  const lines: [string, boolean][] = [
    [`squad overview p95 ${ms(overview.p95)} (< ${CLUB_P95_MS} ms)`, overview.p95 < CLUB_P95_MS],
    [`squad overview p99 ${ms(overview.p99)} (< ${CLUB_P99_MS} ms)`, overview.p99 < CLUB_P99_MS],
    [`squad overview errors ${overview.errors} (0)`, overview.errors === 0],
    [`athlete page p95 ${ms(athletePage.p95)} (< ${CLUB_P95_MS} ms)`, athletePage.p95 < CLUB_P95_MS],
    [`athlete page p99 ${ms(athletePage.p99)} (< ${CLUB_P99_MS} ms)`, athletePage.p99 < CLUB_P99_MS],
    [`athlete page errors ${athletePage.errors} (0)`, athletePage.errors === 0],
    [`first overview after a start ${ms(firstOverview)} (< ${CLUB_FIRST_MS} ms)`, firstOverview < CLUB_FIRST_MS],
    [`first athlete page after a start ${ms(firstAthlete)} (< ${CLUB_FIRST_MS} ms)`, firstAthlete < CLUB_FIRST_MS],
    [`first overview after a data change ${ms(changedOverview)} (< ${CLUB_FIRST_MS} ms)`, changedOverview < CLUB_FIRST_MS],
    [`first athlete page after a data change ${ms(changedAthlete)} (< ${CLUB_FIRST_MS} ms)`, changedAthlete < CLUB_FIRST_MS],
    [`athlete page / its bare SQL ${ratio.toFixed(1)}x (< ${CLUB_SQL_RATIO}x)`, ratio < CLUB_SQL_RATIO],
    [`app CPU per overview request ${cpuMs(overview.cpuMs)} (< ${CLUB_CPU_MS} ms)`, overview.cpuMs !== null && overview.cpuMs < CLUB_CPU_MS],
  ];
  for (const [text, ok] of lines) console.log(`  ${text}: ${verdict(ok)}`);
  console.log(`  database size ${size.rows[0].pretty}; full rebuild of daily totals ${rebuild.seconds.toFixed(1)} s`);
  console.log(`  load average after the run: ${loadavg().map((l) => l.toFixed(2)).join(" ")} (others' work on this machine shows in the figures)`);
  return overview.errors + athletePage.errors > 0 ? 1 : 0;
}

runBench(main);
