import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import {
  applyPlanTemplate,
  createPlannedSession,
  createPlanTemplate,
  deletePlanTemplate,
  saveWeekAsTemplate,
  updatePlannedSession,
  updatePlanTemplate,
} from "@/lib/plans/mutations";
import { getAthleteCalendar, getPlannedSessionForEdit, getPlanTemplate, getSquadWeek, listPlanTemplates, listSquadAthletesForPlanning } from "@/lib/plans/queries";
import { createSession } from "@/lib/sessions/mutations";
import { addDays, mondayOf, todayIn } from "@/lib/dates";
import { addAthlete, twoSquads, viewerOf } from "./factories";

const nextMonday = () => addDays(mondayOf(todayIn("UTC")), 7);

const baseWeek = {
  name: "Base week",
  sessions: [
    { dayOffset: "0", type: "RUN", duration: "45", distance: "9", targetRpe: "5", title: "Easy run" },
    { dayOffset: "2", type: "CORE", duration: "25", targetRpe: "5" },
    { dayOffset: "12", type: "CROSS_TRAINING", subType: "CYCLING", duration: "1:00", targetRpe: "4" },
  ],
};

async function snapshot() {
  const prisma = db();
  const [planned, templates, audits] = await Promise.all([
    prisma.plannedSession.findMany({ orderBy: { id: "asc" } }),
    prisma.planTemplate.findMany({ orderBy: { id: "asc" } }),
    prisma.auditLog.count(),
  ]);
  return { planned, templates, audits };
}

async function squadWithThreeAthletes() {
  const world = await twoSquads();
  const second = await addAthlete(world.squadA.id);
  const third = await addAthlete(world.squadA.id);
  return { ...world, athleteA2: await viewerOf(second.id), athleteA3: await viewerOf(third.id) };
}

