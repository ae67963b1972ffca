import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { copyWeekToNextWeek, createPlannedSession, movePlannedSession, undoCopyWeek } from "@/lib/plans/mutations";
import { getWeekCopyPreview } from "@/lib/plans/queries";
import { getPlanningView } from "@/lib/plans/planning";
import { createSession } from "@/lib/sessions/mutations";
import { addDays, dateOnly, mondayOf, todayIn } from "@/lib/dates";
import { twoSquads } from "./factories";

const dateOf = async (id: string) => dateOnly((await db().plannedSession.findUniqueOrThrow({ where: { id } })).date);

/** An active red-flag hold on an athlete's plan from a day on (as a red-flag report writes it). */
const holdPlan = (athleteId: string, startDate: string) => db().planHold.create({ data: { athleteId, startDate: new Date(`${startDate}T00:00:00Z`) } });

describe("moving a planned session", () => {
  it("moves to another day with an audit entry, and the projection follows", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const today = todayIn("UTC");
    for (const offset of [-20, -10, -3]) {
      await createSession(athleteA, { type: "RUN", date: addDays(today, offset), duration: "40", distance: "8", rpe: "5" });
    }
    const { id } = await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "RUN", date: addDays(today, 2), duration: "90", targetRpe: "7" });
    const before = await getPlanningView(coachA, squadA.id, athleteA.id);
    expect(await movePlannedSession(coachA, { plannedId: id, date: addDays(today, 5) })).toEqual({ moved: true });
    expect(await dateOf(id)).toBe(addDays(today, 5));
    const after = await getPlanningView(coachA, squadA.id, athleteA.id);
    const acuteOn = (view: typeof before, day: string) => view.projection.find((p) => p.date === day)?.acute ?? 0;
    expect(acuteOn(after, addDays(today, 2))).toBeLessThan(acuteOn(before, addDays(today, 2)));
    const audit = await db().auditLog.findMany({ where: { action: "plan.move", entityId: id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: coachA.id, squadId: squadA.id, subjectUserId: athleteA.id, meta: { from: addDays(today, 2), to: addDays(today, 5) } });
  });

  it("changes nothing, and records nothing, on a drop on the same day", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const day = addDays(todayIn("UTC"), 3);
    const { id } = await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "CORE", date: day, duration: "25" });
    const updatedAt = (await db().plannedSession.findUniqueOrThrow({ where: { id } })).updatedAt;
    expect(await movePlannedSession(coachA, { plannedId: id, date: day })).toEqual({ moved: false });
    expect((await db().plannedSession.findUniqueOrThrow({ where: { id } })).updatedAt).toEqual(updatedAt);
    expect(await db().auditLog.count({ where: { action: "plan.move", entityId: id } })).toBe(0);
  });

  it("is refused to outsiders and while the plan is held", async () => {
    const { squadA, coachA, coachB, athleteA, athleteB } = await twoSquads();
    const today = todayIn("UTC");
    const { id } = await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "RUN", date: addDays(today, 2), duration: "40" });
    for (const outsider of [coachB, athleteA, athleteB]) {
      await expect(movePlannedSession(outsider, { plannedId: id, date: addDays(today, 4) })).rejects.toBeInstanceOf(NotFoundError);
    }
    await expect(movePlannedSession(coachA, { plannedId: id, date: "2026-02-30" })).rejects.toBeInstanceOf(ValidationError);

    await holdPlan(athleteA.id, today);
    const error = await movePlannedSession(coachA, { plannedId: id, date: addDays(today, 4) }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(error.message).toMatch(/on hold after a red-flag report/);
    expect(await dateOf(id)).toBe(addDays(today, 2));
    expect(await db().auditLog.count({ where: { action: "plan.move", entityId: id } })).toBe(0);
  });
});

