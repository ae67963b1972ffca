import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { commitImport, listImportHistory, previewImport, undoImport } from "@/lib/imports/store";
import { stravaCsv, stravaDate } from "@/lib/imports/testing";
import { connectProvider, disconnectProvider, isCatchUp } from "@/lib/sync/connections";
import { claimJob } from "@/lib/sync/queue";
import { drainSyncQueue, runJob, schedulePolls } from "@/lib/sync/worker";
import { deleteOwnAccount } from "@/lib/account-data/delete";
import { TEST_PASSWORD, viewerOf, addAthlete, createSquadWithCoach } from "./factories";
import { consentAtIntervals, consentAtStrava, startProviders, until, SHORT_LIMIT, type Providers } from "./sync.test-support";

const DAY = 86_400_000;
let p: Providers;

beforeAll(async () => {
  p = await startProviders();
});

afterAll(async () => {
  await p.close();
});

beforeEach(() => {
  // Every test starts on the real clock, in a fresh rate-limit window, with nothing injected, no request log
  // and no webhook outcomes.
  p.resetClock();
  p.strava.state.options.tokenLifetimeSeconds = 6 * 3600;
  p.strava.state.setUsage(0, 0);
  p.strava.state.requests.length = 0;
  p.intervals.state.requests.length = 0;
  p.strava.state.injections.length = 0;
  p.intervals.state.injections.length = 0;
  p.webhook.outcomes.length = 0;
  p.webhook.down = false;
});

