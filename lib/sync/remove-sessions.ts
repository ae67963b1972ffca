import type { Prisma } from "@/lib/generated/prisma/client";
import { rebuildDailyLoads } from "@/lib/sessions/daily-load";
import { SOURCE_OF } from "@/lib/sync/mapping";
import type { ProviderId } from "@/lib/sync/providers/types";

/**
 * Removes every session a provider's sync brought in, and rebuilds the days they were on. A Strava CSV
 * export names its runs with the same external ids ("strava:…"), so what the sync brought is told by where
 * it came in: a backfill's import batch (its summary names the provider) or a followed event (no batch).
 * Sessions from the athlete's own file imports stay.
 */
/** The sessions a provider's sync brought in (see deleteSyncedSessions). */
export function syncedSessionsWhere(userId: string, provider: ProviderId): Prisma.TrainingSessionWhereInput {
  return {
    userId,
    source: SOURCE_OF[provider],
    externalId: { startsWith: `${provider}:` },
    OR: [{ importBatchId: null }, { importBatch: { is: { summary: { path: ["sync"], equals: provider } } } }],
  };
}

export async function deleteSyncedSessions(
  tx: Prisma.TransactionClient,
  userId: string,
  provider: ProviderId,
): Promise<{ count: number; firstDay: Date | null }> {
  const where = syncedSessionsWhere(userId, provider);
  const span = await tx.trainingSession.aggregate({ where, _min: { localDate: true }, _max: { localDate: true } });
  const { count } = await tx.trainingSession.deleteMany({ where });
  if (count && span._min.localDate && span._max.localDate) {
    await rebuildDailyLoads(tx, userId, span._min.localDate.toISOString().slice(0, 10), span._max.localDate.toISOString().slice(0, 10));
  }
  return { count, firstDay: count ? span._min.localDate : null };
}
