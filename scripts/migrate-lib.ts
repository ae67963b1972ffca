// Applies prisma/migrations the way `prisma migrate deploy` does, with nothing but `pg`, so that
// deployments and the embedded database (PGlite over the wire protocol) need no schema engine.
// The bookkeeping matches Prisma's own: the same `_prisma_migrations` table, checksums, advisory
// lock and failure rules, so the Prisma CLI (`migrate status`, `migrate deploy`, `migrate resolve`)
// keeps working on databases migrated here and vice versa.
import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";

export const DEFAULT_MIGRATIONS_DIR = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  "..",
  "prisma",
  "migrations",
);

// The key Prisma Migrate locks on, so this and the Prisma CLI never migrate concurrently.
export const PRISMA_MIGRATE_LOCK_KEY = 72707369;

// Prisma's definition of its history table, column for column.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationFile {
  /** Directory name, e.g. `20250101120000_init`; also the name recorded in the database. */
  name: string;
  sql: string;
  /** Lowercase hex SHA-256 of migration.sql, as Prisma records it. */
  checksum: string;
}

export interface ApplyMigrationsOptions {
  log?: (msg: string) => void;
  /** Defaults to prisma/migrations of this project. */
  migrationsDir?: string;
  /** How long to wait for another migration run holding the lock. Default 60 s. */
  lockTimeoutMs?: number;
}

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MigrationError";
  }
}

interface HistoryRow {
  id: string;
  checksum: string;
  migration_name: string;
  started_at: Date;
  finished_at: Date | null;
  rolled_back_at: Date | null;
  logs: string | null;
}

export function checksumOf(sql: string): string {
  return createHash("sha256").update(sql, "utf8").digest("hex");
}

// A checkout may have converted line endings since the migration was applied; Prisma accepts the
// file if either line-ending variant of it matches the recorded checksum.
function checksumMatches(sql: string, recorded: string): boolean {
  const expected = recorded.toLowerCase();
  return [sql, sql.replace(/\r\n/g, "\n"), sql.replace(/\r?\n/g, "\r\n")].some((variant) => checksumOf(variant) === expected);
}

export async function readMigrations(migrationsDir: string = DEFAULT_MIGRATIONS_DIR): Promise<MigrationFile[]> {
  if (!existsSync(migrationsDir)) return [];

  const lockfile = path.join(migrationsDir, "migration_lock.toml");
  if (existsSync(lockfile)) {
    const provider = /^\s*provider\s*=\s*"([^"]*)"/m.exec(await readFile(lockfile, "utf8"))?.[1];
    if (provider && provider !== "postgresql") {
      throw new MigrationError(
        `${lockfile} says the migrations were written for "${provider}", but this database is PostgreSQL.`,
      );
    }
  }

  const entries = await readdir(migrationsDir, { withFileTypes: true });
  // Same order as Prisma: directory names compared with localeCompare.
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort((a, b) => a.localeCompare(b));

  const migrations: MigrationFile[] = [];
  for (const name of names) {
    const file = path.join(migrationsDir, name, "migration.sql");
    if (!existsSync(file)) {
      throw new MigrationError(`Migration directory ${path.join(migrationsDir, name)} has no migration.sql.`);
    }
    const sql = await readFile(file, "utf8");
    migrations.push({ name, sql, checksum: checksumOf(sql) });
  }
  return migrations;
}

function describeError(error: unknown): string {
  if (error instanceof Error) {
    const pgError = error as Error & { code?: string; position?: string; detail?: string; hint?: string; where?: string };
    if (pgError.code) {
      const lines = [`Database error code: ${pgError.code}`, "", "Database error:", `ERROR: ${pgError.message}`];
      if (pgError.detail) lines.push(`DETAIL: ${pgError.detail}`);
      if (pgError.hint) lines.push(`HINT: ${pgError.hint}`);
      if (pgError.position) lines.push(`POSITION: ${pgError.position}`);
      if (pgError.where) lines.push(`CONTEXT: ${pgError.where}`);
      return lines.join("\n");
    }
    return error.message;
  }
  return String(error);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function acquireLock(client: pg.Client, timeoutMs: number, log: (msg: string) => void): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let announced = false;
  // Polling the non-blocking variant keeps a stuck holder from hanging deploys forever.
  for (;;) {
    const { rows } = await client.query<{ locked: boolean }>(
      `SELECT pg_try_advisory_lock(${PRISMA_MIGRATE_LOCK_KEY}) AS locked`,
    );
    if (rows[0]?.locked) return;
    if (Date.now() >= deadline) {
      throw new MigrationError(
        `Timed out after ${timeoutMs} ms waiting for the migration lock (pg_advisory_lock(${PRISMA_MIGRATE_LOCK_KEY})): ` +
          "another migration run still holds it.",
      );
    }
    if (!announced) {
      log("Another migration run holds the migration lock; waiting for it to finish...");
      announced = true;
    }
    await sleep(500);
  }
}