describe("plan templates", () => {
  it("creates, lists and deletes a template, each change audited", async () => {
    const { squadA, coachA } = await twoSquads();
    const { id, sessionCount } = await createPlanTemplate(coachA, squadA.id, baseWeek);
    expect(sessionCount).toBe(3);
    const [listed] = await listPlanTemplates(coachA, squadA.id);
    expect(listed).toMatchObject({ id, name: "Base week" });
    expect(listed.sessions.map((s) => [s.dayOffset, s.type, s.durationMin])).toEqual([
      [0, "RUN", 45],
      [2, "CORE", 25],
      [12, "CROSS_TRAINING", 60],
    ]);
    await deletePlanTemplate(coachA, squadA.id, { templateId: id });
    expect(await listPlanTemplates(coachA, squadA.id)).toEqual([]);
    const actions = (await db().auditLog.findMany({ where: { squadId: squadA.id }, orderBy: { createdAt: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(["plan.template-create", "plan.template-delete"]);
  });

  it("edits a template: name and sessions replaced, audited; sessions planned from it stay as they were", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const { id } = await createPlanTemplate(coachA, squadA.id, baseWeek);
    await applyPlanTemplate(coachA, squadA.id, { templateId: id, startDate: nextMonday(), athleteIds: [athleteA.id] });
    const plannedBefore = await db().plannedSession.findMany({ orderBy: { id: "asc" } });

    const result = await updatePlanTemplate(coachA, squadA.id, {
      templateId: id,
      name: "Base week, lighter",
      unit: "MI",
      sessions: [
        { dayOffset: "1", type: "RUN", duration: "40", distance: "5", targetRpe: "4", title: "Easy run" },
        { dayOffset: "4", type: "MOBILITY", duration: "15" },
      ],
    });
    expect(result).toEqual({ id, sessionCount: 2 });
    const edited = await getPlanTemplate(coachA, squadA.id, id);
    expect(edited.name).toBe("Base week, lighter");
    expect(edited.sessions).toEqual([
      { dayOffset: 1, type: "RUN", subType: null, durationMin: 40, distanceKm: 8.047, targetRpe: 4, title: "Easy run" },
      { dayOffset: 4, type: "MOBILITY", subType: null, durationMin: 15, distanceKm: null, targetRpe: null, title: null },
    ]);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "plan.template-update", entityId: id } });
    expect(audit.meta).toMatchObject({ name: "Base week, lighter", previousName: "Base week", sessions: 2 });
    expect(await db().plannedSession.findMany({ orderBy: { id: "asc" } })).toEqual(plannedBefore);
  });

  it("refuses a bad edit and changes nothing; another squad's coach gets 404 whatever they send", async () => {
    const { squadA, squadB, coachA, coachB } = await twoSquads();
    const { id } = await createPlanTemplate(coachA, squadA.id, baseWeek);
    const before = await snapshot();

    const error = await updatePlanTemplate(coachA, squadA.id, {
      templateId: id,
      name: "",
      sessions: [{ dayOffset: "3", type: "CROSS_TRAINING", duration: "30" }],
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["name", "sessions.0.subType"]);

    for (const [viewer, squadId] of [
      [coachB, squadB.id],
      [coachB, squadA.id],
    ] as const) {
      await expect(updatePlanTemplate(viewer, squadId, { templateId: id, name: "Taken", sessions: [{ dayOffset: "0", type: "CORE", duration: "20" }] })).rejects.toBeInstanceOf(NotFoundError);
      await expect(updatePlanTemplate(viewer, squadId, { templateId: id, name: "" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(getPlanTemplate(viewer, squadId, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await snapshot()).toEqual(before);
  });

  it("refuses a bad template field by field and writes nothing", async () => {
    const { squadA, coachA } = await twoSquads();
    const error = await createPlanTemplate(coachA, squadA.id, {
      name: " ",
      sessions: [{ dayOffset: "40", type: "RUN", duration: "" }, { dayOffset: "1", type: "CROSS_TRAINING", duration: "30" }],
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["name", "sessions.0.dayOffset", "sessions.0.duration", "sessions.1.subType"]);
    expect(await db().planTemplate.count()).toBe(0);
  });

  it("applies a template to several athletes at once, from a Monday", async () => {
    const { squadA, coachA, athleteA, athleteA2, athleteA3 } = await squadWithThreeAthletes();
    const { id } = await createPlanTemplate(coachA, squadA.id, baseWeek);
    const monday = nextMonday();
    const result = await applyPlanTemplate(coachA, squadA.id, { templateId: id, startDate: monday, athleteIds: [athleteA.id, athleteA2.id] });
    expect(result).toEqual({ sessionsAdded: 6, sessionsAlreadyPlanned: 0, athleteCount: 2, templateName: "Base week" });

    const rows = await db().plannedSession.findMany({ where: { squadId: squadA.id }, orderBy: [{ athleteId: "asc" }, { date: "asc" }] });
    expect(rows).toHaveLength(6);
    expect(new Set(rows.map((r) => r.athleteId))).toEqual(new Set([athleteA.id, athleteA2.id]));
    const mine = rows.filter((r) => r.athleteId === athleteA.id);
    expect(mine.map((r) => r.date.toISOString().slice(0, 10))).toEqual([monday, addDays(monday, 2), addDays(monday, 12)]);
    expect(mine[0]).toMatchObject({ type: "RUN", title: "Easy run", durationMin: 45, distanceKm: 9, targetRpe: 5, origin: "TEMPLATE", reason: 'From the template "Base week"', createdById: coachA.id });
    expect(mine[2]).toMatchObject({ type: "CROSS_TRAINING", subType: "CYCLING", durationMin: 60 });
    expect(await db().plannedSession.count({ where: { athleteId: athleteA3.id } })).toBe(0);

    const audits = await db().auditLog.findMany({ where: { action: "plan.template-apply" } });
    expect(audits.map((a) => a.subjectUserId).sort()).toEqual([athleteA.id, athleteA2.id].sort());

    // The athlete sees the planned sessions in their own plan, and the squad week shows them.
    const week = await getSquadWeek(coachA, squadA.id, monday);
    expect(week.rows.find((r) => r.athlete.id === athleteA.id)?.planned).toHaveLength(2);
    expect(week.rows.find((r) => r.athlete.id === athleteA3.id)?.planned).toHaveLength(0);
  });

  it("does not plan a session twice: applying again adds only what is missing", async () => {
    const { squadA, coachA, athleteA, athleteA2 } = await squadWithThreeAthletes();
    const { id } = await createPlanTemplate(coachA, squadA.id, baseWeek);
    const monday = nextMonday();
    await applyPlanTemplate(coachA, squadA.id, { templateId: id, startDate: monday, athleteIds: [athleteA.id] });
    // The coach moves the easy run to Tuesday by hand: on Monday it is no longer planned.
    const run = await db().plannedSession.findFirstOrThrow({ where: { athleteId: athleteA.id, type: "RUN" } });
    await db().plannedSession.update({ where: { id: run.id }, data: { date: new Date(`${addDays(monday, 1)}T00:00:00Z`) } });
    const auditsBefore = await db().auditLog.count({ where: { action: "plan.template-apply" } });

    const again = await applyPlanTemplate(coachA, squadA.id, { templateId: id, startDate: monday, athleteIds: [athleteA.id, athleteA2.id] });
    expect(again).toEqual({ sessionsAdded: 4, sessionsAlreadyPlanned: 2, athleteCount: 2, templateName: "Base week" });
    const mine = await db().plannedSession.findMany({ where: { athleteId: athleteA.id }, orderBy: { date: "asc" } });
    expect(mine.map((r) => [r.date.toISOString().slice(0, 10), r.type])).toEqual([
      [monday, "RUN"],
      [addDays(monday, 1), "RUN"],
      [addDays(monday, 2), "CORE"],
      [addDays(monday, 12), "CROSS_TRAINING"],
    ]);
    expect(await db().plannedSession.count({ where: { athleteId: athleteA2.id } })).toBe(3);
    expect(await db().auditLog.count({ where: { action: "plan.template-apply" } })).toBe(auditsBefore + 2);

    // Two applies at once for a third athlete: one adds the sessions, the other finds them planned.
    const athleteA3 = await viewerOf((await addAthlete(squadA.id)).id);
    const both = await Promise.all([1, 2].map(() => applyPlanTemplate(coachA, squadA.id, { templateId: id, startDate: monday, athleteIds: [athleteA3.id] })));
    expect(both.map((r) => r.sessionsAdded).sort()).toEqual([0, 3]);
    expect(await db().plannedSession.count({ where: { athleteId: athleteA3.id } })).toBe(3);

    // A third time changes nothing and records nothing.
    const before = await snapshot();
    const third = await applyPlanTemplate(coachA, squadA.id, { templateId: id, startDate: monday, athleteIds: [athleteA.id, athleteA2.id, athleteA3.id] });
    expect(third).toEqual({ sessionsAdded: 0, sessionsAlreadyPlanned: 9, athleteCount: 3, templateName: "Base week" });
    expect(await snapshot()).toEqual(before);
  });

  it("writes nothing when one athlete is not in the squad, or the start is not a Monday", async () => {
    const { squadA, coachA, athleteA, athleteB, athleteA2 } = await squadWithThreeAthletes();
    const { id } = await createPlanTemplate(coachA, squadA.id, baseWeek);
    const before = await snapshot();

    const outsider = await applyPlanTemplate(coachA, squadA.id, { templateId: id, startDate: nextMonday(), athleteIds: [athleteA.id, athleteB.id, athleteA2.id] }).catch((e) => e);
    expect(outsider).toBeInstanceOf(ValidationError);
    expect((outsider as ValidationError).fieldErrors.athleteIds).toBeDefined();
    // The coach themself is a member of the squad, but not an athlete of it.
    await expect(applyPlanTemplate(coachA, squadA.id, { templateId: id, startDate: nextMonday(), athleteIds: [coachA.id] })).rejects.toBeInstanceOf(ValidationError);

    const tuesday = await applyPlanTemplate(coachA, squadA.id, { templateId: id, startDate: addDays(nextMonday(), 1), athleteIds: [athleteA.id] }).catch((e) => e);
    expect(Object.keys((tuesday as ValidationError).fieldErrors)).toEqual(["startDate"]);
    const nobody = await applyPlanTemplate(coachA, squadA.id, { templateId: id, startDate: nextMonday(), athleteIds: [] }).catch((e) => e);
    expect((nobody as ValidationError).fieldErrors.athleteIds).toEqual(["Choose at least one athlete"]);

    expect(await snapshot()).toEqual(before);
  });

  it("saves an athlete's planned week as a template", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const monday = nextMonday();
    await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "RUN", date: addDays(monday, 1), duration: "50", distance: "10", targetRpe: "6" });
    await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "STRENGTH", date: addDays(monday, 3), duration: "30", title: "Gym" });
    await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "RUN", date: addDays(monday, 7), duration: "30" });
    const { id, sessionCount } = await saveWeekAsTemplate(coachA, squadA.id, athleteA.id, { name: "Week of Tuesday runs", monday });
    expect(sessionCount).toBe(2);
    const [template] = await listPlanTemplates(coachA, squadA.id);
    expect(template.id).toBe(id);
    expect(template.sessions).toEqual([
      { dayOffset: 1, type: "RUN", subType: null, durationMin: 50, distanceKm: 10, targetRpe: 6, title: null },
      { dayOffset: 3, type: "STRENGTH", subType: null, durationMin: 30, distanceKm: null, targetRpe: null, title: "Gym" },
    ]);
    const empty = await saveWeekAsTemplate(coachA, squadA.id, athleteA.id, { name: "Nothing", monday: addDays(monday, 14) }).catch((e) => e);
    expect(empty).toBeInstanceOf(ValidationError);
    expect(await db().planTemplate.count()).toBe(1);
  });

  it("is the squad's coaches' only: others get NotFoundError and nothing changes", async () => {
    const { squadA, squadB, coachA, coachB, athleteA, athleteB } = await twoSquads();
    const { id } = await createPlanTemplate(coachA, squadA.id, baseWeek);
    await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "CORE", date: nextMonday(), duration: "25" });
    const before = await snapshot();
    const outsiders: Viewer[] = [coachB, athleteA, athleteB];
    for (const outsider of outsiders) {
      await expect(listPlanTemplates(outsider, squadA.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(listSquadAthletesForPlanning(outsider, squadA.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getSquadWeek(outsider, squadA.id, nextMonday())).rejects.toBeInstanceOf(NotFoundError);
      await expect(createPlanTemplate(outsider, squadA.id, baseWeek)).rejects.toBeInstanceOf(NotFoundError);
      await expect(deletePlanTemplate(outsider, squadA.id, { templateId: id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(applyPlanTemplate(outsider, squadA.id, { templateId: id, startDate: nextMonday(), athleteIds: [athleteA.id] })).rejects.toBeInstanceOf(NotFoundError);
      await expect(saveWeekAsTemplate(outsider, squadA.id, athleteA.id, { name: "Stolen", monday: nextMonday() })).rejects.toBeInstanceOf(NotFoundError);
    }
    // Through one's own squad: the template and the athlete of another squad stay out of reach.
    await expect(deletePlanTemplate(coachB, squadB.id, { templateId: id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(applyPlanTemplate(coachB, squadB.id, { templateId: id, startDate: nextMonday(), athleteIds: [athleteB.id] })).rejects.toBeInstanceOf(NotFoundError);
    await expect(saveWeekAsTemplate(coachB, squadB.id, athleteA.id, { name: "Stolen", monday: nextMonday() })).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toEqual(before);
  });
});

describe("editing a planned session", () => {
  it("changes every field, keeps where it came from, and audits the change", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const { id } = await createPlanTemplate(coachA, squadA.id, baseWeek);
    const monday = nextMonday();
    await applyPlanTemplate(coachA, squadA.id, { templateId: id, startDate: monday, athleteIds: [athleteA.id] });
    const run = await db().plannedSession.findFirstOrThrow({ where: { athleteId: athleteA.id, type: "RUN" } });

    const result = await updatePlannedSession(coachA, {
      plannedId: run.id,
      type: "CROSS_TRAINING",
      subType: "SWIMMING",
      date: addDays(monday, 4),
      duration: "40",
      distance: "",
      targetRpe: "3",
      title: "Pool instead",
      description: "Easy laps",
    });
    expect(result).toEqual({ id: run.id, date: addDays(monday, 4) });
    const stored = await db().plannedSession.findUniqueOrThrow({ where: { id: run.id } });
    expect(stored).toMatchObject({ type: "CROSS_TRAINING", subType: "SWIMMING", durationMin: 40, distanceKm: null, targetRpe: 3, title: "Pool instead", description: "Easy laps", origin: "TEMPLATE" });
    expect(stored.date.toISOString().slice(0, 10)).toBe(addDays(monday, 4));
    expect(await db().auditLog.count({ where: { action: "plan.update", entityId: run.id } })).toBe(1);

    const { planned } = await getPlannedSessionForEdit(coachA, squadA.id, athleteA.id, run.id);
    expect(planned.title).toBe("Pool instead");
  });

  it("refuses bad fields all at once and changes nothing", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const { id } = await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "RUN", date: nextMonday(), duration: "40" });
    const before = await snapshot();
    const error = await updatePlannedSession(coachA, { plannedId: id, type: "CROSS_TRAINING", date: "2026-02-30", duration: "0", targetRpe: "15" }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["date", "duration", "subType", "targetRpe"]);
    expect(await snapshot()).toEqual(before);
  });

  it("is out of reach of anyone but the athlete's coaches", async () => {
    const { squadA, squadB, coachA, coachB, athleteA, athleteB } = await twoSquads();
    const { id } = await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "RUN", date: nextMonday(), duration: "40" });
    const before = await snapshot();
    for (const outsider of [coachB, athleteA, athleteB]) {
      await expect(updatePlannedSession(outsider, { plannedId: id, type: "RUN", date: nextMonday(), duration: "90" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(getPlannedSessionForEdit(outsider, squadA.id, athleteA.id, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getPlannedSessionForEdit(coachB, squadB.id, athleteB.id, id)).rejects.toBeInstanceOf(NotFoundError);
    // The right squad but the wrong athlete in the address.
    const other = await addAthlete(squadA.id);
    await expect(getPlannedSessionForEdit(coachA, squadA.id, other.id, id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toEqual(before);
  });
  it("no longer edits the plan of an athlete who has left the squad", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const { id } = await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "RUN", date: nextMonday(), duration: "40" });
    await db().membership.deleteMany({ where: { squadId: squadA.id, userId: athleteA.id } });
    await expect(updatePlannedSession(coachA, { plannedId: id, type: "RUN", date: nextMonday(), duration: "90" })).rejects.toBeInstanceOf(NotFoundError);
    expect((await db().plannedSession.findUniqueOrThrow({ where: { id } })).durationMin).toBe(40);
  });
});

describe("calendar and planned vs done", () => {
  it("shows a week of plan with what was done and which planned sessions it fulfilled", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const today = todayIn("UTC");
    // Last week is over whatever the weekday today: every planned day in it is done or missed.
    const lastMonday = addDays(mondayOf(today), -7);
    const tuesday = addDays(lastMonday, 1);
    const planRun = await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "RUN", date: tuesday, duration: "40", distance: "8", targetRpe: "5" });
    const planCore = await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "CORE", date: lastMonday, duration: "25" });
    const planLater = await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "RUN", date: addDays(today, 1), duration: "30" });
    const doneRun = await createSession(athleteA, { type: "RUN", date: tuesday, duration: "45", distance: "9", rpe: "6" });
    const doneStrength = await createSession(athleteA, { type: "STRENGTH", date: lastMonday, duration: "30", rpe: "5" });

    const calendar = await getAthleteCalendar(coachA, squadA.id, athleteA.id, { view: "week", start: tuesday });
    expect(calendar.today).toBe(today);
    expect(calendar.grid.start).toBe(lastMonday);
    expect(calendar.athlete.id).toBe(athleteA.id);
    expect(calendar.planned.map((p) => p.id)).toEqual([planCore.id, planRun.id]);
    expect(calendar.done.map((d) => d.id).sort()).toEqual([doneRun.id, doneStrength.id].sort());
    expect(calendar.comparison.status).toEqual({ [planRun.id]: "done", [planCore.id]: "missed" });
    expect(calendar.comparison.matchedSessionId[planRun.id]).toBe(doneRun.id);
    expect(calendar.comparison.unplannedSessionIds).toEqual([doneStrength.id]);
    const day = calendar.comparison.days.find((d) => d.date === tuesday)!;
    expect(day).toMatchObject({ planned: { durationMin: 40, distanceKm: 8, loadAu: 200 }, done: { durationMin: 45, distanceKm: 9, loadAu: 270 }, completedCount: 1 });
    expect(calendar.comparison.weeks[0]).toMatchObject({ plannedCount: 2, completedCount: 1, missedCount: 1, done: { durationMin: 75, loadAu: 420 } });

    const thisWeek = await getAthleteCalendar(coachA, squadA.id, athleteA.id, { view: "week", start: today });
    if (addDays(today, 1) <= thisWeek.grid.end) expect(thisWeek.comparison.status[planLater.id]).toBe("due");
    const tomorrow = addDays(today, 1);
    const month = await getAthleteCalendar(coachA, squadA.id, athleteA.id, { view: "month", start: tomorrow });
    expect(month.grid.start).toBe(`${tomorrow.slice(0, 7)}-01`);
    expect(month.planned.map((p) => p.id)).toContain(planLater.id);
  });

  it("answers NotFoundError to anyone but the athlete's coaches", async () => {
    const { squadA, squadB, coachB, athleteA, athleteB } = await twoSquads();
    for (const outsider of [coachB, athleteA, athleteB]) {
      await expect(getAthleteCalendar(outsider, squadA.id, athleteA.id, { view: "week", start: todayIn("UTC") })).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(getAthleteCalendar(coachB, squadB.id, athleteA.id, { view: "month", start: todayIn("UTC") })).rejects.toBeInstanceOf(NotFoundError);
  });
});
