import type { PrismaClient } from "@/lib/generated/prisma/client";
import { MAX_PREVIEWS_IN_FLIGHT, MAX_READ_SECONDS } from "./limits";

// Import previews running per person, one row per slot in Postgres so that every app process sees them.
// A slot is held from the start of a preview to its end; a slot whose preview never released it (its
// process died) is free again after STALE_SECONDS, far longer than a preview may read (MAX_READ_SECONDS).
const STALE_SECONDS = Math.max(300, MAX_READ_SECONDS * 10);

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw">;

export type PreviewSlot = { key: string; takenAt: Date };

const slotKey = (userId: string, n: number) => `import-preview:${userId}:${n}`;

/** Takes a free preview slot for the person, or null when all MAX_PREVIEWS_IN_FLIGHT are held. */
export async function takePreviewSlot(prisma: Db, userId: string, max = MAX_PREVIEWS_IN_FLIGHT): Promise<PreviewSlot | null> {
  for (let n = 0; n < max; n++) {
    const key = slotKey(userId, n);
    // One statement per slot: of two requests racing for it, one inserts or takes over a stale row, the
    // other finds it held and moves on.
    const rows = await prisma.$queryRaw<{ windowStart: Date }[]>`
      INSERT INTO "RateLimit" ("key", "count", "windowStart", "updatedAt")
      VALUES (${key}, 1, clock_timestamp(), clock_timestamp())
      ON CONFLICT ("key") DO UPDATE SET "windowStart" = clock_timestamp(), "updatedAt" = clock_timestamp()
      WHERE "RateLimit"."windowStart" <= clock_timestamp() - make_interval(secs => ${STALE_SECONDS}::int)
      RETURNING "windowStart"`;
    if (rows[0]) return { key, takenAt: rows[0].windowStart };
  }
  return null;
}

/** Frees the slot, unless it went stale and another preview has taken it since. */
export async function releasePreviewSlot(prisma: Db, slot: PreviewSlot): Promise<void> {
  await prisma.$executeRaw`DELETE FROM "RateLimit" WHERE "key" = ${slot.key} AND "windowStart" = ${slot.takenAt}`;
}
