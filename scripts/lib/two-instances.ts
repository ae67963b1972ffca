/**
 * `npm run bench:web -- --instances 2`: two app instances (two production servers, each with its own
 * worker processes) on one Postgres behind a small round-robin proxy, as a deployment scaled out runs.
 * Measures, through the proxy, the squad overview and an athlete page under load and the app's CPU per
 * overview request; the first overview of each instance after its start; and shows that a session an
 * athlete logs through instance A's form is in instance B's very next overview (PASS/OVER), with that
 * overview's time (the first request after a data change).
 */
import { readdirSync, readFileSync, existsSync } from "node:fs";
import http from "node:http";
import { randomBytes } from "node:crypto";
import { performance } from "node:perf_hooks";
import pg from "pg";
import { freePort, logIn, ms, onCleanUp, percentile, printTable, request, startServer, type Response } from "./bench-server";
import { startRoundRobinProxy } from "./round-robin-proxy";

export type TwoInstancesInput = {
  databaseUrl: string;
  embedded: boolean;
  /** Instance A listens here, B 10 above, the proxy 20 above (the next free port from each). */
  port: number;
  requests: number;
  concurrency: number;
  coachEmail: string;
  squadId: string;
  squadName: string;
  /** An athlete of the squad who logs a session through instance A. */
  athlete: { id: string; email: string; name: string; timeZone: string };
};

const FIRST_TARGET_MS = 150;
const CPU_TARGET_MS = 15;
// The session logged: its load (minutes x RPE) is what the overview's week column must gain.
const WRITE_MINUTES = 77;
const WRITE_RPE = 7;
const WRITE_NOTE = "bench:web two instances";

// ---------------------------------------------------------------- CPU of a server's processes (Linux)

function procStat(pid: number): string[] | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    return stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  } catch {
    return null;
  }
}

/** CPU milliseconds so far of every process in these process groups (each server runs in its own). */
function groupCpu(pgids: number[]): number | null {
  if (!existsSync("/proc")) return null;
  let total = 0;
  for (const d of readdirSync("/proc")) {
    if (!/^\d+$/.test(d)) continue;
    const f = procStat(Number(d));
    // Fields after "pid (comm) ": state, ppid, pgrp, ...; utime and stime are the 12th and 13th of them.
    if (f && pgids.includes(Number(f[2]))) total += ((Number(f[11]) + Number(f[12])) * 1000) / 100;
  }
  return total;
}

// ---------------------------------------------------------------- the athlete's form

/** The hidden fields of the page's form that posts to a server action (what a browser without JavaScript sends). */
function actionFormFields(html: string): [string, string][] {
  const decode = (s: string) =>
    s.replace(/&quot;/g, '"').replace(/&#x27;|&#39;/g, "'").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");
  for (const form of html.match(/<form\b[\s\S]*?<\/form>/g) ?? []) {
    if (!form.includes('name="duration"') || !form.includes("$ACTION_")) continue;
    const fields: [string, string][] = [];
    for (const input of form.match(/<input\b[^>]*>/g) ?? []) {
      if (!/type="hidden"/.test(input)) continue;
      const name = /name="([^"]*)"/.exec(input)?.[1];
      if (!name) continue;
      fields.push([decode(name), decode(/value="([^"]*)"/.exec(input)?.[1] ?? "")]);
    }
    return fields;
  }
  throw new Error("the session form was not found on /athlete/sessions");
}

/** Logs a session as the athlete through the form of /athlete/sessions on one instance; answers the POST's response. */
async function logSessionThroughForm(base: string, cookie: string, date: string): Promise<Response> {
  const page = await request(`${base}/athlete/sessions`, { headers: { cookie, accept: "text/html" } });
  if (page.status !== 200) throw new Error(`/athlete/sessions answered HTTP ${page.status}`);
  const form = new FormData();
  for (const [name, value] of actionFormFields(page.body.toString())) form.append(name, value);
  for (const [name, value] of Object.entries({ type: "CORE", date, duration: String(WRITE_MINUTES), rpe: String(WRITE_RPE), notes: WRITE_NOTE })) {
    form.append(name, value);
  }
  // Encoded by the platform's own multipart writer, as a browser would.
  const encoded = new Request("http://x/", { method: "POST", body: form });
  const body = Buffer.from(await encoded.arrayBuffer());
  return request(`${base}/athlete/sessions`, {
    method: "POST",
    headers: { cookie, accept: "text/html", "content-type": encoded.headers.get("content-type")!, "content-length": String(body.length), origin: base },
    body,
  });
}

