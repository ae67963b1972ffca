import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DataDirInUseError, lockDataDir, lockFileOf } from "./embedded";

describe("the embedded database's lock", () => {
  let dir: string;
  let dataDir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "backbone-lock-"));
    dataDir = path.join(dir, "pglite");
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it("lets one holder at a time have a data directory and names it to the next", () => {
    const lock = lockDataDir(dataDir, "the embedded database server (port 54329)");
    expect(JSON.parse(readFileSync(lockFileOf(dataDir), "utf8")).pid).toBe(process.pid);
    expect(() => lockDataDir(dataDir, "a backup")).toThrow(DataDirInUseError);
    expect(() => lockDataDir(dataDir, "a backup")).toThrow(/in use by the embedded database server \(port 54329\): process \d+/);
    lock.release();
    expect(existsSync(lockFileOf(dataDir))).toBe(false);
    lockDataDir(dataDir, "a backup").release();
  });

  it("takes over a lock whose process is gone", () => {
    // Far above any pid a system hands out.
    writeFileSync(lockFileOf(dataDir), JSON.stringify({ pid: 2 ** 30, purpose: "a killed server", since: "earlier" }));
    const lock = lockDataDir(dataDir, "a restore");
    expect(JSON.parse(readFileSync(lockFileOf(dataDir), "utf8")).purpose).toBe("a restore");
    lock.release();
  });
});
