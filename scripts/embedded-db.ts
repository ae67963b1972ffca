// Postgres for machines that have none: PGlite (Postgres compiled to WebAssembly) served over the
// Postgres wire protocol, so the app, the migration script and Prisma talk to it like any server.
// One data directory can be opened by one process only, which is why this runs as its own process.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

export const EMBEDDED_DB_DEFAULT_PORT = 54329;

async function main() {
  const dataDir = path.resolve(process.env.EMBEDDED_DB_DIR ?? ".data/pglite");
  const port = Number(process.env.EMBEDDED_DB_PORT ?? EMBEDDED_DB_DEFAULT_PORT);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`EMBEDDED_DB_PORT must be a port number, got "${process.env.EMBEDDED_DB_PORT}"`);
  }
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: "127.0.0.1", port, maxConnections: 16 });
  await server.start();
  console.log(`embedded postgres ready on 127.0.0.1:${port} (data in ${dataDir})`);

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await server.stop();
    await db.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
  // When the parent (npm start) dies without signalling, do not linger holding the data directory.
  process.on("disconnect", stop);
}

main().catch((error) => {
  console.error(`embedded postgres failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
