// `npm test`: typecheck, lint, unit, integration against Postgres, then end-to-end in Chromium.
// Database: TEST_DATABASE_URL, else the local server on 127.0.0.1:5432 (database backbone_test),
// else the embedded one in a throwaway directory.
import { mkdtempSync, rmSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { applyMigrations } from "./migrate";
import { bin, isPortOpen, root, run, startEmbeddedPostgres } from "./lib/processes";
import { ensureDatabaseExists } from "./lib/database";
import { assertLocalDatabase, resetDatabase } from "../tests/integration/test-database";

const only = process.argv.slice(2);
const wants = (step: string) => only.length === 0 || only.includes(step);

async function testDatabase(): Promise<{ url: string; stop: () => Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) return { url: process.env.TEST_DATABASE_URL, stop: async () => {} };
  if (await isPortOpen(5432)) {
    const url = await ensureDatabaseExists("postgresql://postgres@127.0.0.1:5432/postgres", "backbone_test");
    return { url, stop: async () => {} };
  }
  console.log("No Postgres on 127.0.0.1:5432: using the embedded database for the tests.");
  const dir = mkdtempSync(path.join(os.tmpdir(), "backbone-test-db-"));
  const embedded = await startEmbeddedPostgres({ dataDir: path.join(dir, "data"), port: 54339 });
  // The end-to-end server then runs one worker: the embedded database answers one query at a time.
  process.env.BACKBONE_EMBEDDED_DB = "1";
  return {
    url: embedded.url,
    stop: async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function step(name: string, fn: () => Promise<void>) {
  if (!wants(name)) return;
  const started = Date.now();
  console.log(`\n━━ ${name}`);
  await fn();
  console.log(`━━ ${name} passed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  await step("typecheck", () => run(bin("tsc"), ["--noEmit", "-p", "tsconfig.json"]));
  await step("lint", () => run(bin("eslint"), ["--max-warnings", "0", "."]));
  await step("unit", () => run(bin("vitest"), ["run", "--project", "unit"]));

  if (!wants("integration") && !wants("e2e")) return;
  const database = await testDatabase();
  assertLocalDatabase(database.url);
  const env = { ...process.env, TEST_DATABASE_URL: database.url, E2E_DATABASE_URL: database.url };
  try {
    await applyMigrations(database.url);
    await step("integration", () => run(bin("vitest"), ["run", "--project", "integration"], { env }));
    await step("e2e", async () => {
      await resetDatabase(database.url);
      if (process.env.SKIP_BUILD !== "1" || !existsSync(path.join(root, ".next", "BUILD_ID"))) {
        await run(bin("next"), ["build"], { env: { ...env, NODE_ENV: "production", NEXT_SKIP_TYPECHECK: wants("typecheck") ? "1" : "0" } });
      }
      // The suite runs against the standalone server, as the Docker image serves it.
      await run(process.execPath, [path.join(root, "scripts", "standalone.mjs")], { env });
      await run(bin("playwright"), ["test"], { env: { ...env, E2E_STANDALONE: "1" } });
    });
  } finally {
    await database.stop();
  }
}

main().catch((error) => {
  console.error(`\n${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
