import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/db-bulk";
import type { SyncJobKind } from "@/lib/generated/prisma/enums";
import { StaleJobError } from "@/lib/sync/errors";

// The sync queue follows the alert outbox (lib/notifications/outbox.ts): any app process claims a due job
// with a row lock (SKIP LOCKED) and a lease, and the database's clock decides what is due.
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;

/** How long a claimed job is a worker's before another may take it again. */
export const LEASE_SECONDS = 120;
/** A job that fails this many times (rate limits not counted) is a dead letter. */
export const MAX_ATTEMPTS = 6;

type Db = PrismaClient | Prisma.TransactionClient;

export type JobInput = { connectionId: string; kind: SyncJobKind; payload: Prisma.InputJsonValue; dedupeKey: string; delaySeconds?: number };

/** Queues a job unless one with the same key was ever queued (a webhook event delivered twice). Returns whether it was new. */
export async function enqueue(db: Db, job: JobInput): Promise<boolean> {
  const n = await db.$executeRaw`
    INSERT INTO "SyncJob" ("id", "connectionId", "kind", "payload", "dedupeKey", "status", "attempts", "nextAttemptAt", "createdAt", "updatedAt")
    VALUES (${newId()}, ${job.connectionId}, ${job.kind}::"SyncJobKind", ${JSON.stringify(job.payload)}::jsonb, ${job.dedupeKey}, 'PENDING', 0,
            ${NOW} + make_interval(secs => ${job.delaySeconds ?? 0}::float8), ${NOW}, ${NOW})
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  return n === 1;
}

export type ClaimedJob = { id: string; connectionId: string; kind: SyncJobKind; payload: Record<string, unknown>; attempts: number };

/** Takes one due job: its lease starts and its attempt is counted before it runs. */
export async function claimJob(prisma: PrismaClient): Promise<ClaimedJob | null> {
  const rows = await prisma.$queryRaw<ClaimedJob[]>`
    WITH due AS (
      SELECT "id" FROM "SyncJob"
      WHERE "status" = 'PENDING' AND "nextAttemptAt" <= ${NOW} AND ("lockedUntil" IS NULL OR "lockedUntil" <= ${NOW})
      ORDER BY "nextAttemptAt", "id"
      LIMIT 1
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "SyncJob" j
    SET "lockedUntil" = ${NOW} + make_interval(secs => ${LEASE_SECONDS}::float8), "attempts" = j."attempts" + 1, "updatedAt" = ${NOW}
    FROM due WHERE j."id" = due."id"
    RETURNING j."id", j."connectionId", j."kind", j."payload", j."attempts"`;
  return rows[0] ?? null;
}

/**
 * Marks a claimed job done inside the transaction that wrote its effects; throws StaleJobError (rolling
 * them back) when another worker has claimed it since, so an activity is never stored twice.
 */
export async function finishJob(tx: Prisma.TransactionClient, job: ClaimedJob): Promise<void> {
  const n = await tx.$executeRaw`
    UPDATE "SyncJob" SET "status" = 'DONE', "lockedUntil" = NULL, "lastError" = NULL, "updatedAt" = ${NOW}
    WHERE "id" = ${job.id} AND "status" = 'PENDING' AND "attempts" = ${job.attempts}::int`;
  if (n !== 1) throw new StaleJobError();
}

/** Seconds before the next attempt after `attempts` failures: 30 s doubling, at most an hour. */
export function backoffSeconds(attempts: number): number {
  return Math.min(3600, 30 * 2 ** Math.max(0, attempts - 1));
}

/**
 * Records a failed attempt: retried later, or dead after MAX_ATTEMPTS. A rate limit is not a failure of
 * the job: it waits for the provider's window and its attempt is given back. Returns the outcome.
 */
export async function failJob(
  prisma: PrismaClient,
  job: ClaimedJob,
  error: { code: string; retryAfterSeconds?: number | null; rateLimited?: boolean; dead?: boolean },
): Promise<"retry" | "dead"> {
  const dead = error.dead || (!error.rateLimited && job.attempts >= MAX_ATTEMPTS);
  if (dead) {
    await prisma.$executeRaw`
      UPDATE "SyncJob" SET "status" = 'DEAD', "lockedUntil" = NULL, "lastError" = ${error.code}, "updatedAt" = ${NOW}
      WHERE "id" = ${job.id} AND "status" = 'PENDING' AND "attempts" = ${job.attempts}::int`;
    return "dead";
  }
  const wait = Math.max(error.retryAfterSeconds ?? 0, error.rateLimited ? 1 : backoffSeconds(job.attempts));
  await prisma.$executeRaw`
    UPDATE "SyncJob"
    SET "nextAttemptAt" = ${NOW} + make_interval(secs => ${wait}::float8), "lockedUntil" = NULL, "lastError" = ${error.code},
        "attempts" = "attempts" - ${error.rateLimited ? 1 : 0}::int, "updatedAt" = ${NOW}
    WHERE "id" = ${job.id} AND "status" = 'PENDING' AND "attempts" = ${job.attempts}::int`;
  return "retry";
}

/** Seconds until the next pending job is due (0 = now), or null when none is pending. */
export async function nextDueInSeconds(prisma: PrismaClient): Promise<number | null> {
  const [next] = await prisma.$queryRaw<{ seconds: number | null }[]>`
    SELECT EXTRACT(EPOCH FROM (MIN(GREATEST("nextAttemptAt", COALESCE("lockedUntil", "nextAttemptAt"))) - ${NOW}))::float8 AS "seconds"
    FROM "SyncJob" WHERE "status" = 'PENDING'`;
  return next?.seconds == null ? null : Math.max(0, next.seconds);
}
