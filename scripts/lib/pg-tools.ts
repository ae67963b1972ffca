// PostgreSQL's client programs (pg_dump, pg_restore, psql) for backups of a server database: finding
// them, checking that they are new enough for the server, and handing them a connection.
import { spawn, spawnSync } from "node:child_process";

export type PgTool = "pg_dump" | "pg_restore" | "psql";

export class PgToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PgToolError";
  }
}

const INSTALL_HINT =
  "Install PostgreSQL's client programs, at least the server's major version: " +
  "Debian/Ubuntu `apt-get install postgresql-client` (or `postgresql-client-<major>`), " +
  "Fedora `dnf install postgresql`, macOS `brew install libpq` (then add its bin folder to PATH).";

export interface FoundTool {
  name: PgTool;
  /** Major version, e.g. 15. */
  major: number;
  version: string;
}

/** Runs `<tool> --version`; throws PgToolError with what to install when the tool is not on PATH. */
export function findPgTool(name: PgTool, purpose: string, env: NodeJS.ProcessEnv = process.env): FoundTool {
  const result = spawnSync(name, ["--version"], { env, encoding: "utf8" });
  if (result.error || result.status !== 0) {
    const why = (result.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT" ? "is not on PATH" : "does not run";
    throw new PgToolError(`${name} ${why}; ${purpose} needs it.\n${INSTALL_HINT}`);
  }
  // e.g. "pg_dump (PostgreSQL) 15.20 (Debian 15.20-0+deb12u1)"
  const version = /\)\s+(\d+(?:\.\d+)*)/.exec(result.stdout)?.[1];
  if (!version) throw new PgToolError(`Could not read the version of ${name} from "${result.stdout.trim()}".`);
  return { name, major: Number(version.split(".")[0]), version };
}

/** pg_dump refuses servers newer than itself; say so before it does, with the package that fixes it. */
export function assertToolFitsServer(tool: FoundTool, serverMajor: number): void {
  if (tool.major < serverMajor) {
    throw new PgToolError(
      `${tool.name} ${tool.version} is older than the PostgreSQL ${serverMajor} server and cannot work with it. ` +
        `Install the version ${serverMajor} client programs (Debian/Ubuntu: \`apt-get install postgresql-client-${serverMajor}\`, ` +
        `from apt.postgresql.org when your release does not have it; macOS: \`brew install libpq\`).`,
    );
  }
}

// Connection parameters libpq understands in a URL; anything else (Prisma's connection_limit,
// pool_timeout, pgbouncer, ...) makes pg_dump refuse the URL.
const LIBPQ_PARAMS = new Set([
  "host",
  "hostaddr",
  "port",
  "dbname",
  "user",
  "connect_timeout",
  "application_name",
  "options",
  "sslmode",
  "sslcert",
  "sslkey",
  "sslrootcert",
  "sslcrl",
  "sslpassword",
  "channel_binding",
  "gssencmode",
  "target_session_attrs",
  "keepalives",
  "keepalives_idle",
  "keepalives_interval",
  "keepalives_count",
]);

/**
 * The database URL as PostgreSQL's own programs take it: parameters libpq does not know dropped, and the
 * password moved into PGPASSWORD so that it does not show in the process list.
 */
export function libpqConnection(databaseUrl: string): { url: string; env: NodeJS.ProcessEnv } {
  const url = new URL(databaseUrl);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (url.password) {
    env.PGPASSWORD = decodeURIComponent(url.password);
    url.password = "";
  }
  for (const key of [...url.searchParams.keys()]) {
    if (!LIBPQ_PARAMS.has(key)) url.searchParams.delete(key);
  }
  // node-postgres's "no-verify" means encrypted without checking the certificate: libpq's "require".
  if (url.searchParams.get("sslmode") === "no-verify") url.searchParams.set("sslmode", "require");
  return { url: url.toString(), env };
}

/** Runs a tool to completion; rejects with its stderr (the part PostgreSQL writes its errors to). */
export function runPgTool(name: PgTool, args: string[], env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(name, args, { env, stdio: ["ignore", "inherit", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.once("error", reject);
    child.once("exit", (code, signal) => {
      if (code === 0) {
        if (stderr.trim()) process.stderr.write(stderr);
        resolve();
      } else {
        reject(new PgToolError(`${name} failed (${signal ?? `exit ${code}`}):\n${stderr.trim()}`));
      }
    });
  });
}
