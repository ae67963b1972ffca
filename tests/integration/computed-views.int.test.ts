import { afterAll, describe, expect, it } from "vitest";
import { createPrismaClient, db, type Db } from "@/lib/db";
import { addDays, todayIn } from "@/lib/dates";
import { resolveThresholds } from "@/lib/training-load";
import { computeStatuses, getSquadTriage } from "@/lib/squads/overview";
import { statusViewKey, type ComputedStatus } from "@/lib/squads/status-cache";
import { readViews, writeViews, decodeValue, encodeValue } from "@/lib/computed-views/store";
import { drainStatusRefresh, refreshAthletes, sweepStatuses } from "@/lib/computed-views/refresh";
import { createSession } from "@/lib/sessions/mutations";
import { getTrainingView, type TrainingView } from "@/lib/athletes/training";
import { addAthlete, twoSquads, viewerOf } from "./factories";
import { testDatabaseUrl } from "./test-database";

const NOW = new Date("2026-06-15T12:00:00Z");
const TODAY = "2026-06-15";

// A second app instance: its own connection pool to the same database.
let other: Db | null = null;
const otherInstance = () => (other ??= createPrismaClient(testDatabaseUrl(), 2));
afterAll(async () => {
  await other?.$disconnect();
});

/** The status as a fresh computation from the data gives it, and where it is kept. */
async function fresh(prisma: Db, squadId: string, userId: string, asOf = TODAY) {
  const row = await prisma.$queryRaw<{ dataVersion: number; squadThresholds: object | null; thresholds: object | null }[]>`
    SELECT u."dataVersion", s."thresholds" AS "squadThresholds", m."thresholds"
    FROM "Membership" m JOIN "User" u ON u."id" = m."userId" JOIN "Squad" s ON s."id" = m."squadId"
    WHERE m."squadId" = ${squadId} AND m."userId" = ${userId}`;
  const thresholds = resolveThresholds(row[0].squadThresholds ?? undefined, row[0].thresholds ?? undefined);
  const [status] = await computeStatuses([{ user: { id: userId }, asOf, thresholds }], NOW, prisma);
  return { status, view: statusViewKey(squadId, userId, asOf, row[0].dataVersion, thresholds) };
}

async function kept(prisma: Db, squadId: string, userId: string, asOf = TODAY) {
  const { status, view } = await fresh(prisma, squadId, userId, asOf);
  const stored = (await readViews<ComputedStatus>(prisma, [view])).get(`${view.userId}|${view.key}`);
  return { status, stored };
}

/** The overview's flags as the engine gave them, without the coaches' reviews. */
const withoutReviews = (flags: { review: unknown }[]) =>
  flags.map((flag) => {
    const { review, ...rest } = flag;
    void review;
    return rest;
  });

const queued = async () => (await db().statusRefresh.findMany({ select: { userId: true } })).map((r) => r.userId).sort();