function schemaFromUrl(databaseUrl: string): string | null {
  try {
    return new URL(databaseUrl).searchParams.get("schema");
  } catch {
    return null;
  }
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Applies every migration in prisma/migrations that the database has not recorded yet, in order,
 * each in its own transaction, and returns the names of those applied.
 */
export async function applyMigrations(
  databaseUrl: string,
  options: ApplyMigrationsOptions = {},
): Promise<{ applied: string[] }> {
  const log = options.log ?? (() => {});
  const migrations = await readMigrations(options.migrationsDir);

  // One connection throughout: advisory locks belong to the session that took them.
  const client = new pg.Client({ connectionString: databaseUrl, application_name: "backbone-migrate" });
  await client.connect();
  let locked = false;
  try {
    // Prisma reads `?schema=` from the URL; pg does not, so honour it here.
    const schema = schemaFromUrl(databaseUrl);
    if (schema && schema !== "public") {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${quoteIdent(schema)}`);
      await client.query(`SET search_path TO ${quoteIdent(schema)}`);
    }

    await acquireLock(client, options.lockTimeoutMs ?? 60_000, log);
    locked = true;

    const { rows: existing } = await client.query<{ present: boolean }>(
      `SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`,
    );
    if (!existing[0]?.present) await client.query(CREATE_MIGRATIONS_TABLE);

    const { rows: history } = await client.query<HistoryRow>(
      `SELECT id, checksum, migration_name, started_at, finished_at, rolled_back_at, logs
         FROM "_prisma_migrations" ORDER BY started_at ASC`,
    );

    const failed = history.find((row) => row.finished_at === null && row.rolled_back_at === null);
    if (failed) {
      throw new MigrationError(
        [
          `Migration \`${failed.migration_name}\` failed (started at ${failed.started_at.toISOString()}); no further migrations will be applied until it is resolved.`,
          failed.logs ? `\nIts error was:\n${failed.logs}\n` : "",
          "To resolve it, either:",
          `  - undo whatever part of it reached the database, then mark it rolled back so it is retried:`,
          `      npm run prisma -- migrate resolve --rolled-back "${failed.migration_name}"`,
          `  - or finish it by hand, then mark it applied:`,
          `      npm run prisma -- migrate resolve --applied "${failed.migration_name}"`,
          "See https://pris.ly/d/migrate-resolve",
        ]
          .filter(Boolean)
          .join("\n"),
      );
    }

    // Rows marked rolled back do not count: such migrations are applied again.
    const appliedRows = history.filter((row) => row.finished_at !== null && row.rolled_back_at === null);
    const appliedNames = new Set(appliedRows.map((row) => row.migration_name));
    const local = new Map(migrations.map((migration) => [migration.name, migration]));

    for (const row of appliedRows) {
      const file = local.get(row.migration_name);
      if (!file) {
        log(
          `WARNING: migration \`${row.migration_name}\` is recorded as applied in the database but is missing from ${options.migrationsDir ?? DEFAULT_MIGRATIONS_DIR}.`,
        );
      } else if (!checksumMatches(file.sql, row.checksum)) {
        log(
          `WARNING: migration \`${row.migration_name}\` was modified after it was applied to this database. ` +
            "The change will not be applied; put it in a new migration instead (`prisma migrate dev` would ask to reset a development database).",
        );
      }
    }

    const pending = migrations.filter((migration) => !appliedNames.has(migration.name));
    const applied: string[] = [];
    for (const migration of pending) {
      log(`Applying migration \`${migration.name}\``);
      const id = randomUUID();
      // Recorded before the SQL runs, outside its transaction: a run that dies half way leaves a
      // failed row behind, which stops the next run instead of letting it guess.
      await client.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 0)`,
        [id, migration.checksum, migration.name],
      );
      try {
        await client.query("BEGIN");
        // No parameters: pg sends the whole file as one simple query, however many statements.
        await client.query(migration.sql);
        await client.query(
          `UPDATE "_prisma_migrations" SET finished_at = clock_timestamp(), applied_steps_count = 1 WHERE id = $1`,
          [id],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK").catch(() => {});
        const logs = describeError(error);
        await client
          .query(`UPDATE "_prisma_migrations" SET logs = $1 WHERE id = $2`, [logs, id])
          .catch(() => {});
        throw new MigrationError(
          `Migration \`${migration.name}\` failed and was rolled back; nothing from it was applied.\n\n${logs}\n\n` +
            "The failure is recorded in _prisma_migrations and blocks further migrations. Fix the migration, then run:\n" +
            `  npm run prisma -- migrate resolve --rolled-back "${migration.name}"\n` +
            "and migrate again.",
          { cause: error },
        );
      }
      applied.push(migration.name);
    }
    return { applied };
  } finally {
    if (locked) {
      await client.query(`SELECT pg_advisory_unlock(${PRISMA_MIGRATE_LOCK_KEY})`).catch(() => {});
    }
    await client.end().catch(() => {});
  }
}
