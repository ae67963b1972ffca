// Postgres for machines that have none: PGlite (Postgres compiled to WebAssembly) served over the
// Postgres wire protocol, so the app, the migration script and Prisma talk to it like any server.
// One data directory can be opened by one process only, which is why this runs as its own process.
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";
import { embeddedDbPort, lockDataDir } from "./lib/embedded";

async function main() {
  const dataDir = path.resolve(process.env.EMBEDDED_DB_DIR ?? ".data/pglite");
  const port = embeddedDbPort();
  mkdirSync(path.dirname(dataDir), { recursive: true });
  // Held while the server runs, so that a backup or restore never opens the directory at the same time.
  lockDataDir(dataDir, `Backbone's embedded database server (port ${port})`);
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
