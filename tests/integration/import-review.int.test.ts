import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { commitImport, previewImport } from "@/lib/imports/store";
import { stravaCsv, stravaDate } from "@/lib/imports/testing";
import { rebuildDailyLoads } from "@/lib/sessions/daily-load";
import { confirmSessionFigures, updateSession } from "@/lib/sessions/mutations";
import { getTrainingView } from "@/lib/athletes/training";
import { twoSquads } from "./factories";

const DAY = 864e5;
const T0 = Date.UTC(2026, 10, 2, 7, 0, 0);
const csvFile = (rows: Record<string, string>[]) => ({ name: "activities.csv", bytes: new TextEncoder().encode(stravaCsv(rows)) });

// A Strava export as users have them: a ride whose recording ran on for 84 days with 2 minutes moving, a
// hike whose moving time passes a day, a run faster than any human, walks, and ordinary runs.
const exportRows: Record<string, string>[] = [
  { "Activity ID": "101", "Activity Date": stravaDate(T0), "Activity Type": "Ride", "Elapsed Time": "7253640", "Moving Time": "118", "Distance@2": "500" },
  { "Activity ID": "102", "Activity Date": stravaDate(T0 + DAY), "Activity Type": "Hike", "Elapsed Time": "97200", "Moving Time": "93600", "Distance@2": "60000" },
  { "Activity ID": "103", "Activity Date": stravaDate(T0 + 2 * DAY), "Activity Type": "Run", "Elapsed Time": "600", "Moving Time": "600", "Distance@2": "10000" },
  { "Activity ID": "104", "Activity Date": stravaDate(T0 + 3 * DAY), "Activity Type": "Walk", "Elapsed Time": "3600", "Moving Time": "3300", "Distance@2": "5000" },
  { "Activity ID": "105", "Activity Date": stravaDate(T0 + 4 * DAY), "Activity Type": "Run", "Elapsed Time": "3000", "Moving Time": "2700", "Distance@2": "9000" },
  { "Activity ID": "106", "Activity Date": stravaDate(T0 + 5 * DAY), "Activity Type": "Ride", "Elapsed Time": "5400", "Moving Time": "4800", "Distance@2": "40000" },
  { "Activity ID": "107", "Activity Date": stravaDate(T0 + 6 * DAY), "Activity Type": "Walk", "Elapsed Time": "1800", "Moving Time": "1700", "Distance@2": "2500" },
];

