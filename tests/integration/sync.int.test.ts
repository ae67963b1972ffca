import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { commitImport, previewImport, undoImport } from "@/lib/imports/store";
import { stravaCsv, stravaDate } from "@/lib/imports/testing";
import { connectProvider, disconnectProvider } from "@/lib/sync/connections";
import { claimJob } from "@/lib/sync/queue";
import { acceptSyncEvent } from "@/lib/sync/webhook";
import { parseStravaEvent, type SyncEvent } from "@/lib/sync/providers/events";
import { drainSyncQueue, runJob, schedulePolls, type SyncDeps } from "@/lib/sync/worker";
import { deleteOwnAccount } from "@/lib/account-data/delete";
import { TEST_PASSWORD, viewerOf } from "./factories";
import { depsFor, fakeStrava, run } from "./sync.test-support";
import { addAthlete, createSquadWithCoach } from "./factories";

const DAY = 86_400_000;

/** Drains until nothing is pending, bringing forward jobs that wait (backoff, rate limits) as time passing would. */
async function drainAll(deps: SyncDeps, rounds = 60) {
  for (let i = 0; i < rounds; i++) {
    await drainSyncQueue({ prisma: db(), deps });
    const pending = await db().syncJob.count({ where: { status: "PENDING" } });
    if (pending === 0) return;
    await db().$executeRaw`UPDATE "SyncJob" SET "nextAttemptAt" = now() AT TIME ZONE 'UTC' - interval '1 second', "lockedUntil" = NULL WHERE "status" = 'PENDING'`;
  }
  throw new Error("the queue did not drain");
}

async function athlete() {
  const { squad, coach } = await createSquadWithCoach("Sync");
  return { ...(await addAthlete(squad.id)), coach };
}

function seed(fake: ReturnType<typeof fakeStrava>, count: number, now = Date.now()) {
  for (let i = 0; i < count; i++) {
    // One a day (or so) going back, at varied hours, within the last 12 months.
    fake.activities.set(String(9000 + i), run(9000 + i, new Date(now - (i + 1) * 0.7 * DAY), { distanceMeters: 8000 + (i % 7) * 1000 }));
  }
}

function event(over: Partial<Record<string, unknown>>): SyncEvent {
  const parsed = parseStravaEvent({ object_type: "activity", object_id: 1, aspect_type: "create", owner_id: 1001, subscription_id: 1, event_time: 1, updates: {}, ...over });
  if (!parsed.ok || !parsed.event) throw new Error("not an event");
  return parsed.event;
}

