import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

export type Db = PrismaClient;

export function createPrismaClient(connectionString: string, max = env().DB_POOL_SIZE): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString, max }) });
}

const globalForPrisma = globalThis as unknown as { backbonePrisma?: PrismaClient };

/** The app's shared client; one pool per process, reused across hot reloads in development. */
export function db(): PrismaClient {
  if (!globalForPrisma.backbonePrisma) {
    const url = env().DATABASE_URL;
    if (!url) {
      throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides a database.");
    }
    globalForPrisma.backbonePrisma = createPrismaClient(url);
  }
  return globalForPrisma.backbonePrisma;
}
