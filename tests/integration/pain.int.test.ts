import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createPainReport } from "@/lib/pain/mutations";
import { getOwnPainReport, listOwnPainReports, listPainReportsForEngine, toEnginePainReport } from "@/lib/pain/queries";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { dateOnly } from "@/lib/dates";
import { evaluateFlags, visceralSourcesFor } from "@/lib/training-load";
import { ASKED_RED_FLAGS, redFlagField } from "@/lib/pain/labels";
import { twoSquads } from "./factories";

// 12:00 UTC on a Monday: already Tuesday in Auckland, still Monday in Madrid.
const NOW = new Date("2026-06-15T12:00:00Z");

const report = (over: Record<string, unknown> = {}) => ({
  zone: "LUMBAR",
  subArea: "lumbosacral",
  side: "CENTRAL",
  nrs: "6",
  timing: "AFTER_RUN",
  triggerPoint: "yes",
  mechanical: "yes",
  // As the form posts them: every warning-sign question answered.
  ...Object.fromEntries(ASKED_RED_FLAGS.map((s) => [redFlagField(s.id), "no"])),
  notes: "Tight after the hills",
  date: "2026-06-14",
  ...over,
});

async function validationError(p: Promise<unknown>): Promise<ValidationError> {
  const error = await p.catch((e) => e);
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe("back-pain reports", () => {
  it("stores the report exactly as answered and records who sent it", async () => {
    const { athleteA } = await twoSquads();
    const { id, triage } = await createPainReport(athleteA, report(), NOW);
    expect(triage).toEqual({ level: "none", symptoms: [], visceralSources: [], since: null });
    const row = await db().backPainReport.findUniqueOrThrow({ where: { id } });
    expect({ ...row, localDate: dateOnly(row.localDate) }).toMatchObject({
      userId: athleteA.id,
      localDate: "2026-06-14",
      reportedAt: NOW,
      zone: "LUMBAR",
      subArea: "lumbosacral",
      side: "CENTRAL",
      nrs: 6,
      timing: "AFTER_RUN",
      triggerPoint: true,
      redFlags: [],
      mechanical: true,
      notes: "Tight after the hills",
    });
    const audit = await db().auditLog.findMany({ where: { subjectUserId: athleteA.id, action: "pain.report" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: athleteA.id, entityId: id });
    expect(JSON.stringify(audit[0].meta)).not.toContain("hills");
  });

  it("stores 'not sure' about movement as unknown, and 'no' as the non-mechanical warning sign", async () => {
    const { athleteA } = await twoSquads();
    const unsure = await createPainReport(athleteA, report({ mechanical: "unsure" }), NOW);
    const no = await createPainReport(athleteA, report({ mechanical: "no" }), NOW);
    expect(await db().backPainReport.findUniqueOrThrow({ where: { id: unsure.id } })).toMatchObject({ mechanical: null, redFlags: [] });
    expect(await db().backPainReport.findUniqueOrThrow({ where: { id: no.id } })).toMatchObject({
      mechanical: false,
      redFlags: ["non-mechanical"],
    });
    expect(no.triage.level).toBe("clinician");
  });

  it("refuses bad input, naming the field, and writes nothing", async () => {
    const { athleteA } = await twoSquads();
    const cases: [Record<string, unknown>, string][] = [
      [{ nrs: "11" }, "nrs"],
      [{ nrs: "" }, "nrs"],
      [{ zone: "SPINE" }, "zone"],
      [{ zone: "CERVICAL", subArea: "lumbosacral" }, "subArea"],
      [{ subArea: "left-knee" }, "subArea"],
      [{ redFlags: ["fever", "sore-toe"] }, "redFlags"],
      [{ "redFlag.sore-toe": "yes" }, "redFlags"],
      [{ "redFlag.saddle-numbness": "" }, "redFlag.saddle-numbness"],
      [{ "redFlag.fever": undefined }, "redFlag.fever"],
      [{ mechanical: "" }, "mechanical"],
      [{ date: "2026-06-16" }, "date"],
      [{ date: "2026-13-01" }, "date"],
      [{ side: "UP" }, "side"],
    ];
    for (const [over, field] of cases) {
      const error = await validationError(createPainReport(athleteA, report(over), NOW));
      expect(Object.keys(error.fieldErrors), JSON.stringify(over)).toEqual([field]);
    }
    expect((await validationError(createPainReport(athleteA, report({ date: "2026-06-16" }), NOW))).fieldErrors.date).toEqual([
      "This date is in the future",
    ]);
    expect(await db().backPainReport.count()).toBe(0);
    expect(await db().auditLog.count({ where: { action: "pain.report" } })).toBe(0);
  });

  it("takes 'today' in the athlete's time zone", async () => {
    const { athleteA } = await twoSquads();
    await validationError(createPainReport({ ...athleteA, timeZone: "Europe/Madrid" }, report({ date: "2026-06-16" }), NOW));
    const { id } = await createPainReport({ ...athleteA, timeZone: "Pacific/Auckland" }, report({ date: "2026-06-16" }), NOW);
    expect(dateOnly((await db().backPainReport.findUniqueOrThrow({ where: { id } })).localDate)).toBe("2026-06-16");
  });

  it("gives the coach a referral flag through the engine, urgent for an emergency symptom", async () => {
    const { athleteA, coachA } = await twoSquads();
    const { triage } = await createPainReport(athleteA, report({ redFlags: ["fever"] }), NOW);
    expect(triage.level).toBe("clinician");
    expect(triage.visceralSources).toEqual(visceralSourcesFor("lumbar", "lumbosacral"));

    let reports = await listPainReportsForEngine(coachA, athleteA.id, "2026-06-01", "2026-06-15");
    expect(reports).toEqual([{ date: "2026-06-14", zone: "lumbar", subArea: "lumbosacral", nrs: 6, redFlags: ["fever"], mechanical: true }]);
    let flag = evaluateFlags({ asOf: "2026-06-15", sessions: [], painReports: reports }).find((f) => f.id === "red-flag");
    expect(flag).toMatchObject({ severity: "referral", values: { emergency: false, action: "see-clinician" } });

    const emergency = await createPainReport(athleteA, report({ redFlags: ["saddle-numbness"], date: "2026-06-15" }), NOW);
    expect(emergency.triage.level).toBe("emergency");
    reports = await listPainReportsForEngine(coachA, athleteA.id, "2026-06-01", "2026-06-15");
    flag = evaluateFlags({ asOf: "2026-06-15", sessions: [], painReports: reports }).find((f) => f.id === "red-flag");
    expect(flag?.severity).toBe("referral");
    expect(flag?.triage).toMatchObject({ emergency: true, action: "seek-emergency-care", symptoms: ["saddle-numbness", "fever"] });
    // Saddle numbness points at the lower-back nerves first; the fever report adds the area's organs.
    expect(flag?.triage?.visceralSources.map((v) => v.organ)).toEqual(["nerves of the lower back (cauda equina)", "large intestine", "bladder", "kidneys"]);
  });

  it("maps a stored row to the engine's shape", async () => {
    const { athleteA } = await twoSquads();
    const { id } = await createPainReport(athleteA, report({ zone: "DORSAL", subArea: "between-shoulder-blades", mechanical: "no" }), NOW);
    const row = await db().backPainReport.findUniqueOrThrow({ where: { id } });
    expect(toEnginePainReport(row)).toEqual({
      date: "2026-06-14",
      zone: "dorsal",
      subArea: "between-shoulder-blades",
      nrs: 6,
      redFlags: ["non-mechanical"],
      mechanical: false,
    });
  });

  it("lets only the athlete and their coaches read the reports", async () => {
    const { athleteA, athleteB, coachA, coachB } = await twoSquads();
    const { id } = await createPainReport(athleteA, report({ redFlags: ["trauma"] }), NOW);
    await createPainReport(athleteB, report(), NOW);

    expect(await listPainReportsForEngine(athleteA, athleteA.id, "2026-06-01", "2026-06-30")).toHaveLength(1);
    expect(await listPainReportsForEngine(coachA, athleteA.id, "2026-06-01", "2026-06-30")).toHaveLength(1);
    for (const outsider of [athleteB, coachB]) {
      await expect(listPainReportsForEngine(outsider, athleteA.id, "2026-06-01", "2026-06-30")).rejects.toBeInstanceOf(NotFoundError);
    }
    for (const other of [athleteB, coachA, coachB]) {
      await expect(getOwnPainReport(other, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    const own = await getOwnPainReport(athleteA, id);
    expect(own).toMatchObject({ id, redFlags: ["trauma"], triage: { level: "clinician" } });
    expect((await listOwnPainReports(athleteA)).map((r) => r.id)).toEqual([id]);
    expect(await listOwnPainReports(coachA)).toEqual([]);
  });
});
