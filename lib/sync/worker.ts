import type { PrismaClient, SyncConnection } from "@/lib/generated/prisma/client";
import { NeedsReconnectError, StaleJobError } from "@/lib/sync/errors";
import { claimJob, enqueue, failJob, finishJob, nextDueInSeconds, type ClaimedJob } from "@/lib/sync/queue";
import { addActivities, removeActivity, upsertActivity } from "@/lib/sync/sessions";
import { ProviderError, type ProviderActivity, type ProviderClient, type ProviderId, type RateLimitInfo, type TokenSet } from "@/lib/sync/providers/types";

/** What the sync needs from outside: the provider clients and the token seal (lib/sync/runtime.ts gives the real ones). */
export type SyncDeps = {
  client(id: ProviderId): ProviderClient | null;
  seal(tokens: TokenSet): string;
  open(sealed: string): TokenSet;
};

/** Activities read per backfill page. */
export const PAGE_SIZE = 100;
/** Tokens are refreshed this long before they expire. */
const REFRESH_MARGIN_MS = 5 * 60_000;
/** Past this share of a rate window, the next backfill page waits for the window to turn. */
const SPREAD_SHARE = 0.8;

export const providerOf = (p: SyncConnection["provider"]): ProviderId => (p === "STRAVA" ? "strava" : "intervals");

/** Seconds to the next 15-minute boundary (Strava's short window) or to midnight UTC (its daily window). */
export function spreadDelaySeconds(rate: RateLimitInfo, now: Date): number {
  const t = now.getTime();
  if (rate.dailyLimit && rate.dailyUsage !== null && rate.dailyUsage >= rate.dailyLimit * SPREAD_SHARE) {
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    return Math.ceil((midnight - t) / 1000);
  }
  if (rate.shortLimit && rate.shortUsage !== null && rate.shortUsage >= rate.shortLimit * SPREAD_SHARE) {
    const quarter = 15 * 60_000;
    return Math.ceil((Math.floor(t / quarter + 1) * quarter - t) / 1000);
  }
  return 0;
}

async function saveTokens(prisma: PrismaClient, deps: SyncDeps, connectionId: string, tokens: TokenSet) {
  await prisma.syncConnection.update({ where: { id: connectionId }, data: { tokens: deps.seal(tokens), scope: tokens.scope } });
}

/**
 * Runs a provider call with the connection's tokens: refreshed first when they expire within five
 * minutes, and once more when the provider answers 401. A refresh the provider refuses means the athlete
 * must connect again (NeedsReconnectError).
 */
export async function withTokens<T>(
  prisma: PrismaClient,
  deps: SyncDeps,
  conn: SyncConnection,
  client: ProviderClient,
  call: (tokens: TokenSet) => Promise<T>,
  now: Date,
): Promise<T> {
  if (!conn.tokens) throw new NeedsReconnectError();
  let tokens = deps.open(conn.tokens);
  const refresh = async () => {
    if (!tokens.refreshToken) throw new NeedsReconnectError();
    try {
      tokens = await client.refresh(tokens);
    } catch (e) {
      if (e instanceof ProviderError && e.kind === "auth") throw new NeedsReconnectError();
      throw e;
    }
    await saveTokens(prisma, deps, conn.id, tokens);
  };
  if (tokens.expiresAt && tokens.expiresAt.getTime() - REFRESH_MARGIN_MS <= now.getTime()) await refresh();
  try {
    return await call(tokens);
  } catch (e) {
    if (!(e instanceof ProviderError && e.kind === "auth")) throw e;
    await refresh();
    try {
      return await call(tokens);
    } catch (again) {
      if (again instanceof ProviderError && again.kind === "auth") throw new NeedsReconnectError();
      throw again;
    }
  }
}

/** scopeCheck: a poll queued by a scope change, which also tells whether the app may still read activities. */
type Payload = { batchId?: string; cursor?: string | null; page?: number; externalId?: string; scopeCheck?: boolean };

