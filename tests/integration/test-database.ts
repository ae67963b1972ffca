import pg from "pg";

/** Refuses to run destructive test setup against anything but a database on this machine. */
export function assertLocalDatabase(url: string): void {
  const host = new URL(url).hostname;
  if (!["127.0.0.1", "localhost", "::1", "[::1]"].includes(host) && process.env.ALLOW_REMOTE_TEST_DATABASE !== "1") {
    throw new Error(`Tests reset every table; refusing to run against ${host}. Use a local database.`);
  }
}

export function testDatabaseUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("TEST_DATABASE_URL is not set: run the tests with `npm test`.");
  assertLocalDatabase(url);
  return url;
}

/**
 * Empties every application table; the migration history stays. Only tables that hold rows are truncated:
 * TRUNCATE costs about the same for an empty table as for a full one (new files for the table and each
 * index), and a test writes to a handful of some thirty tables. No table has a sequence (ids are generated),
 * so skipping an empty table leaves nothing behind.
 */
export async function resetDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ tablename: string }>(
      "SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'",
    );
    if (!rows.length) return;
    const quoted = rows.map((r) => `"${r.tablename.replace(/"/g, '""')}"`);
    const filled = await client.query<{ t: string }>(quoted.map((q, i) => `SELECT ${i} AS t WHERE EXISTS (SELECT 1 FROM ${q})`).join(" UNION ALL "));
    const tables = filled.rows.map((r) => quoted[Number(r.t)]);
    if (tables.length) await client.query(`TRUNCATE ${tables.join(", ")} CASCADE`);
  } finally {
    await client.end();
  }
}
