import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import ICAL from "ical.js";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createPainReport } from "@/lib/pain/mutations";
import { recordClearance, releaseHeldPlan } from "@/lib/safety/mutations";
import { getSafetyRecord } from "@/lib/safety/queries";
import { listPlannedSessions } from "@/lib/plans/queries";
import { createPlannedSession, updatePlannedSession } from "@/lib/plans/mutations";
import { getTrainingView } from "@/lib/athletes/training";
import { getSquadTriage } from "@/lib/squads/overview";
import { getCoachAthleteView } from "@/lib/athletes/coach-view";
import { reviewFlag } from "@/lib/flag-reviews/mutations";
import { getSquadPlanExport } from "@/lib/exports/queries";
import { planCsv } from "@/lib/exports/plan-csv";
import { buildPlanPdf } from "@/lib/exports/plan-pdf";
import { calendarForToken, createFeedToken } from "@/lib/calendar/feeds";
import { toDbDate } from "@/lib/dates";
import { pdfPlainText } from "../../e2e/pdf-text";
import { addAthlete, createUser, twoSquads, viewerOf } from "./factories";

// Monday 15 June 2026, midday UTC; the athletes live in UTC.
const NOW = new Date("2026-06-15T12:00:00Z");

const redFlagReport = (date: string, redFlags: string[]) => ({
  zone: "LUMBAR",
  subArea: "lumbosacral",
  side: "CENTRAL",
  nrs: "6",
  timing: "AFTER_RUN",
  triggerPoint: "no",
  mechanical: "yes",
  date,
  redFlags,
});

async function plan(squadId: string, athleteId: string, date: string, over: Record<string, unknown> = {}) {
  return db().plannedSession.create({
    data: { squadId, athleteId, date: toDbDate(date), type: "RUN", durationMin: 50, distanceKm: 10, title: "Steady run", ...over },
    select: { id: true },
  });
}

async function clinicianOf(squadId: string) {
  const user = await createUser("Physio");
  await db().membership.create({ data: { userId: user.id, squadId, role: "CLINICIAN" } });
  return viewerOf(user.id);
}

const clearance = (squadId: string, athleteId: string, over: Record<string, unknown> = {}) => ({
  squadId,
  athleteId,
  clearedOn: "2026-06-15",
  clinicianName: "Dr Ana Ruiz",
  clinicianKind: "DOCTOR",
  note: "Examined; no serious cause found. Back to easy running.",
  ...over,
});

async function rejects<T extends Error>(p: Promise<unknown>, type: new (...args: never[]) => T): Promise<T> {
  const error = await p.catch((e) => e);
  expect(error).toBeInstanceOf(type);
  return error as T;
}

