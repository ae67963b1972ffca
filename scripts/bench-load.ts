/**
 * Mixed traffic against the production build for a fixed time, at 16 and then at 32 connections: the
 * coach's squad overview and athlete pages, the athlete's home page, sessions logged and back-pain
 * reports sent through the pages' own forms, and an activity import (preview, then commit) every few
 * seconds. Afterwards the database is read directly: every write the app acknowledged must be there
 * exactly once, and no write it did not acknowledge may be there.
 * Targets: no network errors, no write lost or doubled, every route's p95 < 1000 ms. A missed latency
 * target, an unexpected status, an unacknowledged write that was stored anyway and stale daily totals
 * print OVER or their count; only errors of the harness itself and lost or doubled writes end the script
 * with a non-zero exit code.
 *
 * Each connection is a client that sends one request at a time, back to back; it picks what to do next at
 * random (coach overview 20 %, coach athlete page 25 %, athlete home 25 %, session 15 %, pain report
 * 15 %), and whoever is free when an import is due runs it. The coach is one login; each of the squad's
 * athletes logs in once through the credentials form and a request acts as a random one of them, so one
 * athlete sometimes writes from two connections at once. A session or a pain report is what a browser
 * without JavaScript sends: the page is fetched, its form's hidden fields (the server action's reference)
 * are read from the HTML, and the form is posted as multipart/form-data to the page with its Origin. The
 * page that comes back carries the action's state: "ok" with the new row's id is an acknowledged write.
 * Every write carries its own marker (`bench-load <run> p<phase> s|p|i<n>` in the notes, or as the
 * imported activity's name), which is how the rows are found again.
 * Times are measured by the client on localhost from sending the request to the last byte of the body
 * (gzip accepted, as a browser does); the client, the server and the database share the machine's cores.
 *
 * Database: LOAD_DATABASE_URL, else database backbone_load on the local server on 127.0.0.1:5432
 * (created if missing), else the embedded one in .bench/pglite-load. It holds a demo squad of 40 athletes
 * with 12 months of history (about 14,000 sessions; seeded in a few seconds), apart from bench:web's
 * large one so that the writes here never shift its figures. It is seeded once and reused while its
 * history ends within two days of today. Rows of this run (sessions, reports, import batches, the logins
 * and audit entries of the run's users) are removed at the end and the daily totals of their days rebuilt,
 * unless --keep; sessions, reports and batches left by an interrupted run are removed at the start.
 * The server's output goes to .bench/load-server.log; its error lines are counted and the first shown.
 *
 * Usage: npm run bench:load [-- --duration 60 --connections 16,32 --import-every 3 --port 3400
 *                               --reseed --build | --no-build --keep]
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import { cpus, loadavg } from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { gunzipSync } from "node:zlib";
import pg from "pg";
import { applyMigrations } from "./migrate";
import { root } from "./lib/processes";
import { distDir } from "./lib/build";
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
  startServer,
  UsageError,
  type BuildMode,
  type Response,
} from "./lib/bench-server";
import { assertLocalDatabase } from "../tests/integration/test-database";
import { addDays, todayIn } from "../lib/dates";
import { DEMO_COACH_EMAIL } from "../prisma/demo/generator";
import { stravaCsv, stravaDate } from "../lib/imports/testing";

const ATHLETES = 40;
const MONTHS = 12;
const TARGET_P95_MS = 1000;
const MARKER = "bench-load";
const SERVER_LOG = path.join(root, ".bench", "load-server.log");

// ---------------------------------------------------------------- options

type Options = {
  durationS: number;
  connections: number[];
  importEveryS: number;
  port: number;
  reseed: boolean;
  build: BuildMode;
  keep: boolean;
};

function parseArgs(argv: string[]): Options {
  const options: Options = { durationS: 60, connections: [16, 32], importEveryS: 3, port: Number(process.env.LOAD_PORT ?? 3400), reseed: false, build: "auto", keep: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = () => inline ?? argv[++i] ?? "";
    const positive = (raw: string) => {
      if (!/^\d+$/.test(raw) || Number(raw) < 1) throw new UsageError(`${flag} needs a positive whole number, got "${raw}"`);
      return Number(raw);
    };
    if (flag === "--duration") options.durationS = positive(value());
    else if (flag === "--connections") options.connections = value().split(",").map((c) => positive(c.trim()));
    else if (flag === "--import-every") options.importEveryS = positive(value());
    else if (flag === "--port") options.port = positive(value());
    else if (flag === "--reseed") options.reseed = true;
    else if (flag === "--build") options.build = "always";
    else if (flag === "--no-build") options.build = "never";
    else if (flag === "--keep") options.keep = true;
    else throw new UsageError(`Unknown argument "${argv[i]}"`);
  }
  return options;
}

// ---------------------------------------------------------------- the squad

type Athlete = { id: string; email: string; timeZone: string; cookie: string };
type Scene = { coachId: string; coachCookie: string; squadId: string; athletes: Athlete[] };

async function loadSquad(client: pg.Client): Promise<{ coachId: string; squadId: string; athletes: Omit<Athlete, "cookie">[] }> {
  const { rows: coach } = await client.query<{ id: string; squadId: string }>(
    `SELECT u.id, m."squadId" FROM "User" u JOIN "Membership" m ON m."userId" = u.id AND m.role = 'COACH' WHERE u.email = $1 ORDER BY m."createdAt" LIMIT 1`,
    [DEMO_COACH_EMAIL],
  );
  if (!coach[0]) throw new Error(`no squad coached by ${DEMO_COACH_EMAIL}`);
  const { rows: athletes } = await client.query<{ id: string; email: string; timeZone: string }>(
    `SELECT u.id, u.email, u."timeZone" FROM "Membership" m JOIN "User" u ON u.id = m."userId" WHERE m."squadId" = $1 AND m.role = 'ATHLETE' ORDER BY u.email`,
    [coach[0].squadId],
  );
  return { coachId: coach[0].id, squadId: coach[0].squadId, athletes };
}

// ---------------------------------------------------------------- forms

const ENTITIES: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0" };
const decodeEntities = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, e: string) =>
    e[0] === "#" ? String.fromCodePoint(e[1] === "x" || e[1] === "X" ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? whole),
  );

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.replace(/^<\w+/, "").matchAll(/([^\s=/>]+)(?:="([^"]*)")?/g)) out[m[1]] = decodeEntities(m[2] ?? "");
  return out;
}

type ParsedForm = { action: string; hidden: [string, string][]; inputs: Record<string, string>[] };

/** The first form of the page whose HTML contains `marker`, with its hidden fields and other inputs. */
function findForm(html: string, marker: string): ParsedForm | null {
  for (let at = html.indexOf("<form"); at >= 0; at = html.indexOf("<form", at + 1)) {
    const end = html.indexOf("</form>", at);
    if (end < 0) return null;
    const body = html.slice(at, end);
    if (!body.includes(marker)) continue;
    const form = attributes(body.slice(0, body.indexOf(">") + 1));
    const inputs = [...body.matchAll(/<input\b[^>]*>/g)].map((m) => attributes(m[0]));
    return {
      action: form.action ?? "",
      hidden: inputs.filter((i) => i.type === "hidden" && i.name).map((i) => [i.name, i.value ?? ""]),
      inputs,
    };
  }
  return null;
}

