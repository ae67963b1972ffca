// Backups of Backbone's database, for `npm run db:backup` and `npm run db:restore`:
// - a Postgres server (DATABASE_URL): pg_dump's custom format, restored with pg_restore through psql in one
//   transaction, so a failed restore leaves the database as it was;
// - the embedded database (PGlite): its data directory as a tarball (PGlite's dumpDataDir), restored by
//   loading it into a new directory that then takes the old one's place; the old one is kept aside.
import { spawn } from "node:child_process";
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { PGlite } from "@electric-sql/pglite";
import { readMigrations } from "../migrate-lib";
import { ensureDatabaseExists } from "./database";
import { DataDirInUseError, embeddedDbPort, lockDataDir } from "./embedded";
import { assertToolFitsServer, findPgTool, libpqConnection, runPgTool } from "./pg-tools";
import { shownPath } from "./cli";
import { isPortOpen, root } from "./processes";

export class BackupError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "BackupError";
  }
}

export type Log = (line: string) => void;

export const backupsDir = () => path.join(root, "backups");

/** Local time, to the second, for file names: 20261207-134501. */
export function timestamp(date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return (
    `${date.getFullYear()}${pad(date.getMonth() + 1)}${pad(date.getDate())}-` +
    `${pad(date.getHours())}${pad(date.getMinutes())}${pad(date.getSeconds())}`
  );
}

/** `base` + extension, or with -2, -3... when taken (two backups within one second). */
export function unusedPath(base: string, extension = ""): string {
  let candidate = `${base}${extension}`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${base}-${n}${extension}`;
  return candidate;
}

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}

// ---------------------------------------------------------------------------------------------------
// What a file is

export type BackupFormat = { kind: "pg_dump" } | { kind: "pglite"; gzip: boolean };

/** Recognises the two formats by their first bytes: pg_dump's "PGDMP", or a (gzipped) tar. */
export function detectBackupFormat(file: string): BackupFormat | null {
  const head = Buffer.alloc(512);
  const fd = openSync(file, "r");
  let length: number;
  try {
    length = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  if (length >= 5 && head.subarray(0, 5).toString("latin1") === "PGDMP") return { kind: "pg_dump" };
  if (length >= 2 && head[0] === 0x1f && head[1] === 0x8b) return { kind: "pglite", gzip: true };
  if (length >= 262 && head.subarray(257, 262).toString("latin1") === "ustar") return { kind: "pglite", gzip: false };
  return null;
}

// ---------------------------------------------------------------------------------------------------
// Row counts, the summary printed after each command and compared by the tests

export interface TableCount {
  /** `Table`, or `schema.Table` outside the public schema. */
  table: string;
  rows: number;
}

/** pg's Client and PGlite both answer this. */
export interface Queryable {
  query(sql: string): Promise<{ rows: unknown[] }>;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Exact row counts of every table outside the system schemas (partitions count in their parent). */
export async function countRows(db: Queryable): Promise<TableCount[]> {
  const { rows } = (await db.query(
    `SELECT n.nspname AS schema, c.relname AS name
       FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
        AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND n.nspname NOT LIKE 'pg\\_toast%' AND n.nspname NOT LIKE 'pg\\_temp%'
      ORDER BY n.nspname, c.relname`,
  )) as { rows: { schema: string; name: string }[] };
  if (rows.length === 0) return [];
  const { rows: counted } = (await db.query(
    rows
      .map((t, i) => `SELECT ${i} AS i, count(*)::text AS rows FROM ${quoteIdent(t.schema)}.${quoteIdent(t.name)}`)
      .join(" UNION ALL "),
  )) as { rows: { i: number; rows: string }[] };
  const byIndex = new Map(counted.map((r) => [Number(r.i), Number(r.rows)]));
  return rows.map((t, i) => ({ table: t.schema === "public" ? t.name : `${t.schema}.${t.name}`, rows: byIndex.get(i) ?? 0 }));
}

const MIGRATIONS_TABLE = "_prisma_migrations";

/** Rows of application data: the migration history does not count. */
export const dataRows = (counts: TableCount[]) =>
  counts.filter((c) => c.table !== MIGRATIONS_TABLE).reduce((sum, c) => sum + c.rows, 0);

export function describeCounts(counts: TableCount[]): string[] {
  const filled = counts.filter((c) => c.rows > 0 && c.table !== MIGRATIONS_TABLE);
  const lines = [
    `${counts.length} tables, ${dataRows(counts).toLocaleString("en")} rows of data` +
      (filled.length < counts.length ? ` (${counts.length - filled.length} tables empty or migration history)` : ""),
  ];
  const width = Math.max(0, ...filled.map((c) => c.table.length));
  for (const c of filled) lines.push(`  ${c.table.padEnd(width)}  ${c.rows.toLocaleString("en").padStart(9)}`);
  return lines;
}

/** How the migration history in a restored database compares with this checkout's prisma/migrations. */
async function migrationNote(db: Queryable): Promise<string> {
  let recorded: string[];
  try {
    const { rows } = (await db.query(
      `SELECT migration_name FROM "${MIGRATIONS_TABLE}" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
    )) as { rows: { migration_name: string }[] };
    recorded = rows.map((r) => r.migration_name);
  } catch {
    return "The backup has no migration history (_prisma_migrations): it may not be a Backbone database.";
  }
  const local = (await readMigrations()).map((m) => m.name);
  const unknown = recorded.filter((name) => !local.includes(name));
  const pending = local.filter((name) => !recorded.includes(name));
  if (unknown.length > 0) {
    return `The backup has ${unknown.length} migration(s) this checkout does not know (${unknown.join(", ")}): it comes from a newer Backbone; update the code before starting it.`;
  }
  if (pending.length > 0) {
    return `The backup predates ${pending.length} migration(s) of this checkout; \`npm start\` (or \`npm run db:migrate\`) applies them.`;
  }
  return "Its schema matches this checkout's migrations.";
}

