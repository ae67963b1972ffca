import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { dateOnly } from "@/lib/dates";
import type { Viewer } from "@/lib/auth/permissions";
import { rebuildDailyLoads } from "@/lib/sessions/daily-load";
import { cellInputName } from "@/lib/squad-log/cells";
import { getSquadLogWeek } from "@/lib/squad-log/queries";
import { commitSquadLog, previewSquadLog, saveSquadLogWeek } from "@/lib/squad-log/mutations";
import { addAthlete, createSquadWithCoach, createUser, twoSquads, viewerOf } from "./factories";

// Monday 15 June 2026, noon UTC: the grid's week is 8 to 14 June, all of it past.
const NOW = new Date("2026-06-15T12:00:00Z");
const WEEK = "2026-06-08";

async function world() {
  const w = await twoSquads();
  const ana = await db().user.update({ where: { id: w.athleteA.id }, data: { name: "Ana Ruiz" }, select: { id: true, email: true } });
  const ben = await addAthlete(w.squadA.id, await createUser("Ben"));
  await db().user.update({ where: { id: ben.id }, data: { name: "Ben Ode" } });
  const clinician = await createUser("Clinician");
  await db().membership.create({ data: { userId: clinician.id, squadId: w.squadA.id, role: "CLINICIAN" } });
  return { ...w, ana, ben, clinicianA: await viewerOf(clinician.id), coachA: await viewerOf(w.coachA.id) };
}

async function session(userId: string, date: string, over: Record<string, unknown> = {}) {
  return db().trainingSession.create({
    data: { userId, localDate: new Date(`${date}T00:00:00Z`), type: "RUN", durationMin: 40, distanceKm: 8, rpe: 5, source: "MANUAL", ...over },
    select: { id: true },
  });
}

type Cell = { athleteId: string; date: string; distance?: string; minutes?: string; rpe?: string; sessionId?: string };

function gridForm(squadId: string, cells: Cell[], week = WEEK): Record<string, unknown> {
  const form: Record<string, unknown> = { squadId, week };
  for (const c of cells) {
    form[cellInputName("distance", c.athleteId, c.date)] = c.distance ?? "";
    form[cellInputName("minutes", c.athleteId, c.date)] = c.minutes ?? "";
    form[cellInputName("rpe", c.athleteId, c.date)] = c.rpe ?? "";
    if (c.sessionId) form[cellInputName("session", c.athleteId, c.date)] = c.sessionId;
  }
  return form;
}

async function dailyLoads(userId: string) {
  const rows = await db().dailyLoad.findMany({ where: { userId }, orderBy: { localDate: "asc" } });
  return rows.map((r) => ({ ...r, localDate: dateOnly(r.localDate) }));
}

/** The athlete's daily totals equal what a rebuild of their whole history gives. */
async function expectTotalsExact(userId: string) {
  const kept = await dailyLoads(userId);
  await rebuildDailyLoads(db(), userId);
  expect(kept).toEqual(await dailyLoads(userId));
}

const sessionsOf = (userId: string) =>
  db().trainingSession.findMany({
    where: { userId },
    orderBy: [{ localDate: "asc" }, { createdAt: "asc" }],
    select: { localDate: true, type: true, distanceKm: true, durationMin: true, rpe: true, source: true, enteredById: true },
  });

async function expectValidation(promise: Promise<unknown>): Promise<ValidationError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  return error as ValidationError;
}