async function runBackfillPage(prisma: PrismaClient, deps: SyncDeps, job: ClaimedJob, conn: SyncConnection, client: ProviderClient, now: Date) {
  const p = job.payload as Payload;
  const batch = p.batchId ? await prisma.importBatch.findUnique({ where: { id: p.batchId }, select: { status: true } }) : null;
  if (!batch || batch.status !== "COMMITTED" || conn.backfillBatchId !== p.batchId || !conn.backfillFrom || !conn.backfillUntil) {
    // The athlete undid the backfill's import, or a newer backfill replaced it: nothing more to read.
    await prisma.$transaction(async (tx) => {
      if (conn.backfillBatchId === p.batchId) await tx.syncConnection.update({ where: { id: conn.id }, data: { backfillStatus: "CANCELLED", backfillNextAt: null } });
      await finishJob(tx, job);
    });
    return;
  }
  const after = conn.backfillFrom;
  const before = conn.backfillUntil;
  const page = await withTokens(prisma, deps, conn, client, (t) => client.listActivities(t, { after, before, cursor: p.cursor ?? null, pageSize: PAGE_SIZE }), now);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: conn.userId }, select: { id: true, timeZone: true } });
  const delay = page.next ? spreadDelaySeconds(page.rate, now) : 0;
  await prisma.$transaction(
    async (tx) => {
      const { added, skipped } = await addActivities(tx, user, page.activities, p.batchId!, now);
      await tx.importBatch.update({ where: { id: p.batchId }, data: { createdCount: { increment: added }, skippedCount: { increment: skipped }, fileCount: { increment: 1 } } });
      await tx.syncConnection.update({
        where: { id: conn.id },
        data: {
          backfillPages: { increment: 1 },
          backfillAdded: { increment: added },
          backfillSkipped: { increment: skipped },
          backfillCursor: page.next,
          backfillStatus: page.next ? "RUNNING" : "DONE",
          backfillNextAt: delay ? new Date(now.getTime() + delay * 1000) : null,
          lastSyncAt: now,
          lastError: null,
        },
      });
      if (page.next) {
        const next = (p.page ?? 1) + 1;
        await enqueue(tx, {
          connectionId: conn.id,
          kind: "BACKFILL_PAGE",
          payload: { batchId: p.batchId!, cursor: page.next, page: next },
          dedupeKey: `backfill:${p.batchId}:${next}`,
          delaySeconds: delay,
        });
      }
      await finishJob(tx, job);
    },
    { timeout: 60_000 },
  );
}

async function runActivity(prisma: PrismaClient, deps: SyncDeps, job: ClaimedJob, conn: SyncConnection, client: ProviderClient, now: Date) {
  const externalId = String((job.payload as Payload).externalId ?? "");
  const provider = providerOf(conn.provider);
  // An update or creation reads the activity as it is now, so events delivered late or out of order
  // still leave the session as the provider has it; one that no longer exists is removed.
  const activity = job.kind === "ACTIVITY_DELETE" ? null : await withTokens(prisma, deps, conn, client, (t) => client.getActivity(t, externalId), now);
  const user = await prisma.user.findUniqueOrThrow({ where: { id: conn.userId }, select: { id: true, timeZone: true } });
  await prisma.$transaction(async (tx) => {
    if (activity) await upsertActivity(tx, user, activity, now);
    else await removeActivity(tx, user.id, provider, externalId);
    await tx.syncConnection.update({ where: { id: conn.id }, data: { lastSyncAt: now, lastError: null } });
    await finishJob(tx, job);
  });
}

/** How often connections without webhooks (Intervals.icu personal API keys) are asked for recent activities. */
export const POLL_EVERY_SECONDS = 5 * 60;
/** A poll reads activities started this far back: a watch may upload a run hours after it. */
const POLL_LOOKBACK_MS = 3 * 86_400_000;

/** Reads the recent activities of a connection that has no webhooks and follows each (created or changed). */
async function runPoll(prisma: PrismaClient, deps: SyncDeps, job: ClaimedJob, conn: SyncConnection, client: ProviderClient, now: Date) {
  const after = new Date(now.getTime() - POLL_LOOKBACK_MS);
  const activities: ProviderActivity[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 10; i++) {
    const page = await withTokens(prisma, deps, conn, client, (t) => client.listActivities(t, { after, before: now, cursor, pageSize: PAGE_SIZE }), now);
    activities.push(...page.activities);
    cursor = page.next;
    if (!cursor) break;
  }
  const user = await prisma.user.findUniqueOrThrow({ where: { id: conn.userId }, select: { id: true, timeZone: true } });
  await prisma.$transaction(
    async (tx) => {
      for (const a of activities) await upsertActivity(tx, user, a, now);
      await tx.syncConnection.update({ where: { id: conn.id }, data: { lastSyncAt: now, lastError: null } });
      await finishJob(tx, job);
    },
    { timeout: 60_000 },
  );
}

/** Queues a poll of each active Intervals.icu connection whose last one is older than POLL_EVERY_SECONDS (once per period). */
export async function schedulePolls(prisma: PrismaClient, now = new Date()): Promise<number> {
  const due = await prisma.syncConnection.findMany({
    where: {
      provider: "INTERVALS",
      status: "ACTIVE",
      tokens: { not: null },
      backfillStatus: { in: ["DONE", "CANCELLED"] },
      OR: [{ lastSyncAt: null }, { lastSyncAt: { lt: new Date(now.getTime() - POLL_EVERY_SECONDS * 1000) } }],
    },
    select: { id: true },
    take: 500,
  });
  const bucket = Math.floor(now.getTime() / (POLL_EVERY_SECONDS * 1000));
  let queued = 0;
  for (const c of due) if (await enqueue(prisma, { connectionId: c.id, kind: "POLL", payload: {}, dedupeKey: `poll:${c.id}:${bucket}` })) queued += 1;
  return queued;
}