describe("imported history: moving time and activities that need a look", () => {
  it("a Strava export with an over-a-day activity gives no day over 1,440 minutes; load uses moving time", async () => {
    const { athleteA } = await twoSquads();
    const preview = await previewImport(db(), athleteA.id, [csvFile(exportRows)], "Europe/Madrid");
    expect(preview.counts).toMatchObject({ create: 7, skip: 0, duplicate: 0, rejected: 0, needsReview: 2 });
    await commitImport(db(), athleteA.id, preview.batchId!);

    const days = await db().dailyLoad.findMany({ where: { userId: athleteA.id }, orderBy: { localDate: "asc" } });
    expect(Math.max(...days.map((d) => d.durationMin))).toBeLessThanOrEqual(1440);
    const byDay = new Map(days.map((d) => [d.localDate.toISOString().slice(0, 10), d]));
    // The ride counts its 118 s of moving, at RPE 5 as it has no rating.
    expect(byDay.get("2026-11-02")).toMatchObject({ durationMin: 1.97, srpeAu: 9.85 });
    // The day-long hike and the record-breaking run are stored, but left out of the totals.
    expect(byDay.has("2026-11-03")).toBe(false);
    expect(byDay.has("2026-11-04")).toBe(false);
    expect(byDay.get("2026-11-06")).toMatchObject({ durationMin: 45, runKm: 9 });
    const marked = await db().trainingSession.findMany({
      where: { userId: athleteA.id, reviewReason: { not: null } },
      select: { externalId: true, reviewReason: true, sourceSport: true, timeZone: true },
      orderBy: { localDate: "asc" },
    });
    expect(marked).toEqual([
      { externalId: "strava:102", reviewReason: "moving-over-day", sourceSport: "Hike", timeZone: "Europe/Madrid" },
      { externalId: "strava:103", reviewReason: "faster-than-record", sourceSport: "Run", timeZone: "Europe/Madrid" },
    ]);

    // The engine reads the same: the charts' daily minutes follow the stored totals.
    const view = await getTrainingView(athleteA, athleteA.id, { from: "2026-11-01", to: "2026-11-09" }, new Date(T0 + 8 * DAY));
    const loads = new Map(view.load.map((d) => [d.date, d.load]));
    // The chart rounds to a tenth.
    expect(loads.get("2026-11-02")).toBe(9.9);
    expect(loads.get("2026-11-03")).toBe(0);
    expect(Math.max(...view.load.map((d) => d.load))).toBeLessThanOrEqual(1440 * 10);

    // Editing the run's figures or confirming the hike makes each count, and the totals follow exactly.
    const run = await db().trainingSession.findFirstOrThrow({ where: { userId: athleteA.id, externalId: "strava:103" } });
    await updateSession(athleteA, run.id, { type: "RUN", date: "2026-11-04", duration: "50", distance: "10", rpe: "6" }, new Date(T0 + 8 * DAY));
    const hike = await db().trainingSession.findFirstOrThrow({ where: { userId: athleteA.id, externalId: "strava:102" } });
    await confirmSessionFigures(athleteA, hike.id);
    const after = await db().trainingSession.findMany({ where: { userId: athleteA.id, reviewReason: { not: null } } });
    expect(after).toEqual([]);
    const edited = await db().trainingSession.findUniqueOrThrow({ where: { id: run.id } });
    expect(edited).toMatchObject({ movingMin: 50, durationMin: 50, reviewReason: null });
    const day4 = await db().dailyLoad.findUniqueOrThrow({ where: { userId_localDate: { userId: athleteA.id, localDate: new Date("2026-11-04") } } });
    expect(day4).toMatchObject({ durationMin: 50, srpeAu: 300, runKm: 10 });
    const snapshot = await db().dailyLoad.findMany({ where: { userId: athleteA.id }, orderBy: { localDate: "asc" } });
    await rebuildDailyLoads(db(), athleteA.id);
    expect(await db().dailyLoad.findMany({ where: { userId: athleteA.id }, orderBy: { localDate: "asc" } })).toEqual(snapshot);
    const audit = await db().auditLog.findMany({ where: { subjectUserId: athleteA.id, action: "session.confirm" } });
    expect(audit).toHaveLength(1);
  });

  it("an edit that keeps the moving time to the minute keeps both times exactly", async () => {
    const { athleteA } = await twoSquads();
    const preview = await previewImport(db(), athleteA.id, [csvFile(exportRows.slice(4, 5))], "UTC");
    await commitImport(db(), athleteA.id, preview.batchId!);
    const s = await db().trainingSession.findFirstOrThrow({ where: { userId: athleteA.id } });
    expect(s).toMatchObject({ durationMin: 50, movingMin: 45 });
    await updateSession(athleteA, s.id, { type: "RUN", date: "2026-11-06", duration: "45", distance: "9", rpe: "3" }, new Date(T0 + 8 * DAY));
    expect(await db().trainingSession.findUniqueOrThrow({ where: { id: s.id } })).toMatchObject({ durationMin: 50, movingMin: 45, rpe: 3 });
  });

  it("someone else cannot confirm a session", async () => {
    const { athleteA, athleteB } = await twoSquads();
    const preview = await previewImport(db(), athleteA.id, [csvFile(exportRows.slice(1, 2))], "UTC");
    await commitImport(db(), athleteA.id, preview.batchId!);
    const hike = await db().trainingSession.findFirstOrThrow({ where: { userId: athleteA.id } });
    await expect(confirmSessionFigures(athleteB, hike.id)).rejects.toThrow("Session not found");
    expect((await db().trainingSession.findUniqueOrThrow({ where: { id: hike.id } })).reviewReason).toBe("moving-over-day");
  });
});