type FormFile = { filename: string; contentType: string; data: Buffer };

function multipart(fields: [string, string | FormFile][]): { body: Buffer; contentType: string } {
  const boundary = `----benchload${randomBytes(12).toString("hex")}`;
  const parts: Buffer[] = [];
  for (const [name, value] of fields) {
    const head =
      typeof value === "string"
        ? `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n`
        : `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\nContent-Type: ${value.contentType}\r\n\r\n`;
    parts.push(Buffer.from(head), typeof value === "string" ? Buffer.from(value) : value.data, Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

type ActionState = { status?: string; message?: string; data?: Record<string, string>; fieldErrors?: Record<string, string[]> };

/**
 * The state a form action returned, as the page that answers a form post carries it for useActionState:
 * `self.__next_f.push([2,[state, key, actionId, boundArgs]])`.
 */
function actionState(html: string): ActionState | null {
  const head = "self.__next_f.push([2,";
  const start = html.indexOf(head);
  if (start < 0) return null;
  const end = html.indexOf("</script>", start);
  const text = html.slice(start + head.length, end).replace(/\]\)\s*;?\s*$/, "");
  try {
    const parsed: unknown = JSON.parse(text);
    return Array.isArray(parsed) && typeof parsed[0] === "object" ? (parsed[0] as ActionState) : null;
  } catch {
    return null;
  }
}

const bodyText = (res: Response) => (res.headers["content-encoding"] === "gzip" ? gunzipSync(res.body) : res.body).toString();

// ---------------------------------------------------------------- routes, figures and writes

const ROUTES = {
  overview: "GET /coach (squad overview)",
  athletePage: "GET /coach/squads/…/athletes/…",
  athleteHome: "GET /athlete",
  sessionForm: "GET /athlete/sessions (form)",
  sessionSave: "POST /athlete/sessions (log a session)",
  painForm: "GET /athlete/pain (form)",
  painReport: "POST /athlete/pain (report)",
  importPreview: "POST /api/imports/preview",
  importCommit: "POST /api/imports/…/commit",
} as const;
type RouteKey = keyof typeof ROUTES;

type RouteStats = {
  times: number[];
  /** Network failures: no HTTP answer at all. */
  errors: number;
  /** An HTTP answer other than the one expected (a status, or a page without what it must show). */
  unexpected: number;
  /** A write answered as expected but not saved (the form's error state, an import with nothing new). */
  notSaved: number;
};

type Kind = "session" | "pain" | "import";
type Write = {
  kind: Kind;
  marker: string;
  athleteId: string;
  /** The athlete's calendar day of the row, for the daily-totals check. */
  date: string | null;
  acked: boolean;
  /** The id the app answered with: the session's or report's id, the import batch's id. */
  id: string | null;
  reason?: string;
};

class Phase {
  readonly stats = Object.fromEntries(
    Object.keys(ROUTES).map((k): [string, RouteStats] => [k, { times: [], errors: 0, unexpected: 0, notSaved: 0 }]),
  ) as Record<RouteKey, RouteStats>;
  readonly writes: Write[] = [];
  readonly reasons = new Map<string, number>();
  readonly batchIds: string[] = [];
  wallMs = 0;
  private counter = 0;
  constructor(
    readonly number: number,
    readonly connections: number,
    readonly run: string,
  ) {}

  marker(kind: Kind): string {
    return `${MARKER} ${this.run} p${this.number} ${kind[0]}${++this.counter}`;
  }

  note(route: RouteKey, what: keyof Omit<RouteStats, "times">, reason: string) {
    this.stats[route][what]++;
    const key = `${ROUTES[route]}: ${reason}`;
    this.reasons.set(key, (this.reasons.get(key) ?? 0) + 1);
  }
}

// ---------------------------------------------------------------- traffic

type Client = { base: string; scene: Scene; agent: http.Agent; phase: Phase; importCount: { n: number } };

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)];
const between = (lo: number, hi: number, decimals = 0) => Number((lo + Math.random() * (hi - lo)).toFixed(decimals));