/** The athlete revoked the access at the provider: the tokens go, the sessions stay. */
async function runDeauthorize(prisma: PrismaClient, job: ClaimedJob, conn: SyncConnection) {
  await prisma.$transaction(async (tx) => {
    await tx.syncConnection.update({ where: { id: conn.id }, data: { tokens: null, status: "DISCONNECTED", backfillNextAt: null } });
    await tx.syncJob.updateMany({ where: { connectionId: conn.id, status: "PENDING", id: { not: job.id } }, data: { status: "DONE", lastError: "disconnected" } });
    await finishJob(tx, job);
  });
}

/** Runs one claimed job to its end: done, retried later, or dead. */
export async function runJob(prisma: PrismaClient, deps: SyncDeps, job: ClaimedJob, now = new Date()): Promise<"done" | "retry" | "dead" | "stale"> {
  const conn = await prisma.syncConnection.findUnique({ where: { id: job.connectionId } });
  try {
    if (!conn) throw new StaleJobError();
    if (job.kind === "DEAUTHORIZE") {
      await runDeauthorize(prisma, job, conn);
      return "done";
    }
    const client = deps.client(providerOf(conn.provider));
    if (conn.status !== "ACTIVE" || !conn.tokens || !client) {
      // A disconnected connection, or a provider no longer configured: the job has nothing to do.
      await prisma.$transaction((tx) => finishJob(tx, job));
      return "done";
    }
    if (job.kind === "BACKFILL_PAGE") await runBackfillPage(prisma, deps, job, conn, client, now);
    else if (job.kind === "POLL") {
      try {
        await runPoll(prisma, deps, job, conn, client, now);
      } catch (e) {
        // After a scope change, refused credentials mean the athlete took the app's access away (removed it,
        // or unticked activities): as for a deauthorization, the tokens go. A poll that works means reading
        // activities is still granted, and nothing changes.
        if (!(e instanceof NeedsReconnectError && (job.payload as Payload).scopeCheck)) throw e;
        await runDeauthorize(prisma, job, conn);
      }
    }
    else await runActivity(prisma, deps, job, conn, client, now);
    return "done";
  } catch (e) {
    if (e instanceof StaleJobError) return "stale";
    if (e instanceof NeedsReconnectError) {
      await prisma.syncConnection.update({ where: { id: job.connectionId }, data: { status: "NEEDS_RECONNECT", lastError: "needs_reconnect", backfillNextAt: null } });
      // Kept pending for when the athlete connects again (connectProvider brings the backfill back).
      return failJob(prisma, job, { code: "needs_reconnect", dead: job.kind !== "BACKFILL_PAGE", retryAfterSeconds: 3600 });
    }
    if (e instanceof ProviderError && e.kind === "rate-limit") {
      const wait = e.retryAfterSeconds ?? 900;
      await prisma.syncConnection.update({
        where: { id: job.connectionId },
        data: { lastError: "rate_limited", ...(job.kind === "BACKFILL_PAGE" ? { backfillNextAt: new Date(now.getTime() + wait * 1000) } : {}) },
      });
      return failJob(prisma, job, { code: "rate_limited", retryAfterSeconds: wait, rateLimited: true });
    }
    const code = e instanceof ProviderError ? `provider_${e.kind}` : "internal";
    if (!(e instanceof ProviderError)) console.error("Sync job failed:", e);
    await prisma.syncConnection.update({ where: { id: job.connectionId }, data: { lastError: "provider_unavailable" } });
    return failJob(prisma, job, { code, retryAfterSeconds: e instanceof ProviderError ? e.retryAfterSeconds : null });
  }
}

export type SyncDrainResult = { done: number; retrying: number; dead: number; nextDueInSeconds: number | null };

/** Runs every due job, one claim at a time; safe in any number of processes at once. */
export async function drainSyncQueue(options: { prisma: PrismaClient; deps: SyncDeps; limit?: number; now?: () => Date }): Promise<SyncDrainResult> {
  const result: SyncDrainResult = { done: 0, retrying: 0, dead: 0, nextDueInSeconds: null };
  const limit = options.limit ?? 100;
  await schedulePolls(options.prisma, options.now?.() ?? new Date());
  for (let i = 0; i < limit; i++) {
    const job = await claimJob(options.prisma);
    if (!job) break;
    const outcome = await runJob(options.prisma, options.deps, job, options.now?.() ?? new Date());
    if (outcome === "done") result.done += 1;
    else if (outcome === "retry") result.retrying += 1;
    else if (outcome === "dead") result.dead += 1;
  }
  result.nextDueInSeconds = await nextDueInSeconds(options.prisma);
  return result;
}
