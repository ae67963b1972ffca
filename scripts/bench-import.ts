/**
 * Time to parse and import a 10,000-row Strava activities.csv (deterministic synthetic rows under the
 * real 99-column header). Target: parse plus database import under 3 s. The import part runs the app's
 * own preview and commit against BENCH_DATABASE_URL (default: the local test database) for a throwaway
 * user that is removed afterwards.
 * Usage: npm run bench:import
 */
import { cpus } from "node:os";
import { performance } from "node:perf_hooks";
import { parseActivityFile } from "../lib/imports";
import { makeStravaCsv } from "../lib/imports/testing";

const ROWS = 10_000;
const RUNS = 5;
const TARGET_MS = 3000;

export async function benchParse(rows = ROWS, runs = RUNS) {
  const bytes = new TextEncoder().encode(makeStravaCsv(rows, 42));
  const options = { timeZone: "Europe/Madrid" };
  const warm = await parseActivityFile("activities.csv", bytes, options);
  if (warm.sessions.length !== rows || warm.errors.length > 0) {
    throw new Error(`expected ${rows} sessions and no errors, got ${warm.sessions.length} and ${warm.errors.length}`);
  }
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await parseActivityFile("activities.csv", bytes, options);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { rows, bytes: bytes.length, bestMs: times[0], medianMs: times[Math.floor(times.length / 2)] };
}

async function benchImport(rows = ROWS) {
  const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/backbone_test";
  const { createPrismaClient } = await import("../lib/db");
  const { previewImport, commitImport } = await import("../lib/imports/store");
  const prisma = createPrismaClient(url, 2);
  const bytes = new TextEncoder().encode(makeStravaCsv(rows, 7));
  const user = await prisma.user.create({
    data: { email: `bench-${Date.now()}@bench.invalid`, name: "Bench", passwordHash: "x" },
    select: { id: true },
  });
  try {
    const t0 = performance.now();
    const preview = await previewImport(prisma, user.id, [{ name: "activities.csv", bytes }], "Europe/Madrid");
    const t1 = performance.now();
    const result = await commitImport(prisma, user.id, preview.batchId!);
    const t2 = performance.now();
    const again = await previewImport(prisma, user.id, [{ name: "activities.csv", bytes }], "Europe/Madrid");
    return { previewMs: t1 - t0, commitMs: t2 - t1, created: result.created, duplicatesOnRerun: again.counts.duplicate };
  } finally {
    await prisma.user.delete({ where: { id: user.id } });
    await prisma.$disconnect();
  }
}

async function main() {
  const r = await benchParse();
  console.log(`CPU: ${cpus()[0]?.model ?? "unknown"} x${cpus().length}; Node ${process.version}`);
  console.log(`input: ${r.rows} rows, ${(r.bytes / 1024 / 1024).toFixed(1)} MB`);
  console.log(`parsed ${r.rows} rows in ${Math.round(r.medianMs)} ms (median of ${RUNS}; best ${Math.round(r.bestMs)} ms)`);
  const i = await benchImport();
  const total = i.previewMs + i.commitMs;
  console.log(
    `parse + preview (dedupe against the database) ${Math.round(i.previewMs)} ms; commit (one transaction, ${i.created} sessions, daily totals) ${Math.round(i.commitMs)} ms`,
  );
  console.log(`parse and import of ${ROWS} rows: ${Math.round(total)} ms (target < ${TARGET_MS} ms: ${total < TARGET_MS ? "PASS" : "FAIL"})`);
  console.log(`re-import of the same file: ${i.duplicatesOnRerun} duplicates found, nothing created`);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
