import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MAX_PREVIEWS_IN_FLIGHT } from "./limits";

// Import previews running per person, counted in Postgres so that every app process sees them. A preview
// that never released its slot (its process died) stops counting after STALE_MINUTES, longer than any
// preview may run.
const STALE_MINUTES = 5;

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

const keyOf = (userId: string) => `import-preview:${userId}`;

/** Takes a preview slot for the person: false when they already have MAX_PREVIEWS_IN_FLIGHT running. */
export async function takePreviewSlot(prisma: Db, userId: string, max = MAX_PREVIEWS_IN_FLIGHT): Promise<boolean> {
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart", "updatedAt")
    VALUES (${keyOf(userId)}, 1, now(), now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."updatedAt" <= now() - make_interval(mins => ${STALE_MINUTES}::int) THEN 1
                     ELSE "RateLimit"."count" + 1 END,
      "windowStart" = now(),
      "updatedAt" = now()
    WHERE "RateLimit"."count" < ${max}::int OR "RateLimit"."updatedAt" <= now() - make_interval(mins => ${STALE_MINUTES}::int)
    RETURNING "count"`;
  return rows.length === 1;
}

export async function releasePreviewSlot(prisma: Db, userId: string): Promise<void> {
  await prisma.$executeRaw`UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${keyOf(userId)}`;
}
