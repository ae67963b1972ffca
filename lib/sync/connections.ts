import type { Prisma, PrismaClient, SyncProvider } from "@/lib/generated/prisma/client";
import { newId } from "@/lib/db-bulk";
import { enqueue } from "@/lib/sync/queue";
import { deleteSyncedSessions } from "@/lib/sync/remove-sessions";
import type { ProviderId, TokenSet } from "@/lib/sync/providers/types";
import { providerOf, type SyncDeps } from "@/lib/sync/worker";

/** How far before the last sync a catch-up after a reconnection starts reading. */
const CATCH_UP_OVERLAP_MS = 24 * 3600_000;
export const BACKFILL_MONTHS = [12, 24, 36] as const;
export type BackfillMonths = (typeof BACKFILL_MONTHS)[number];
export const isBackfillMonths = (n: number): n is BackfillMonths => (BACKFILL_MONTHS as readonly number[]).includes(n);

export const PROVIDER_ENUM: Record<ProviderId, SyncProvider> = { strava: "STRAVA", intervals: "INTERVALS" };

/** Whether the scopes granted let us read every activity, private ones included. */
export function grantsActivityRead(provider: ProviderId, scope: string | null): boolean {
  const scopes = (scope ?? "").split(/[\s,]+/).filter(Boolean);
  if (provider === "strava") return scopes.includes("activity:read_all");
  // Intervals.icu OAuth: ACTIVITY:READ (or WRITE, which includes reading); API keys read everything.
  return scopes.some((s) => /^ACTIVITY:(READ|WRITE)$/i.test(s));
}

/**
 * Whether a backfill window is a catch-up (connectProvider starts one a day before the last sync) rather than
 * the months the athlete chose: it starts later than a month after where those months would start.
 */
export function isCatchUp(from: Date | null, until: Date | null, months: number): from is Date {
  if (!from || !until) return false;
  const monthsBack = new Date(until);
  monthsBack.setUTCMonth(monthsBack.getUTCMonth() - Math.max(1, months - 1));
  return from.getTime() > monthsBack.getTime();
}

/** A backfill's import batch and the connection's fields that start it (reading from `from` to `until`). */
async function newBackfill(tx: Prisma.TransactionClient, userId: string, provider: ProviderId, window: { from: Date; until: Date; months: number }) {
  const batchId = newId();
  await tx.importBatch.create({ data: { id: batchId, userId, status: "COMMITTED", fileCount: 0, summary: { sync: provider } } });
  return {
    backfillMonths: window.months,
    backfillFrom: window.from,
    backfillUntil: window.until,
    backfillStatus: "PENDING",
    backfillPages: 0,
    backfillAdded: 0,
    backfillSkipped: 0,
    backfillNextAt: null,
    backfillCursor: null,
    backfillBatchId: batchId,
  };
}

const queueFirstPage = (tx: Prisma.TransactionClient, connectionId: string, batchId: string) =>
  enqueue(tx, { connectionId, kind: "BACKFILL_PAGE", payload: { batchId, cursor: null, page: 1 }, dedupeKey: `backfill:${batchId}:1` });

export class AccountLinkedElsewhereError extends Error {
  constructor() {
    super("This account at the provider is already connected to another Backbone profile. Disconnect it there first.");
  }
}

/**
 * Stores a new connection's sealed tokens (or replaces those of a connection the athlete makes again) and
 * queues its backfill: the last `months` months, into one import batch the athlete sees and can undo. A
 * reconnection whose backfill had not finished resumes it where it stopped.
 */