/** The athlete's week load as their row of the overview shows it ("1,234 / 987 AU"), or null. */
function weekLoadOf(html: string, athleteId: string): number | null {
  for (const row of html.match(/<tr\b[\s\S]*?<\/tr>/g) ?? []) {
    if (!row.includes(`/athletes/${athleteId}"`)) continue;
    const text = row.replace(/<[^>]+>/g, "");
    const m = /([\d,]+) \/ [\d,]+ AU/.exec(text);
    if (m) return Number(m[1].replace(/,/g, ""));
  }
  return null;
}

// ---------------------------------------------------------------- the run

type Timing = { p50: number; p95: number; p99: number; max: number; perSecond: number; errors: number };

async function load(count: number, concurrency: number, task: () => Promise<number>): Promise<Timing> {
  const times: number[] = [];
  let errors = 0;
  let started = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (started < count) {
        started += 1;
        try {
          times.push(await task());
        } catch {
          errors += 1;
        }
      }
    }),
  );
  const wall = performance.now() - t0;
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95), p99: percentile(times, 0.99), max: times.at(-1) ?? NaN, perSecond: (count / wall) * 1000, errors };
}

export async function runTwoInstances(input: TwoInstancesInput): Promise<number> {
  const client = new pg.Client({ connectionString: input.databaseUrl });
  await client.connect();
  onCleanUp(() => client.end());
  onCleanUp(async () => void (await client.query(`DELETE FROM "TrainingSession" WHERE "userId" = $1 AND notes = $2`, [input.athlete.id, WRITE_NOTE])));
  await client.query(`DELETE FROM "TrainingSession" WHERE "userId" = $1 AND notes = $2`, [input.athlete.id, WRITE_NOTE]);

  // One secret for both: a session cookie from one instance is valid on the other (README, "Deploy").
  const env = { AUTH_SECRET: randomBytes(48).toString("base64url") };
  const portA = await freePort(input.port);
  const portB = await freePort(Math.max(input.port + 10, portA + 1));
  const a = await startServer(input.databaseUrl, portA, { embedded: input.embedded, env });
  const b = await startServer(input.databaseUrl, portB, { embedded: input.embedded, env });
  const proxy = await startRoundRobinProxy([a.base, b.base], await freePort(Math.max(input.port + 20, portB + 1)));
  onCleanUp(() => proxy.close());
  const queuedAtStart = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "StatusRefresh"`)).rows[0].n;
  console.log(`two instances: A ${a.base}, B ${b.base} (each with its own workers), proxy ${proxy.base} (round robin); ${queuedAtStart} athletes queued for a refresh at start`);

  const coach = await logIn(proxy.base, input.coachEmail);
  const headers = { cookie: coach, accept: "text/html", "accept-encoding": "gzip" };
  const overview = async (base: string, agent?: http.Agent) => {
    const res = await request(`${base}/coach`, { headers: { cookie: coach, accept: "text/html" }, agent });
    if (res.status !== 200 || !res.body.toString().includes(input.squadName)) throw new Error(`${base}/coach answered HTTP ${res.status}`);
    return res;
  };

  // Two requests at once on new connections: each worker of the instance takes one (a worker's first
  // overview after its start, or after a change).
  const both = async (base: string) => {
    const agent = new http.Agent({ keepAlive: false });
    const answers = await Promise.all([overview(base, agent), overview(base, agent)]);
    return answers.map((r) => r.ms);
  };
  const first: [string, number][] = [];
  for (const [name, base] of [["A", a.base], ["B", b.base]] as const) for (const t of await both(base)) first.push([name, t]);

  // Load through the proxy: the overview, then an athlete page.
  const fetchOk = async (path: string) => {
    const res = await request(`${proxy.base}${path}`, { headers });
    if (res.status !== 200) throw new Error(`${path}: HTTP ${res.status}`);
    return res.ms;
  };
  const athletePath = `/coach/squads/${input.squadId}/athletes/${input.athlete.id}`;
  await load(input.concurrency * 4, input.concurrency, () => fetchOk("/coach"));
  const cpu0 = groupCpu([a.pid, b.pid]);
  const overviewLoad = await load(input.requests, input.concurrency, () => fetchOk("/coach"));
  const cpu1 = groupCpu([a.pid, b.pid]);
  await load(input.concurrency * 2, input.concurrency, () => fetchOk(athletePath));
  const athleteLoad = await load(input.requests, input.concurrency, () => fetchOk(athletePath));
  const cpuPerOverview = cpu0 === null || cpu1 === null ? null : (cpu1 - cpu0) / input.requests;

  // A write on A, read on B.
  const before = weekLoadOf((await overview(b.base)).body.toString(), input.athlete.id);
  const athleteCookie = await logIn(a.base, input.athlete.email);
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: input.athlete.timeZone }).format(new Date());
  const write = await logSessionThroughForm(a.base, athleteCookie, today);
  const saved = (await client.query<{ n: number }>(`SELECT count(*)::int AS n FROM "TrainingSession" WHERE "userId" = $1 AND notes = $2`, [input.athlete.id, WRITE_NOTE])).rows[0].n;
  const agent = new http.Agent({ keepAlive: false });
  const [afterWrite, afterWrite2] = await Promise.all([overview(b.base, agent), overview(b.base, agent)]);
  const after = weekLoadOf(afterWrite.body.toString(), input.athlete.id);
  const after2 = weekLoadOf(afterWrite2.body.toString(), input.athlete.id);
  const expected = before === null ? null : before + WRITE_MINUTES * WRITE_RPE;
  const seen = saved === 1 && expected !== null && after === expected && after2 === expected;
  const [afterOnA, afterOnA2] = await Promise.all([overview(a.base, agent), overview(a.base, agent)]);

  console.log(`\nTwo instances behind the proxy: ${input.requests} requests at concurrency ${input.concurrency} after a warm-up (served: A ${proxy.served[0]}, B ${proxy.served[1]}).`);
  printTable(
    ["page", "p50", "p95", "p99", "max", "req/s", "errors"],
    [
      ["squad overview /coach", ms(overviewLoad.p50), ms(overviewLoad.p95), ms(overviewLoad.p99), ms(overviewLoad.max), overviewLoad.perSecond.toFixed(1), String(overviewLoad.errors)],
      [`athlete page (${input.athlete.name})`, ms(athleteLoad.p50), ms(athleteLoad.p95), ms(athleteLoad.p99), ms(athleteLoad.max), athleteLoad.perSecond.toFixed(1), String(athleteLoad.errors)],
    ],
  );
  const firstMax = Math.max(...first.map(([, t]) => t));
  const changeMax = Math.max(afterWrite.ms, afterWrite2.ms, afterOnA.ms, afterOnA2.ms);
  const verdict = (ok: boolean) => (ok ? "PASS" : "OVER");
  console.log("\nTargets (two instances):");
  console.log(
    `  first overview after the start: ${first.map(([n, t]) => `${n} ${ms(t)}`).join(", ")} (target < ${FIRST_TARGET_MS} ms): ${verdict(firstMax < FIRST_TARGET_MS)}`,
  );
  console.log(
    `  a session logged through A's form (HTTP ${write.status}, ${saved} saved): B's next overviews (both workers) show the athlete's week load ${before ?? "?"} -> ${after ?? "?"}, ${after2 ?? "?"} AU` +
      ` (expected ${expected ?? "?"}): ${seen ? "PASS" : "OVER"}`,
  );
  console.log(
    `  first overview after the change, per worker: B ${ms(afterWrite.ms)}, ${ms(afterWrite2.ms)}; A ${ms(afterOnA.ms)}, ${ms(afterOnA2.ms)} (target < ${FIRST_TARGET_MS} ms): ${verdict(changeMax < FIRST_TARGET_MS)}`,
  );
  console.log(
    `  app CPU per overview request (both instances' processes, /proc): ${cpuPerOverview === null ? "-" : ms(cpuPerOverview)} (target < ${CPU_TARGET_MS} ms): ` +
      (cpuPerOverview === null ? "not measured" : verdict(cpuPerOverview < CPU_TARGET_MS)),
  );
  console.log(
    `  overview p95 through the proxy ${ms(overviewLoad.p95)}, p99 ${ms(overviewLoad.p99)}; athlete page p95 ${ms(athleteLoad.p95)}, p99 ${ms(athleteLoad.p99)}; errors ${overviewLoad.errors + athleteLoad.errors}`,
  );
  return overviewLoad.errors + athleteLoad.errors > 0 || !seen ? 1 : 0;
}
