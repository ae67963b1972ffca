// Seeds the demo squad: `npx tsx prisma/seed.ts [--athletes N] [--months M] [--seed S] [--end YYYY-MM-DD]`,
// or a club of squads with `--club [N]` (prisma/seed-args.ts).
import { createPrismaClient } from "@/lib/db";
import { DEMO_CLINICIAN_EMAIL, seedClub, seedDemo, type SeedDemoResult } from "@/prisma/demo/seed";
import { parseSeedArgs, SEED_USAGE, UsageError, type SeedArgs } from "@/prisma/seed-args";

async function main(): Promise<number> {
  let options: SeedArgs;
  try {
    options = parseSeedArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${SEED_USAGE}`);
    return 2;
  }
  if (options.help) {
    console.log(SEED_USAGE);
    return 0;
  }
  const url = process.env.DATABASE_URL;
  if (!url) {
    console.error(
      "DATABASE_URL is not set. Point it at the database to seed, e.g.\n" +
        "  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/backbone npx tsx prisma/seed.ts",
    );
    return 1;
  }

  const prisma = createPrismaClient(url, 2);
  const started = performance.now();
  try {
    const { club, help: _help, ...seedOptions } = options;
    void _help;
    let result: SeedDemoResult;
    if (club) {
      const clubResult = await seedClub(prisma, seedOptions);
      result = clubResult;
      if (!clubResult.skipped) {
        console.table(clubResult.squads.map(({ name, coachEmail, athletes }) => ({ squad: name, coach: coachEmail, athletes })));
      }
    } else {
      result = await seedDemo(prisma, seedOptions);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.skipped) {
      console.log(`Demo data already present (${result.coachEmail}); nothing written. Checked in ${seconds} s.`);
    } else {
      console.log(`${club ? "Club" : "Demo squad"} seeded in ${seconds} s, history ${result.range?.startDate} to ${result.range?.endDate}.`);
      console.table(result.counts);
      if (club) {
        const size = await prisma.$queryRaw<{ size: string }[]>`SELECT pg_size_pretty(pg_database_size(current_database())) AS size`;
        console.log(`Database size: ${size[0].size}`);
      }
    }
    const athletes = result.athleteEmails;
    const shown = athletes.length > 3 ? `${athletes[0]} ... ${athletes[athletes.length - 1]}` : athletes.join(", ");
    console.log(`Coach: ${result.coachEmail}  Physio: ${DEMO_CLINICIAN_EMAIL}  Athletes: ${shown}  Password: ${result.password}`);
    return 0;
  } finally {
    await prisma.$disconnect();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Bad parameters only need their message; anything else keeps its stack.
    console.error(error instanceof RangeError ? error.message : error);
    process.exit(1);
  },
);