/** One request of a route, timed; the answer, or null after a network error (counted). */
async function send(c: Client, route: RouteKey, url: string, options: { method?: string; headers: Record<string, string>; body?: Buffer }): Promise<Response | null> {
  try {
    const res = await request(`${c.base}${url}`, { ...options, agent: c.agent });
    c.phase.stats[route].times.push(res.ms);
    return res;
  } catch (error) {
    c.phase.note(route, "errors", error instanceof Error ? error.message.replace(/^http:\/\/[^ ]+: /, "") : String(error));
    return null;
  }
}

const pageHeaders = (cookie: string) => ({ cookie, accept: "text/html", "accept-encoding": "gzip" });

async function getPage(c: Client, route: RouteKey, url: string, cookie: string): Promise<Response | null> {
  const res = await send(c, route, url, { headers: pageHeaders(cookie) });
  if (res && res.status !== 200) c.phase.note(route, "unexpected", `HTTP ${res.status}${res.headers.location ? ` to ${res.headers.location}` : ""}`);
  return res?.status === 200 ? res : null;
}

/**
 * What a browser without JavaScript does with a server-action form: fetch the page, post the form's
 * hidden fields and the filled-in ones as multipart/form-data to the page, with the page's Origin.
 */
async function submitForm(
  c: Client,
  routes: { get: RouteKey; post: RouteKey },
  url: string,
  athlete: Athlete,
  formMarker: string,
  fill: (form: ParsedForm) => [string, string][],
): Promise<{ state: ActionState | null; status: number } | null> {
  const page = await getPage(c, routes.get, url, athlete.cookie);
  if (!page) return null;
  const form = findForm(bodyText(page), formMarker);
  if (!form || !form.hidden.some(([name]) => name.startsWith("$ACTION"))) {
    c.phase.note(routes.get, "unexpected", `no server-action form with ${formMarker} on the page`);
    return null;
  }
  const filled = fill(form);
  const own = new Set(filled.map(([name]) => name));
  const { body, contentType } = multipart([...form.hidden.filter(([name]) => !own.has(name)), ...filled]);
  const target = form.action ? new URL(form.action, `${c.base}${url}`).pathname : url;
  const res = await send(c, routes.post, target, {
    method: "POST",
    headers: { ...pageHeaders(athlete.cookie), origin: c.base, "content-type": contentType, "content-length": String(body.length) },
    body,
  });
  if (!res) return { state: null, status: 0 };
  if (res.status !== 200) {
    c.phase.note(routes.post, "unexpected", `HTTP ${res.status}${res.headers.location ? ` to ${res.headers.location}` : ""}`);
    return { state: null, status: res.status };
  }
  return { state: actionState(bodyText(res)), status: res.status };
}

const dateOf = (form: ParsedForm) => form.inputs.find((i) => i.name === "date")?.value ?? "";

function settle(c: Client, route: RouteKey, write: Write, result: { state: ActionState | null; status: number } | null, idField: string) {
  if (result === null) return; // nothing was posted
  c.phase.writes.push(write);
  if (result.status !== 200) {
    write.reason = result.status === 0 ? "no answer" : `HTTP ${result.status}`;
    return;
  }
  const id = result.state?.status === "ok" ? result.state.data?.[idField] : undefined;
  if (id) {
    write.acked = true;
    write.id = id;
  } else {
    const errors = Object.entries(result.state?.fieldErrors ?? {}).map(([f, m]) => `${f}: ${m.join(" ")}`);
    write.reason = result.state ? `${result.state.status}: ${result.state.message ?? ""}${errors.length ? ` (${errors.join("; ")})` : ""}` : "no action state in the page";
    c.phase.note(route, "notSaved", write.reason);
  }
}