/** Drains until nothing is pending, bringing forward jobs that wait (backoff, rate limits) as time passing would. */
async function drainAll(rounds = 60) {
  for (let i = 0; i < rounds; i++) {
    await drainSyncQueue({ prisma: db(), deps: p.deps });
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

/** A Strava athlete at the stand-in with `count` runs, one every 0.7 days going back (all within 12 months). */
function seed(count: number, now = Date.now()): { stravaId: number; ids: number[] } {
  const stravaId = p.strava.state.addAthlete();
  const ids: number[] = [];
  for (let i = 0; i < count; i++) {
    const record = p.strava.state.addActivity(stravaId, {
      name: `Run ${i}`,
      start_date: new Date(now - (i + 1) * 0.7 * DAY),
      elapsed_time: 3000,
      moving_time: 2900,
      distance: 8000 + (i % 7) * 1000,
    });
    ids.push(record.id);
  }
  return { stravaId, ids };
}

/** Connects an app athlete to a Strava athlete through the consent page, as the callback does. */
async function connectStrava(userId: string, stravaId: number, months: 12 | 24 = 12) {
  const tokens = await consentAtStrava(p, stravaId);
  return connectProvider(db(), p.deps, { userId, provider: "strava", tokens, months });
}

const secondsUntil = (d: Date) => (d.getTime() - Date.now()) / 1000;

describe("Strava sync against the Strava stand-in", () => {
  it("backfills 500 activities across pages into one undoable import, through an expired token, a 429 and a 5xx", async () => {
    const a = await athlete();
    const { stravaId, ids } = seed(500);
    const { connectionId } = await connectStrava(a.id, stravaId);
    const tokenCalls = () => p.strava.state.count(/^\/oauth\/token/);
    expect(tokenCalls()).toBe(1);

    // Page 1; then Strava lets the access token expire: 401, one refresh, the page is read with the new token.
    let job = await claimJob(db());
    expect(await runJob(db(), p.deps, job!)).toBe("done");
    p.strava.state.expireAccessTokens(stravaId);
    job = await claimJob(db());
    expect(await runJob(db(), p.deps, job!)).toBe("done");
    expect(tokenCalls()).toBe(2);
    const refreshed = p.deps.open((await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).tokens!);
    expect(p.strava.state.accessTokens.get(refreshed.accessToken)).toMatchObject({ revoked: false });

    // The 15-minute read limit is spent: a real 429 with Strava's headers. The job waits for the window to
    // turn (the client's retryAfterSeconds), and its attempt is not counted as a failure.
    p.strava.state.setUsage(SHORT_LIMIT, 500);
    job = await claimJob(db());
    expect(await runJob(db(), p.deps, job!)).toBe("retry");
    const limited = await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(limited.lastError).toBe("rate_limited");
    const waiting = await db().syncJob.findUniqueOrThrow({ where: { id: job!.id } });
    // Strava's 15-minute windows turn at :00, :15, :30 and :45: the job waits for the next turn, not minutes more.
    const quarter = 15 * 60_000;
    const offTurn = (d: Date) => Math.min(d.getTime() % quarter, quarter - (d.getTime() % quarter));
    expect(offTurn(waiting.nextAttemptAt)).toBeLessThan(3000);
    expect(secondsUntil(waiting.nextAttemptAt)).toBeGreaterThan(-3);
    expect(secondsUntil(waiting.nextAttemptAt)).toBeLessThan(15 * 60 + 3);
    expect(Math.abs(waiting.nextAttemptAt.getTime() - limited.backfillNextAt!.getTime())).toBeLessThan(3000);
    expect(waiting).toMatchObject({ attempts: 0, status: "PENDING", lastError: "rate_limited" });
    expect(await claimJob(db())).toBeNull();

    // The window turns at Strava; the job is brought forward rather than waiting minutes. Then a 503.
    p.advance(quarter);
    p.strava.state.inject({ status: 503, body: JSON.stringify({ message: "Service Unavailable" }), match: /\/athlete\/activities/ });
    await db().$executeRaw`UPDATE "SyncJob" SET "nextAttemptAt" = now() AT TIME ZONE 'UTC' - interval '1 second' WHERE "id" = ${job!.id}`;
    job = await claimJob(db());
    expect(await runJob(db(), p.deps, job!)).toBe("retry");
    const failed = await db().syncJob.findUniqueOrThrow({ where: { id: job!.id } });
    expect(failed).toMatchObject({ attempts: 1, lastError: "provider_unavailable" });
    expect(secondsUntil(failed.nextAttemptAt)).toBeGreaterThan(20);
    expect((await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).lastError).toBe("provider_unavailable");
    await drainAll();

    const conn = await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
    // Five full pages of 100, then an empty one tells the client the list has ended.
    expect(conn).toMatchObject({ backfillStatus: "DONE", backfillPages: 6, backfillAdded: 500, backfillSkipped: 0, lastError: null });
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(500);
    const batch = await db().importBatch.findUniqueOrThrow({ where: { id: conn.backfillBatchId! } });
    expect(batch).toMatchObject({ status: "COMMITTED", createdCount: 500 });
    // The import page names where it came from.
    expect(await listImportHistory(db(), a.id)).toMatchObject([{ id: batch.id, syncedFrom: "strava", sessionCount: 500 }]);
    const s = await db().trainingSession.findFirstOrThrow({ where: { userId: a.id, externalId: `strava:${ids[0]}` } });
    expect(s).toMatchObject({ source: "STRAVA", type: "RUN", durationMin: 50, movingMin: expect.closeTo(48.33, 1), distanceKm: 8, notes: "Run 0" });
    const totals = await db().dailyLoad.aggregate({ where: { userId: a.id }, _sum: { sessionCount: true } });
    expect(totals._sum.sessionCount).toBe(500);
    expect(tokenCalls()).toBe(2);

    // The tokens are stored sealed, never in clear.
    expect(conn.tokens).not.toContain(refreshed.accessToken);
    expect(conn.tokens).not.toContain(String(stravaId));
    expect(p.deps.open(conn.tokens!)).toMatchObject({ externalAthleteId: String(stravaId), kind: "oauth", scope: "read,activity:read_all" });

    await undoImport(db(), a.id, batch.id);
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(0);
  });

  it("spreads a backfill over Strava's rate windows: waits for the quarter hour near the limit, for midnight when the day is spent", async () => {
    const a = await athlete();
    const { stravaId } = seed(150);
    const { connectionId } = await connectStrava(a.id, stravaId);
    // Page 1 brings the 15-minute read usage to 80%: page 2 waits for the window to turn, and the athlete is told when.
    p.strava.state.setUsage(SHORT_LIMIT * 0.8 - 1, 10);
    let job = await claimJob(db());
    expect(await runJob(db(), p.deps, job!)).toBe("done");
    const quarter = 15 * 60_000;
    const offTurn = (d: Date) => Math.min(d.getTime() % quarter, quarter - (d.getTime() % quarter));
    const spread = await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(spread).toMatchObject({ backfillStatus: "RUNNING", backfillPages: 1, backfillAdded: 100 });
    expect(offTurn(spread.backfillNextAt!)).toBeLessThan(3000);
    const next = await db().syncJob.findFirstOrThrow({ where: { connectionId, status: "PENDING" } });
    expect(Math.abs(next.nextAttemptAt.getTime() - spread.backfillNextAt!.getTime())).toBeLessThan(3000);
    expect(await claimJob(db())).toBeNull();

    // The window turns; then Strava says the daily limit is spent: the page waits until midnight UTC.
    p.advance(quarter);
    p.strava.state.rateLimitNext(1, "daily");
    await db().$executeRaw`UPDATE "SyncJob" SET "nextAttemptAt" = now() AT TIME ZONE 'UTC' - interval '1 second' WHERE "id" = ${next.id}`;
    job = await claimJob(db());
    expect(await runJob(db(), p.deps, job!)).toBe("retry");
    const waiting = await db().syncJob.findUniqueOrThrow({ where: { id: next.id } });
    const offMidnight = (d: Date) => Math.min(d.getTime() % DAY, DAY - (d.getTime() % DAY));
    expect(offMidnight(waiting.nextAttemptAt)).toBeLessThan(3000);
    expect(secondsUntil(waiting.nextAttemptAt)).toBeGreaterThan(-3);
    expect(secondsUntil(waiting.nextAttemptAt)).toBeLessThan(DAY / 1000 + 3);
    await drainAll();
    expect(await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({ backfillStatus: "DONE", backfillAdded: 150, backfillNextAt: null });
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(150);
  });

  it("resumes a backfill after a worker dies mid-page, without doubles", async () => {
    const a = await athlete();
    const { stravaId } = seed(250);
    await connectStrava(a.id, stravaId);
    await drainSyncQueue({ prisma: db(), deps: p.deps, limit: 1 });
    // A worker claims page 2 and dies before writing anything: its lease runs out.
    const dead = await claimJob(db());
    expect(dead).not.toBeNull();
    await db().$executeRaw`UPDATE "SyncJob" SET "lockedUntil" = now() AT TIME ZONE 'UTC' - interval '1 second' WHERE "id" = ${dead!.id}`;
    await drainAll();
    // The dead worker wakes up and finishes its page late (it reads Strava again): its work is refused and rolled back.
    const listsBefore = p.strava.state.count(/\/athlete\/activities/);
    expect(await runJob(db(), p.deps, dead!)).toBe("stale");
    expect(p.strava.state.count(/\/athlete\/activities/)).toBe(listsBefore + 1);
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(250);
    expect(await db().syncConnection.findFirstOrThrow({ where: { userId: a.id } })).toMatchObject({ backfillStatus: "DONE", backfillAdded: 250 });
  });

  it("two workers draining at once store every activity once", async () => {
    const a = await athlete();
    const b = await athlete();
    const one = seed(300);
    const two = seed(300);
    await connectStrava(a.id, one.stravaId);
    await connectStrava(b.id, two.stravaId);
    for (let i = 0; i < 20; i++) {
      await Promise.all([drainSyncQueue({ prisma: db(), deps: p.deps }), drainSyncQueue({ prisma: db(), deps: p.deps })]);
      if ((await db().syncJob.count({ where: { status: "PENDING" } })) === 0) break;
    }
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(300);
    expect(await db().trainingSession.count({ where: { userId: b.id } })).toBe(300);
    expect(await db().syncJob.count({ where: { status: "DONE" } })).toBeGreaterThanOrEqual(8);
    // Each page was read once: 4 pages per athlete (3 full, then a short one); a page is read again only by a
    // worker whose claim lost the race (its writes rolled back).
    expect(p.strava.state.count(/\/athlete\/activities/)).toBeGreaterThanOrEqual(8);
    expect(p.strava.state.count(/\/athlete\/activities/)).toBeLessThanOrEqual(10);
  });

  it("follows create, update and delete webhooks from Strava, delivered twice and out of order", async () => {
    const a = await athlete();
    const stravaId = p.strava.state.addAthlete();
    await connectStrava(a.id, stravaId);
    await drainAll();
    const start = new Date(Date.now() - DAY);
    const run = p.strava.state.addActivity(stravaId, { name: "Run 77", start_date: start, distance: 10_000 });
    const t = Math.floor(Date.now() / 1000);
    const create = { object_type: "activity" as const, object_id: run.id, aspect_type: "create" as const, updates: {}, owner_id: stravaId, event_time: t };
    // Strava delivers the same event twice (a retry after a slow answer): queued once.
    expect(await p.strava.state.sendEvent(create)).toEqual([200]);
    expect(await p.strava.state.sendEvent(create)).toEqual([200]);
    expect(p.webhook.outcomes).toEqual(["queued", "duplicate"]);
    await drainAll();
    const created = await db().trainingSession.findFirstOrThrow({ where: { userId: a.id, externalId: `strava:${run.id}` } });
    expect(created).toMatchObject({ type: "RUN", distanceKm: 10, notes: "Run 77" });

    // The athlete rates it and writes a note; then the title, type and distance change at Strava.
    await db().trainingSession.update({ where: { id: created.id }, data: { rpe: 6, notes: "Legs heavy" } });
    const updates = p.strava.state.updateActivity(run.id, { name: "Evening ride", sport_type: "Ride", distance: 30_000 });
    expect(updates).toMatchObject({ title: "Evening ride", type: "Ride" });
    expect(await p.strava.state.sendEvent({ ...create, aspect_type: "update", updates, event_time: t + 1 })).toEqual([200]);
    await drainAll();
    const updated = await db().trainingSession.findUniqueOrThrow({ where: { id: created.id } });
    expect(updated).toMatchObject({ type: "CROSS_TRAINING", subType: "CYCLING", distanceKm: 30, rpe: 6, notes: "Legs heavy" });

    // Out of order: the delete arrives, then a late create of the same activity (Strava answers 404 for it now).
    p.strava.state.deleteActivity(run.id);
    await p.strava.state.sendEvent({ ...create, aspect_type: "delete", event_time: t + 3 });
    await p.strava.state.sendEvent({ ...create, event_time: t - 1 });
    expect(p.webhook.outcomes.slice(-2)).toEqual(["queued", "queued"]);
    await drainAll();
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(0);
    expect(await db().dailyLoad.count({ where: { userId: a.id, sessionCount: { gt: 0 } } })).toBe(0);
    expect(await db().syncJob.count({ where: { status: "DEAD" } })).toBe(0);

    // An event for a Strava athlete nobody connected changes nothing.
    const stranger = p.strava.state.addAthlete();
    const theirs = p.strava.state.addActivity(stranger, { start_date: start });
    await p.strava.state.sendActivityEvent(theirs.id, "create");
    expect(p.webhook.outcomes.at(-1)).toBe("ignored");
    expect(await db().syncJob.count({ where: { status: "PENDING" } })).toBe(0);
  });

  it("refuses a subscription handshake with a wrong verify token", async () => {
    const answer = await p.strava.state.handshake(`${p.webhook.url}/strava`, "not-the-token");
    expect(answer).toMatchObject({ ok: false, status: 403 });
  });

  it("deauthorization at Strava deletes the tokens and keeps the sessions", async () => {
    const a = await athlete();
    const { stravaId, ids } = seed(3);
    const { connectionId } = await connectStrava(a.id, stravaId);
    await drainAll();
    // The athlete removes the app in their Strava settings: Strava revokes the tokens and tells the subscription.
    p.strava.state.revokeAthlete(stravaId);
    await p.strava.state.sendEvent({ object_type: "athlete", object_id: stravaId, aspect_type: "update", updates: { authorized: "false" }, owner_id: stravaId });
    expect(p.webhook.outcomes).toEqual(["queued"]);
    await drainAll();
    expect(await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({ tokens: null, status: "DISCONNECTED" });
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(3);
    // New events are ignored from then on.
    await p.strava.state.sendActivityEvent(ids[0], "update", { title: "x" });
    expect(p.webhook.outcomes.at(-1)).toBe("ignored");
  });

  it("disconnecting revokes the access at Strava, deletes the tokens, and removes the sessions only when asked", async () => {
    const a = await athlete();
    const { stravaId } = seed(4);
    await connectStrava(a.id, stravaId);
    await drainAll();
    const deauths = () => p.strava.state.count(/^\/oauth\/deauthorize/);
    expect(await disconnectProvider(db(), p.deps, { userId: a.id, provider: "strava" })).toEqual({ removed: 0 });
    expect(deauths()).toBe(1);
    // Strava also tells the subscription. Whether it lands before the connection is deleted (queued, then
    // deleted with it) or after (ignored), nothing of the old connection is left to run.
    await until(() => p.webhook.outcomes.length === 1);
    expect(await db().syncConnection.count({ where: { userId: a.id } })).toBe(0);
    expect(await db().syncJob.count()).toBe(0);
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(4);
    await connectStrava(a.id, stravaId);
    await drainAll();
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(4);
    expect(await disconnectProvider(db(), p.deps, { userId: a.id, provider: "strava", removeSessions: true })).toEqual({ removed: 4 });
    expect(deauths()).toBe(2);
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(0);
    await until(() => p.webhook.outcomes.length === 2);
  });

  it("a deauthorization Strava delivers late, after the athlete connected again, leaves the new connection alone", async () => {
    const a = await athlete();
    const { stravaId } = seed(2);
    await connectStrava(a.id, stravaId);
    await drainAll();
    // The athlete disconnects while the app's webhook is unreachable: Strava's deliveries of the deauthorization fail.
    p.webhook.down = true;
    await disconnectProvider(db(), p.deps, { userId: a.id, provider: "strava" });
    await until(() => p.strava.state.deliveries.length > 0 && p.strava.state.deliveries.at(-1)!.statuses.length === 3);
    const late = p.strava.state.deliveries.at(-1)!.event;
    expect(late).toMatchObject({ object_type: "athlete", updates: { authorized: "false" } });
    expect(p.strava.state.deliveries.at(-1)!.statuses).toEqual([503, 503, 503]);
    p.webhook.down = false;
    // A second later the athlete connects again; then Strava's retry of the old event gets through.
    await new Promise((r) => setTimeout(r, 1100));
    const { connectionId } = await connectStrava(a.id, stravaId);
    await drainAll();
    expect(await p.strava.state.sendEvent(late)).toEqual([200]);
    expect(p.webhook.outcomes).toEqual(["ignored"]);
    await drainAll();
    expect(await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({ status: "ACTIVE", tokens: expect.any(String) });
    // A deauthorization that happens after the new connection still ends it.
    p.strava.state.revokeAthlete(stravaId);
    await p.strava.state.sendEvent({ ...late, event_time: Math.floor(Date.now() / 1000) + 1 });
    await drainAll();
    expect(await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({ status: "DISCONNECTED", tokens: null });
  });

  it("does not double a run already imported from a file or logged by hand", async () => {
    const a = await athlete();
    const stravaId = p.strava.state.addAthlete();
    const start = new Date(Date.now() - 3 * DAY);
    start.setUTCMilliseconds(0);
    const fileRun = p.strava.state.addActivity(stravaId, { name: "Run 555", start_date: start, elapsed_time: 3000, moving_time: 2900, distance: 10_000 });
    // The same run in a Strava CSV export (same activity id) ...
    const csv = stravaCsv([
      { "Activity ID": String(fileRun.id), "Activity Date": stravaDate(start.getTime()), "Activity Name": "Run 555", "Activity Type": "Run", "Elapsed Time": "3000", "Moving Time": "2900", Distance: "10.00", "Distance@2": "10000.0" },
    ]);
    const preview = await previewImport(db(), a.id, [{ name: "activities.csv", bytes: new TextEncoder().encode(csv) }], "UTC");
    await commitImport(db(), a.id, preview.batchId!);
    // ... and another run recorded by a watch file, 2 minutes apart and 3% longer at Strava.
    const other = new Date(start.getTime() + DAY);
    await db().trainingSession.create({
      data: { userId: a.id, localDate: new Date(other.toISOString().slice(0, 10)), startTime: new Date(other.getTime() + 120_000), type: "RUN", durationMin: 40, distanceKm: 7.8, source: "FIT", externalId: "fit:1:1" },
    });
    p.strava.state.addActivity(stravaId, { start_date: other, distance: 8000 });
    p.strava.state.addActivity(stravaId, { start_date: new Date(other.getTime() + 3600_000 * 5), distance: 8000 });
    await connectStrava(a.id, stravaId);
    await drainAll();
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(3);
    const conn = await db().syncConnection.findFirstOrThrow({ where: { userId: a.id } });
    expect(conn).toMatchObject({ backfillAdded: 1, backfillSkipped: 2 });
    // Removing what the sync brought leaves the file's run and the watch's run: only Strava's own new run goes.
    expect(await disconnectProvider(db(), p.deps, { userId: a.id, provider: "strava", removeSessions: true })).toEqual({ removed: 1 });
    const left = await db().trainingSession.findMany({ where: { userId: a.id }, select: { source: true, externalId: true } });
    expect(left.map((s) => s.externalId).sort()).toEqual([`strava:${fileRun.id}`, "fit:1:1"].sort());
  });

  it("refreshes tokens that expire within five minutes before calling, and deletes the connection with the account", async () => {
    const a = await athlete();
    const { stravaId } = seed(2);
    // Strava issues a token that lives two more minutes.
    p.strava.state.options.tokenLifetimeSeconds = 120;
    const { connectionId } = await connectStrava(a.id, stravaId, 24);
    p.strava.state.options.tokenLifetimeSeconds = 6 * 3600;
    await drainAll();
    // One code exchange, then one refresh before the first call: the short-lived token was never sent to the API.
    expect(p.strava.state.count(/^\/oauth\/token/)).toBe(2);
    const conn = await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(conn.backfillMonths).toBe(24);
    const stored = p.deps.open(conn.tokens!);
    expect(stored.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 3600_000);
    const firstApiCall = p.strava.state.requests.find((r) => r.path.startsWith("/api/v3/athlete/activities"));
    const lastToken = p.strava.state.requests.filter((r) => r.path.startsWith("/oauth/token")).at(-1);
    expect(firstApiCall!.at.getTime()).toBeGreaterThanOrEqual(lastToken!.at.getTime());
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(2);
    await deleteOwnAccount(await viewerOf(a.id), { password: TEST_PASSWORD, confirm: "DELETE" });
    expect(await db().syncConnection.count({ where: { id: connectionId } })).toBe(0);
    expect(await db().syncJob.count({ where: { connectionId } })).toBe(0);
  });

  it("a connection Strava stops accepting mid-backfill asks to connect again, and resumes where it stopped", async () => {
    const a = await athlete();
    const { stravaId } = seed(250);
    const { connectionId } = await connectStrava(a.id, stravaId);
    await drainSyncQueue({ prisma: db(), deps: p.deps, limit: 1 });
    // The athlete revoked the app at Strava without a webhook reaching us: tokens and refresh token are refused.
    p.strava.state.revokeAthlete(stravaId);
    await drainSyncQueue({ prisma: db(), deps: p.deps });
    expect(await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({ status: "NEEDS_RECONNECT", lastError: "needs_reconnect", backfillPages: 1 });
    // Time passes: the parked job runs again against the dead connection and ends.
    await drainAll();
    const again = await connectStrava(a.id, stravaId);
    expect(again).toEqual({ connectionId, backfill: "resumed" });
    await drainAll();
    expect(await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({ status: "ACTIVE", backfillStatus: "DONE", backfillAdded: 250 });
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(250);
  });

  it("connecting again after the connection went down fetches what was recorded meanwhile", async () => {
    const a = await athlete();
    const { stravaId } = seed(3);
    const { connectionId } = await connectStrava(a.id, stravaId);
    await drainAll();
    const first = await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(isCatchUp(first.backfillFrom, first.backfillUntil, first.backfillMonths)).toBe(false);
    // Strava stops accepting the tokens; a run recorded meanwhile is announced, and its event cannot be followed.
    p.strava.state.revokeAthlete(stravaId);
    const meanwhile = p.strava.state.addActivity(stravaId, { start_date: new Date(Date.now() - 3600_000), distance: 6000 });
    await p.strava.state.sendActivityEvent(meanwhile.id, "create");
    await drainAll();
    expect(await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({ status: "NEEDS_RECONNECT" });
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(3);
    // Connecting again reads from a day before the last sync: the missed run comes in, nothing is doubled.
    expect(await connectStrava(a.id, stravaId)).toEqual({ connectionId, backfill: "caught-up" });
    await drainAll();
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(4);
    expect(await db().trainingSession.count({ where: { userId: a.id, externalId: `strava:${meanwhile.id}` } })).toBe(1);
    const caughtUp = await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(caughtUp).toMatchObject({ status: "ACTIVE", backfillStatus: "DONE", backfillAdded: 1 });
    // The settings page words it as "since" the day the catch-up reads from, not as the first backfill's months.
    expect(isCatchUp(caughtUp.backfillFrom, caughtUp.backfillUntil, caughtUp.backfillMonths)).toBe(true);
    expect(caughtUp.backfillFrom!.getTime()).toBe(first.lastSyncAt!.getTime() - DAY);
  });
});

describe("Strava and Intervals.icu together", () => {
  it("removing one service's sessions brings the same runs back from the other, which had skipped them", async () => {
    const a = await athlete();
    const stravaId = p.strava.state.addAthlete();
    const who = p.intervals.state.addAthlete({ name: "Both" });
    // The same six runs at both services (a watch that sends to both).
    for (let i = 0; i < 6; i++) {
      const run = { start_date: new Date(Date.now() - (i + 1) * 20 * DAY), distance: 9000 + i * 100, elapsed_time: 3000, moving_time: 2900 };
      p.strava.state.addActivity(stravaId, run);
      p.intervals.state.addActivity(who.id, run);
    }
    await connectStrava(a.id, stravaId);
    await drainAll();
    const tokens = await p.intervalsClient.connectApiKey({ athleteId: who.id, apiKey: who.apiKey });
    const { connectionId } = await connectProvider(db(), p.deps, { userId: a.id, provider: "intervals", tokens, months: 12 });
    await drainAll();
    expect(await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({ backfillAdded: 0, backfillSkipped: 6 });
    expect(await db().trainingSession.count({ where: { userId: a.id, source: "STRAVA" } })).toBe(6);

    expect(await disconnectProvider(db(), p.deps, { userId: a.id, provider: "strava", removeSessions: true })).toEqual({ removed: 6 });
    await drainAll();
    expect(await db().trainingSession.count({ where: { userId: a.id, source: "INTERVALS" } })).toBe(6);
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(6);
    const refilled = await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } });
    expect(refilled).toMatchObject({ backfillStatus: "DONE", backfillAdded: 6 });
    // Worded by the day it read again from (a day before the first removed run), not as the first backfill's months.
    expect(isCatchUp(refilled.backfillFrom, refilled.backfillUntil, refilled.backfillMonths)).toBe(true);
  });
});

describe("Intervals.icu sync against the Intervals.icu stand-in", () => {
  it("polls personal API key connections for recent activities once per period, honouring a 429's Retry-After", async () => {
    const a = await athlete();
    const who = p.intervals.state.addAthlete({ name: "Lucía" });
    p.intervals.state.addActivities(who.id, 20);
    const tokens = await p.intervalsClient.connectApiKey({ athleteId: who.id, apiKey: who.apiKey });
    await connectProvider(db(), p.deps, { userId: a.id, provider: "intervals", tokens, months: 12 });
    await drainAll();
    expect(await db().trainingSession.count({ where: { userId: a.id, source: "INTERVALS" } })).toBe(20);

    const run = p.intervals.state.addActivity(who.id, { name: "Tempo", start_date: new Date(Date.now() - 3600_000), distance: 10_000 });
    // Not due yet: it synced just now.
    expect(await schedulePolls(db())).toBe(0);
    const later = new Date(Date.now() + 6 * 60_000);
    expect(await schedulePolls(db(), later)).toBe(1);
    expect(await schedulePolls(db(), later)).toBe(0);
    // Intervals.icu answers 429 with Retry-After: the poll waits that long, then reads the new run.
    p.intervals.state.rateLimitNext(1, 120);
    const job = await claimJob(db());
    expect(await runJob(db(), p.deps, job!)).toBe("retry");
    const waiting = await db().syncJob.findUniqueOrThrow({ where: { id: job!.id } });
    expect(secondsUntil(waiting.nextAttemptAt)).toBeGreaterThan(110);
    expect(secondsUntil(waiting.nextAttemptAt)).toBeLessThan(125);
    await drainAll();
    const s = await db().trainingSession.findFirstOrThrow({ where: { userId: a.id, externalId: `intervals:${run.id}` } });
    expect(s).toMatchObject({ source: "INTERVALS", distanceKm: 10, notes: "Tempo" });
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(21);
  });

  it("follows Intervals.icu webhooks for an OAuth connection: upload, update, delete, and the app removed", async () => {
    const a = await athlete();
    const who = p.intervals.state.addAthlete({ name: "Lucía" });
    const tokens = await consentAtIntervals(p, who.id);
    expect(tokens).toMatchObject({ kind: "oauth", externalAthleteId: who.id, scope: "ACTIVITY:READ" });
    const { connectionId } = await connectProvider(db(), p.deps, { userId: a.id, provider: "intervals", tokens, months: 12 });
    await drainAll();
    const hook = `${p.webhook.url}/intervals`;
    const run = p.intervals.state.addActivity(who.id, { name: "Long run", start_date: new Date(Date.now() - 2 * 3600_000), distance: 21_000 });
    expect(await p.intervals.state.sendWebhook(hook, [{ athlete_id: who.id, type: "ACTIVITY_UPLOADED", activityId: run.id }])).toEqual([200]);
    await drainAll();
    const created = await db().trainingSession.findFirstOrThrow({ where: { userId: a.id, externalId: `intervals:${run.id}` } });
    expect(created).toMatchObject({ source: "INTERVALS", distanceKm: 21, notes: "Long run" });

    // A webhook with the wrong secret is refused and queues nothing.
    expect(await p.intervals.state.sendWebhook(hook, [{ athlete_id: who.id, type: "ACTIVITY_DELETED", activityId: run.id }], "wrong")).toEqual([400, 400, 400]);
    expect(await db().syncJob.count({ where: { status: "PENDING" } })).toBe(0);

    await db().trainingSession.update({ where: { id: created.id }, data: { rpe: 7 } });
    p.intervals.state.updateActivity(run.id, { name: "Half marathon", distance: 21_100 });
    await p.intervals.state.sendWebhook(hook, [{ athlete_id: who.id, type: "ACTIVITY_UPDATED", activityId: run.id }]);
    await drainAll();
    expect(await db().trainingSession.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({ distanceKm: 21.1, rpe: 7 });

    p.intervals.state.deleteActivity(run.id);
    await p.intervals.state.sendWebhook(hook, [{ athlete_id: who.id, type: "ACTIVITY_DELETED", activityId: run.id }]);
    await drainAll();
    expect(await db().trainingSession.count({ where: { userId: a.id } })).toBe(0);

    // The athlete narrows the scopes but keeps activities: the app is told, checks, and carries on.
    p.intervals.state.setScope(who.id, "ACTIVITY:READ");
    await p.intervals.state.sendWebhook(hook, [{ athlete_id: who.id, type: "APP_SCOPE_CHANGED" }]);
    await drainAll();
    expect(await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({ status: "ACTIVE", tokens: expect.any(String) });

    // The athlete removes the app at Intervals.icu: its tokens stop working and the app is told.
    p.intervals.state.revokeTokens(who.id);
    await p.intervals.state.sendWebhook(hook, [{ athlete_id: who.id, type: "APP_SCOPE_CHANGED" }]);
    await drainAll();
    expect(await db().syncConnection.findUniqueOrThrow({ where: { id: connectionId } })).toMatchObject({ tokens: null, status: "DISCONNECTED" });
    expect(p.webhook.outcomes).toEqual(["queued", "queued", "queued", "queued", "queued"]);
  });
});
