// `npm run db:rebuild-daily-loads`: recomputes every athlete's daily totals (DailyLoad) from their sessions
// in the database at DATABASE_URL, in one transaction (lib/sessions/daily-load.ts rebuildAllDailyLoads).
// The app keeps the totals current on every write; this is for repairs and after bulk loads.
import { createPrismaClient } from "@/lib/db";
import { rebuildAllDailyLoads } from "@/lib/sessions/daily-load";

async function main(): Promise<number> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "DATABASE_URL is not set. Point it at the database, e.g.\n" +
        "  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/backbone npm run db:rebuild-daily-loads",
    );
    return 1;
  }
  if (process.argv.length > 2) {
    console.error("Usage: npm run db:rebuild-daily-loads (no arguments; every athlete is rebuilt)");
    return 2;
  }
  const prisma = createPrismaClient(url, 1);
  try {
    const started = performance.now();
    const rows = await rebuildAllDailyLoads(prisma);
    console.log(`Daily totals rebuilt: ${rows.toLocaleString("en")} rows in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