export async function connectProvider(
  prisma: PrismaClient,
  deps: Pick<SyncDeps, "seal">,
  input: { userId: string; provider: ProviderId; tokens: TokenSet; months: BackfillMonths; now?: Date },
): Promise<{ connectionId: string; backfill: "started" | "resumed" | "caught-up" }> {
  const now = input.now ?? new Date();
  const provider = PROVIDER_ENUM[input.provider];
  const sealed = deps.seal(input.tokens);
  return prisma.$transaction(async (tx) => {
    const taken = await tx.syncConnection.findUnique({
      where: { provider_externalAthleteId: { provider, externalAthleteId: input.tokens.externalAthleteId } },
      select: { userId: true, status: true, id: true },
    });
    if (taken && taken.userId !== input.userId) {
      if (taken.status === "ACTIVE") throw new AccountLinkedElsewhereError();
      // The other profile's connection is gone at the provider: this athlete may take the account over.
      await tx.syncConnection.delete({ where: { id: taken.id } });
    }
    const existing = await tx.syncConnection.findUnique({ where: { userId_provider: { userId: input.userId, provider } } });
    const common = { externalAthleteId: input.tokens.externalAthleteId, tokens: sealed, scope: input.tokens.scope, status: "ACTIVE" as const, lastError: null };
    if (existing && existing.backfillBatchId && (existing.backfillStatus === "RUNNING" || existing.backfillStatus === "PENDING")) {
      await tx.syncConnection.update({ where: { id: existing.id }, data: common });
      // The page the backfill stopped at is read again with the new tokens; a job left for it is dropped.
      await tx.syncJob.updateMany({ where: { connectionId: existing.id, status: "PENDING", kind: "BACKFILL_PAGE" }, data: { status: "DONE", lastError: "replaced" } });
      const page = existing.backfillPages + 1;
      await enqueue(tx, {
        connectionId: existing.id,
        kind: "BACKFILL_PAGE",
        payload: { batchId: existing.backfillBatchId, cursor: existing.backfillCursor, page },
        dedupeKey: `backfill:${existing.backfillBatchId}:${page}:resumed:${now.getTime()}`,
      });
      return { connectionId: existing.id, backfill: "resumed" as const };
    }
    // Connected again after the provider stopped accepting the tokens or the athlete removed the app there:
    // the history is in, but what was recorded while the connection was down never reached us (its events
    // were refused or dropped). A short backfill from a day before the last sync fetches it; what is already
    // here is skipped as for any backfill.
    const catchUp = existing && existing.backfillStatus === "DONE" && existing.externalAthleteId === input.tokens.externalAthleteId;
    const from = new Date(now);
    if (catchUp) from.setTime(Math.min(now.getTime(), (existing.lastSyncAt ?? existing.backfillUntil ?? now).getTime()) - CATCH_UP_OVERLAP_MS);
    else from.setUTCMonth(from.getUTCMonth() - input.months);
    const backfill = await newBackfill(tx, input.userId, input.provider, { from, until: now, months: catchUp ? existing.backfillMonths : input.months });
    const conn = existing
      ? await tx.syncConnection.update({ where: { id: existing.id }, data: { ...common, ...backfill } })
      : await tx.syncConnection.create({ data: { userId: input.userId, provider, ...common, ...backfill } });
    await queueFirstPage(tx, conn.id, backfill.backfillBatchId);
    await tx.auditLog.create({
      data: { actorId: input.userId, subjectUserId: input.userId, action: "sync.connect", entity: "SyncConnection", entityId: conn.id, meta: { provider: input.provider, months: input.months } },
    });
    return { connectionId: conn.id, backfill: catchUp ? ("caught-up" as const) : ("started" as const) };
  });
}

/**
 * Disconnects: the access is revoked at the provider (best effort: a provider that cannot be reached does
 * not keep the tokens here), the tokens are deleted and the queued work dropped. The sessions stay unless
 * `removeSessions`, which removes every session that came from this provider's sync.
 */
/**
 * After one provider's sessions are removed, the athlete's other connections read those days again: what
 * they skipped as already there (the same run from both services) comes in from them now. A connection
 * still in its first backfill is left to it.
 */
async function refillOthers(tx: Prisma.TransactionClient, userId: string, removedFrom: string, firstDay: Date, now: Date) {
  const others = await tx.syncConnection.findMany({
    where: { userId, id: { not: removedFrom }, status: "ACTIVE", tokens: { not: null }, backfillStatus: { notIn: ["PENDING", "RUNNING"] } },
  });
  const from = new Date(Math.min(now.getTime(), firstDay.getTime()) - CATCH_UP_OVERLAP_MS);
  for (const other of others) {
    const backfill = await newBackfill(tx, userId, providerOf(other.provider), { from, until: now, months: other.backfillMonths });
    await tx.syncConnection.update({ where: { id: other.id }, data: backfill });
    await tx.syncJob.updateMany({ where: { connectionId: other.id, status: "PENDING", kind: "BACKFILL_PAGE" }, data: { status: "DONE", lastError: "replaced" } });
    await queueFirstPage(tx, other.id, backfill.backfillBatchId);
  }
}

export async function disconnectProvider(
  prisma: PrismaClient,
  deps: SyncDeps,
  input: { userId: string; provider: ProviderId; removeSessions?: boolean },
): Promise<{ removed: number } | null> {
  const conn = await prisma.syncConnection.findUnique({ where: { userId_provider: { userId: input.userId, provider: PROVIDER_ENUM[input.provider] } } });
  if (!conn) return null;
  const client = deps.client(input.provider);
  if (conn.tokens && client) {
    try {
      await client.deauthorize(deps.open(conn.tokens));
    } catch (e) {
      console.warn(`Sync: revoking the ${input.provider} access failed; the tokens are deleted anyway (${e instanceof Error ? e.message : e})`);
    }
  }
  return prisma.$transaction(async (tx: Prisma.TransactionClient) => {
    await tx.syncJob.deleteMany({ where: { connectionId: conn.id, status: "PENDING" } });
    let removed = 0;
    if (input.removeSessions) {
      const deleted = await deleteSyncedSessions(tx, input.userId, input.provider);
      removed = deleted.count;
      if (deleted.firstDay) await refillOthers(tx, input.userId, conn.id, deleted.firstDay, new Date());
    }
    await tx.syncConnection.delete({ where: { id: conn.id } });
    await tx.auditLog.create({
      data: { actorId: input.userId, subjectUserId: input.userId, action: "sync.disconnect", entity: "SyncConnection", entityId: conn.id, meta: { provider: input.provider, removed } },
    });
    return { removed };
  });
}
