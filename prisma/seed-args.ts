// Command-line arguments of prisma/seed.ts, apart from it so that they can be tested without seeding.
import { CLUB_DEFAULTS } from "@/prisma/demo/generator";

export const SEED_USAGE =
  "Usage: npx tsx prisma/seed.ts [--athletes N] [--months M] [--seed S] [--end YYYY-MM-DD]\n" +
  `       npx tsx prisma/seed.ts --club [N] [--months M] [--seed S] [--end YYYY-MM-DD]   (N athletes in squads of ${CLUB_DEFAULTS.squadSize}, default ${CLUB_DEFAULTS.athletes} x ${CLUB_DEFAULTS.months} months)`;

export class UsageError extends Error {}

export type SeedArgs = {
  /** The club seed (seedClub) instead of the demo squad. */
  club: boolean;
  athletes?: number;
  months?: number;
  seed?: number;
  endDate?: string;
  help?: boolean;
};

export function parseSeedArgs(argv: readonly string[]): SeedArgs {
  const options: SeedArgs = { club: false };
  const int = (flag: string, raw: string | undefined) => {
    if (raw === undefined || !/^-?\d+$/.test(raw)) throw new UsageError(`${flag} needs a whole number, got "${raw ?? ""}"`);
    return Number(raw);
  };
  let athletesGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split("=", 2);
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case "--athletes":
        options.athletes = int(flag, value());
        athletesGiven = true;
        break;
      case "--club":
        options.club = true;
        // An optional count: `--club`, `--club 1000` or `--club=1000`.
        if (inline !== undefined) options.athletes = int(flag, inline);
        else if (argv[i + 1] !== undefined && !argv[i + 1].startsWith("--")) options.athletes = int(flag, argv[++i]);
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
        options.help = true;
        break;
      default:
        throw new UsageError(`Unknown argument "${argv[i]}"`);
    }
  }
  if (options.club && athletesGiven) throw new UsageError("--club takes the number of athletes itself (--club 1000); leave out --athletes");
  return options;
}
