import { afterAll, beforeEach } from "vitest";
import { resetDatabase, testDatabaseUrl } from "./test-database";

const url = testDatabaseUrl();
process.env.DATABASE_URL = url;
process.env.DB_POOL_SIZE ??= "4";

beforeEach(async () => {
  await resetDatabase(url);
});

afterAll(async () => {
  const { db } = await import("@/lib/db");
  await db().$disconnect();
});
