import { describe, expect, it } from "vitest";
import { parseIntervalsWebhook, parseStravaEvent, sameSecret, stravaHandshakeAnswer } from "@/lib/sync/providers/events";

const strava = { object_type: "activity", object_id: 1360128428, aspect_type: "update", updates: { title: "Messy", private: "true" }, owner_id: 134815, subscription_id: 120475, event_time: 1516126040 };

describe("Strava webhook events", () => {
  it("answers the subscription handshake only with the right verify token", () => {
    const q = (o: Record<string, string>) => new URLSearchParams(o);
    expect(stravaHandshakeAnswer(q({ "hub.mode": "subscribe", "hub.challenge": "15f7d1a91c1f40f8a748fd134752feb3", "hub.verify_token": "STRAVA-verify" }), "STRAVA-verify")).toEqual({
      "hub.challenge": "15f7d1a91c1f40f8a748fd134752feb3",
    });
    expect(stravaHandshakeAnswer(q({ "hub.mode": "subscribe", "hub.challenge": "abc", "hub.verify_token": "wrong" }), "STRAVA-verify")).toBeNull();
    expect(stravaHandshakeAnswer(q({ "hub.mode": "unsubscribe", "hub.challenge": "abc", "hub.verify_token": "STRAVA-verify" }), "STRAVA-verify")).toBeNull();
    expect(stravaHandshakeAnswer(q({ "hub.mode": "subscribe", "hub.challenge": "<script>", "hub.verify_token": "STRAVA-verify" }), "STRAVA-verify")).toBeNull();
    expect(stravaHandshakeAnswer(q({ "hub.mode": "subscribe", "hub.verify_token": "STRAVA-verify" }), "STRAVA-verify")).toBeNull();
    expect(sameSecret(undefined, "x")).toBe(false);
  });

  it("reads create, update, delete and deauthorization, and ignores other athlete updates", () => {
    expect(parseStravaEvent(strava)).toEqual({
      ok: true,
      subscriptionId: 120475,
      event: {
        provider: "strava",
        kind: "activity-updated",
        externalAthleteId: "134815",
        externalActivityId: "1360128428",
        eventTime: new Date(1516126040 * 1000),
        updates: { title: "Messy", private: "true" },
      },
    });
    expect(parseStravaEvent({ ...strava, aspect_type: "create", updates: {} })).toMatchObject({ event: { kind: "activity-created" } });
    expect(parseStravaEvent({ ...strava, aspect_type: "delete", updates: {} })).toMatchObject({ event: { kind: "activity-deleted" } });
    expect(parseStravaEvent({ ...strava, object_type: "athlete", object_id: 134815, updates: { authorized: "false" } })).toMatchObject({
      event: { kind: "deauthorized", externalActivityId: null, externalAthleteId: "134815" },
    });
    expect(parseStravaEvent({ ...strava, object_type: "athlete", updates: { city: "Madrid" } })).toEqual({ ok: true, subscriptionId: 120475, event: null });
  });

  it("refuses malformed bodies", () => {
    for (const bad of [null, "x", [], {}, { ...strava, object_type: "segment" }, { ...strava, object_id: -1 }, { ...strava, aspect_type: "patch" }, { ...strava, event_time: "yesterday" }, { ...strava, owner_id: undefined }]) {
      expect(parseStravaEvent(bad).ok, JSON.stringify(bad)).toBe(false);
    }
  });
});

describe("Intervals.icu webhooks", () => {
  const body = {
    secret: "hook-secret-123",
    events: [
      { athlete_id: "i42", type: "ACTIVITY_UPLOADED", timestamp: "2026-06-10T06:00:00Z", activity: { id: "i77", type: "Run" } },
      { athlete_id: "42", type: "ACTIVITY_DELETED", timestamp: "2026-06-10T07:00:00Z", activity: { id: "i78" } },
      { athlete_id: "i42", type: "CALENDAR_UPDATED", timestamp: "2026-06-10T07:00:00Z" },
      { athlete_id: "i42", type: "APP_SCOPE_CHANGED", timestamp: "2026-06-10T08:00:00Z" },
    ],
  };

  it("keeps activity events and scope changes, checked against the secret", () => {
    const result = parseIntervalsWebhook(body, "hook-secret-123");
    expect(result.ok && result.events.map((e) => [e.kind, e.externalAthleteId, e.externalActivityId])).toEqual([
      ["activity-created", "i42", "i77"],
      ["activity-deleted", "i42", "i78"],
      ["scope-changed", "i42", null],
    ]);
    expect(parseIntervalsWebhook(body, "another-secret")).toEqual({ ok: false, error: "wrong webhook secret" });
    expect(parseIntervalsWebhook({ ...body, secret: undefined }, "hook-secret-123").ok).toBe(false);
    expect(parseIntervalsWebhook({ events: "x" }, "hook-secret-123").ok).toBe(false);
  });
});
