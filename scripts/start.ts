// `npm start`: one command from a fresh checkout to a running Backbone.
// Without DATABASE_URL it starts the embedded Postgres (data under .data/), then applies pending
// migrations, seeds the demo squad into an empty database, builds when sources changed, and serves.
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { spawn } from "node:child_process";
import { EnvError, parseEnv } from "../lib/env";
import { applyMigrations } from "./migrate";
import { bin, root, run, startEmbeddedPostgres } from "./lib/processes";
import { buildIsCurrent } from "./lib/build";
import { dataRoot, embeddedDataDir, embeddedDbPort, loadDotEnv } from "./lib/embedded";

const dev = process.argv.includes("--dev");

function ensureAuthSecret() {
  if (process.env.AUTH_SECRET) return;
  const file = path.join(dataRoot(), "auth-secret");
  if (!existsSync(file)) {
    mkdirSync(dataRoot(), { recursive: true });
    writeFileSync(file, randomBytes(48).toString("base64url"), { mode: 0o600 });
    console.log(`No AUTH_SECRET set: generated one in ${path.relative(root, file)}`);
  }
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

async function seedIfEmpty(url: string) {
  if (process.env.SEED_DEMO === "false") return;
  const { createPrismaClient } = await import("../lib/db");
  const { seedDemo, DEMO_COACH_EMAIL, DEMO_PASSWORD } = await import("../prisma/demo/seed");
  const prisma = createPrismaClient(url, 4);
  try {
    const users = await prisma.user.count();
    if (users === 0) {
      console.log("Empty database: adding the demo squad (one time)…");
      const result = await seedDemo(prisma, {});
      console.log(`Demo data ready (${JSON.stringify(result.counts ?? {})}).`);
    }
    const demoCoach = await prisma.user.findUnique({ where: { email: DEMO_COACH_EMAIL }, select: { id: true } });
    return demoCoach ? { email: DEMO_COACH_EMAIL, password: DEMO_PASSWORD } : null;
  } finally {
    await prisma.$disconnect();
  }
}

async function main() {
  loadDotEnv();
  try {
    parseEnv(process.env);
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  ensureAuthSecret();
  process.env.AUTH_TRUST_HOST ??= "true";
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  const port = process.env.PORT ?? "3000";

  let stopDatabase = async () => {};
  if (!process.env.DATABASE_URL) {
    const embedded = await startEmbeddedPostgres({ dataDir: embeddedDataDir(), port: embeddedDbPort() });
    process.env.DATABASE_URL = embedded.url;
    // PGlite runs one query at a time; a small pool avoids queueing many idle connections.
    process.env.DB_POOL_SIZE ??= "4";
    process.env.BACKBONE_EMBEDDED_DB = "1";
    stopDatabase = embedded.stop;
    console.log("Using the embedded database (set DATABASE_URL to use your own Postgres).");
  }
  const url = process.env.DATABASE_URL;

  try {
    const { applied } = await applyMigrations(url, { log: (m) => console.log(m) });
    if (applied.length === 0) console.log("Database schema is up to date.");
    const demo = await seedIfEmpty(url);

    if (!dev && !buildIsCurrent()) {
      console.log("Building the app (production build)…");
      await run(bin("next"), ["build"], { env: { ...process.env, NODE_ENV: "production" } });
    }

    // Production: scripts/serve.mjs, the built app on one worker process per core (one on the embedded
    // database, which runs a query at a time).
    const [command, args] = dev ? [bin("next"), ["dev", "-p", port]] : [process.execPath, [path.join(root, "scripts/serve.mjs"), "-p", port]];
    const server = spawn(command, args, {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NODE_ENV: dev ? "development" : "production" },
    });
    console.log(`\nBackbone is starting on http://localhost:${port}`);
    if (demo) {
      console.log(`Demo logins (password "${demo.password}"):`);
      console.log(`  coach:    ${demo.email}`);
      console.log(`  athletes: athlete1@backbone.demo … athlete8@backbone.demo`);
      console.log(`  physio:   physio@backbone.demo (clinician: reads health data, records clearances)`);
    }
    const shutdown = (signal: NodeJS.Signals) => {
      server.kill(signal);
    };
    process.on("SIGINT", shutdown);
    process.on("SIGTERM", shutdown);
    const code = await new Promise<number>((resolve) => server.once("exit", (c) => resolve(c ?? 0)));
    await stopDatabase();
    process.exit(code);
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    await stopDatabase();
    process.exit(1);
  }
}

void main();
