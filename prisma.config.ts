import { defineConfig } from "prisma/config";

// The CLI needs a URL only for commands that talk to a database (migrate, db);
// `prisma generate` works without one.
export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations", seed: "tsx prisma/seed.ts" },
  datasource: {
    url: process.env.DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/backbone",
    shadowDatabaseUrl: process.env.SHADOW_DATABASE_URL,
  },
});