async function logSession(c: Client) {
  const athlete = pick(c.scene.athletes);
  const write: Write = { kind: "session", marker: c.phase.marker("session"), athleteId: athlete.id, date: null, acked: false, id: null };
  const result = await submitForm(c, { get: "sessionForm", post: "sessionSave" }, "/athlete/sessions", athlete, 'name="duration"', (form) => {
    write.date = dateOf(form) || null;
    return [
      ["type", "RUN"],
      ["date", dateOf(form)],
      ["startTime", ""],
      ["duration", String(between(25, 95))],
      ["distance", String(between(4, 16, 2))],
      ["rpe", String(between(2, 8))],
      ["surface", pick(["ASPHALT", "TRAIL", "TRACK", ""])],
      ["shoeId", ""],
      ["elevationGainM", ""],
      ["avgHr", ""],
      ["notes", write.marker],
    ];
  });
  settle(c, "sessionSave", write, result, "savedId");
}

async function reportPain(c: Client) {
  const athlete = pick(c.scene.athletes);
  const write: Write = { kind: "pain", marker: c.phase.marker("pain"), athleteId: athlete.id, date: null, acked: false, id: null };
  // Mild mechanical pain and every warning sign answered "no": no plan hold, no alert to the staff.
  const [subArea, side] = pick([
    ["lower-back-centre", "CENTRAL"],
    ["lower-back-left", "LEFT"],
    ["lower-back-right", "RIGHT"],
  ]);
  const result = await submitForm(c, { get: "painForm", post: "painReport" }, "/athlete/pain", athlete, 'class="pain-form"', (form) => {
    write.date = dateOf(form) || null;
    const warningSigns = [...new Set(form.inputs.filter((i) => i.type === "radio" && i.name?.startsWith("redFlag.")).map((i) => i.name))];
    return [
      ["zone", "LUMBAR"],
      ["subArea", subArea],
      ["nrs", String(between(1, 4))],
      ["side", side],
      ["timing", pick(["DURING_RUN", "AFTER_RUN", "MORNING"])],
      ["mechanical", "yes"],
      ["triggerPoint", "no"],
      ...warningSigns.map((name): [string, string] => [name, "no"]),
      ["date", dateOf(form)],
      ["notes", write.marker],
    ];
  });
  settle(c, "painReport", write, result, "reportId");
}

/** A one-activity Strava activities.csv uploaded, then the previewed batch committed, as the import page does. */
async function importActivity(c: Client) {
  const athlete = pick(c.scene.athletes);
  const n = ++c.importCount.n;
  const write: Write = { kind: "import", marker: c.phase.marker("import"), athleteId: athlete.id, date: null, acked: false, id: null };
  // Yesterday night (UTC), each import of the run four minutes after the other, so that no two look like
  // one activity recorded twice (same start within three minutes, same duration).
  const startMs = Date.parse(`${addDays(todayIn("UTC"), -1)}T00:00:00Z`) + ((Math.floor(Date.now() / 60_000) + n * 4) % (20 * 60)) * 60_000;
  const durationS = between(30 * 60, 80 * 60);
  const metres = between(5000, 15000, 1);
  const csv = stravaCsv([
    {
      "Activity ID": `${Date.now()}${String(n).padStart(4, "0")}`,
      "Activity Date": stravaDate(startMs),
      "Activity Name": write.marker,
      "Activity Type": "Run",
      "Elapsed Time": String(durationS),
      "Moving Time": String(durationS - 60),
      Distance: (metres / 1000).toFixed(2),
      "Distance@2": String(metres),
    },
  ]);
  const { body, contentType } = multipart([["files", { filename: "activities.csv", contentType: "text/csv", data: Buffer.from(csv) }]]);
  const headers = { cookie: athlete.cookie, accept: "application/json", origin: c.base };
  const preview = await send(c, "importPreview", "/api/imports/preview", {
    method: "POST",
    headers: { ...headers, "content-type": contentType, "content-length": String(body.length) },
    body,
  });
  if (!preview) return;
  if (preview.status !== 200) return c.phase.note("importPreview", "unexpected", `HTTP ${preview.status} ${preview.body.toString().slice(0, 120)}`);
  const answer = JSON.parse(preview.body.toString()) as { batchId: string | null; counts: { create: number }; items: { status: string; reason?: string; session?: { date: string } }[] };
  write.date = answer.items[0]?.session?.date ?? null;
  if (!answer.batchId || answer.counts.create !== 1) {
    return c.phase.note("importPreview", "notSaved", `nothing to create (${answer.items.map((i) => `${i.status}${i.reason ? `: ${i.reason}` : ""}`).join(", ")})`);
  }
  c.phase.batchIds.push(answer.batchId);
  c.phase.writes.push(write);
  const commit = await send(c, "importCommit", `/api/imports/${answer.batchId}/commit`, { method: "POST", headers: { ...headers, "content-length": "0" } });
  if (!commit) return;
  if (commit.status !== 200) return c.phase.note("importCommit", "unexpected", `HTTP ${commit.status} ${commit.body.toString().slice(0, 120)}`);
  const result = JSON.parse(commit.body.toString()) as { created: number; skipped: number };
  if (result.created === 1) {
    write.acked = true;
    write.id = answer.batchId;
  } else {
    write.reason = `created ${result.created}, skipped ${result.skipped}`;
    c.phase.note("importCommit", "notSaved", write.reason);
  }
}