describe("a red-flag report holds the plan", () => {
  it("holds every planned session from the report's date on, in every view, export and the calendar feed", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const before = await plan(squadA.id, athleteA.id, "2026-06-13");
    const tomorrow = await plan(squadA.id, athleteA.id, "2026-06-16", { title: "Intervals" });
    const weekend = await plan(squadA.id, athleteA.id, "2026-06-20", { title: "Long run", distanceKm: 22 });

    const { triage } = await createPainReport(athleteA, redFlagReport("2026-06-14", ["saddle-numbness"]), NOW);
    expect(triage.level).toBe("emergency");

    const rows = await listPlannedSessions(coachA, athleteA.id, "2026-06-01", "2026-06-30");
    expect(Object.fromEntries(rows.map((r) => [r.id, r.held]))).toEqual({ [before.id]: false, [tomorrow.id]: true, [weekend.id]: true });
    // Never deleted.
    expect(await db().plannedSession.count({ where: { athleteId: athleteA.id } })).toBe(3);

    // A session the coach plans while the hold lasts is held as it is written.
    const added = await createPlannedSession(coachA, squadA.id, athleteA.id, {
      date: "2026-06-18",
      type: "RUN",
      duration: "40",
      distance: "8",
    });
    expect((await db().plannedSession.findUniqueOrThrow({ where: { id: added.id } })).holdId).not.toBeNull();

    const exported = await getSquadPlanExport(coachA, squadA.id, { from: "2026-06-01", to: "2026-06-30" }, { format: "csv" });
    const csv = parse(planCsv(exported.rows), { columns: true, bom: true }) as Record<string, string>[];
    expect(csv.map((r) => [r.date, r.held])).toEqual([
      ["2026-06-13", ""],
      ["2026-06-16", "on hold"],
      ["2026-06-18", "on hold"],
      ["2026-06-20", "on hold"],
    ]);
    const pdf = pdfPlainText(await buildPlanPdf({ ...exported, showAthlete: false, from: "2026-06-13", to: "2026-06-21", generatedAt: NOW }, { compress: false }));
    expect(pdf).toMatch(/On hold until a clinician clears/);
    expect(pdf).not.toMatch(/saddle|numb/i);

    const token = await createFeedToken(athleteA, NOW);
    const feed = await calendarForToken(token, "backbone.test", NOW);
    const events = new ICAL.Component(ICAL.parse(feed!)).getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const byId = Object.fromEntries(events.map((e) => [e.uid.split("@")[0], e]));
    expect(byId[before.id].component.getFirstPropertyValue("status")).toBeNull();
    for (const id of [tomorrow.id, weekend.id, added.id]) {
      expect(byId[id].component.getFirstPropertyValue("status")).toBe("CANCELLED");
      expect(byId[id].summary).toMatch(/^On hold: /);
      expect(byId[id].description).toMatch(/On hold until a clinician clears/);
    }
    expect(feed).not.toMatch(/saddle|numb|emergency/i);
  });

  it("keeps the referral open past the pain window until a clearance, and a note cannot resolve it", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    await createPainReport(athleteA, redFlagReport("2026-05-20", ["night-pain"]), new Date("2026-05-20T12:00:00Z"));
    const training = await getTrainingView(coachA, athleteA.id, 28, NOW);
    const referral = training.flags.find((f) => f.id === "red-flag");
    expect(referral).toBeDefined();
    expect(referral!.triage?.emergency).toBe(false);
    const [status] = await getSquadTriage(coachA, squadA.id, NOW);
    expect(status.worst).toBe("referral");

    const error = await rejects(
      reviewFlag(coachA, { squadId: squadA.id, athleteId: athleteA.id, flagId: "red-flag", flagDate: referral!.date, status: "RESOLVED", note: "Seen by GP, fine" }, NOW),
      ValidationError,
    );
    expect(error.fieldErrors.status?.[0]).toMatch(/clearance/);
  });

  it("alerts the staff of severe pain once per severe report, not for a mild report sent after it", async () => {
    const { athleteA } = await twoSquads();
    await createPainReport(athleteA, { ...redFlagReport("2026-06-13", []), nrs: "9" }, NOW);
    await createPainReport(athleteA, { ...redFlagReport("2026-06-14", []), nrs: "2" }, NOW);
    await createPainReport(athleteA, { ...redFlagReport("2026-06-15", []), nrs: "8" }, NOW);
    expect(await db().notification.count({ where: { athleteId: athleteA.id, kind: "SEVERE_PAIN" } })).toBe(2);
    expect(await db().planHold.count({ where: { athleteId: athleteA.id } })).toBe(0);
  });

  it("sorts an emergency above an ordinary referral in the squad's triage", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const other = await viewerOf((await addAthlete(squadA.id)).id);
    await createPainReport(athleteA, redFlagReport("2026-06-14", ["fever"]), NOW);
    await createPainReport(other, redFlagReport("2026-06-13", ["bladder-bowel"]), NOW);
    const triage = await getSquadTriage(coachA, squadA.id, NOW);
    expect(triage.map((s) => [s.id, s.worst, s.emergency])).toEqual([
      [other.id, "referral", true],
      [athleteA.id, "referral", false],
    ]);
  });
});

