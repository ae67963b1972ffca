import { z } from "zod";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import { enqueue } from "@/lib/sync/queue";

/** A Strava event is a few hundred bytes; anything much larger is refused unread. */
export const WEBHOOK_MAX_BYTES = 4096;

const id = z.union([z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,20}$/)]).transform(String);

/** Strava's webhook event (developers.strava.com/docs/webhooks): strict, unknown aspects refused. */
export const stravaEventSchema = z.object({
  object_type: z.enum(["activity", "athlete"]),
  object_id: id,
  aspect_type: z.enum(["create", "update", "delete"]),
  updates: z.record(z.string().max(100), z.union([z.string().max(2000), z.number(), z.boolean()])).optional().default({}),
  owner_id: id,
  subscription_id: id,
  event_time: z.number().int().nonnegative(),
});
export type StravaEvent = z.infer<typeof stravaEventSchema>;

/**
 * Queues the work of one Strava event and answers at once. An event for an athlete nobody here connected
 * is ignored (Strava still expects a 200); the same event delivered twice is queued once.
 */
export async function acceptStravaEvent(prisma: PrismaClient, event: StravaEvent): Promise<"queued" | "duplicate" | "ignored"> {
  const conn = await prisma.syncConnection.findUnique({
    where: { provider_externalAthleteId: { provider: "STRAVA", externalAthleteId: event.owner_id } },
    select: { id: true, status: true },
  });
  if (!conn || conn.status === "DISCONNECTED") return "ignored";
  const key = `strava:${event.owner_id}:${event.object_type}:${event.object_id}:${event.aspect_type}:${event.event_time}`;
  if (event.object_type === "athlete") {
    // Strava's only athlete event: the athlete revoked the access ("authorized": "false").
    if (String(event.updates.authorized) !== "false") return "ignored";
    const queued = await enqueue(prisma, { connectionId: conn.id, kind: "DEAUTHORIZE", payload: {}, dedupeKey: key });
    return queued ? "queued" : "duplicate";
  }
  const queued = await enqueue(prisma, {
    connectionId: conn.id,
    kind: event.aspect_type === "delete" ? "ACTIVITY_DELETE" : "ACTIVITY_UPSERT",
    payload: { externalId: event.object_id },
    dedupeKey: key,
  });
  return queued ? "queued" : "duplicate";
}