const MIX: [weight: number, task: (c: Client) => Promise<unknown>][] = [
  [20, (c) => getPage(c, "overview", "/coach", c.scene.coachCookie)],
  [25, (c) => getPage(c, "athletePage", `/coach/squads/${c.scene.squadId}/athletes/${pick(c.scene.athletes).id}`, c.scene.coachCookie)],
  [25, (c) => getPage(c, "athleteHome", "/athlete", pick(c.scene.athletes).cookie)],
  [15, logSession],
  [15, reportPain],
];
const MIX_TOTAL = MIX.reduce((n, [w]) => n + w, 0);

function nextTask(): (c: Client) => Promise<unknown> {
  let r = Math.random() * MIX_TOTAL;
  for (const [weight, task] of MIX) if ((r -= weight) < 0) return task;
  return MIX[0][1];
}

async function runPhase(base: string, scene: Scene, phase: Phase, options: Options, importCount: { n: number }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: phase.connections });
  const c: Client = { base, scene, agent, phase, importCount };
  const started = performance.now();
  const deadline = started + options.durationS * 1000;
  let nextImport = started + options.importEveryS * 1000;
  await Promise.all(
    Array.from({ length: phase.connections }, async () => {
      while (performance.now() < deadline) {
        if (performance.now() >= nextImport) {
          // Counted from when it starts, so that a slow import delays the next instead of bunching them up.
          nextImport = performance.now() + options.importEveryS * 1000;
          await importActivity(c);
        } else {
          await nextTask()(c);
        }
      }
    }),
  );
  phase.wallMs = performance.now() - started;
  agent.destroy();
}

/** A few requests of every page before the first phase, so that it does not time the first renders. */
async function warmUp(base: string, scene: Scene) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const urls: [string, string][] = [
    ["/coach", scene.coachCookie],
    ...scene.athletes.slice(0, 4).map((a): [string, string] => [`/coach/squads/${scene.squadId}/athletes/${a.id}`, scene.coachCookie]),
    ...scene.athletes.slice(0, 4).flatMap((a): [string, string][] => [["/athlete", a.cookie], ["/athlete/sessions", a.cookie], ["/athlete/pain", a.cookie]]),
  ];
  for (const [url, cookie] of urls) {
    const res = await request(`${base}${url}`, { headers: pageHeaders(cookie), agent });
    if (res.status !== 200) throw new Error(`warm-up: ${url} answered HTTP ${res.status}${res.headers.location ? ` (to ${res.headers.location})` : ""}`);
  }
  agent.destroy();
}

// ---------------------------------------------------------------- database checks

type KindCheck = { kind: Kind; acked: number; notAcked: number; found: number; lost: number; doubled: number; unexpected: number; details: string[] };
type Check = { kinds: KindCheck[]; dailyChecked: number; dailyStale: number; dailyDetails: string[] };