describe("the squad log grid", () => {
  it("creates, updates and deletes the coach's runs in one save, and keeps the daily totals exact", async () => {
    const w = await world();
    const coachsMonday = await session(w.ana.id, "2026-06-08", { enteredById: w.coachA.id });
    const coachsFriday = await session(w.ben.id, "2026-06-12", { enteredById: w.coachA.id });
    await session(w.ana.id, "2026-06-09");
    await rebuildDailyLoads(db(), w.ana.id);
    await rebuildDailyLoads(db(), w.ben.id);

    const result = await saveSquadLogWeek(
      w.coachA,
      w.squadA.id,
      gridForm(w.squadA.id, [
        { athleteId: w.ana.id, date: "2026-06-08", distance: "10", minutes: "50", rpe: "5", sessionId: coachsMonday.id },
        { athleteId: w.ana.id, date: "2026-06-10", distance: "8.5", minutes: "45", rpe: "6" },
        { athleteId: w.ana.id, date: "2026-06-11" },
        { athleteId: w.ben.id, date: "2026-06-11", distance: "5", minutes: "0:30" },
        { athleteId: w.ben.id, date: "2026-06-12", sessionId: coachsFriday.id },
      ]),
      NOW,
    );
    expect(result).toEqual({ created: 2, updated: 1, deleted: 1 });
    expect(await sessionsOf(w.ana.id)).toEqual([
      { localDate: new Date("2026-06-08T00:00:00Z"), type: "RUN", distanceKm: 10, durationMin: 50, rpe: 5, source: "MANUAL", enteredById: w.coachA.id },
      { localDate: new Date("2026-06-09T00:00:00Z"), type: "RUN", distanceKm: 8, durationMin: 40, rpe: 5, source: "MANUAL", enteredById: null },
      { localDate: new Date("2026-06-10T00:00:00Z"), type: "RUN", distanceKm: 8.5, durationMin: 45, rpe: 6, source: "MANUAL", enteredById: w.coachA.id },
    ]);
    expect(await sessionsOf(w.ben.id)).toEqual([
      { localDate: new Date("2026-06-11T00:00:00Z"), type: "RUN", distanceKm: 5, durationMin: 30, rpe: null, source: "MANUAL", enteredById: w.coachA.id },
    ]);
    const day = (await dailyLoads(w.ana.id)).find((r) => r.localDate === "2026-06-10");
    expect(day).toMatchObject({ sessionCount: 1, runKm: 8.5, srpeAu: 6 * 45 });
    expect(await db().dailyLoad.count({ where: { userId: w.ben.id, localDate: new Date("2026-06-12T00:00:00Z") } })).toBe(0);
    await expectTotalsExact(w.ana.id);
    await expectTotalsExact(w.ben.id);
    const audits = await db().auditLog.findMany({ where: { action: "session.grid-save" }, select: { actorId: true, squadId: true, subjectUserId: true, meta: true } });
    expect(audits).toHaveLength(2);
    expect(audits.find((a) => a.subjectUserId === w.ana.id)).toMatchObject({
      actorId: w.coachA.id,
      squadId: w.squadA.id,
      meta: { week: WEEK, days: ["2026-06-08", "2026-06-10"], created: 1, updated: 1, deleted: 0 },
    });
  });

  it("saves nothing when any cell is bad, and names each bad field", async () => {
    const w = await world();
    const error = await expectValidation(
      saveSquadLogWeek(
        w.coachA,
        w.squadA.id,
        gridForm(w.squadA.id, [
          { athleteId: w.ana.id, date: "2026-06-08", distance: "8", minutes: "40", rpe: "5" },
          { athleteId: w.ana.id, date: "2026-06-09", distance: "8", minutes: "forty" },
          { athleteId: w.ben.id, date: "2026-06-10", minutes: "30", rpe: "12" },
        ]),
        NOW,
      ),
    );
    expect(error.message).toBe("Nothing was saved: 2 cells need a correction.");
    expect(error.fieldErrors).toEqual({
      [cellInputName("minutes", w.ana.id, "2026-06-09")]: ["enter minutes as a number"],
      [cellInputName("distance", w.ben.id, "2026-06-10")]: ["enter the distance"],
      [cellInputName("rpe", w.ben.id, "2026-06-10")]: ["enter RPE as a whole number from 0 to 10"],
    });
    expect(await db().trainingSession.count()).toBe(0);
    expect(await db().dailyLoad.count()).toBe(0);
    expect(await db().auditLog.count({ where: { action: "session.grid-save" } })).toBe(0);
  });

  it("refuses days still to come in the athlete's own calendar", async () => {
    const w = await world();
    // Tuesday 16 June has begun in Auckland but not in UTC.
    await db().user.update({ where: { id: w.ben.id }, data: { timeZone: "Pacific/Auckland" } });
    const now = new Date("2026-06-15T13:00:00Z");
    const cells = (date: string) => [
      { athleteId: w.ana.id, date, distance: "8", minutes: "40" },
      { athleteId: w.ben.id, date, distance: "8", minutes: "40" },
    ];
    const error = await expectValidation(saveSquadLogWeek(w.coachA, w.squadA.id, gridForm(w.squadA.id, cells("2026-06-16"), "2026-06-15"), now));
    expect(Object.keys(error.fieldErrors)).toEqual([cellInputName("cell", w.ana.id, "2026-06-16")]);
    expect(error.fieldErrors[cellInputName("cell", w.ana.id, "2026-06-16")]).toEqual(["this day is still to come: plan it instead of logging it"]);
    expect(await db().trainingSession.count()).toBe(0);
  });

  it("shows the athlete's own sessions read-only, and never changes or deletes them from the grid", async () => {
    const w = await world();
    const own = await session(w.ana.id, "2026-06-09");
    const edited = await session(w.ana.id, "2026-06-10", { enteredById: w.coachA.id, athleteEditedAt: new Date() });
    await session(w.ben.id, "2026-06-09", { enteredById: w.coachA.id });
    await session(w.ben.id, "2026-06-09", { enteredById: w.coachA.id, type: "CORE", distanceKm: null });
    const week = await getSquadLogWeek({ ...w.coachA, unitPreference: "MI" }, w.squadA.id, WEEK, NOW);
    const ana = week.rows.find((r) => r.athleteId === w.ana.id);
    const ben = week.rows.find((r) => r.athleteId === w.ben.id);
    expect(week.rows.map((r) => r.name)).toEqual(["Ana Ruiz", "Ben Ode"]);
    expect(ana?.cells[0]).toEqual({ date: "2026-06-08", state: "open", sessionId: null, distance: "", minutes: "", rpe: "" });
    expect(ana?.cells[1]).toEqual({ date: "2026-06-09", state: "readonly", summary: { count: 1, type: "RUN", distance: "5.0 mi", duration: "40 min", rpe: 5 }, reason: "logged by the athlete" });
    expect(ana?.cells[2]).toMatchObject({ state: "readonly", reason: "changed by the athlete" });
    expect(ben?.cells[1]).toEqual({ date: "2026-06-09", state: "readonly", summary: { count: 2, duration: "1 h 20 min" }, reason: "several sessions on this day" });

    // Emptied: nothing happens. Changed: the cell says the day is not the grid's to change.
    const result = await saveSquadLogWeek(
      w.coachA,
      w.squadA.id,
      gridForm(w.squadA.id, [
        { athleteId: w.ana.id, date: "2026-06-09", sessionId: own.id },
        { athleteId: w.ana.id, date: "2026-06-10", sessionId: edited.id },
      ]),
      NOW,
    );
    expect(result).toEqual({ created: 0, updated: 0, deleted: 0 });
    const error = await expectValidation(
      saveSquadLogWeek(w.coachA, w.squadA.id, gridForm(w.squadA.id, [{ athleteId: w.ana.id, date: "2026-06-09", distance: "12", minutes: "60", sessionId: own.id }]), NOW),
    );
    expect(error.fieldErrors[cellInputName("cell", w.ana.id, "2026-06-09")]).toEqual(["this day changed since the page was loaded: reload the page to see it"]);
    expect(await db().trainingSession.count({ where: { userId: w.ana.id } })).toBe(2);
    expect(await db().trainingSession.findUniqueOrThrow({ where: { id: own.id }, select: { distanceKm: true } })).toEqual({ distanceKm: 8 });
  });

  it("is not found for a coach of another squad, a clinician and an athlete, and for someone outside the squad", async () => {
    const w = await world();
    const form = gridForm(w.squadA.id, [{ athleteId: w.ana.id, date: "2026-06-08", distance: "8", minutes: "40" }]);
    for (const viewer of [w.coachB, w.clinicianA, w.athleteA, w.athleteB] as Viewer[]) {
      await expect(getSquadLogWeek(viewer, w.squadA.id, WEEK, NOW)).rejects.toBeInstanceOf(NotFoundError);
      await expect(saveSquadLogWeek(viewer, w.squadA.id, form, NOW)).rejects.toBeInstanceOf(NotFoundError);
    }
    // Squad B's athlete posted through squad A's grid: not found, and nothing written.
    await expect(
      saveSquadLogWeek(w.coachA, w.squadA.id, gridForm(w.squadA.id, [{ athleteId: w.athleteB.id, date: "2026-06-08", distance: "8", minutes: "40" }]), NOW),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().trainingSession.count()).toBe(0);
  });
});

