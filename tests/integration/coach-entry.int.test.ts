import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { toDbDate } from "@/lib/dates";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createSessionForAthlete, deleteSession, updateSession } from "@/lib/sessions/mutations";
import { createPainReportForAthlete } from "@/lib/pain/mutations";
import { getCoachEntryPage } from "@/lib/coach-entry/queries";
import { importTarget } from "@/lib/imports/target";
import { commitImport, ImportBatchGoneError, previewImport, undoImport } from "@/lib/imports/store";
import { applyBulkChange } from "@/lib/sessions/bulk";
import { rebuildDailyLoads } from "@/lib/sessions/daily-load";
import { listSessionHistory } from "@/lib/sessions/history";
import { parseHistoryQuery } from "@/lib/sessions/history-params";
import { listOwnPainReports } from "@/lib/pain/queries";
import { listCommentTargets } from "@/lib/comments/queries";
import { createUser, twoSquads, viewerOf } from "./factories";

// Monday 15 June 2026, midday UTC.
const NOW = new Date("2026-06-15T12:00:00Z");

const run = (over: Record<string, unknown> = {}) => ({ type: "RUN", date: "2026-06-14", duration: "45", distance: "9", rpe: "6", ...over });
const painReport = (over: Record<string, unknown> = {}) => ({
  zone: "LUMBAR",
  subArea: "lumbosacral",
  side: "CENTRAL",
  nrs: "5",
  timing: "AFTER_RUN",
  triggerPoint: "no",
  mechanical: "yes",
  date: "2026-06-14",
  redFlags: [],
  ...over,
});

async function clinicianOf(squadId: string) {
  const user = await createUser("Physio");
  await db().membership.create({ data: { userId: user.id, squadId, role: "CLINICIAN" } });
  return viewerOf(user.id);
}

async function rejects<T extends Error>(p: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  const error = await p.catch((e) => e);
  expect(error).toBeInstanceOf(type);
  return error as T;
}

describe("a coach logs for an athlete", () => {
  it("stores the session as the athlete's, entered by the coach, with daily totals and an audit entry naming both", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const { id } = await createSessionForAthlete(coachA, squadA.id, athleteA.id, run(), NOW);
    const stored = await db().trainingSession.findUniqueOrThrow({ where: { id } });
    expect(stored).toMatchObject({ userId: athleteA.id, enteredById: coachA.id, source: "MANUAL", durationMin: 45, distanceKm: 9, rpe: 6 });
    const day = await db().dailyLoad.findUniqueOrThrow({ where: { userId_localDate: { userId: athleteA.id, localDate: toDbDate("2026-06-14") } } });
    expect(day).toMatchObject({ srpeAu: 270, runKm: 9 });
    const audit = await db().auditLog.findFirstOrThrow({ where: { entityId: id } });
    expect(audit).toMatchObject({ actorId: coachA.id, subjectUserId: athleteA.id, squadId: squadA.id, action: "session.create" });

    // The athlete sees who entered it, in the history and on the session.
    const history = await listSessionHistory(athleteA, parseHistoryQuery({}));
    expect(history.rows.map((r) => r.enteredBy)).toEqual([coachA.name]);
  });

  it("uses the athlete's calendar: a day still in the future for the athlete is refused", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    await db().user.update({ where: { id: athleteA.id }, data: { timeZone: "America/Los_Angeles" } });
    // 02:00 UTC on the 15th is still the 14th in Los Angeles.
    const early = new Date("2026-06-15T02:00:00Z");
    const error = await rejects(createSessionForAthlete(coachA, squadA.id, athleteA.id, run({ date: "2026-06-15" }), early), ValidationError);
    expect(error.fieldErrors.date).toEqual(["This date is in the future: plan it instead of logging it"]);
    expect(await db().trainingSession.count({ where: { userId: athleteA.id } })).toBe(0);
    // A shoe must be the athlete's.
    const shoe = await db().shoe.create({ data: { userId: coachA.id, name: "Coach's shoe" } });
    const shoeError = await rejects(createSessionForAthlete(coachA, squadA.id, athleteA.id, run({ shoeId: shoe.id }), NOW), ValidationError);
    expect(shoeError.fieldErrors.shoeId).toEqual(["Choose one of the athlete's shoes"]);
  });

  it("a red flag entered by a coach holds the plan and alerts the staff like the athlete's own report", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const physio = await clinicianOf(squadA.id);
    await db().plannedSession.create({ data: { squadId: squadA.id, athleteId: athleteA.id, date: toDbDate("2026-06-16"), type: "RUN", durationMin: 50 } });
    const { id, triage } = await createPainReportForAthlete(coachA, squadA.id, athleteA.id, painReport({ redFlags: ["saddle-numbness"] }), NOW);
    expect(triage.level).toBe("emergency");
    expect(await db().backPainReport.findUniqueOrThrow({ where: { id } })).toMatchObject({ userId: athleteA.id, enteredById: coachA.id });
    expect(await db().planHold.count({ where: { athleteId: athleteA.id } })).toBe(1);
    expect((await db().plannedSession.findFirstOrThrow({ where: { athleteId: athleteA.id } })).holdId).not.toBeNull();
    const alerted = await db().notification.findMany({ where: { athleteId: athleteA.id, kind: "EMERGENCY" }, select: { userId: true } });
    expect(alerted.map((n) => n.userId).sort()).toEqual([coachA.id, physio.id].sort());
    // A clinician of the squad may report too; the athlete sees who did.
    await createPainReportForAthlete(physio, squadA.id, athleteA.id, painReport({ date: "2026-06-15", nrs: "3" }), NOW);
    const reports = await listOwnPainReports(athleteA);
    expect(reports.map((r) => r.enteredBy)).toEqual([physio.name, coachA.name]);
  });

  it("shows the coach what the athlete did with each entry since: changed, deleted", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const kept = await createSessionForAthlete(coachA, squadA.id, athleteA.id, run({ date: "2026-06-12" }), NOW);
    const changed = await createSessionForAthlete(coachA, squadA.id, athleteA.id, run({ date: "2026-06-13" }), NOW);
    const deleted = await createSessionForAthlete(coachA, squadA.id, athleteA.id, run({ date: "2026-06-14" }), NOW);
    const bulk = await createSessionForAthlete(coachA, squadA.id, athleteA.id, run({ date: "2026-06-11" }), NOW);
    await updateSession(athleteA, changed.id, run({ date: "2026-06-13", duration: "50" }), NOW);
    await deleteSession(athleteA, deleted.id);
    await applyBulkChange(athleteA, { op: "rpe", rpe: "4", ids: [bulk.id] });

    const page = await getCoachEntryPage(coachA, squadA.id, athleteA.id, NOW);
    const state = Object.fromEntries(page.entries.map((e) => [e.id, e.state]));
    expect(state).toEqual({ [kept.id]: "as-entered", [changed.id]: "changed", [deleted.id]: "deleted", [bulk.id]: "changed" });
    const targets = await listCommentTargets(coachA, squadA.id, athleteA.id);
    expect(targets.sessions.find((s) => s.id === changed.id)).toMatchObject({ enteredBy: coachA.name, athleteEditedAt: expect.any(Date) });
    expect(targets.sessions.find((s) => s.id === kept.id)).toMatchObject({ enteredBy: coachA.name, athleteEditedAt: null });
    const totals = await db().dailyLoad.findMany({ where: { userId: athleteA.id }, orderBy: { localDate: "asc" } });
    await rebuildDailyLoads(db(), athleteA.id);
    expect(await db().dailyLoad.findMany({ where: { userId: athleteA.id }, orderBy: { localDate: "asc" } })).toEqual(totals);
  });

  it("is scoped: a coach of another squad, a clinician for sessions and imports, and the athlete of another squad get not found", async () => {
    const { squadA, coachB, athleteA, athleteB } = await twoSquads();
    const physio = await clinicianOf(squadA.id);
    await rejects(createSessionForAthlete(coachB, squadA.id, athleteA.id, run(), NOW), NotFoundError);
    // Naming one's own squad with someone else's athlete is no better.
    await rejects(createSessionForAthlete(coachB, (await db().membership.findFirstOrThrow({ where: { userId: coachB.id } })).squadId, athleteA.id, run(), NOW), NotFoundError);
    await rejects(createPainReportForAthlete(coachB, squadA.id, athleteA.id, painReport(), NOW), NotFoundError);
    await rejects(getCoachEntryPage(coachB, squadA.id, athleteA.id, NOW), NotFoundError);
    await rejects(importTarget(coachB, squadA.id, athleteA.id), NotFoundError);
    await rejects(createSessionForAthlete(physio, squadA.id, athleteA.id, run(), NOW), NotFoundError);
    await rejects(importTarget(physio, squadA.id, athleteA.id), NotFoundError);
    await rejects(createSessionForAthlete(athleteB, squadA.id, athleteA.id, run(), NOW), NotFoundError);
    await rejects(createPainReportForAthlete(athleteB, squadA.id, athleteA.id, painReport(), NOW), NotFoundError);
    await rejects(importTarget(athleteB, squadA.id, athleteA.id), NotFoundError);
    expect(await db().trainingSession.count({ where: { userId: athleteA.id } })).toBe(0);
    expect(await db().backPainReport.count({ where: { userId: athleteA.id } })).toBe(0);
    // The clinician's entry page offers pain reports only.
    expect((await getCoachEntryPage(physio, squadA.id, athleteA.id, NOW)).canLogSessions).toBe(false);
  });
});