async function checkWrites(client: pg.Client, phase: Phase): Promise<Check> {
  const prefix = `${MARKER} ${phase.run} p${phase.number} %`;
  const { rows: sessionRows } = await client.query<{ id: string; userId: string; notes: string; importBatchId: string | null; source: string }>(
    `SELECT id, "userId", notes, "importBatchId", source::text FROM "TrainingSession" WHERE notes LIKE $1`,
    [prefix],
  );
  const { rows: painRows } = await client.query<{ id: string; userId: string; notes: string }>(`SELECT id, "userId", notes FROM "BackPainReport" WHERE notes LIKE $1`, [prefix]);
  const rowsOf: Record<Kind, { id: string; userId: string; notes: string; importBatchId?: string | null }[]> = {
    session: sessionRows.filter((r) => r.importBatchId === null),
    import: sessionRows.filter((r) => r.importBatchId !== null),
    pain: painRows,
  };
  const kinds: KindCheck[] = [];
  for (const kind of ["session", "pain", "import"] as const) {
    const writes = phase.writes.filter((w) => w.kind === kind);
    const byMarker = new Map<string, (typeof rowsOf)[Kind]>();
    for (const row of rowsOf[kind]) byMarker.set(row.notes, [...(byMarker.get(row.notes) ?? []), row]);
    const check: KindCheck = { kind, acked: 0, notAcked: 0, found: rowsOf[kind].length, lost: 0, doubled: 0, unexpected: 0, details: [] };
    const known = new Set<string>();
    for (const w of writes) {
      known.add(w.marker);
      const rows = byMarker.get(w.marker) ?? [];
      if (w.acked) check.acked++;
      else check.notAcked++;
      if (rows.length > 1) {
        check.doubled++;
        check.details.push(`doubled: ${w.marker} stored ${rows.length} times (${rows.map((r) => r.id).join(", ")})`);
      }
      if (w.acked && rows.length === 0) {
        check.lost++;
        check.details.push(`lost: ${w.marker} acknowledged as ${w.id}, not in the database`);
      } else if (!w.acked && rows.length > 0) {
        check.unexpected++;
        check.details.push(`unexpected: ${w.marker} not acknowledged (${w.reason ?? "no answer"}) but stored as ${rows.map((r) => r.id).join(", ")}`);
      } else if (w.acked && rows.length === 1) {
        const row = rows[0];
        const idMatches = kind === "import" ? row.importBatchId === w.id : row.id === w.id;
        if (!idMatches || row.userId !== w.athleteId) {
          check.unexpected++;
          check.details.push(`unexpected: ${w.marker} acknowledged as ${w.id} for ${w.athleteId}, stored as ${row.importBatchId ?? row.id} for ${row.userId}`);
        }
      }
    }
    for (const [marker, rows] of byMarker) {
      if (!known.has(marker)) {
        check.unexpected += rows.length;
        check.details.push(`unexpected: ${marker} stored (${rows.length}x) but never sent`);
      }
    }
    kinds.push(check);
  }

  // The daily totals of every athlete-day written to must match its sessions, whatever ran at once.
  const days = [...new Set(phase.writes.filter((w) => w.kind !== "pain" && w.date).map((w) => `${w.athleteId} ${w.date}`))].map((d) => d.split(" "));
  const { rows: stale } = await client.query<{ userId: string; day: string; sessions: number; stored: number | null; minutes: number; storedMinutes: number | null }>(
    `SELECT d."userId", d.day::text AS day, count(s.id)::int AS sessions, max(dl."sessionCount") AS stored,
            COALESCE(sum(s."durationMin"), 0)::float8 AS minutes, max(dl."durationMin")::float8 AS "storedMinutes"
     FROM unnest($1::text[], $2::date[]) AS d("userId", day)
     LEFT JOIN "TrainingSession" s ON s."userId" = d."userId" AND s."localDate" = d.day
     LEFT JOIN "DailyLoad" dl ON dl."userId" = d."userId" AND dl."localDate" = d.day
     GROUP BY d."userId", d.day
     HAVING count(s.id) <> COALESCE(max(dl."sessionCount"), 0)
         OR abs(COALESCE(sum(s."durationMin"), 0) - COALESCE(max(dl."durationMin"), 0)) > 0.001`,
    [days.map((d) => d[0]), days.map((d) => d[1])],
  );
  return {
    kinds,
    dailyChecked: days.length,
    dailyStale: stale.length,
    dailyDetails: stale.slice(0, 5).map((r) => `${r.userId} ${r.day}: ${r.sessions} sessions / ${Math.round(r.minutes)} min, daily total says ${r.stored ?? 0} / ${Math.round(r.storedMinutes ?? 0)} min`),
  };
}

// ---------------------------------------------------------------- clean-up of the run's rows

/**
 * Removes the sessions, reports and import batches whose marker starts with `prefix`, then rebuilds the
 * daily totals of the days they were on with the app's own code.
 */
async function removeRows(url: string, client: pg.Client, prefix: string, batchIds: string[] = []): Promise<number> {
  const like = `${prefix}%`;
  const { rows: days } = await client.query<{ userId: string; day: string }>(
    `SELECT DISTINCT "userId", to_char("localDate", 'YYYY-MM-DD') AS day FROM "TrainingSession" WHERE notes LIKE $1`,
    [like],
  );
  const sessions = await client.query<{ id: string; importBatchId: string | null }>(`DELETE FROM "TrainingSession" WHERE notes LIKE $1 RETURNING id, "importBatchId"`, [like]);
  const reports = await client.query<{ id: string }>(`DELETE FROM "BackPainReport" WHERE notes LIKE $1 RETURNING id`, [like]);
  const batches = [...new Set([...batchIds, ...sessions.rows.map((r) => r.importBatchId).filter((id): id is string => id !== null)])];
  const removedBatches = await client.query<{ id: string }>(
    `DELETE FROM "ImportBatch" WHERE id = ANY($1::text[]) OR (status = 'PREVIEWED' AND summary::text LIKE $2) RETURNING id`,
    [batches, `%${like}`],
  );
  // Their audit entries too (a run's logins and page views go at its own end).
  const ids = [...sessions.rows, ...reports.rows, ...removedBatches.rows].map((r) => r.id);
  await client.query(`DELETE FROM "AuditLog" WHERE "entityId" = ANY($1::text[])`, [ids]);
  if (days.length) {
    const { createPrismaClient } = await import("../lib/db");
    const { rebuildDailyLoads } = await import("../lib/sessions/daily-load");
    const prisma = createPrismaClient(url, 2);
    try {
      for (const { userId, day } of days) await rebuildDailyLoads(prisma, userId, day, day);
    } finally {
      await prisma.$disconnect();
    }
  }
  return (sessions.rowCount ?? 0) + (reports.rowCount ?? 0);
}

