import { applyMigrations } from "../../scripts/migrate";
import { testDatabaseUrl } from "./test-database";

export default async function setup() {
  await applyMigrations(testDatabaseUrl());
}
