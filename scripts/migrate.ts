// `npm run db:migrate`: brings the database at DATABASE_URL up to date with prisma/migrations.
// Equivalent to `prisma migrate deploy`, without needing Prisma's schema engine (see migrate-lib.ts).
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyMigrations as applyMigrationsWith, type ApplyMigrationsOptions } from "./migrate-lib";

export type { ApplyMigrationsOptions, MigrationFile } from "./migrate-lib";
export { MigrationError, readMigrations } from "./migrate-lib";

export async function applyMigrations(
  databaseUrl: string,
  options?: ApplyMigrationsOptions,
): Promise<{ applied: string[] }> {
  return applyMigrationsWith(databaseUrl, options);
}

async function main(): Promise<void> {
  const databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    console.error(
      "DATABASE_URL is not set. Point it at the database to migrate, e.g.\n" +
        "  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/backbone npm run db:migrate",
    );
    process.exit(1);
  }
  const { applied } = await applyMigrations(databaseUrl, { log: (msg) => console.log(msg) });
  if (applied.length === 0) {
    console.log("No pending migrations to apply.");
  } else {
    console.log(`Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}:`);
    for (const name of applied) console.log(`  ${name}`);
  }
}

// Run only when executed directly, not when imported (e.g. by the start script).
const withoutExtension = (file: string) => file.replace(/\.[cm]?[jt]s$/, "");
const invokedPath = process.argv[1] ? withoutExtension(path.resolve(process.argv[1])) : "";
if (invokedPath === withoutExtension(fileURLToPath(import.meta.url))) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
