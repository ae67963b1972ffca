// Seeds the demo squad: `npx tsx prisma/seed.ts [--athletes N] [--months M] [--seed S] [--end YYYY-MM-DD]`.
import { createPrismaClient } from "@/lib/db";
import { DEMO_CLINICIAN_EMAIL, seedDemo, type SeedDemoOptions } from "@/prisma/demo/seed";

const USAGE = "Usage: npx tsx prisma/seed.ts [--athletes N] [--months M] [--seed S] [--end YYYY-MM-DD]";

class UsageError extends Error {}

function parseArgs(argv: string[]): SeedDemoOptions {
  const options: SeedDemoOptions = {};
  const int = (flag: string, raw: string | undefined) => {
    if (raw === undefined || !/^-?\d+$/.test(raw)) throw new UsageError(`${flag} needs a whole number, got "${raw ?? ""}"`);
    return Number(raw);
  };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--athletes":
        options.athletes = int(flag, value());
        break;
      case "--months":
        options.months = int(flag, value());
        break;
      case "--seed":
        options.seed = int(flag, value());
        break;
      case "--end": {
        const end = value();
        if (!end || !/^\d{4}-\d{2}-\d{2}$/.test(end)) throw new UsageError(`--end needs YYYY-MM-DD, got "${end ?? ""}"`);
        options.endDate = end;
        break;
      }
      case "--help":
      case "-h":
        console.log(USAGE);
        process.exit(0);
      default:
        throw new UsageError(`Unknown argument "${argv[i]}"`);
    }
  }
  return options;
}

async function main(): Promise<number> {
  let options: SeedDemoOptions;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
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
    const result = await seedDemo(prisma, options);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (result.skipped) {
      console.log(`Demo data already present (${result.coachEmail}); nothing written. Checked in ${seconds} s.`);
    } else {
      console.log(`Demo squad seeded in ${seconds} s, history ${result.range?.startDate} to ${result.range?.endDate}.`);
      console.table(result.counts);
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
