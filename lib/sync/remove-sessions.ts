import type { Prisma } from "@/lib/generated/prisma/client";
import { rebuildDailyLoads } from "@/lib/sessions/daily-load";
import { SOURCE_OF } from "@/lib/sync/mapping";
import type { ProviderId } from "@/lib/sync/providers/types";

/** Removes every session a provider's sync brought in (external id "<provider>:…"), and rebuilds the days they were on. */
export async function deleteSyncedSessions(tx: Prisma.TransactionClient, userId: string, provider: ProviderId): Promise<number> {
  const where = { userId, source: SOURCE_OF[provider], externalId: { startsWith: `${provider}:` } };
  const span = await tx.trainingSession.aggregate({ where, _min: { localDate: true }, _max: { localDate: true } });
  const { count } = await tx.trainingSession.deleteMany({ where });
  if (count && span._min.localDate && span._max.localDate) {
    await rebuildDailyLoads(tx, userId, span._min.localDate.toISOString().slice(0, 10), span._max.localDate.toISOString().slice(0, 10));
  }
  return count;
}
