/**
 * Server time of the athlete's session history (listSessionHistory, the function the sessions page
 * calls: one page of 50 and the totals of the filtered set) for an athlete with 10,000 sessions, among
 * other athletes' sessions. Target: p95 under 150 ms for every case. Runs against BENCH_HISTORY_DATABASE_URL,
 * else database backbone_history_bench on the local server (created and migrated when missing), else the
 * embedded database. The bench athletes are replaced on each run.
 * Usage: npm run bench:history [-- --runs 200] [-- --explain]
 */
import path from "node:path";
import { cpus, loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { applyMigrations } from "./migrate";
import { benchDatabase, runBench } from "./lib/bench-server";
import { root } from "./lib/processes";

const SESSIONS = 10_000;
const OTHER_ATHLETES = 10;
const OTHER_SESSIONS = 3_000;
const WARM_UP = 20;
const TARGET_MS = 150;
const EMAIL_DOMAIN = "history-bench.invalid";

async function main(): Promise<number> {
  const { values } = parseArgs({ options: { runs: { type: "string", default: "200" }, explain: { type: "boolean", default: false } } });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error("--runs takes a whole number");

  const database = await benchDatabase({ envVar: "BENCH_HISTORY_DATABASE_URL", name: "backbone_history_bench", embeddedDir: path.join(root, ".bench", "pglite-history") });
  const { applied } = await applyMigrations(database.url);
  if (applied.length) console.log(`database: applied ${applied.length} migrations`);
  process.env.DATABASE_URL = database.url;
  process.env.DB_POOL_SIZE ??= "10";

  const { db } = await import("../lib/db");
  const { loadViewer } = await import("../lib/auth/permissions");
  const { listSessionHistory } = await import("../lib/sessions/history");
  const { DEFAULT_HISTORY_QUERY } = await import("../lib/sessions/history-params");
  const prisma = db();
  try {
    const started = performance.now();
    await prisma.user.deleteMany({ where: { email: { endsWith: `@${EMAIL_DOMAIN}` } } });
    const athlete = await prisma.user.create({ data: { email: `athlete@${EMAIL_DOMAIN}`, name: "History bench", passwordHash: "x" } });
    const others = await Promise.all(
      Array.from({ length: OTHER_ATHLETES }, (_, i) => prisma.user.create({ data: { email: `other-${i}@${EMAIL_DOMAIN}`, name: `Other ${i}`, passwordHash: "x" } })),
    );
    const shoes = [];
    for (const name of ["Daily trainers", "Trail shoes", "Racers", "Old pair"]) shoes.push(await prisma.shoe.create({ data: { userId: athlete.id, name } }));
    const shoeIds = shoes.map((s) => s.id);
    // Ten thousand sessions over about fourteen years, a little under two a day: runs on most days with
    // a shoe and a surface, core, strength and cross-training in between, imported from several sources,
    // notes on some, a few flagged for a look.
    const insert = (userId: string, count: number, prefix: string) => prisma.$executeRaw`
      INSERT INTO "TrainingSession" (id, "userId", "localDate", "startTime", type, "subType", "durationMin", "distanceKm", rpe, surface, "shoeId", source, notes, "reviewReason", "updatedAt")
      SELECT ${prefix} || n::text, ${userId}, current_date - (n * 5 / 10),
             (current_date - (n * 5 / 10)) + make_interval(hours => 6 + n % 12),
             t.type::"SessionType", CASE WHEN t.type = 'CROSS_TRAINING' THEN 'CYCLING'::"CrossTrainingMode" END,
             25 + (n * 7) % 95, CASE WHEN t.type IN ('RUN', 'CROSS_TRAINING') THEN 4 + (n * 13 % 190) / 10.0 END,
             CASE WHEN n % 9 = 0 THEN NULL ELSE 2 + n % 8 END,
             CASE WHEN t.type = 'RUN' THEN (ARRAY['ASPHALT','TRAIL','TRACK','GRASS','TREADMILL']::"Surface"[])[1 + n % 5] END,
             CASE WHEN t.type = 'RUN' THEN (${shoeIds}::text[])[1 + (n / 2500) % 4] END,
             (ARRAY['STRAVA','STRAVA','GARMIN','FIT','GPX','TCX','MANUAL']::"SessionSource"[])[1 + n % 7],
             CASE n % 6 WHEN 0 THEN 'Hill repeats 8 x 2 min, felt strong' WHEN 1 THEN 'Easy recovery with the club'
                        WHEN 2 THEN 'Tempo 3 x 10 min; tight lower back after' WHEN 3 THEN 'Long run, fuelled every 40 min' END,
             CASE WHEN n % 97 = 0 THEN 'faster-than-record' END,
             now()
      FROM generate_series(1, ${count}) n,
           LATERAL (SELECT (ARRAY['RUN','RUN','RUN','CORE','CROSS_TRAINING','STRENGTH','MOBILITY','RUN','OTHER','RUN'])[1 + n % 10] AS type) t`;
    await insert(athlete.id, SESSIONS, "hb");
    for (const [i, other] of others.entries()) await insert(other.id, OTHER_SESSIONS, `ho${i}-`);
    await prisma.$executeRawUnsafe(`ANALYZE "TrainingSession"`);
    const total = await prisma.trainingSession.count();
    console.log(`seeded ${SESSIONS} sessions for the athlete, ${total} in all, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    console.log(`${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}; ${runs} runs per case after ${WARM_UP} warm-up runs`);

    const viewer = await loadViewer(prisma, athlete.id);
    if (!viewer) throw new Error("bench athlete not loadable");
    const query = (over: Partial<typeof DEFAULT_HISTORY_QUERY>) => ({ ...DEFAULT_HISTORY_QUERY, ...over });
    const lastPage = Math.ceil(SESSIONS / 50);
    const cases = [
      ["first page, newest first", query({})],
      [`deep page (${lastPage - 10} of ${lastPage})`, query({ page: lastPage - 10 })],
      ["last page, oldest first", query({ dir: "asc", page: lastPage })],
      ["text in the notes", query({ q: "lower back" })],
      ["text, page 20", query({ q: "hill", page: 20 })],
      ["type and dates", query({ type: "RUN", from: "2018-01-01", to: "2021-12-31" })],
      ["type and dates, page 10", query({ type: "RUN", from: "2018-01-01", to: "2021-12-31", page: 10 })],
      ["by load, page 100", query({ sort: "load", page: 100 })],
      ["by distance, source, shoe", query({ sort: "distance", source: "STRAVA", shoeId: shoeIds[1] })],
      ["needs a look", query({ review: true })],
    ] as const;

    for (const [, q] of cases) for (let i = 0; i < WARM_UP; i++) await listSessionHistory(viewer, q);
    let over = 0;
    console.log(`\n${"case".padEnd(34)} ${"rows".padStart(6)}  ${"p50".padStart(8)}  ${"p95".padStart(8)}  ${"max".padStart(8)}`);
    for (const [label, q] of cases) {
      const times: number[] = [];
      let matched = 0;
      for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const result = await listSessionHistory(viewer, q);
        times.push(performance.now() - t0);
        matched = result.totals.sessions;
      }
      times.sort((a, b) => a - b);
      const p = (x: number) => times[Math.min(times.length - 1, Math.max(0, Math.ceil(x * times.length) - 1))];
      const pass = p(0.95) < TARGET_MS;
      if (!pass) over += 1;
      console.log(
        `${label.padEnd(34)} ${String(matched).padStart(6)}  ${p(0.5).toFixed(1).padStart(5)} ms  ${p(0.95).toFixed(1).padStart(5)} ms  ${p(1).toFixed(1).padStart(5)} ms  ${pass ? "PASS" : "OVER"}`,
      );
    }
    console.log(over === 0 ? `\nPASS: every case under ${TARGET_MS} ms at p95` : `\nOVER: ${over} of ${cases.length} cases at or over ${TARGET_MS} ms at p95`);

    if (values.explain) {
      // The same statements the query function sends, with the bench athlete's values, for reading plans.
      const plans = [
        ["deep page", `SELECT s.id FROM "TrainingSession" s LEFT JOIN "Shoe" sh ON sh.id = s."shoeId" WHERE s."userId" = $1 ORDER BY s."localDate" DESC, s."startTime" DESC NULLS LAST, s."createdAt" DESC, s.id DESC LIMIT 50 OFFSET 9450`],
        ["text", `SELECT count(*) FROM "TrainingSession" s WHERE s."userId" = $1 AND s."notes" ILIKE '%lower back%' ESCAPE '\\'`],
        ["by load", `SELECT s.id FROM "TrainingSession" s WHERE s."userId" = $1 ORDER BY (s."rpe" * s."durationMin") DESC NULLS LAST, s."localDate" DESC LIMIT 50 OFFSET 4950`],
      ];
      for (const [label, sql] of plans) {
        const rows = await prisma.$queryRawUnsafe<{ "QUERY PLAN": string }[]>(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, athlete.id);
        console.log(`\n-- ${label}\n${rows.map((r) => r["QUERY PLAN"]).join("\n")}`);
      }
    }
    return 0;
  } finally {
    await prisma.user.deleteMany({ where: { email: { endsWith: `@${EMAIL_DOMAIN}` } } });
    await prisma.$disconnect();
  }
}

runBench(main);
