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
import type { CapturedStage, PageSqlInput, PageSqlOutput } from "./lib/page-sql";
import { DEMO_COACH_EMAIL } from "../prisma/demo/generator";
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
  /** 2: two app instances behind a proxy (scripts/lib/two-instances.ts). */
  instances: 1 | 2;
};

function parseArgs(argv: string[]): Options {
  const options: Options = { requests: 200, concurrency: 2 * cpus().length, serial: 20, port: Number(process.env.BENCH_PORT ?? 3300), reseed: false, build: "auto", instances: 1 };
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

runBench(main);