// ---------------------------------------------------------------- output

function printPhase(phase: Phase) {
  const seconds = phase.wallMs / 1000;
  const all = Object.values(phase.stats).reduce((n, s) => n + s.times.length + s.errors, 0);
  console.log(`\nPhase ${phase.number}: ${phase.connections} connections for ${seconds.toFixed(1)} s, ${all} requests, ${(all / seconds).toFixed(1)} req/s`);
  printTable(
    ["route", "requests", "req/s", "p50", "p95", "p99", "max", "errors", "unexpected", "not saved", `p95 < ${TARGET_P95_MS} ms`],
    (Object.keys(ROUTES) as RouteKey[]).map((key) => {
      const s = phase.stats[key];
      const t = [...s.times].sort((a, b) => a - b);
      const has = t.length > 0;
      return [
        ROUTES[key],
        String(t.length + s.errors),
        ((t.length + s.errors) / seconds).toFixed(1),
        has ? ms(percentile(t, 0.5)) : "-",
        has ? ms(percentile(t, 0.95)) : "-",
        has ? ms(percentile(t, 0.99)) : "-",
        has ? ms(t[t.length - 1]) : "-",
        String(s.errors),
        String(s.unexpected),
        String(s.notSaved),
        has ? (percentile(t, 0.95) < TARGET_P95_MS ? "PASS" : "OVER") : "-",
      ];
    }),
  );
  if (phase.reasons.size) {
    console.log("Errors, unexpected answers and writes not saved:");
    for (const [reason, n] of [...phase.reasons].sort((a, b) => b[1] - a[1]).slice(0, 10)) console.log(`  ${n}x ${reason}`);
  }
}

function printCheck(phase: Phase, check: Check) {
  console.log(`Database after phase ${phase.number}:`);
  printTable(
    ["writes", "sent", "acknowledged", "not acknowledged", "rows found", "lost", "doubled", "unexpected"],
    check.kinds.map((k) => [k.kind, String(k.acked + k.notAcked), String(k.acked), String(k.notAcked), String(k.found), String(k.lost), String(k.doubled), String(k.unexpected)]),
  );
  for (const line of check.kinds.flatMap((k) => k.details).slice(0, 10)) console.log(`  ${line}`);
  console.log(`daily totals: ${check.dailyChecked} athlete-days written to, ${check.dailyStale} not matching their sessions`);
  for (const line of check.dailyDetails) console.log(`  ${line}`);
}

/** Error lines the server printed, with the line after each (the stack's first frame or the cause). */
function serverErrors(): { count: number; samples: string[] } {
  let lines: string[];
  try {
    lines = readFileSync(SERVER_LOG, "utf8").split("\n");
  } catch {
    return { count: 0, samples: [] };
  }
  const samples = new Map<string, number>();
  let count = 0;
  lines.forEach((line, i) => {
    if (!/error|⨯|exception|unhandled|abort|ECONN|timed? ?out/i.test(line) || /^\s+at /.test(line)) return;
    count++;
    const sample = [line.trim(), lines[i + 1]?.trim()].filter(Boolean).join(" | ").slice(0, 300);
    samples.set(sample, (samples.get(sample) ?? 0) + 1);
  });
  return { count, samples: [...samples].slice(0, 8).map(([s, n]) => `${n}x ${s}`) };
}