describe("computed statuses kept in Postgres", () => {
  it("keeps non-finite numbers through the database's JSON", () => {
    const value = { a: Infinity, b: -Infinity, c: NaN, d: [1, null, "x"], e: { $num: 1, other: 2 } };
    expect(decodeValue(encodeValue(value))).toEqual(value);
  });

  it("queues a refresh on every change to the data, and the kept status equals a fresh computation after each", async () => {
    const { squadA, athleteA } = await twoSquads();
    const second = await viewerOf((await addAthlete(squadA.id)).id);
    await db().statusRefresh.deleteMany();

    const steps: [string, () => Promise<unknown>][] = [
      ["a run", () => createSession(athleteA, { type: "RUN", date: addDays(TODAY, -20), duration: "48", distance: "8", rpe: "5" }, NOW)],
      ["another run", () => createSession(athleteA, { type: "RUN", date: addDays(TODAY, -12), duration: "48", distance: "8", rpe: "5" }, NOW)],
      ["a spike", () => createSession(athleteA, { type: "RUN", date: addDays(TODAY, -1), duration: "96", distance: "16", rpe: "7" }, NOW)],
      [
        "a pain report",
        () => db().backPainReport.create({ data: { userId: athleteA.id, localDate: new Date(`${addDays(TODAY, -1)}T00:00:00Z`), zone: "LUMBAR", nrs: 4 } }),
      ],
      [
        "a check-in",
        () =>
          db().wellnessEntry.create({
            data: { userId: athleteA.id, localDate: new Date(`${TODAY}T00:00:00Z`), sleep: 3, fatigue: 4, soreness: 3, stress: 2, mood: 3, backStiffness: 5 },
          }),
      ],
      ["a shoe", () => db().shoe.create({ data: { userId: athleteA.id, name: "Trainer", initialKm: 790 } })],
      ["a deleted session", async () => db().trainingSession.deleteMany({ where: { userId: athleteA.id, localDate: new Date(`${addDays(TODAY, -12)}T00:00:00Z`) } })],
      ["the squad's thresholds", () => db().squad.update({ where: { id: squadA.id }, data: { thresholds: { acwrHigh: 1.2 } } })],
      ["the athlete's own thresholds", () => db().membership.updateMany({ where: { squadId: squadA.id, userId: athleteA.id }, data: { thresholds: { acwrHigh: 1.4 } } })],
    ];
    for (const [what, write] of steps) {
      await write();
      expect(await queued(), `after ${what}`).toContain(athleteA.id);
      await drainStatusRefresh({ now: () => NOW });
      expect(await queued(), `after ${what}`).toEqual([]);
      const { status, stored } = await kept(db(), squadA.id, athleteA.id);
      expect(stored, `after ${what}`).toEqual(status);
      // Tomorrow's too, for the new day.
      const tomorrow = await kept(db(), squadA.id, athleteA.id, addDays(TODAY, 1));
      expect(tomorrow.stored, `tomorrow, after ${what}`).toEqual(tomorrow.status);
    }
    // The last status reflects the writes: the spike, the report and the check-in.
    const { stored } = await kept(db(), squadA.id, athleteA.id);
    expect(stored?.today.map((f) => f.id)).toContain("session-spike");
    expect(stored?.lastReport).toMatchObject({ nrs: 4, zone: "LUMBAR" });
    expect(stored?.wellness).toMatchObject({ date: TODAY, hooper: 15, backStiffness: 5 });

    // The overview shows what is kept, equal to a fresh computation, for every athlete.
    const coach = await viewerOf((await db().membership.findFirstOrThrow({ where: { squadId: squadA.id, role: "COACH" } })).userId);
    const triage = await getSquadTriage(coach, squadA.id, NOW);
    for (const athleteId of [athleteA.id, second.id]) {
      const row = triage.find((t) => t.id === athleteId)!;
      const { status } = await fresh(db(), squadA.id, athleteId);
      expect(withoutReviews(row.flags)).toEqual(status.today);
      expect(row).toMatchObject({ weeks: status.weeks, weekLoadAu: status.weekLoadAu, chronicWeekLoadAu: status.chronicWeekLoadAu, lastReport: status.lastReport, wellness: status.wellness });
    }
  });

  it("a write through one instance is seen by the other's next overview at once, with the same answer", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    await createSession(athleteA, { type: "RUN", date: addDays(TODAY, -3), duration: "60", distance: "10", rpe: "5" }, NOW);
    // Both instances warm.
    const before = await getSquadTriage(coachA, squadA.id, NOW);
    expect(before[0].weekLoadAu).toBe(300);

    // Instance A writes (the app's client); instance B answers at once from its own pool, before any refresh ran.
    await createSession(athleteA, { type: "RUN", date: addDays(TODAY, -1), duration: "30", distance: "5", rpe: "6" }, NOW);
    const b = await fresh(otherInstance(), squadA.id, athleteA.id);
    expect(b.status.weekLoadAu).toBe(300 + 180);
    // A's overview: not the status it showed before (its data version moved), but the fresh one.
    const after = await getSquadTriage(coachA, squadA.id, NOW);
    expect(after[0].weekLoadAu).toBe(480);
    // What A computed is kept, and B reads exactly that value through its own client.
    const seenByB = (await readViews<ComputedStatus>(otherInstance(), [b.view])).get(`${b.view.userId}|${b.view.key}`);
    expect(seenByB).toEqual(b.status);

    // A write on B, refreshed by B's queue drain: A's next overview reads it.
    await otherInstance().trainingSession.create({
      data: { userId: athleteA.id, localDate: new Date(`${TODAY}T00:00:00Z`), type: "CORE", durationMin: 20, rpe: 4 },
    });
    await drainStatusRefresh({ prisma: otherInstance(), now: () => NOW });
    const onA = await getSquadTriage(coachA, squadA.id, NOW);
    expect(onA[0].weekLoadAu).toBe(480 + 80);
    const { status } = await fresh(db(), squadA.id, athleteA.id);
    expect(onA[0].weekLoadAu).toBe(status.weekLoadAu);
  });

  it("drains each athlete once with several instances draining at once", async () => {
    const { squadA } = await twoSquads();
    const athletes = await Promise.all(Array.from({ length: 6 }, () => addAthlete(squadA.id)));
    expect(await queued()).toEqual(expect.arrayContaining(athletes.map((a) => a.id)));
    const [x, y] = await Promise.all([drainStatusRefresh({ now: () => NOW }), drainStatusRefresh({ prisma: otherInstance(), now: () => NOW })]);
    expect(await queued()).toEqual([]);
    expect(x.athletes + y.athletes).toBe((await db().membership.count({ where: { role: "ATHLETE" } })));
  });

  it("starts a new day warm: tomorrow's status computed today is the one a fresh computation gives tomorrow", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    await db().user.update({ where: { id: athleteA.id }, data: { timeZone: "Europe/Madrid" } });
    for (const [offset, km] of [[-20, 8], [-12, 8], [0, 16]] as const) {
      await createSession(athleteA, { type: "RUN", date: addDays(TODAY, offset), duration: String(km * 6), distance: String(km), rpe: "5" }, NOW);
    }
    await drainStatusRefresh({ now: () => NOW });
    const tomorrowNow = new Date(NOW.getTime() + 24 * 3600_000);
    const tomorrow = todayIn("Europe/Madrid", tomorrowNow);
    const rowsBefore = await db().computedView.findMany({ where: { userId: athleteA.id }, select: { key: true, computedAt: true } });
    expect(rowsBefore.some((r) => r.key.includes(`|${tomorrow}|`))).toBe(true);

    const triage = await getSquadTriage(coachA, squadA.id, tomorrowNow);
    const { status } = await fresh(db(), squadA.id, athleteA.id, tomorrow);
    const row = triage.find((t) => t.id === athleteA.id)!;
    expect(row.weeks).toEqual(status.weeks);
    expect(withoutReviews(row.flags)).toEqual(status.today);
    // Read, not computed again: the rows are the ones the refresh wrote.
    const rowsAfter = await db().computedView.findMany({ where: { userId: athleteA.id }, select: { key: true, computedAt: true } });
    expect(rowsAfter).toEqual(expect.arrayContaining(rowsBefore));
    expect(rowsAfter).toHaveLength(rowsBefore.length);
  });

  it("sweeps athletes missing tomorrow's status into the queue and prunes old days", async () => {
    const { squadA, athleteA, athleteB } = await twoSquads();
    await drainStatusRefresh({ now: () => new Date() });
    expect(await sweepStatuses()).toBe(0);
    // An old value of a past day and a status for a squad the athlete left go.
    const thresholds = resolveThresholds(undefined, undefined);
    const old = statusViewKey(squadA.id, athleteA.id, "2020-01-01", 0, thresholds);
    const { status } = await fresh(db(), squadA.id, athleteA.id);
    await writeViews(db(), [{ ...old, value: status }]);
    await db().membership.deleteMany({ where: { userId: athleteA.id, squadId: squadA.id } });
    await db().computedView.deleteMany({ where: { NOT: { userId: athleteA.id } } });
    const ours = await db().computedView.count();
    expect(ours).toBeGreaterThan(0);
    await sweepStatuses();
    expect(await db().computedView.count()).toBe(0);

    // A kept status that no longer matches the data version is queued again by the sweep.
    const other = await addAthlete(squadA.id);
    await refreshAthletes(db(), [other.id, athleteB.id]);
    await db().statusRefresh.deleteMany();
    await db().user.update({ where: { id: other.id }, data: { dataVersion: { increment: 1 } } });
    await db().statusRefresh.deleteMany();
    expect(await sweepStatuses()).toBe(1);
    expect(await queued()).toEqual([other.id]);
  });

  it("keeps an athlete's training view for the other instances, equal to the computed one, and never past a write", async () => {
    const { coachA, athleteA } = await twoSquads();
    for (const [offset, km] of [[-30, 8], [-12, 8], [-1, 16]] as const) {
      await createSession(athleteA, { type: "RUN", date: addDays(TODAY, offset), duration: String(km * 6), distance: String(km), rpe: "5", surface: "TRAIL" }, NOW);
    }
    await db().backPainReport.create({ data: { userId: athleteA.id, localDate: new Date(`${addDays(TODAY, -2)}T00:00:00Z`), zone: "LUMBAR", nrs: 3 } });
    const view = await getTrainingView(coachA, athleteA.id, 28, NOW);
    const rows = await otherInstance().computedView.findMany({ where: { userId: athleteA.id, key: { startsWith: "training|" } } });
    expect(rows).toHaveLength(1);
    const { dataVersion } = await db().user.findUniqueOrThrow({ where: { id: athleteA.id }, select: { dataVersion: true } });
    const kept = (await readViews<TrainingView>(otherInstance(), [{ userId: athleteA.id, key: rows[0].key, squadId: null, asOf: TODAY, dataVersion }])).get(`${athleteA.id}|${rows[0].key}`);
    expect(kept).toEqual(view);

    await createSession(athleteA, { type: "RUN", date: TODAY, duration: "30", distance: "5", rpe: "4" }, NOW);
    const after = await getTrainingView(coachA, athleteA.id, 28, NOW);
    expect(after.load.at(-1)?.date).toBe(TODAY);
    expect(after.engine.sessions).toHaveLength(view.engine.sessions.length + 1);
  });
});