const csv = (...lines: string[]) => new TextEncoder().encode(lines.join("\r\n"));

describe("the squad training log CSV", () => {
  it("matches athletes by email and by name, and says why each other row is left out", async () => {
    const w = await world();
    const other = await createSquadWithCoach("Gamma");
    await addAthlete(other.squad.id, await createUser("Cara"));
    await session(w.ben.id, "2026-06-10", { durationMin: 45, distanceKm: 8 });
    const file = csv(
      "Athlete,Date,Type,Distance (km),Minutes,RPE,Notes",
      `${w.ana.email.toUpperCase()},2026-06-09,run,10,50,6,tempo`,
      "  ben   ode ,2026-06-10,run,8,45,5,",
      "Ben Ode,2026-06-11,strength,,30,,",
      "Carla Nobody,2026-06-11,run,8,45,,",
      "Ana Ruiz,2026-06-16,run,8,45,,",
      "Ana Ruiz,2026-06-12,run,8,4S,,",
      "Ben Ode,2026-06-11,Strength,,30,,",
    );
    const preview = await previewSquadLog(w.coachA, w.squadA.id, file, NOW);
    expect(preview.counts).toEqual({ add: 2, duplicate: 2, rejected: 3 });
    expect(preview.rows.map((r) => [r.row, r.athleteName, r.status, r.reason])).toEqual([
      [2, "Ana Ruiz", "add", null],
      [3, "Ben Ode", "duplicate", "Ben Ode already has this session: skipped"],
      [4, "Ben Ode", "add", null],
      [5, null, "rejected", "No athlete of this squad is called “Carla Nobody”"],
      [6, "Ana Ruiz", "rejected", "2026-06-16 is still to come for Ana Ruiz: plan it instead of logging it"],
      [7, null, "rejected", "Minutes “4S” is not a number: write 45, or 1:15 for an hour and a quarter"],
      [8, "Ben Ode", "duplicate", "The same session as row 4: skipped"],
    ]);
    expect(await db().trainingSession.count()).toBe(1);
  });

  it("asks for the email when two athletes share a name, and knows no athlete of another squad", async () => {
    const w = await world();
    const twin = await addAthlete(w.squadA.id, await createUser("Twin"));
    await db().user.update({ where: { id: twin.id }, data: { name: "Ben Ode" } });
    const b = await db().user.findUniqueOrThrow({ where: { id: w.athleteB.id }, select: { email: true } });
    const preview = await previewSquadLog(w.coachA, w.squadA.id, csv("Name,Date,Distance,Minutes", "Ben Ode,2026-06-09,8,40", `${b.email},2026-06-09,8,40`), NOW);
    expect(preview.rows.map((r) => r.reason)).toEqual([
      "2 athletes of this squad are called “Ben Ode”: give the athlete's email instead",
      `No athlete of this squad is called “${b.email}”`,
    ]);
  });

  it("adds every new row in one commit, marked as entered by the coach, with exact totals; twice adds nothing", async () => {
    const w = await world();
    const file = csv("Email,Date,Distance,Minutes,RPE,Notes", `${w.ana.email},2026-06-09,10,50,6,=HYPERLINK("x")`, `${w.ben.email},2026-06-10,5,30,,`, `${w.ben.email},2026-06-11,6,35,4,`);
    const preview = await previewSquadLog(w.coachA, w.squadA.id, file, NOW);
    expect(preview.counts.add).toBe(3);
    expect(await commitSquadLog(w.coachA, w.squadA.id, file, 3, NOW)).toEqual({ created: 3, athletes: 2 });
    const batches = await db().importBatch.findMany({ select: { userId: true, enteredById: true, status: true, createdCount: true, _count: { select: { sessions: true } } } });
    expect(batches).toHaveLength(2);
    for (const b of batches) expect(b).toMatchObject({ enteredById: w.coachA.id, status: "COMMITTED" });
    expect(batches.find((b) => b.userId === w.ben.id)).toMatchObject({ createdCount: 2, _count: { sessions: 2 } });
    const ana = await db().trainingSession.findFirstOrThrow({ where: { userId: w.ana.id } });
    expect(ana).toMatchObject({ enteredById: w.coachA.id, source: "MANUAL", distanceKm: 10, durationMin: 50, rpe: 6, notes: '=HYPERLINK("x")' });
    await expectTotalsExact(w.ana.id);
    await expectTotalsExact(w.ben.id);
    expect(await db().auditLog.count({ where: { action: "import.squad-log", squadId: w.squadA.id } })).toBe(2);

    const again = await previewSquadLog(w.coachA, w.squadA.id, file, NOW);
    expect(again.counts).toEqual({ add: 0, duplicate: 3, rejected: 0 });
    await expect(commitSquadLog(w.coachA, w.squadA.id, file, 0, NOW)).rejects.toThrow(/Nothing to add/);
    expect(await db().trainingSession.count()).toBe(3);
  });

  it("adds nothing when the log changed since the preview, or for someone who is not the squad's coach", async () => {
    const w = await world();
    const file = csv("Email,Date,Distance,Minutes", `${w.ana.email},2026-06-09,10,50`, `${w.ben.email},2026-06-10,5,30`);
    expect((await previewSquadLog(w.coachA, w.squadA.id, file, NOW)).counts.add).toBe(2);
    // Ben logged the same run himself in between: the commit would add one, not the two the coach saw.
    await session(w.ben.id, "2026-06-10", { distanceKm: 5, durationMin: 30 });
    await expect(commitSquadLog(w.coachA, w.squadA.id, file, 2, NOW)).rejects.toThrow(/changed since the preview/);
    expect(await db().trainingSession.count()).toBe(1);
    expect(await db().importBatch.count()).toBe(0);
    for (const viewer of [w.coachB, w.clinicianA, w.athleteA] as Viewer[]) {
      await expect(previewSquadLog(viewer, w.squadA.id, file, NOW)).rejects.toBeInstanceOf(NotFoundError);
      await expect(commitSquadLog(viewer, w.squadA.id, file, 1, NOW)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db().trainingSession.count()).toBe(1);
  });

  it("refuses a file over the size limit and one it cannot read, as a validation error", async () => {
    const w = await world();
    const big = new Uint8Array(2 * 1024 * 1024 + 1).fill(65);
    await expect(previewSquadLog(w.coachA, w.squadA.id, big, NOW)).rejects.toThrow(/the limit is 2 MB/);
    await expect(previewSquadLog(w.coachA, w.squadA.id, csv("Who,When", "x,y"), NOW)).rejects.toBeInstanceOf(ValidationError);
    // Windows-1252, as a spreadsheet may save it: the name still matches.
    await db().user.update({ where: { id: w.ana.id }, data: { name: "Ana Muñoz" } });
    const latin = Uint8Array.from([..."Name,Date,Distance,Minutes\nAna Mu"].map((c) => c.charCodeAt(0)).concat([0xf1], [..."oz,2026-06-09,8,40\n"].map((c) => c.charCodeAt(0))));
    expect((await previewSquadLog(w.coachA, w.squadA.id, latin, NOW)).rows[0]).toMatchObject({ athleteName: "Ana Muñoz", status: "add" });
  });
});
