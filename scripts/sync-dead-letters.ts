// `npm run sync:dead-letters [-- --retry]`: the sync jobs given up on after repeated failures (dead letters),
// with the athlete, the provider and the last error; with --retry they are queued again from the start.
import { parseArgs } from "node:util";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { loadDotEnv } from "./lib/embedded";

async function main() {
  loadDotEnv();
  const { values } = parseArgs({ options: { retry: { type: "boolean" }, help: { type: "boolean", short: "h" } } });
  if (values.help) {
    console.log("Usage: npm run sync:dead-letters [-- --retry]");
    return;
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("Set DATABASE_URL to the app's database.");
  const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const dead = await prisma.syncJob.findMany({
      where: { status: "DEAD" },
      orderBy: { updatedAt: "desc" },
      take: 500,
      select: { id: true, kind: true, payload: true, attempts: true, lastError: true, updatedAt: true, connection: { select: { provider: true, user: { select: { email: true } } } } },
    });
    if (dead.length === 0) console.log("No dead letters.");
    for (const j of dead) {
      console.log(
        [j.updatedAt.toISOString(), j.connection.provider, j.connection.user.email, j.kind, JSON.stringify(j.payload), `${j.attempts} attempts`, j.lastError ?? ""].join("\t"),
      );
    }
    if (values.retry && dead.length) {
      const { count } = await prisma.syncJob.updateMany({
        where: { id: { in: dead.map((j) => j.id) }, status: "DEAD" },
        data: { status: "PENDING", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null },
      });
      console.log(`Queued ${count} again.`);
    }
  } finally {
    await prisma.$disconnect();
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
