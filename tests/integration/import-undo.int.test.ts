import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { commitImport, ImportNotUndoableError, listImportHistory, previewImport, undoImport } from "@/lib/imports/store";
import { rebuildDailyLoads } from "@/lib/sessions/daily-load";
import { createSession } from "@/lib/sessions/mutations";
import { twoSquads } from "./factories";

const fixture = (name: string) => ({
  name: path.basename(name),
  bytes: new Uint8Array(readFileSync(path.resolve(__dirname, "../../lib/imports/fixtures", name))),
});

const dailyLoads = async (userId: string) =>
  (await db().dailyLoad.findMany({ where: { userId }, orderBy: { localDate: "asc" } })).map((r) => ({
    ...r,
    localDate: r.localDate.toISOString().slice(0, 10),
  }));

describe("undoing an import", () => {
  it("removes exactly its sessions and leaves the daily totals as a full rebuild would", async () => {
    const { athleteA } = await twoSquads();
    const files = [fixture("gpx/garmin_connect_run_hr.gpx"), fixture("tcx/garmin_fr410_run_3laps_hr.tcx")];
    const preview = await previewImport(db(), athleteA.id, files, "Europe/Madrid");
    const imported = preview.items.filter((i) => i.status === "create").map((i) => (i.status === "create" ? i.session.date : ""));
    // A session logged by hand on a day the import also fills: it must stay, and its day's totals with it.
    await createSession(athleteA, { type: "RUN", date: imported[0], duration: "35", distance: "6", rpe: "4" }, new Date(`${imported[0]}T20:00:00Z`));
    const before = await dailyLoads(athleteA.id);
    await commitImport(db(), athleteA.id, preview.batchId!);
    expect(await db().trainingSession.count({ where: { userId: athleteA.id } })).toBe(3);

    const { removed } = await undoImport(db(), athleteA.id, preview.batchId!);
    expect(removed).toBe(2);
    const left = await db().trainingSession.findMany({ where: { userId: athleteA.id }, select: { source: true } });
    expect(left).toEqual([{ source: "MANUAL" }]);
    const after = await dailyLoads(athleteA.id);
    expect(after).toEqual(before);
    await rebuildDailyLoads(db(), athleteA.id);
    expect(await dailyLoads(athleteA.id)).toEqual(after);

    const [row] = await listImportHistory(db(), athleteA.id);
    expect(row).toMatchObject({ status: "UNDONE", createdCount: 2, removedCount: 2, sessionCount: 0, syncedFrom: null });
    expect(await db().auditLog.count({ where: { action: "import.undo", entityId: preview.batchId!, actorId: athleteA.id } })).toBe(1);
    // Once is all.
    await expect(undoImport(db(), athleteA.id, preview.batchId!)).rejects.toBeInstanceOf(ImportNotUndoableError);
  });

  it("lets nobody else undo a batch, nor undo one that was only previewed", async () => {
    const { athleteA, athleteB, coachA } = await twoSquads();
    const preview = await previewImport(db(), athleteA.id, [fixture("gpx/garmin_connect_run_hr.gpx")], "UTC");
    await expect(undoImport(db(), athleteA.id, preview.batchId!)).rejects.toBeInstanceOf(ImportNotUndoableError);
    await commitImport(db(), athleteA.id, preview.batchId!);
    for (const other of [athleteB, coachA]) {
      await expect(undoImport(db(), other.id, preview.batchId!)).rejects.toBeInstanceOf(ImportNotUndoableError);
    }
    expect(await db().trainingSession.count({ where: { userId: athleteA.id } })).toBe(1);
    expect(await listImportHistory(db(), athleteB.id)).toEqual([]);
  });
});
