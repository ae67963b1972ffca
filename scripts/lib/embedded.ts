// Where `npm start` keeps the embedded database, and the lock that keeps it to one process at a time:
// PGlite has no lock of its own, and two processes writing one data directory corrupt it.
import { existsSync, linkSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { root } from "./processes";

export const EMBEDDED_DB_DEFAULT_PORT = 54329;

/** Reads `.env` at the project root, as `npm start` does, without overriding variables already set. */
export function loadDotEnv(): void {
  const file = path.join(root, ".env");
  if (existsSync(file)) process.loadEnvFile(file);
}

/** `$BACKBONE_DATA_DIR` or `.data`: the embedded database and the generated secret live here. */
export function dataRoot(): string {
  return path.resolve(root, process.env.BACKBONE_DATA_DIR ?? ".data");
}

/** The embedded database's data directory under `npm start`. */
export function embeddedDataDir(): string {
  return path.join(dataRoot(), "pglite");
}

export function embeddedDbPort(): number {
  const value = process.env.EMBEDDED_DB_PORT ?? String(EMBEDDED_DB_DEFAULT_PORT);
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`EMBEDDED_DB_PORT must be a port number, got "${value}"`);
  }
  return port;
}

export class DataDirInUseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DataDirInUseError";
  }
}

interface LockContent {
  pid: number;
  purpose: string;
  since: string;
}

export const lockFileOf = (dataDir: string) => `${path.resolve(dataDir)}.lock`;

function processIsRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  // A lock left behind by a killed process can name a pid the system has since given to another program;
  // where the command line is readable, only a Node process counts as the holder.
  try {
    return readFileSync(`/proc/${pid}/cmdline`, "utf8").includes("node");
  } catch {
    return true;
  }
}

function readLock(file: string): LockContent | null {
  try {
    const content = JSON.parse(readFileSync(file, "utf8")) as Partial<LockContent>;
    return typeof content.pid === "number" ? { pid: content.pid, purpose: String(content.purpose ?? "another process"), since: String(content.since ?? "?") } : null;
  } catch {
    return null;
  }
}

/**
 * Takes `<dataDir>.lock` for this process, or throws DataDirInUseError naming the process that holds it.
 * A lock whose process is gone is taken over. The lock is released by `release()` or when the process exits.
 */
export function lockDataDir(dataDir: string, purpose: string): { file: string; release: () => void } {
  const file = lockFileOf(dataDir);
  const content: LockContent = { pid: process.pid, purpose, since: new Date().toISOString() };
  // Written aside and linked into place, so that no one ever reads a lock file without its content.
  const draft = `${file}.${process.pid}`;
  writeFileSync(draft, JSON.stringify(content));
  for (let attempt = 0; ; attempt++) {
    try {
      linkSync(draft, file);
      unlinkSync(draft);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) {
        unlinkSync(draft);
        throw error;
      }
      const holder = readLock(file);
      if (holder && processIsRunning(holder.pid)) {
        unlinkSync(draft);
        throw new DataDirInUseError(
          `The embedded database in ${path.resolve(dataDir)} is in use by ${holder.purpose}: process ${holder.pid}, since ${holder.since}. ` +
            `Stop it or let it finish first; if no such process is running, delete ${file}.`,
        );
      }
      unlinkSync(file);
    }
  }
  const release = () => {
    if (readLock(file)?.pid === process.pid) {
      try {
        unlinkSync(file);
      } catch {
        // already gone
      }
    }
    process.off("exit", release);
  };
  process.on("exit", release);
  return { file, release };
}