// ---------------------------------------------------------------------------------------------------
// A Postgres server

interface ServerInfo {
  client: pg.Client;
  database: string;
  where: string;
  major: number;
  version: string;
  /** Served by PGlite (the embedded database over the wire), not by a PostgreSQL server. */
  pglite: boolean;
}

export function describeUrl(databaseUrl: string): { database: string; where: string } {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, "")) || "postgres";
  return { database, where: `${database} on ${url.host || "localhost"}` };
}

async function connectServer(databaseUrl: string, options: { createIfMissing?: boolean; log?: Log } = {}): Promise<ServerInfo> {
  const { database, where } = describeUrl(databaseUrl);
  const connect = async () => {
    const client = new pg.Client({ connectionString: databaseUrl, application_name: "backbone-backup" });
    await client.connect();
    return client;
  };
  let client: pg.Client;
  try {
    client = await connect();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === "3D000" && options.createIfMissing) {
      const serverUrl = new URL(databaseUrl);
      serverUrl.pathname = "/postgres";
      await ensureDatabaseExists(serverUrl.toString(), database);
      options.log?.(`Created the empty database ${database}.`);
      client = await connect();
    } else {
      throw new BackupError(`Cannot connect to the database ${where}: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
    }
  }
  const { rows } = await client.query<{ num: string; version: string; full: string }>(
    "SELECT current_setting('server_version_num') AS num, current_setting('server_version') AS version, version() AS full",
  );
  return {
    client,
    database,
    where,
    major: Math.floor(Number(rows[0].num) / 10000),
    version: rows[0].version.split(" ")[0],
    pglite: rows[0].full.includes("PGlite"),
  };
}

const EMBEDDED_BEHIND_URL =
  "DATABASE_URL points at the embedded database (PGlite) while it runs. Its backups are copies of its data " +
  "directory: stop Backbone, unset DATABASE_URL and run the command again.";

export interface BackupResult {
  file: string;
  bytes: number;
  counts: TableCount[];
  /** e.g. "PostgreSQL 15.20, pg_dump 15.20" or "PGlite 0.5.14, PostgreSQL 18.6". */
  source: string;
}

/** pg_dump -Fc of the database at `url` into `out`, and the row counts of the same snapshot. */
export async function backupServer(options: { url: string; out: string; log?: Log }): Promise<BackupResult> {
  const log = options.log ?? (() => {});
  const out = path.resolve(options.out);
  if (existsSync(out)) throw new BackupError(`${out} already exists; choose another --out file.`);
  const conn = libpqConnection(options.url);
  const pgDump = findPgTool("pg_dump", "a backup of a server database", conn.env);
  const server = await connectServer(options.url);
  const { client } = server;
  const partial = `${out}.partial`;
  try {
    if (server.pglite) throw new BackupError(EMBEDDED_BEHIND_URL);
    assertToolFitsServer(pgDump, server.major);
    log(`Backing up ${server.where} (PostgreSQL ${server.version}) with pg_dump ${pgDump.version}…`);
    // pg_dump reads the snapshot exported here, so the counts below describe exactly what it writes.
    await client.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
    const { rows } = await client.query<{ snapshot: string }>("SELECT pg_export_snapshot() AS snapshot");
    const counts = await countRows(client);
    mkdirSync(path.dirname(out), { recursive: true });
    await runPgTool("pg_dump", ["--format=custom", `--snapshot=${rows[0].snapshot}`, `--file=${partial}`, `--dbname=${conn.url}`], conn.env);
    renameSync(partial, out);
    await client.query("COMMIT");
    return { file: out, bytes: statSync(out).size, counts, source: `PostgreSQL ${server.version}, pg_dump ${pgDump.version}` };
  } finally {
    rmSync(partial, { force: true });
    await client.end().catch(() => {});
  }
}

/**
 * Empties the public schema (the only one Backbone uses) without dropping the schema itself, so that its
 * owner and grants stay: tables the backup does not have (a newer migration's) would otherwise survive the
 * restore. Objects that belong to an extension stay with it.
 */
const EMPTY_PUBLIC_SCHEMA = `
SET client_min_messages = warning;
DO $$
DECLARE r record;
BEGIN
  FOR r IN
    SELECT format('DROP %s IF EXISTS public.%I CASCADE',
                  CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW' WHEN 'S' THEN 'SEQUENCE'
                                 WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END,
                  c.relname) AS ddl
      FROM pg_class c
     WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relispartition
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass AND d.objid = c.oid AND d.deptype = 'e')
     ORDER BY c.relkind IN ('v', 'm') DESC
  LOOP
    EXECUTE r.ddl;
  END LOOP;
  FOR r IN
    SELECT format('DROP ROUTINE IF EXISTS public.%I(%s) CASCADE', p.proname, pg_get_function_identity_arguments(p.oid)) AS ddl
      FROM pg_proc p
     WHERE p.pronamespace = 'public'::regnamespace
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass AND d.objid = p.oid AND d.deptype = 'e')
  LOOP
    EXECUTE r.ddl;
  END LOOP;
  FOR r IN
    SELECT format('DROP TYPE IF EXISTS public.%I CASCADE', t.typname) AS ddl
      FROM pg_type t LEFT JOIN pg_class c ON c.oid = t.typrelid
     WHERE t.typnamespace = 'public'::regnamespace
       AND (t.typtype IN ('e', 'd', 'r') OR (t.typtype = 'c' AND c.relkind = 'c'))
       AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass AND d.objid = t.oid AND d.deptype = 'e')
  LOOP
    EXECUTE r.ddl;
  END LOOP;