describe("sport mapping in the preview", () => {
  it("totals per source sport; rides as cycling, walks skipped; the choices are remembered for the next import", async () => {
    const { athleteA, athleteB } = await twoSquads();
    const preview = await previewImport(db(), athleteA.id, [csvFile(exportRows)], "UTC");
    const sports = Object.fromEntries(preview.sports.map((s) => [s.key, s]));
    expect(sports.ride).toMatchObject({ label: "Ride", count: 2, km: 40.5, minutes: 82, choice: "CROSS_TRAINING:CYCLING" });
    expect(sports.walk).toMatchObject({ label: "Walk", count: 2, km: 7.5, minutes: 83, choice: "CROSS_TRAINING:OTHER" });
    expect(sports.run).toMatchObject({ count: 2, km: 19, choice: "RUN" });

    const result = await commitImport(db(), athleteA.id, preview.batchId!, new Date(), { walk: "SKIP", ride: "CROSS_TRAINING:CYCLING", hike: "MOBILITY" });
    expect(result).toMatchObject({ created: 5, skippedBySport: 2 });
    const stored = await db().trainingSession.findMany({ where: { userId: athleteA.id }, select: { sourceSport: true, type: true, subType: true } });
    expect(stored.filter((s) => s.sourceSport === "Walk")).toEqual([]);
    expect(stored.filter((s) => s.sourceSport === "Hike")).toEqual([{ sourceSport: "Hike", type: "MOBILITY", subType: null }]);
    expect(stored.filter((s) => s.sourceSport === "Ride").every((s) => s.type === "CROSS_TRAINING" && s.subType === "CYCLING")).toBe(true);

    const remembered = await db().importSportChoice.findMany({ where: { userId: athleteA.id }, orderBy: { sport: "asc" } });
    expect(remembered.map((r) => [r.sport, r.type, r.subType, r.skip])).toEqual([
      ["hike", "MOBILITY", null, false],
      ["ride", "CROSS_TRAINING", "CYCLING", false],
      ["walk", null, null, true],
    ]);

    // The next export: its walk is skipped and its hike is mobility, unless the athlete says otherwise.
    const next = [
      { "Activity ID": "201", "Activity Date": stravaDate(T0 + 20 * DAY), "Activity Type": "Walk", "Elapsed Time": "1800", "Distance@2": "2000" },
      { "Activity ID": "202", "Activity Date": stravaDate(T0 + 21 * DAY), "Activity Type": "Hike", "Elapsed Time": "7200", "Distance@2": "9000" },
    ];
    const again = await previewImport(db(), athleteA.id, [csvFile(next)], "UTC");
    expect(again.counts).toMatchObject({ create: 1, skip: 1 });
    expect(Object.fromEntries(again.sports.map((s) => [s.key, s.choice]))).toEqual({ walk: "SKIP", hike: "MOBILITY" });
    expect(again.items.find((i) => i.status === "create")!.status === "create" && again.items.find((i) => i.status === "create")).toMatchObject({
      session: { type: "MOBILITY" },
    });
    // No body: the preview's mapping stands.
    expect(await commitImport(db(), athleteA.id, again.batchId!)).toMatchObject({ created: 1, skippedBySport: 1 });
    // Another athlete's choices are their own.
    const other = await previewImport(db(), athleteB.id, [csvFile(next)], "UTC");
    expect(other.counts).toMatchObject({ create: 2, skip: 0 });
  });

  it("a skipped sport can be brought back at commit", async () => {
    const { athleteA } = await twoSquads();
    await db().importSportChoice.create({ data: { userId: athleteA.id, sport: "walk", skip: true } });
    const preview = await previewImport(db(), athleteA.id, [csvFile(exportRows.slice(3, 4))], "UTC");
    expect(preview.counts).toMatchObject({ create: 0, skip: 1 });
    expect(preview.batchId).not.toBeNull();
    expect(await commitImport(db(), athleteA.id, preview.batchId!, new Date(), { walk: "CROSS_TRAINING:OTHER" })).toMatchObject({ created: 1 });
    expect((await db().importSportChoice.findFirstOrThrow({ where: { userId: athleteA.id } })).skip).toBe(false);
  });
});