describe("a coach imports files for an athlete", () => {
  const gpx = () => ({
    name: "run.gpx",
    bytes: new Uint8Array(readFileSync(path.resolve(__dirname, "../../lib/imports/fixtures/gpx/garmin_connect_run_hr.gpx"))),
  });

  it("goes through the athlete's preview and commit; only the coach who previewed commits; the athlete can undo it", async () => {
    const { squadA, coachA, coachB, athleteA } = await twoSquads();
    const target = await importTarget(coachA, squadA.id, athleteA.id);
    expect(target).toEqual({ userId: athleteA.id, timeZone: "UTC", enteredById: coachA.id });
    const preview = await previewImport(db(), target.userId, [gpx()], target.timeZone, undefined, target.enteredById);
    expect(preview.counts.create).toBe(1);
    // The athlete cannot commit what the coach previewed, nor another coach.
    await rejects(commitImport(db(), athleteA.id, preview.batchId!), ImportBatchGoneError);
    await rejects(commitImport(db(), athleteA.id, preview.batchId!, NOW, {}, coachB.id), ImportBatchGoneError);
    expect(await commitImport(db(), athleteA.id, preview.batchId!, NOW, {}, coachA.id)).toMatchObject({ created: 1 });
    const session = await db().trainingSession.findFirstOrThrow({ where: { userId: athleteA.id } });
    expect(session).toMatchObject({ source: "GPX", enteredById: coachA.id, importBatchId: preview.batchId });
    expect(await db().importBatch.findUniqueOrThrow({ where: { id: preview.batchId! } })).toMatchObject({ userId: athleteA.id, enteredById: coachA.id });
    expect(await db().auditLog.findFirstOrThrow({ where: { entityId: preview.batchId!, action: "import.commit" } })).toMatchObject({
      actorId: coachA.id,
      subjectUserId: athleteA.id,
    });
    expect(await undoImport(db(), athleteA.id, preview.batchId!)).toEqual({ removed: 1 });
  });
});