END $$;
`;

/** Reads the archive's table of contents; fails early on a file this pg_restore cannot read. */
function archiveHeader(file: string, env: NodeJS.ProcessEnv): Promise<{ dumpedFrom: string | null; entries: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn("pg_restore", ["--list", file], { env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.once("error", reject);
    child.once("close", (code) => {
      if (code !== 0) return reject(new BackupError(`pg_restore cannot read ${file}:\n${stderr.trim()}`));
      resolve({
        dumpedFrom: /Dumped from database version: (\S+)/.exec(stdout)?.[1] ?? null,
        entries: Number(/TOC Entries: (\d+)/.exec(stdout)?.[1] ?? 0),
      });
    });
  });
}

/**
 * pg_restore's SQL piped into psql inside one transaction that this function commits only once pg_restore
 * has finished without error: on any failure the connection closes uncommitted and nothing changed.
 */
function restoreInOneTransaction(file: string, conn: { url: string; env: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => {
    const restore = spawn("pg_restore", ["--clean", "--if-exists", "--no-owner", "--no-privileges", "--file=-", file], {
      env: conn.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const psql = spawn("psql", ["--no-psqlrc", "--quiet", "--set=ON_ERROR_STOP=1", `--dbname=${conn.url}`], {
      env: conn.env,
      stdio: ["pipe", "ignore", "pipe"],
    });
    let restoreErr = "";
    let psqlErr = "";
    restore.stderr.on("data", (chunk: Buffer) => (restoreErr += chunk.toString()));
    psql.stderr.on("data", (chunk: Buffer) => (psqlErr += chunk.toString()));
    // psql stops reading when it stops on an error; the write error that follows says nothing new.
    psql.stdin.on("error", () => {});

    let settled = false;
    const fail = (error: Error) => {
      if (settled) return;
      settled = true;
      restore.kill();
      psql.kill();
      reject(error);
    };
    restore.once("error", fail);
    psql.once("error", fail);

    psql.stdin.write(`BEGIN;\n${EMPTY_PUBLIC_SCHEMA}\n`);
    restore.stdout.pipe(psql.stdin, { end: false });
    restore.once("close", (code, signal) => {
      if (code === 0) psql.stdin.end("COMMIT;\n");
      else fail(new BackupError(`pg_restore failed (${signal ?? `exit ${code}`}); the database was not changed.\n${restoreErr.trim()}`));
    });
    psql.once("close", (code, signal) => {
      if (code === 0 && !settled) {
        settled = true;
        resolve();
      } else {
        fail(new BackupError(`The restore failed and was rolled back; the database was not changed.\n${psqlErr.trim() || `psql ${signal ?? `exit ${code}`}`}`));
      }
    });
  });
}

export interface ServerRestoreResult {
  database: string;
  counts: TableCount[];
  /** The database's contents before the restore, saved first when it held data. */
  savedFirst: BackupResult | null;
  migrations: string;
}

/**
 * Replaces the contents of the database at `url` (created when missing) with the pg_dump archive `file`.
 * A database that holds data, or that other sessions are connected to, is left alone unless `force`;
 * with `force`, its contents are first saved to `saveDir` (default backups/).
 */
export async function restoreServer(options: { url: string; file: string; force?: boolean; saveDir?: string; log?: Log }): Promise<ServerRestoreResult> {
  const log = options.log ?? (() => {});
  const file = path.resolve(options.file);
  const format = detectBackupFormat(file);
  if (format?.kind !== "pg_dump") {
    throw new BackupError(
      format?.kind === "pglite"
        ? `${file} is a backup of the embedded database (a PGlite data directory), not of a Postgres server. ` +
            "Restore it with DATABASE_URL unset (into the embedded database)."
        : `${file} is not a backup made by \`npm run db:backup\` (a pg_dump custom-format archive).`,
    );
  }
  const conn = libpqConnection(options.url);
  findPgTool("pg_restore", "restoring a server database", conn.env);
  findPgTool("psql", "restoring a server database", conn.env);
  const header = await archiveHeader(file, conn.env);

  const server = await connectServer(options.url, { createIfMissing: true, log });
  let before: TableCount[];
  let others: { count: number; apps: string };
  try {
    if (server.pglite) throw new BackupError(EMBEDDED_BEHIND_URL);
    before = await countRows(server.client);
    const { rows } = await server.client.query<{ count: number; apps: string | null }>(
      `SELECT count(*)::int AS count, string_agg(DISTINCT coalesce(nullif(application_name, ''), 'unnamed'), ', ') AS apps
         FROM pg_stat_activity
        WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
    );
    others = { count: rows[0].count, apps: rows[0].apps ?? "" };
  } finally {
    await server.client.end().catch(() => {});
  }

  const rowsBefore = dataRows(before);
  if (rowsBefore > 0 && !options.force) {
    throw new BackupError(
      `${server.where} already holds data (${rowsBefore.toLocaleString("en")} rows). A restore replaces all of it: ` +
        "run again with --force to go ahead (its current contents are saved to a file first), or restore into an empty database.",
    );
  }
  if (others.count > 0 && !options.force) {
    throw new BackupError(
      `${others.count} other connection(s) to ${server.where} are open (${others.apps}). Stop Backbone before restoring ` +
        "(its server processes keep pages computed from the old data), or run again with --force.",
    );
  }

  let savedFirst: BackupResult | null = null;
  if (rowsBefore > 0) {
    const saveDir = options.saveDir ?? backupsDir();
    const out = unusedPath(path.join(saveDir, `${server.database}-before-restore-${timestamp()}`), ".dump");
    savedFirst = await backupServer({ url: options.url, out });
    log(`Saved the current contents of ${server.where} first: ${shownPath(savedFirst.file)} (${formatBytes(savedFirst.bytes)}).`);
  }

  log(
    `Restoring ${shownPath(file)} (${header.entries} entries, from PostgreSQL ${header.dumpedFrom ?? "?"}) into ${server.where} ` +
      `(PostgreSQL ${server.version}), replacing its public schema in one transaction…`,
  );
  await restoreInOneTransaction(file, conn);

  const after = await connectServer(options.url);
  try {
    return { database: server.where, counts: await countRows(after.client), savedFirst, migrations: await migrationNote(after.client) };
  } finally {
    await after.client.end().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------------
// The embedded database (PGlite)

/** "PostgreSQL 18.6 (PGlite 0.5.14) on wasm32-..." -> "PGlite 0.5.14, PostgreSQL 18.6" */
function describePglite(version: string): string {
  const match = /^PostgreSQL (\S+) \(PGlite (\S+)\)/.exec(version);
  return match ? `PGlite ${match[2]}, PostgreSQL ${match[1]}` : version.split(" on ")[0];
}

const hasDatabase = (dataDir: string) => existsSync(path.join(dataDir, "PG_VERSION"));

/**
 * Processes that hold the lock are caught by lockDataDir. This catches a server started by a Backbone
 * that predates the lock: PGlite keeps postmaster.pid in the directory while it is open (and leaves it
 * behind when killed), so with the embedded port answering as well, the directory is taken to be in use.
 */
async function assertNotOpenElsewhere(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (existsSync(pidFile) && (await isPortOpen(embeddedDbPort()))) {
    throw new DataDirInUseError(
      `The embedded database in ${dataDir} looks open: ${pidFile} is there and something answers on port ${embeddedDbPort()}. ` +
        "Stop Backbone first (Ctrl-C where `npm start` runs). If nothing uses this directory, delete that postmaster.pid " +
        "(left behind by a process that did not shut down) and run again.",
    );
  }
}

/** The data directory of the embedded database as a tarball (gzipped unless `out` ends in .tar). */
export async function backupEmbedded(options: { dataDir: string; out: string; log?: Log }): Promise<BackupResult> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const out = path.resolve(options.out);
  if (!hasDatabase(dataDir)) {
    throw new BackupError(
      `There is no embedded database in ${dataDir}. It is created by the first \`npm start\` without DATABASE_URL ` +
        "(BACKBONE_DATA_DIR moves it); with DATABASE_URL set, the backup is of that database.",
    );
  }
  if (existsSync(out)) throw new BackupError(`${out} already exists; choose another --out file.`);
  const lock = lockDataDir(dataDir, "a backup (npm run db:backup)");
  const partial = `${out}.partial`;
  try {
    await assertNotOpenElsewhere(dataDir);
    log(`Backing up the embedded database in ${shownPath(dataDir)}…`);
    const db = await PGlite.create(dataDir);
    try {
      const counts = await countRows(db);
      const { rows } = await db.query<{ version: string }>("SELECT version()");
      // Everything on disk, so the copy needs no recovery when it is loaded.
      await db.exec("CHECKPOINT");
      const tarball = await db.dumpDataDir(out.endsWith(".tar") ? "none" : "gzip");
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(partial, Buffer.from(await tarball.arrayBuffer()));
      renameSync(partial, out);
      return { file: out, bytes: statSync(out).size, counts, source: describePglite(rows[0].version) };
    } finally {
      await db.close();
    }
  } finally {
    rmSync(partial, { force: true });
    lock.release();
  }
}

