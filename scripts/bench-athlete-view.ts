/**
 * Server time of the coach's athlete page data (getCoachAthleteView: access checks, summary, profile,
 * chart series and flags, audit entry) for an athlete with three years of history: runs four days a
 * week in three shoes, core and cross-training, pain reports and weekly check-ins. Target: p95 under
 * 200 ms for the default period. Runs against BENCH_DATABASE_URL (default: the local test database)
 * with throwaway users that are removed afterwards.
 * Usage: npm run bench:athlete-view
 */
import { loadavg, cpus } from "node:os";
import { performance } from "node:perf_hooks";

const url = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/backbone_test";
process.env.DATABASE_URL = url;
process.env.DB_POOL_SIZE ??= "10";

const RUNS = 40;
const WARM_UP = 10;
const TARGET_MS = 200;

async function main() {
  const { db } = await import("../lib/db");
  const { loadViewer } = await import("../lib/auth/permissions");
  const { getCoachAthleteView } = await import("../lib/athletes/coach-view");
  const { rebuildDailyLoads } = await import("../lib/sessions/daily-load");
  const { addDays, todayIn } = await import("../lib/dates");
  const prisma = db();
  const stamp = Date.now();
  const coach = await prisma.user.create({ data: { email: `bench-coach-${stamp}@bench.invalid`, name: "Bench coach", passwordHash: "x" } });
  const athlete = await prisma.user.create({ data: { email: `bench-athlete-${stamp}@bench.invalid`, name: "Bench athlete", passwordHash: "x" } });
  try {
    const squad = await prisma.squad.create({
      data: {
        name: "Bench squad",
        memberships: { create: [{ userId: coach.id, role: "COACH", isOwner: true }, { userId: athlete.id, role: "ATHLETE" }] },
      },
    });
    await prisma.athleteProfile.create({ data: { userId: athlete.id } });
    const today = todayIn("UTC");
    const shoes = [];
    for (const [i, name] of ["First pair", "Second pair", "Third pair"].entries()) {
      shoes.push(
        await prisma.shoe.create({ data: { userId: athlete.id, name, initialKm: i === 0 ? 120 : 0, retiredAt: i < 2 ? new Date() : null } }),
      );
    }
    const id = athlete.id;
    await prisma.$executeRaw`
      INSERT INTO "TrainingSession" (id, "userId", "localDate", type, "durationMin", "distanceKm", rpe, surface, "shoeId", "updatedAt")
      SELECT 'r' || ${id} || d::text, ${id}, ${today}::date - d, 'RUN', 40 + (d % 5) * 10, 7 + (d % 5) * 2, 3 + (d % 6),
             (ARRAY['ASPHALT','TRAIL','TRACK','GRASS']::"Surface"[])[1 + d % 4],
             (ARRAY[${shoes[0].id}, ${shoes[1].id}, ${shoes[2].id}])[1 + least(2, (1095 - d) / 365)], now()
      FROM generate_series(0, 1095) d WHERE d % 7 IN (0, 2, 3, 5)`;
    await prisma.$executeRaw`
      INSERT INTO "TrainingSession" (id, "userId", "localDate", type, "durationMin", rpe, "updatedAt")
      SELECT 'c' || ${id} || d::text, ${id}, ${today}::date - d, CASE WHEN d % 14 = 1 THEN 'CORE' ELSE 'CROSS_TRAINING' END::"SessionType", 30, 4, now()
      FROM generate_series(0, 1095) d WHERE d % 7 IN (1, 4)`;
    await prisma.$executeRaw`
      INSERT INTO "BackPainReport" (id, "userId", "localDate", zone, nrs, "redFlags")
      SELECT 'p' || ${id} || d::text, ${id}, ${today}::date - d, (ARRAY['CERVICAL','DORSAL','LUMBAR']::"BackZone"[])[1 + d % 3], d % 8, '{}'
      FROM generate_series(0, 1095, 9) d`;
    await prisma.$executeRaw`
      INSERT INTO "OstrcResponse" (id, "userId", "weekStart", "localDate", zone, q1, q2, q3, q4, severity, substantial)
      SELECT 'o' || ${id} || w::text || z, ${id}, date_trunc('week', ${today}::date)::date - w * 7,
             date_trunc('week', ${today}::date)::date - w * 7 + 2, z::"BackZone", 0, 6, 0, 8, 14, false
      FROM generate_series(1, 156) w, unnest(ARRAY['CERVICAL','DORSAL','LUMBAR']) z`;
    await rebuildDailyLoads(prisma, id);
    const sessions = await prisma.trainingSession.count({ where: { userId: id } });
    const viewer = await loadViewer(prisma, coach.id);
    if (!viewer) throw new Error("no viewer");

    console.log(`${sessions} sessions over 3 years; ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}`);
    const periods = [
      ["default (12 weeks)", undefined],
      ["52 weeks", { preset: "52w" as const }],
      ["3 years", { from: addDays(today, -1095), to: today }],
    ] as const;
    // Warm every path first: the first period measured would otherwise pay for the JIT of all of them.
    for (const [, range] of periods) for (let i = 0; i < WARM_UP; i++) await getCoachAthleteView(viewer, squad.id, id, range);
    let defaultP95 = Infinity;
    for (const [label, range] of periods) {
      const times: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const t0 = performance.now();
        await getCoachAthleteView(viewer, squad.id, id, range);
        times.push(performance.now() - t0);
      }
      times.sort((a, b) => a - b);
      const p = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)];
      if (range === undefined) defaultP95 = p(0.95);
      console.log(`${label.padEnd(20)} p50 ${p(0.5).toFixed(1)} ms  p95 ${p(0.95).toFixed(1)} ms  max ${p(1).toFixed(1)} ms`);
    }
    console.log(defaultP95 < TARGET_MS ? `OK: default p95 under ${TARGET_MS} ms` : `SLOW: default p95 over ${TARGET_MS} ms`);
  } finally {
    await prisma.auditLog.deleteMany({ where: { actorId: coach.id } });
    await prisma.squad.deleteMany({ where: { createdById: null, memberships: { some: { userId: coach.id } } } });
    await prisma.user.deleteMany({ where: { id: { in: [coach.id, athlete.id] } } });
    await prisma.$disconnect();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
