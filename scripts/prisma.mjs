#!/usr/bin/env node
// `npm run prisma -- <args>`: the Prisma CLI with the schema engine stand-in
// (scripts/schema-engine.mjs), so migrate and db commands work without downloading the native
// engine. Telemetry and update checks are off because they would reach for the network.
//
// Authoring a migration after editing prisma/schema.prisma (needs the local Postgres; the
// database is created if missing, and a throwaway shadow database is created and dropped):
//
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/backbone_dev \
//     npm run prisma -- migrate dev --create-only --name <what_changed>
//
// This writes prisma/migrations/<timestamp>_<what_changed>/migration.sql; review it, then apply it
// with `npm run db:migrate` (or drop --create-only to apply it to backbone_dev right away).
// Set SHADOW_DATABASE_URL to use a fixed shadow database instead; it is wiped on every run.
//
// While nothing has been deployed yet, the initial migration can be regenerated instead of adding
// a follow-up one:
//
//   rm -rf prisma/migrations/*_init
//   psql -h 127.0.0.1 -U postgres -c 'drop database if exists backbone_dev'
//   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/backbone_dev \
//     npm run prisma -- migrate dev --create-only --name init
//
// Check whether prisma/schema.prisma has changes no migration covers yet (exit code 2 if so;
// the migrations are replayed on a throwaway database, so the Postgres server must be running):
//
//   npm run prisma -- migrate diff --from-migrations prisma/migrations \
//     --to-schema prisma/schema.prisma --exit-code
//
// Preview the full schema as SQL without any database:
//
//   npm run prisma -- migrate diff --from-empty --to-schema prisma/schema.prisma --script
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const cli = path.join(root, "node_modules", "prisma", "build", "index.js");
if (!existsSync(cli)) {
  console.error("prisma is not installed; run npm install first");
  process.exit(1);
}

const env = {
  ...process.env,
  CHECKPOINT_DISABLE: "1",
  PRISMA_HIDE_UPDATE_MESSAGE: "1",
  PRISMA_SCHEMA_ENGINE_BINARY:
    process.env.PRISMA_SCHEMA_ENGINE_BINARY || path.join(root, "scripts", "schema-engine.mjs"),
};

const child = spawn(process.execPath, [cli, ...process.argv.slice(2)], { env, stdio: "inherit" });

// Ctrl-C already reaches the CLI through the process group; it decides how to wind down.
process.on("SIGINT", () => {});
for (const signal of ["SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));

child.on("error", (error) => {
  console.error(`Could not start the Prisma CLI: ${error.message}`);
  process.exit(1);
});
child.on("exit", (code, signal) => {
  if (signal) {
    process.removeAllListeners(signal);
    process.kill(process.pid, signal);
    return;
  }
  process.exit(code ?? 1);
});
