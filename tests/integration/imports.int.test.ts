import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { commitImport, ImportBatchGoneError, previewImport } from "@/lib/imports/store";
import { twoSquads } from "./factories";

const fixture = (name: string) => ({
  name: path.basename(name),
  bytes: new Uint8Array(readFileSync(path.resolve(__dirname, "../../lib/imports/fixtures", name))),
});
const files = () => [
  fixture("gpx/garmin_connect_run_hr.gpx"),
  fixture("fit/broken_truncated_unexpected_eof.fit"),
  fixture("tcx/garmin_fr410_run_3laps_hr.tcx"),
];

describe("imports", () => {
  it("previews without writing sessions, then commits the good files once", async () => {
    const { athleteA } = await twoSquads();
    const preview = await previewImport(db(), athleteA.id, files(), "Europe/Madrid");
    expect(preview.counts).toEqual({ create: 2, skip: 0, duplicate: 0, rejected: 1, needsReview: 0 });
    expect(preview.items.find((i) => i.status === "rejected")).toMatchObject({
      item: "broken_truncated_unexpected_eof.fit",
      reason: expect.stringMatching(/incomplete/),
    });
    expect(await db().trainingSession.count()).toBe(0);

    const result = await commitImport(db(), athleteA.id, preview.batchId!);
    expect(result).toEqual({ created: 2, skipped: 0, skippedBySport: 0, needsReview: 0 });
    const stored = await db().trainingSession.findMany({ where: { userId: athleteA.id }, orderBy: { localDate: "asc" } });
    expect(stored.map((s) => [s.source, s.type])).toEqual([
      ["GPX", "RUN"],
      ["TCX", "RUN"],
    ]);
    expect(stored[0].distanceKm).toBeCloseTo(3.1, 1);
    expect(await db().dailyLoad.count({ where: { userId: athleteA.id } })).toBe(2);

    await expect(commitImport(db(), athleteA.id, preview.batchId!)).rejects.toBeInstanceOf(ImportBatchGoneError);
    const again = await previewImport(db(), athleteA.id, files(), "Europe/Madrid");
    expect(again.counts).toEqual({ create: 0, skip: 0, duplicate: 2, rejected: 1, needsReview: 0 });
    expect(again.batchId).toBeNull();
    expect(await db().trainingSession.count({ where: { userId: athleteA.id } })).toBe(2);
  });

  it("never commits someone else's preview", async () => {
    const { athleteA, athleteB } = await twoSquads();
    const preview = await previewImport(db(), athleteA.id, files(), "Europe/Madrid");
    await expect(commitImport(db(), athleteB.id, preview.batchId!)).rejects.toBeInstanceOf(ImportBatchGoneError);
    expect(await db().trainingSession.count()).toBe(0);
    expect((await db().importBatch.findUniqueOrThrow({ where: { id: preview.batchId! } })).status).toBe("PREVIEWED");
  });

  it("writes all or nothing: a failing row rolls the whole batch back", async () => {
    const { athleteA } = await twoSquads();
    const preview = await previewImport(db(), athleteA.id, files(), "Europe/Madrid");
    const batch = await db().importBatch.findUniqueOrThrow({ where: { id: preview.batchId! } });
    const sessions = (batch.summary as { sessions: Record<string, unknown>[] }).sessions;
    sessions[1] = { ...sessions[1], type: "NOT_A_TYPE" };
    await db().importBatch.update({ where: { id: batch.id }, data: { summary: { sessions } as never } });
    await expect(commitImport(db(), athleteA.id, batch.id)).rejects.toThrow();
    expect(await db().trainingSession.count()).toBe(0);
    expect(await db().dailyLoad.count()).toBe(0);
    expect((await db().importBatch.findUniqueOrThrow({ where: { id: batch.id } })).status).toBe("PREVIEWED");
  });

  it("recognises an activity already logged by hand at the same start time", async () => {
    const { athleteA } = await twoSquads();
    const preview = await previewImport(db(), athleteA.id, [fixture("gpx/garmin_connect_run_hr.gpx")], "Europe/Madrid");
    const item = preview.items[0];
    if (item.status !== "create") throw new Error("expected a new session");
    await db().trainingSession.create({
      data: {
        userId: athleteA.id,
        localDate: new Date(`${item.session.date}T00:00:00Z`),
        startTime: new Date(Date.parse(item.session.startTime!) + 60_000),
        type: "RUN",
        durationMin: item.session.durationMin,
        distanceKm: 3,
      },
    });
    const again = await previewImport(db(), athleteA.id, [fixture("gpx/garmin_connect_run_hr.gpx")], "Europe/Madrid");
    expect(again.counts.duplicate).toBe(1);
    expect(again.items[0]).toMatchObject({ status: "duplicate", reason: expect.stringMatching(/same time/) });
  });
});
