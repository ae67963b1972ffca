import type { PrismaClient } from "@/lib/generated/prisma/client";
import { PROVIDER_ENUM } from "@/lib/sync/connections";
import { enqueue } from "@/lib/sync/queue";
import type { SyncEvent } from "@/lib/sync/providers/events";

/**
 * Queues the work of one provider event (lib/sync/providers/events.ts reads the bodies) and returns at
 * once: the worker does the provider calls. An event for an athlete nobody here connected is ignored (the
 * provider still gets its 200); the same event delivered twice is queued once. A deauthorization that happened
 * before the connection was made (a late retry of the one sent when the athlete disconnected, delivered after
 * they connected again) is ignored; provider event times have whole seconds, hence the second of slack.
 */
export async function acceptSyncEvent(prisma: PrismaClient, event: SyncEvent): Promise<"queued" | "duplicate" | "ignored"> {
  const conn = await prisma.syncConnection.findUnique({
    where: { provider_externalAthleteId: { provider: PROVIDER_ENUM[event.provider], externalAthleteId: event.externalAthleteId } },
    select: { id: true, status: true, createdAt: true },
  });
  if (!conn || conn.status === "DISCONNECTED") return "ignored";
  if (event.kind === "deauthorized" && event.eventTime.getTime() + 1000 < conn.createdAt.getTime()) return "ignored";
  const key = `${event.provider}:${event.externalAthleteId}:${event.kind}:${event.externalActivityId ?? "-"}:${event.eventTime.getTime()}`;
  if (event.kind === "scope-changed") {
    // Whether the app may still read activities is found out by reading them (lib/sync/worker.ts, scopeCheck).
    const queued = await enqueue(prisma, { connectionId: conn.id, kind: "POLL", payload: { scopeCheck: true }, dedupeKey: key });
    return queued ? "queued" : "duplicate";
  }
  if (event.kind === "deauthorized") {
    const queued = await enqueue(prisma, { connectionId: conn.id, kind: "DEAUTHORIZE", payload: {}, dedupeKey: key });
    return queued ? "queued" : "duplicate";
  }
  const queued = await enqueue(prisma, {
    connectionId: conn.id,
    kind: event.kind === "activity-deleted" ? "ACTIVITY_DELETE" : "ACTIVITY_UPSERT",
    payload: { externalId: event.externalActivityId },
    dedupeKey: key,
  });
  return queued ? "queued" : "duplicate";
}