// ---------------------------------------------------------------- main

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  console.log(`CPU: ${cpus()[0]?.model ?? "unknown"} x${cpus().length}; Node ${process.version}; load average ${loadavg().map((l) => l.toFixed(2)).join(" ")}`);

  const database = await benchDatabase({ envVar: "LOAD_DATABASE_URL", name: "backbone_load", embeddedDir: path.join(root, ".bench", "pglite-load") });
  assertLocalDatabase(database.url);
  const { applied } = await applyMigrations(database.url);
  if (applied.length) console.log(`database: applied ${applied.join(", ")}`);
  const state = await ensureDemoSeeded(database.url, { athletes: ATHLETES, months: MONTHS, minSessions: 5_000, reseed: options.reseed });
  await ensureBuild(options.build);
  const buildId = readFileSync(path.join(distDir(), "BUILD_ID"), "utf8").trim();

  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  onCleanUp(() => client.end());
  const left = await removeRows(database.url, client, `${MARKER} `);
  if (left) console.log(`database: removed ${left} rows an earlier run left behind`);
  const squad = await loadSquad(client);

  const run = randomBytes(4).toString("hex");
  const runStarted = new Date();
  const phases: Phase[] = [];
  if (!options.keep) {
    onCleanUp(async () => {
      const removed = await removeRows(database.url, client, `${MARKER} ${run} `, phases.flatMap((p) => p.batchIds));
      // The run's logins (their sessions and audit entries) and page views go too, so that reruns find the same database.
      const users = [squad.coachId, ...squad.athletes.map((a) => a.id)];
      await client.query(`DELETE FROM "AuditLog" WHERE "createdAt" >= $1 AND "actorId" = ANY($2::text[])`, [runStarted, users]);
      await client.query(`DELETE FROM "AuthSession" WHERE "createdAt" >= $1 AND "userId" = ANY($2::text[])`, [runStarted, users]);
      console.log(`clean-up: removed the run's ${removed} sessions and reports, its import batches, logins and audit entries (--keep keeps them)`);
    });
  }

  const port = await freePort(options.port);
  const { base } = await startServer(database.url, port, {
    embedded: database.embedded,
    // Every athlete logs in from 127.0.0.1, as in the end-to-end tests.
    env: { LOGIN_MAX_FAILURES_PER_IP: "1000" },
    logFile: SERVER_LOG,
  });
  console.log(`server: next start on ${base} (build ${buildId}); its output in ${path.relative(root, SERVER_LOG)}`);
  console.log(`data: ${state.athletes} athletes, ${state.sessions.toLocaleString("en")} sessions, history ${state.first} to ${state.last}; run ${run}`);

  const loginAgent = new http.Agent({ keepAlive: true, maxSockets: 4 });
  const started = performance.now();
  const athletes: Athlete[] = [];
  const queue = [...squad.athletes];
  await Promise.all(
    Array.from({ length: 4 }, async () => {
      for (let a = queue.shift(); a; a = queue.shift()) athletes.push({ ...a, cookie: await logIn(base, a.email, undefined, loginAgent) });
    }),
  );
  const scene: Scene = { coachId: squad.coachId, coachCookie: await logIn(base, DEMO_COACH_EMAIL, undefined, loginAgent), squadId: squad.squadId, athletes };
  console.log(`logins: the coach and ${athletes.length} athletes in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await warmUp(base, scene);
  loginAgent.destroy();

  const importCount = { n: 0 };
  const checks: Check[] = [];
  for (const [i, connections] of options.connections.entries()) {
    const phase = new Phase(i + 1, connections, run);
    phases.push(phase);
    console.log(`\nphase ${phase.number}: ${connections} connections for ${options.durationS} s…`);
    await runPhase(base, scene, phase, options, importCount);
    printPhase(phase);
    const check = await checkWrites(client, phase);
    checks.push(check);
    printCheck(phase, check);
  }

  const errors = serverErrors();
  console.log(`\nServer log: ${errors.count} error lines${errors.count ? ":" : ""}`);
  for (const s of errors.samples) console.log(`  ${s}`);

  console.log("\nTargets:");
  const sum = (f: (k: KindCheck) => number) => checks.reduce((n, c) => n + c.kinds.reduce((m, k) => m + f(k), 0), 0);
  for (const phase of phases) {
    const stats = Object.values(phase.stats);
    const networkErrors = stats.reduce((n, s) => n + s.errors, 0);
    const unexpected = stats.reduce((n, s) => n + s.unexpected, 0);
    const over = (Object.keys(ROUTES) as RouteKey[]).filter((k) => {
      const t = [...phase.stats[k].times].sort((a, b) => a - b);
      return t.length > 0 && percentile(t, 0.95) >= TARGET_P95_MS;
    });
    console.log(`  ${phase.connections} connections: ${networkErrors} errors (target 0): ${networkErrors === 0 ? "PASS" : "FAIL"}; ${unexpected} unexpected answers`);
    console.log(`  ${phase.connections} connections: p95 < ${TARGET_P95_MS} ms on every route: ${over.length ? `OVER on ${over.map((k) => ROUTES[k]).join(", ")}` : "PASS"}`);
  }
  const lost = sum((k) => k.lost);
  const doubled = sum((k) => k.doubled);
  const unexpectedRows = sum((k) => k.unexpected);
  const acked = sum((k) => k.acked);
  console.log(`  writes: ${acked} acknowledged; lost ${lost}, doubled ${doubled} (target 0): ${lost + doubled === 0 ? "PASS" : "FAIL"}; unexpected ${unexpectedRows}: ${unexpectedRows === 0 ? "PASS" : "FAIL"}`);
  const stale = checks.reduce((n, c) => n + c.dailyStale, 0);
  console.log(`  daily totals: ${stale} of ${checks.reduce((n, c) => n + c.dailyChecked, 0)} athlete-days stale (target 0): ${stale === 0 ? "PASS" : "FAIL"}`);
  console.log(`  load average after the run: ${loadavg().map((l) => l.toFixed(2)).join(" ")} (others' work on this machine shows in the figures)`);
  return lost + doubled > 0 ? 1 : 0;
}

runBench(main);