export interface EmbeddedRestoreResult {
  dataDir: string;
  counts: TableCount[];
  /** Where the data directory that was there before now is; null when there was none. */
  keptAside: string | null;
  migrations: string;
}

/**
 * Loads the tarball `file` into a new directory next to `dataDir`, checks that it opens, then moves the
 * current `dataDir` (if any) aside to `<dataDir>.before-restore-<time>` and the new one into its place.
 * Nothing is deleted.
 */
export async function restoreEmbedded(options: { dataDir: string; file: string; log?: Log }): Promise<EmbeddedRestoreResult> {
  const log = options.log ?? (() => {});
  const dataDir = path.resolve(options.dataDir);
  const file = path.resolve(options.file);
  const format = detectBackupFormat(file);
  if (format?.kind !== "pglite") {
    throw new BackupError(
      format?.kind === "pg_dump"
        ? `${file} is a pg_dump archive of a Postgres server, not of the embedded database. ` +
            "Set DATABASE_URL to the server database to restore it into; the embedded database cannot load it."
        : `${file} is not a backup made by \`npm run db:backup\` (a .tar.gz of the embedded database).`,
    );
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const lock = lockDataDir(dataDir, "a restore (npm run db:restore)");
  const stamp = timestamp();
  const staging = unusedPath(`${dataDir}.restoring-${stamp}`);
  try {
    if (existsSync(dataDir)) await assertNotOpenElsewhere(dataDir);
    log(`Loading ${shownPath(file)} into a new data directory beside ${shownPath(dataDir)}…`);
    let counts: TableCount[];
    let migrations: string;
    try {
      const blob = new Blob([readFileSync(file)], { type: format.gzip ? "application/x-gzip" : "application/x-tar" });
      const db = await PGlite.create({ dataDir: staging, loadDataDir: blob });
      try {
        counts = await countRows(db);
        migrations = await migrationNote(db);
      } finally {
        await db.close();
      }
    } catch (error) {
      rmSync(staging, { recursive: true, force: true });
      throw new BackupError(
        `Could not load ${file}: ${error instanceof Error ? error.message : String(error)}. ` +
          `Nothing was changed in ${dataDir}. A backup from another PGlite version (another PostgreSQL major version) cannot be loaded by this one.`,
        { cause: error },
      );
    }

    let keptAside: string | null = null;
    if (existsSync(dataDir)) {
      if (readdirSync(dataDir).length > 0) {
        keptAside = unusedPath(`${dataDir}.before-restore-${stamp}`);
        renameSync(dataDir, keptAside);
      } else {
        rmSync(dataDir, { recursive: true });
      }
    }
    try {
      renameSync(staging, dataDir);
    } catch (error) {
      if (keptAside) renameSync(keptAside, dataDir);
      throw error;
    }
    return { dataDir, counts, keptAside, migrations };
  } finally {
    rmSync(staging, { recursive: true, force: true });
    lock.release();
  }
}