describe("clearance and release", () => {
  it("a clinician's clearance ends the referral; the sessions stay held until a coach releases them", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const clinician = await clinicianOf(squadA.id);
    const run = await plan(squadA.id, athleteA.id, "2026-06-17");
    await createPainReport(athleteA, redFlagReport("2026-06-12", ["weight-loss"]), new Date("2026-06-12T12:00:00Z"));

    // Nothing is released while the referral is open.
    await rejects(releaseHeldPlan(coachA, { squadId: squadA.id, athleteId: athleteA.id }, NOW), ValidationError);
    // A clearance dated before the report does not answer it.
    const early = await rejects(recordClearance(clinician, clearance(squadA.id, athleteA.id, { clearedOn: "2026-06-11" }), NOW), ValidationError);
    expect(early.fieldErrors.clearedOn?.[0]).toMatch(/on or after/);
    // Bad input: nothing written.
    const bad = await rejects(
      recordClearance(clinician, clearance(squadA.id, athleteA.id, { clinicianKind: "SHAMAN", note: "", clinicianName: "x\u0000" }), NOW),
      ValidationError,
    );
    expect(Object.keys(bad.fieldErrors).sort()).toEqual(["clinicianKind", "clinicianName", "note"]);
    expect(await db().clearance.count()).toBe(0);

    const { holdsCleared } = await recordClearance(clinician, clearance(squadA.id, athleteA.id), NOW);
    expect(holdsCleared).toBe(1);
    const training = await getTrainingView(coachA, athleteA.id, 28, NOW);
    expect(training.flags.some((f) => f.id === "red-flag")).toBe(false);
    expect((await listPlannedSessions(athleteA, athleteA.id, "2026-06-17", "2026-06-17"))[0].held).toBe(true);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "clearance.record" } });
    expect(audit).toMatchObject({ actorId: clinician.id, subjectUserId: athleteA.id, squadId: squadA.id });
    const record = await getSafetyRecord(athleteA, athleteA.id);
    expect(record.clearances[0]).toMatchObject({ clinicianName: "Dr Ana Ruiz", clinicianKind: "DOCTOR", clearedOn: "2026-06-15" });
    expect(record.holds[0]).toMatchObject({ state: "cleared", heldSessions: 1, emergency: false });
    // A second clearance has nothing left to clear.
    await rejects(recordClearance(coachA, clearance(squadA.id, athleteA.id), NOW), ValidationError);

    // Clinicians do not change plans.
    await rejects(releaseHeldPlan(clinician, { squadId: squadA.id, athleteId: athleteA.id }, NOW), NotFoundError);
    const { released } = await releaseHeldPlan(coachA, { squadId: squadA.id, athleteId: athleteA.id }, NOW);
    expect(released).toBe(1);
    expect((await db().plannedSession.findUniqueOrThrow({ where: { id: run.id } })).holdId).toBeNull();
    expect((await getSafetyRecord(coachA, athleteA.id)).holds[0].state).toBe("released");
    expect(await db().auditLog.count({ where: { action: "plan.release", subjectUserId: athleteA.id } })).toBe(1);
  });

  it("a red-flag report written after a clearance but dated on its day reopens the referral and holds the plan again", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const run = await plan(squadA.id, athleteA.id, "2026-06-18");
    await createPainReport(athleteA, redFlagReport("2026-06-14", ["fever"]), NOW);
    await recordClearance(coachA, clearance(squadA.id, athleteA.id), NOW);
    await releaseHeldPlan(coachA, { squadId: squadA.id, athleteId: athleteA.id }, NOW);
    expect((await db().plannedSession.findUniqueOrThrow({ where: { id: run.id } })).holdId).toBeNull();

    // The same evening: saddle numbness. The morning's clearance never answered it.
    const { triage } = await createPainReport(athleteA, redFlagReport("2026-06-15", ["saddle-numbness"]), NOW);
    expect(triage.level).toBe("emergency");
    const flags = (await getTrainingView(coachA, athleteA.id, 28, NOW)).flags;
    expect(flags.find((f) => f.id === "red-flag")?.triage?.emergency).toBe(true);
    expect((await db().plannedSession.findUniqueOrThrow({ where: { id: run.id } })).holdId).not.toBeNull();
    await rejects(releaseHeldPlan(coachA, { squadId: squadA.id, athleteId: athleteA.id }, NOW), ValidationError);
    // A new clearance answers it, and the plan can be released again.
    await recordClearance(coachA, clearance(squadA.id, athleteA.id, { note: "Seen in A&E, nothing urgent found." }), NOW);
    expect((await getTrainingView(coachA, athleteA.id, 28, NOW)).flags.some((f) => f.id === "red-flag")).toBe(false);
    expect((await releaseHeldPlan(coachA, { squadId: squadA.id, athleteId: athleteA.id }, NOW)).released).toBe(1);
  });

  it("a second red flag while an emergency is open keeps the hold and the alert an emergency", async () => {
    const { squadA, athleteA } = await twoSquads();
    await createPainReport(athleteA, redFlagReport("2026-06-13", ["leg-weakness"]), NOW);
    await createPainReport(athleteA, redFlagReport("2026-06-14", ["fever"]), NOW);
    const holds = await db().planHold.findMany({ where: { athleteId: athleteA.id }, orderBy: { startDate: "asc" } });
    expect(holds.map((h) => h.emergency)).toEqual([true, true]);
    const alerts = await db().notification.findMany({ where: { athleteId: athleteA.id, squadId: squadA.id }, select: { kind: true } });
    expect(alerts.map((a) => a.kind)).toEqual(["EMERGENCY", "EMERGENCY"]);
  });

  it("an emergency ends only with a doctor's clearance; the staff who did not record it hear of it", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const clinician = await clinicianOf(squadA.id);
    await createPainReport(athleteA, redFlagReport("2026-06-14", ["bladder-bowel"]), NOW);
    const physio = await rejects(recordClearance(clinician, clearance(squadA.id, athleteA.id, { clinicianKind: "PHYSIOTHERAPIST" }), NOW), ValidationError);
    expect(physio.fieldErrors.clinicianKind?.[0]).toMatch(/doctor/);
    expect(await db().clearance.count()).toBe(0);
    await recordClearance(clinician, clearance(squadA.id, athleteA.id), NOW);
    const cleared = await db().notification.findMany({ where: { kind: "CLEARED", athleteId: athleteA.id }, select: { userId: true, link: true } });
    expect(cleared).toEqual([{ userId: coachA.id, link: `/coach/squads/${squadA.id}/athletes/${athleteA.id}` }]);
    expect(await db().notification.count({ where: { kind: "CLEARANCE", userId: athleteA.id } })).toBe(1);
  });

  it("replanning a held session after the clearance frees it; before the clearance it stays held", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const run = await plan(squadA.id, athleteA.id, "2026-06-17");
    await createPainReport(athleteA, redFlagReport("2026-06-14", ["trauma"]), NOW);
    const edit = { plannedId: run.id, date: "2026-06-18", type: "RUN", duration: "30", distance: "5" };
    await updatePlannedSession(coachA, edit);
    expect((await db().plannedSession.findUniqueOrThrow({ where: { id: run.id } })).holdId).not.toBeNull();
    await recordClearance(coachA, clearance(squadA.id, athleteA.id), NOW);
    await updatePlannedSession(coachA, { ...edit, duration: "25" });
    expect((await db().plannedSession.findUniqueOrThrow({ where: { id: run.id } })).holdId).toBeNull();
  });

  it("is not found for staff of another squad, and clinicians read the athlete but cannot plan", async () => {
    const { squadA, squadB, coachB, athleteA } = await twoSquads();
    const clinician = await clinicianOf(squadA.id);
    const outsiderClinician = await clinicianOf(squadB.id);
    await createPainReport(athleteA, redFlagReport("2026-06-14", ["fever"]), NOW);
    for (const viewer of [coachB, outsiderClinician, athleteA]) {
      await rejects(recordClearance(viewer, clearance(squadA.id, athleteA.id), NOW), NotFoundError);
      await rejects(releaseHeldPlan(viewer, { squadId: squadA.id, athleteId: athleteA.id }, NOW), NotFoundError);
    }
    await rejects(getSafetyRecord(outsiderClinician, athleteA.id), NotFoundError);
    await rejects(getCoachAthleteView(outsiderClinician, squadA.id, athleteA.id), NotFoundError);
    const view = await getCoachAthleteView(clinician, squadA.id, athleteA.id);
    expect(view.training.flags.some((f) => f.id === "red-flag")).toBe(true);
    await rejects(createPlannedSession(clinician, squadA.id, athleteA.id, { date: "2026-06-20", type: "CORE", duration: "20" }), NotFoundError);
    expect(await db().clearance.count()).toBe(0);
  });
});