describe("copying a week to the next", () => {
  it("copies every session alongside what is there, in one audited step, and the copies can be removed", async () => {
    const { squadA, squadB, coachA, coachB, athleteA, athleteB } = await twoSquads();
    const monday = addDays(mondayOf(todayIn("UTC")), 7);
    await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "RUN", date: monday, duration: "45", distance: "9", title: "Easy run" });
    await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "CORE", date: addDays(monday, 2), duration: "25", description: "Dead bug, Bird dog" });
    await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "RUN", date: addDays(monday, 6), duration: "100", distance: "18", title: "Long run" });
    // Already next week: stays, the copies go alongside.
    const { id: existing } = await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "MOBILITY", date: addDays(monday, 8), duration: "20" });

    expect(await getWeekCopyPreview(coachA, squadA.id, athleteA.id, monday)).toEqual({ toCopy: 3, alreadyThere: 1, held: false });
    const result = await copyWeekToNextWeek(coachA, squadA.id, athleteA.id, { monday });
    expect(result.copiedIds).toHaveLength(3);
    expect(result.alreadyThere).toBe(1);
    const next = await db().plannedSession.findMany({
      where: { athleteId: athleteA.id, date: { gte: new Date(`${addDays(monday, 7)}T00:00:00Z`), lte: new Date(`${addDays(monday, 13)}T00:00:00Z`) } },
      orderBy: [{ date: "asc" }, { createdAt: "asc" }],
    });
    expect(next.map((p) => [dateOnly(p.date), p.type, p.title])).toEqual([
      [addDays(monday, 7), "RUN", "Easy run"],
      [addDays(monday, 8), "MOBILITY", null],
      [addDays(monday, 9), "CORE", null],
      [addDays(monday, 13), "RUN", "Long run"],
    ]);
    expect(next.find((p) => p.type === "CORE")?.description).toBe("Dead bug, Bird dog");
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "plan.copy-week", subjectUserId: athleteA.id } });
    expect(audit.meta).toEqual({ fromWeek: monday, toWeek: addDays(monday, 7), sessions: 3, alreadyThere: 1 });

    // Undo removes the copies; an id outside this athlete's plan in this squad is ignored.
    const { id: otherSquads } = await createPlannedSession(coachB, squadB.id, athleteB.id, { type: "RUN", date: monday, duration: "30" });
    expect(await undoCopyWeek(coachA, squadA.id, athleteA.id, { plannedIds: [...result.copiedIds, otherSquads].join(",") })).toEqual({ removed: 3 });
    expect(await db().plannedSession.count({ where: { id: otherSquads } })).toBe(1);
    expect(await db().plannedSession.count({ where: { id: existing } })).toBe(1);
    expect(await db().plannedSession.count({ where: { athleteId: athleteA.id } })).toBe(4);
    expect(await db().auditLog.count({ where: { action: "plan.copy-week-undo", subjectUserId: athleteA.id } })).toBe(1);
  });

  it("refuses an empty week, a day that is not a Monday, outsiders, and a held plan, writing nothing", async () => {
    const { squadA, coachA, coachB, athleteA, athleteB } = await twoSquads();
    const monday = addDays(mondayOf(todayIn("UTC")), 7);
    await expect(copyWeekToNextWeek(coachA, squadA.id, athleteA.id, { monday })).rejects.toThrow(/nothing to copy/);
    await expect(copyWeekToNextWeek(coachA, squadA.id, athleteA.id, { monday: addDays(monday, 1) })).rejects.toBeInstanceOf(ValidationError);
    const { id } = await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "RUN", date: monday, duration: "45" });
    for (const outsider of [coachB, athleteA, athleteB]) {
      await expect(copyWeekToNextWeek(outsider, squadA.id, athleteA.id, { monday })).rejects.toBeInstanceOf(NotFoundError);
      await expect(undoCopyWeek(outsider, squadA.id, athleteA.id, { plannedIds: id })).rejects.toBeInstanceOf(NotFoundError);
    }
    await holdPlan(athleteA.id, addDays(monday, 3));
    expect((await getWeekCopyPreview(coachA, squadA.id, athleteA.id, monday)).held).toBe(true);
    await expect(copyWeekToNextWeek(coachA, squadA.id, athleteA.id, { monday })).rejects.toThrow(/on hold after a red-flag report/);
    expect(await db().plannedSession.count({ where: { athleteId: athleteA.id } })).toBe(1);
    expect(await db().auditLog.count({ where: { action: "plan.copy-week" } })).toBe(0);
  });
});
