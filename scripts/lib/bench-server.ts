// What the benchmarks that run against the production server share: clean-up on exit and Ctrl-C, the
// benchmark database and its demo seed, the build, the server on a free port, HTTP requests and logging in.
import { randomBytes } from "node:crypto";
import { spawn, type ChildProcess } from "node:child_process";
import { createWriteStream, existsSync, mkdirSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { bin, isPortOpen, root, run, startEmbeddedPostgres } from "./processes";
import { ensureDatabaseExists } from "./database";
import { buildIsCurrent, distDir } from "./build";
import { resetDatabase } from "../../tests/integration/test-database";
import { addDays, todayIn } from "../../lib/dates";
import { DEMO_COACH_EMAIL, DEMO_PASSWORD } from "../../prisma/demo/generator";

/** A wrong command-line argument: its message is printed alone, without a stack. */
export class UsageError extends Error {}

// ---------------------------------------------------------------- clean-up, also on Ctrl-C

const cleanups: (() => Promise<void>)[] = [];
let cleaning: Promise<void> | undefined;
let interrupted = false;

/** Registers something to undo when the run ends, fails or is interrupted; undone newest first. */
export function onCleanUp(fn: () => Promise<void>): void {
  cleanups.push(fn);
}

/** Undoes what the run set up, newest first; called once, whether the run ends, fails or is interrupted. */
export function cleanUp(): Promise<void> {
  cleaning ??= (async () => {
    while (cleanups.length) {
      const fn = cleanups.pop()!;
      await fn().catch((error: unknown) => console.error(`clean-up: ${error instanceof Error ? error.message : String(error)}`));
    }
  })();
  return cleaning;
}

/**
 * Runs a benchmark's main function: cleans up afterwards and on SIGINT/SIGTERM, and exits with main's
 * exit code (0 when it returns nothing), 1 when it throws, 130 when interrupted.
 */
export function runBench(main: () => Promise<number | void>): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      interrupted = true;
      console.error(`\n${signal}: stopping`);
      void cleanUp().finally(() => process.exit(130));
    });
  }
  main()
    .then(async (code) => {
      await cleanUp();
      process.exit(code ?? 0);
    }, async (error: unknown) => {
      // Requests in flight fail once an interrupt has stopped the server: that is not worth reporting.
      if (!interrupted) console.error(error instanceof UsageError ? error.message : error);
      await cleanUp();
      process.exit(interrupted ? 130 : 1);
    });
}

// ---------------------------------------------------------------- database and seed

/**
 * The database a benchmark uses: the URL in the environment variable `envVar`, else database `name` on the
 * local server on 127.0.0.1:5432 (created if missing), else the embedded one with its data in `embeddedDir`.
 */
export async function benchDatabase(options: { envVar: string; name: string; embeddedDir: string }): Promise<{ url: string; embedded: boolean }> {
  const fromEnv = process.env[options.envVar];
  if (fromEnv) return { url: fromEnv, embedded: false };
  if (await isPortOpen(5432)) {
    return { url: await ensureDatabaseExists("postgresql://postgres@127.0.0.1:5432/postgres", options.name), embedded: false };
  }
  console.log(`No Postgres on 127.0.0.1:5432: using the embedded database (${path.relative(root, options.embeddedDir)}). It runs one query at a time, so its figures say little about a real server.`);
  const embedded = await startEmbeddedPostgres({ dataDir: options.embeddedDir, port: Number(process.env.EMBEDDED_DB_PORT ?? 54349) });
  onCleanUp(embedded.stop);
  return { url: embedded.url, embedded: true };
}

export type SeedState = { athletes: number; sessions: number; dailyLoads: number; first: string | null; last: string | null };

