import { timingSafeEqual, createHash } from "node:crypto";
import { z } from "zod";
import { normalizeIntervalsAthleteId } from "./intervals";
import type { ProviderId } from "./types";

/**
 * What the providers push to the app, read strictly and turned into one shape. Routes own the HTTP side (body
 * budget, answering fast); these functions only say what an event means, or null when it is not for the app.
 * - Strava: https://developers.strava.com/docs/webhooks/ (subscription validation GET with hub.mode,
 *   hub.challenge, hub.verify_token, answered with {"hub.challenge": ...}; event POST with object_type,
 *   object_id, aspect_type, updates, owner_id, subscription_id, event_time; a deauthorization is an athlete
 *   update with updates.authorized "false"). Events are not signed.
 * - Intervals.icu: app webhooks as described on forum.intervals.icu ("Intervals.icu API Integration Cookbook"):
 *   a POST with the app's secret and a list of events (athlete_id, type, timestamp, activity); unverified
 *   against a real delivery (see lib/sync/README.md).
 */

/** Webhook bodies are small; routes refuse bigger ones before parsing. */
export const MAX_WEBHOOK_BYTES = 64 * 1024;

export type SyncEvent = {
  provider: ProviderId;
  /** "scope-changed": the athlete changed what the app may read (Intervals.icu), or removed it altogether. */
  kind: "activity-created" | "activity-updated" | "activity-deleted" | "deauthorized" | "scope-changed";
  externalAthleteId: string;
  /** Null for "deauthorized" and "scope-changed". */
  externalActivityId: string | null;
  eventTime: Date;
  /** What changed, when the provider says (Strava: title, type, private). */
  updates: Record<string, string>;
};

/** Compares secrets without leaking their length or content through timing. */
export function sameSecret(given: string | null | undefined, expected: string): boolean {
  if (typeof given !== "string") return false;
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

/** The answer to Strava's subscription validation GET, or null when it is not one or the verify token is wrong. */
export function stravaHandshakeAnswer(query: URLSearchParams, verifyToken: string): { "hub.challenge": string } | null {
  const challenge = query.get("hub.challenge");
  if (query.get("hub.mode") !== "subscribe" || !challenge || !/^[\w.~-]{1,256}$/.test(challenge)) return null;
  if (!sameSecret(query.get("hub.verify_token"), verifyToken)) return null;
  return { "hub.challenge": challenge };
}

const positiveId = z.union([z.number().int().positive().max(Number.MAX_SAFE_INTEGER), z.string().regex(/^\d{1,20}$/).transform(Number)]);

const stravaEventSchema = z.object({
  object_type: z.enum(["activity", "athlete"]),
  object_id: positiveId,
  aspect_type: z.enum(["create", "update", "delete"]),
  updates: z.record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean()])).optional(),
  owner_id: positiveId,
  subscription_id: positiveId,
  event_time: z.number().int().positive(),
});

export type StravaEventResult = { ok: true; event: SyncEvent | null; subscriptionId: number } | { ok: false; error: string };

/**
 * A Strava event body (already JSON-parsed). `event` is null for events the app does not act on (athlete
 * profile updates other than a deauthorization). Not ok for anything that is not a Strava event.
 */
export function parseStravaEvent(body: unknown): StravaEventResult {
  const parsed = stravaEventSchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: "not a Strava webhook event" };
  const e = parsed.data;
  const updates = Object.fromEntries(Object.entries(e.updates ?? {}).map(([k, v]) => [k, String(v)]));
  const base = { provider: "strava" as const, externalAthleteId: String(e.owner_id), eventTime: new Date(e.event_time * 1000), updates };
  if (e.object_type === "athlete") {
    const deauthorized = e.aspect_type === "update" && updates.authorized === "false";
    return { ok: true, subscriptionId: e.subscription_id, event: deauthorized ? { ...base, kind: "deauthorized", externalActivityId: null } : null };
  }
  const kind = e.aspect_type === "create" ? "activity-created" : e.aspect_type === "update" ? "activity-updated" : "activity-deleted";
  return { ok: true, subscriptionId: e.subscription_id, event: { ...base, kind, externalActivityId: String(e.object_id) } };
}

const intervalsEventSchema = z.object({
  athlete_id: z.union([z.string().max(40), z.number().int().nonnegative()]),
  type: z.string().min(1).max(100),
  timestamp: z.string().max(64).optional(),
  activity: z.object({ id: z.union([z.string().regex(/^i?\d{1,20}$/), z.number().int().positive()]) }).passthrough().nullish(),
});

const intervalsWebhookSchema = z.object({
  secret: z.string().max(500).optional(),
  events: z.array(intervalsEventSchema).max(1000),
});

const INTERVALS_KINDS: Record<string, SyncEvent["kind"]> = {
  ACTIVITY_UPLOADED: "activity-created",
  ACTIVITY_ANALYZED: "activity-updated",
  ACTIVITY_UPDATED: "activity-updated",
  ACTIVITY_DELETED: "activity-deleted",
  APP_SCOPE_CHANGED: "scope-changed",
};

/**
 * An Intervals.icu webhook body (already JSON-parsed), checked against the app's webhook secret. Events of other
 * types (calendar, wellness) are dropped. APP_SCOPE_CHANGED fires both when the athlete narrows the scopes and when
 * they remove the app, so it is reported as "scope-changed" for the worker to find out which (lib/sync/worker.ts).
 */
export function parseIntervalsWebhook(body: unknown, secret: string): { ok: true; events: SyncEvent[] } | { ok: false; error: string } {
  const parsed = intervalsWebhookSchema.safeParse(body);
  if (!parsed.success) return { ok: false, error: "not an Intervals.icu webhook" };
  if (!sameSecret(parsed.data.secret, secret)) return { ok: false, error: "wrong webhook secret" };
  const events: SyncEvent[] = [];
  for (const e of parsed.data.events) {
    const kind = INTERVALS_KINDS[e.type];
    const athlete = normalizeIntervalsAthleteId(e.athlete_id);
    if (!kind || !athlete) continue;
    const activityId = e.activity ? String(e.activity.id) : null;
    const accountWide = kind === "deauthorized" || kind === "scope-changed";
    if (!accountWide && !activityId) continue;
    const time = e.timestamp && !Number.isNaN(Date.parse(e.timestamp)) ? new Date(e.timestamp) : new Date();
    events.push({ provider: "intervals", kind, externalAthleteId: athlete, externalActivityId: accountWide ? null : activityId, eventTime: time, updates: {} });
  }
  return { ok: true, events };
}