describe("Strava sync", () => {
  it("backfills 500 activities across pages into one undoable import, through a refresh, a 429 and an outage", async () => {
    const a = await athlete();
    const fake = fakeStrava();
    const deps = depsFor(fake);
    seed(fake, 500);
    const { connectionId } = await connectProvider(db(), deps, { userId: a.id, provider: "strava", tokens: fake.tokensFor("1001"), months: 12 });

    // Page 1, then the token stops working, a 429 and a 503 come in the middle.
    let job = await claimJob(db());
    expect(await runJob(db(), deps, job!)).toBe("done");
    fake.expireAll();
    job = await claimJob(db());
    expect(await runJob(db(), deps, job!)).toBe("done");
    expect(fake.calls.refresh).toBe(1);
    fake.rateLimitNext = 1;
    job = await claimJob(db());
    expect(await runJob(db(), deps, job!)).toBe("retry");
    const limited = await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(limited.lastError).toBe("rate_limited");
    expect(limited.backfillNextAt).not.toBeNull();
    fake.failNext = 1;
    await drainAll(deps);

    const conn = await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(conn).toMatchObject({ backfillStatus: "DONE", backfillPages: 5, backfillAdded: 500, backfillSkipped: 0, lastError: null });
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(500);
    const batch = await db().importBatch.findUniqueOrThrow({ where: { id: conn.backfillBatchId! } });
    expect(batch).toMatchObject({ status: "COMMITTED", createdCount: 500 });
    const s = await db().trainingSession.findFirstOrThrow({ where: { userId: a.id, externalId: "strava:9000" } });
    expect(s).toMatchObject({ source: "STRAVA", type: "RUN", durationMin: 50, movingMin: expect.closeTo(48.33, 1), distanceKm: 8, notes: "Run 9000" });
    const totals = await db().dailyLoad.aggregate({ where: { userId: a.id }, _sum: { sessionCount: true } });
    expect(totals._sum.sessionCount).toBe(500);

    // The tokens are stored sealed, never in clear.
    expect(conn.tokens).not.toMatch(/accessToken|refreshToken|1001/);
    expect(deps.open(conn.tokens!)).toMatchObject({ externalAthleteId: "1001", kind: "oauth" });

    await undoImport(db(), a.id, batch.id);
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(0);
  });

  it("resumes a backfill after a worker dies mid-page, without doubles", async () => {
    const a = await athlete();
    const fake = fakeStrava();
    const deps = depsFor(fake);
    seed(fake, 250);
    await connectProvider(db(), deps, { userId: a.id, provider: "strava", tokens: fake.tokensFor("1001"), months: 12 });
    await drainSyncQueue({ prisma: db(), deps, limit: 1 });
    // A worker claims page 2 and dies before writing anything: its lease runs out.
    const dead = await claimJob(db());
    expect(dead).not.toBeNull();
    await db().$executeRaw`UPDATE "SyncJob" SET "lockedUntil" = now() AT TIME ZONE 'UTC' - interval '1 second' WHERE "id" = ${dead!.id}`;
    await drainAll(deps);
    // The dead worker wakes up and finishes its page late: its work is refused and rolled back.
    expect(await runJob(db(), deps, dead!)).toBe("stale");
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(250);
  });

  it("two workers draining at once store every activity once", async () => {
    const a = await athlete();
    const b = await athlete();
    const fake = fakeStrava();
    const deps = depsFor(fake);
    seed(fake, 300);
    await connectProvider(db(), deps, { userId: a.id, provider: "strava", tokens: fake.tokensFor("2001"), months: 12 });
    await connectProvider(db(), deps, { userId: b.id, provider: "strava", tokens: fake.tokensFor("2002"), months: 12 });
    for (let i = 0; i < 20; i++) {
      await Promise.all([drainSyncQueue({ prisma: db(), deps }), drainSyncQueue({ prisma: db(), deps })]);
      if ((await db().syncJob.count({ where: { status: "PENDING" } })) === 0) break;
    }
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(300);
    expect(await db().trainingSession.count({ where: { userId: b.id } })).toBe(300);
    expect(await db().syncJob.count({ where: { status: "DONE" } })).toBeGreaterThanOrEqual(6);
  });

  it("follows create, update and delete events, delivered twice and out of order", async () => {
    const a = await athlete();
    const fake = fakeStrava();
    const deps = depsFor(fake);
    await connectProvider(db(), deps, { userId: a.id, provider: "strava", tokens: fake.tokensFor("1001"), months: 12 });
    await drainAll(deps);
    const start = new Date(Date.now() - DAY);
    fake.activities.set("77", run(77, start));
    expect(await acceptSyncEvent(db(), event({ object_id: 77, event_time: 10 }))).toBe("queued");
    expect(await acceptSyncEvent(db(), event({ object_id: 77, event_time: 10 }))).toBe("duplicate");
    await drainAll(deps);
    const created = await db().trainingSession.findFirstOrThrow({ where: { userId: a.id, externalId: "strava:77" } });

    // The athlete rates it and writes a note; then the title, type and distance change at Strava.
    await db().trainingSession.update({ where: { id: created.id }, data: { rpe: 6, notes: "Legs heavy" } });
    fake.activities.set("77", run(77, start, { name: "Evening ride", sport: "Ride", distanceMeters: 30_000 }));
    await acceptSyncEvent(db(), event({ object_id: 77, aspect_type: "update", event_time: 11, updates: { title: "Evening ride", type: "Ride" } }));
    await drainAll(deps);
    const updated = await db().trainingSession.findUniqueOrThrow({ where: { id: created.id } });
    expect(updated).toMatchObject({ type: "CROSS_TRAINING", subType: "CYCLING", distanceKm: 30, rpe: 6, notes: "Legs heavy" });

    // Out of order: the delete arrives, then a late create of the same activity.
    fake.activities.delete("77");
    await acceptSyncEvent(db(), event({ object_id: 77, aspect_type: "delete", event_time: 13 }));
    await acceptSyncEvent(db(), event({ object_id: 77, aspect_type: "create", event_time: 9 }));
    await drainAll(deps);
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(0);
    expect(await db().dailyLoad.count({ where: { userId: a.id, sessionCount: { gt: 0 } } })).toBe(0);

    // An event for an athlete nobody connected changes nothing.
    expect(await acceptSyncEvent(db(), event({ owner_id: 4242 }))).toBe("ignored");
  });

  it("deauthorization at Strava deletes the tokens and keeps the sessions", async () => {
    const a = await athlete();
    const fake = fakeStrava();
    const deps = depsFor(fake);
    seed(fake, 3);
    const { connectionId } = await connectProvider(db(), deps, { userId: a.id, provider: "strava", tokens: fake.tokensFor("1001"), months: 12 });
    await drainAll(deps);
    await acceptSyncEvent(db(), event({ object_type: "athlete", object_id: 1001, aspect_type: "update", updates: { authorized: "false" } }));
    await drainAll(deps);
    expect(await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({ tokens: null, status: "DISCONNECTED" });
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(3);
    // New events are ignored from then on.
    expect(await acceptSyncEvent(db(), event({ object_id: 9000, event_time: 99 }))).toBe("ignored");
  });

  it("disconnecting revokes the access, deletes the tokens, and removes the sessions only when asked", async () => {
    const a = await athlete();
    const fake = fakeStrava();
    const deps = depsFor(fake);
    seed(fake, 4);
    await connectProvider(db(), deps, { userId: a.id, provider: "strava", tokens: fake.tokensFor("1001"), months: 12 });
    await drainAll(deps);
    fake.failNext = 0;
    expect(await disconnectProvider(db(), deps, { userId: a.id, provider: "strava" })).toEqual({ removed: 0 });
    expect(fake.calls.deauthorize).toBe(1);
    expect(await db().syncConnection.count({ where: { userId: a.id } })).toBe(0);
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(4);
    await connectProvider(db(), deps, { userId: a.id, provider: "strava", tokens: fake.tokensFor("1001"), months: 12 });
    await drainAll(deps);
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(4);
    expect(await disconnectProvider(db(), deps, { userId: a.id, provider: "strava", removeSessions: true })).toEqual({ removed: 4 });
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(0);
  });

  it("does not double a run already imported from a file or logged by hand", async () => {
    const a = await athlete();
    const fake = fakeStrava();
    const deps = depsFor(fake);
    const start = new Date(Date.now() - 3 * DAY);
    // The same run in a Strava CSV export (same activity id) ...
    const csv = stravaCsv([
      { "Activity ID": "555", "Activity Date": stravaDate(start.getTime()), "Activity Name": "Run 555", "Activity Type": "Run", "Elapsed Time": "3000", "Moving Time": "2900", Distance: "10.00", "Distance@2": "10000.0" },
    ]);
    const preview = await previewImport(db(), a.id, [{ name: "activities.csv", bytes: new TextEncoder().encode(csv) }], "UTC");
    await commitImport(db(), a.id, preview.batchId!);
    // ... and another run recorded by a watch file, 2 minutes apart and 3% longer at Strava.
    const other = new Date(start.getTime() + DAY);
    await db().trainingSession.create({
      data: { userId: a.id, localDate: new Date(other.toISOString().slice(0, 10)), startTime: new Date(other.getTime() + 120_000), type: "RUN", durationMin: 40, distanceKm: 7.8, source: "FIT", externalId: "fit:1:1" },
    });
    fake.activities.set("555", run(555, start));
    fake.activities.set("556", run(556, other, { distanceMeters: 8000 }));
    fake.activities.set("557", run(557, new Date(other.getTime() + 3600_000 * 5), { distanceMeters: 8000 }));
    await connectProvider(db(), deps, { userId: a.id, provider: "strava", tokens: fake.tokensFor("1001"), months: 12 });
    await drainAll(deps);
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(3);
    const conn = await db().syncConnection.findFirstOrThrow({ where: { userId: a.id } });
    expect(conn).toMatchObject({ backfillAdded: 1, backfillSkipped: 2 });
  });

  it("refreshes tokens that expire within five minutes before calling, and deletes the connection with the account", async () => {
    const a = await athlete();
    const fake = fakeStrava();
    const deps = depsFor(fake);
    seed(fake, 2);
    const { connectionId } = await connectProvider(db(), deps, { userId: a.id, provider: "strava", tokens: fake.tokensFor("1001", 2 * 60_000), months: 24 });
    await drainAll(deps);
    expect(fake.calls.refresh).toBe(1);
    const conn = await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(conn.backfillMonths).toBe(24);
    expect(deps.open(conn.tokens!).expiresAt!.getTime()).toBeGreaterThan(Date.now() + 3600_000);
    await deleteOwnAccount(await viewerOf(a.id), { password: TEST_PASSWORD, confirm: "DELETE" });
    expect(await db().syncConnection.count({ where: { id: connectionId } })).toBe(0);
    expect(await db().syncJob.count({ where: { connectionId } })).toBe(0);
  });

  it("polls Intervals.icu connections for recent activities once per period", async () => {
    const a = await athlete();
    const fake = fakeStrava("intervals");
    const deps = depsFor(fake);
    await connectProvider(db(), deps, { userId: a.id, provider: "intervals", tokens: { ...fake.tokensFor("i42"), kind: "api-key", refreshToken: null, expiresAt: null }, months: 12 });
    await drainAll(deps);
    fake.activities.set("i900", run(900, new Date(Date.now() - 3600_000), { provider: "intervals", externalId: "i900" }));
    // Not due yet: it synced just now.
    expect(await schedulePolls(db())).toBe(0);
    const later = new Date(Date.now() + 6 * 60_000);
    expect(await schedulePolls(db(), later)).toBe(1);
    expect(await schedulePolls(db(), later)).toBe(0);
    await drainAll(deps);
    const s = await db().trainingSession.findFirstOrThrow({ where: { userId: a.id } });
    expect(s).toMatchObject({ source: "INTERVALS", externalId: "intervals:i900", distanceKm: 10 });
  });

  it("a connection Strava stops accepting mid-backfill asks to connect again, and resumes where it stopped", async () => {
    const a = await athlete();
    const fake = fakeStrava();
    const deps = depsFor(fake);
    seed(fake, 250);
    const { connectionId } = await connectProvider(db(), deps, { userId: a.id, provider: "strava", tokens: fake.tokensFor("1001"), months: 12 });
    await drainSyncQueue({ prisma: db(), deps, limit: 1 });
    // The athlete revoked the app at Strava without a webhook reaching us: tokens and refresh token are refused.
    fake.expireAll();
    const connBefore = await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
    await db().syncConnection.update({ where: { id: connectionId }, data: { tokens: deps.seal({ ...deps.open(connBefore.tokens!), refreshToken: "revoked" }) } });
    await drainSyncQueue({ prisma: db(), deps });
    expect(await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({ status: "NEEDS_RECONNECT", lastError: "needs_reconnect", backfillPages: 1 });
    // Time passes: the parked job runs again against the dead connection and ends.
    await drainAll(deps);
    const again = await connectProvider(db(), deps, { userId: a.id, provider: "strava", tokens: fake.tokensFor("1001"), months: 12 });
    expect(again).toEqual({ connectionId, backfill: "resumed" });
    await drainAll(deps);
    expect(await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({ status: "ACTIVE", backfillStatus: "DONE", backfillAdded: 250 });
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(250);
  });
});