export async function seedState(client: pg.Client | pg.Pool): Promise<SeedState> {
  const { rows } = await client.query<SeedState>(`
    SELECT (SELECT count(*)::int FROM "Membership" m JOIN "Membership" c ON c."squadId" = m."squadId" AND c.role = 'COACH'
              JOIN "User" u ON u.id = c."userId" AND u.email = $1 WHERE m.role = 'ATHLETE') AS athletes,
           (SELECT count(*)::int FROM "TrainingSession") AS sessions,
           (SELECT count(*)::int FROM "DailyLoad") AS "dailyLoads",
           (SELECT min("localDate")::text FROM "TrainingSession") AS first,
           (SELECT max("localDate")::text FROM "TrainingSession") AS last`, [DEMO_COACH_EMAIL]);
  return rows[0];
}

/**
 * Seeds the demo squad of `athletes` x `months` with prisma/seed.ts unless it is there already with more
 * than `minSessions` sessions and a history that ends within two days of today (or `reseed`); then
 * refreshes the planner's statistics.
 */
export async function ensureDemoSeeded(
  url: string,
  options: { athletes: number; months: number; minSessions: number; reseed: boolean },
): Promise<SeedState> {
  const { athletes, months } = options;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    let state = await seedState(client);
    const today = todayIn("UTC");
    const current = state.athletes === athletes && state.sessions > options.minSessions && state.last !== null && state.last >= addDays(today, -2);
    if (current && !options.reseed) {
      console.log(`database: demo squad present (${state.athletes} athletes, history ${state.first} to ${state.last}); not reseeded`);
    } else {
      const why = options.reseed ? "--reseed" : state.sessions === 0 ? "empty database" : `seeded data does not match (${state.athletes} athletes, history up to ${state.last})`;
      console.log(`database: seeding ${athletes} athletes x ${months} months (${why})…`);
      const started = performance.now();
      await resetDatabase(url);
      await run(process.execPath, [path.join(root, "node_modules", "tsx", "dist", "cli.mjs"), "prisma/seed.ts", "--athletes", String(athletes), "--months", String(months)], {
        env: { ...process.env, DATABASE_URL: url },
      });
      console.log(`database: seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      state = await seedState(client);
    }
    // Fresh statistics, as autovacuum keeps them on a live database; without them the planner guesses.
    await client.query("ANALYZE");
    return state;
  } finally {
    await client.end();
  }
}

// ---------------------------------------------------------------- build and server

export type BuildMode = "auto" | "always" | "never";

/** Builds the production app when asked, or when sources changed since the last build ("auto"). */
export async function ensureBuild(mode: BuildMode): Promise<void> {
  const dir = distDir();
  if (mode === "never") {
    if (!existsSync(path.join(dir, "BUILD_ID"))) throw new Error(`--no-build, but there is no build in ${dir}`);
    if (!buildIsCurrent(dir)) console.log("build: sources changed since the last build (--no-build: measuring the old one)");
  } else if (mode === "auto" && buildIsCurrent(dir)) {
    console.log(`build: ${path.relative(root, dir)} is current (--build forces a new one)`);
  } else {
    console.log("build: next build (production)…");
    const started = performance.now();
    await run(bin("next"), ["build"], { env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" } });
    console.log(`build: done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  // What is measured is the standalone server, as the Docker image runs it.
  await run(process.execPath, [path.join(root, "scripts", "standalone.mjs")]);
}

/** The production server script: the standalone folder's (scripts/standalone.mjs), else the checkout's. */
function serverScript(): string {
  const standalone = path.join(distDir(), "standalone", "scripts", "serve.mjs");
  return existsSync(standalone) ? standalone : path.join(root, "scripts/serve.mjs");
}

export async function freePort(from: number): Promise<number> {
  for (let port = from; port < from + 50; port++) if (!(await isPortOpen(port))) return port;
  throw new Error(`no free port between ${from} and ${from + 49}`);
}

export type ServerOptions = {
  embedded: boolean;
  /** Directory for V8 CPU profiles of the server (node --cpu-prof), written when it stops. */
  profile?: string;
  /** More environment for the server, over the defaults. */
  env?: Record<string, string>;
  /** A file that receives everything the server prints. */
  logFile?: string;
};

/**
 * Starts the production server of `npm start` (scripts/serve.mjs: one worker per core) on 127.0.0.1:port
 * in its own process group, stopped at clean-up; resolves once /api/health answers 200.
 */
export async function startServer(databaseUrl: string, port: number, options: ServerOptions): Promise<{ base: string; pid: number }> {
  const base = `http://127.0.0.1:${port}`;
  const log: string[] = [];
  // --cpu-prof is refused in NODE_OPTIONS but reaches the workers through the primary's exec arguments.
  const nodeArgs = options.profile ? ["--cpu-prof", `--cpu-prof-dir=${options.profile}`] : [];
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, serverScript(), "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    // Its own process group, so that stopping it also stops whatever it started.
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: randomBytes(48).toString("base64url"),
      AUTH_TRUST_HOST: "true",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      ...(options.embedded ? { DB_POOL_SIZE: "4", BACKBONE_EMBEDDED_DB: "1" } : {}),
      ...options.env,
    },
  });
  let file: ReturnType<typeof createWriteStream> | undefined;
  if (options.logFile) {
    mkdirSync(path.dirname(options.logFile), { recursive: true });
    file = createWriteStream(options.logFile);
  }
  const keep = (chunk: Buffer) => {
    file?.write(chunk);
    log.push(chunk.toString());
    if (log.length > 200) log.shift();
  };
  child.stdout!.on("data", keep);
  child.stderr!.on("data", keep);
  let exited = false;
  child.once("exit", () => (exited = true));
  onCleanUp(
    () =>
      new Promise<void>((resolve) => {
        const done = () => (file ? file.end(() => resolve()) : resolve());
        if (exited) return done();
        const force = setTimeout(() => process.kill(-child.pid!, "SIGKILL"), 5000);
        child.once("exit", () => {
          clearTimeout(force);
          done();
        });
        process.kill(-child.pid!, "SIGTERM");
      }),
  );
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (exited) throw new Error(`next start exited early:\n${log.join("")}`);
    const res = await request(`${base}/api/health`).catch(() => null);
    if (res?.status === 200) return { base, pid: child.pid! };
    if (Date.now() > deadline) throw new Error(`${base}/api/health did not answer 200 within 60 s:\n${log.join("")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

// ---------------------------------------------------------------- HTTP

export type Response = { status: number; headers: http.IncomingHttpHeaders; body: Buffer; ms: number };

export type RequestOptions = {
  method?: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** The connection pool to use; default the one `setDefaultAgent` set. */
  agent?: http.Agent;
};

let defaultAgent = new http.Agent({ keepAlive: true, maxSockets: 8 });

/** Sets the connection pool that requests use unless they name their own. */
export function setDefaultAgent(agent: http.Agent): void {
  defaultAgent = agent;
}

/** One request; `ms` runs from sending it to the last byte of the body. Rejects on network errors and after 60 s. */
export function request(url: string, options: RequestOptions = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request(url, { method: options.method ?? "GET", headers: options.headers, agent: options.agent ?? defaultAgent }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks), ms: performance.now() - started }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.setTimeout(60_000, () => req.destroy(new Error(`${url}: no answer within 60 s`)));
    req.end(options.body);
  });
}

export const cookiesOf = (res: Response) => (res.headers["set-cookie"] ?? []).map((c) => c.split(";")[0]);

/** Logs in through Auth.js's credentials endpoint, as the login form does; returns the Cookie header. */
export async function logIn(base: string, email: string, password = DEMO_PASSWORD, agent?: http.Agent): Promise<string> {
  const csrf = await request(`${base}/api/auth/csrf`, { agent });
  const { csrfToken } = JSON.parse(csrf.body.toString()) as { csrfToken: string };
  const res = await request(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: "/" }).toString(),
    agent,
  });
  const session = cookiesOf(res).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`logging in as ${email} failed (HTTP ${res.status}, ${res.headers.location ?? "no redirect"})`);
  return session;
}

// ---------------------------------------------------------------- figures

/** The p-quantile (0..1) of ascending numbers, nearest rank. */
export const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))];

export const ms = (x: number) => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;

/** Prints rows as aligned columns: the first left-aligned, the others right-aligned. */
export function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ");
  console.log(line(header));
  for (const row of rows) console.log(line(row));
}
