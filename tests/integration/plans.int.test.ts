import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { addSuggestedSession, createPlannedSession, deletePlannedSession, movePlannedSession } from "@/lib/plans/mutations";
import { getPlanningView } from "@/lib/plans/planning";
import { listPlannedSessions } from "@/lib/plans/queries";
import { plannedReasonText } from "@/lib/plans/reason";
import { engineText } from "@/lib/i18n/engine-text";
import { createSession } from "@/lib/sessions/mutations";
import { addDays, todayIn } from "@/lib/dates";
import { twoSquads } from "./factories";

describe("planning", () => {
  it("adds, moves and removes planned sessions, and the projection follows the plan", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const today = todayIn("UTC");
    for (const offset of [-34, -20, -10, -3]) {
      await createSession(athleteA, { type: "RUN", date: addDays(today, offset), duration: "40", distance: "8", rpe: "5" });
    }
    const before = await getPlanningView(coachA, squadA.id, athleteA.id);
    const { id } = await createPlannedSession(coachA, squadA.id, athleteA.id, {
      type: "RUN",
      date: addDays(today, 2),
      duration: "60",
      distance: "12",
      targetRpe: "6",
    });
    const after = await getPlanningView(coachA, squadA.id, athleteA.id);
    expect(after.planned.map((p) => p.id)).toContain(id);
    const day = addDays(today, 2);
    expect(after.projection.find((p) => p.date === day)?.acute).toBeGreaterThan(before.projection.find((p) => p.date === day)?.acute ?? 0);

    await movePlannedSession(coachA, { plannedId: id, date: addDays(today, 3) });
    expect((await db().plannedSession.findUniqueOrThrow({ where: { id } })).date.toISOString().slice(0, 10)).toBe(addDays(today, 3));
    await deletePlannedSession(coachA, id);
    expect(await db().plannedSession.count({ where: { id } })).toBe(0);
  });

  it("adds a suggested core session that keeps its flag and reason", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const today = todayIn("UTC");
    for (const offset of [-9, -5, -2]) {
      await createSession(athleteA, { type: "RUN", date: addDays(today, offset), duration: "40", distance: "8", rpe: "5" });
    }
    const view = await getPlanningView(coachA, squadA.id, athleteA.id);
    expect(view.flags.map((f) => f.id)).toContain("compensatory-deficit");
    const core = view.suggestions.find((s) => s.flagId === "compensatory-deficit" && s.type === "core");
    expect(core).toBeDefined();
    await addSuggestedSession(coachA, squadA.id, athleteA.id, core!.id);
    const stored = await db().plannedSession.findFirstOrThrow({ where: { athleteId: athleteA.id } });
    expect(stored).toMatchObject({ type: "CORE", origin: "SUGGESTION", flagId: "compensatory-deficit" });
    // The English words for older readers, and the parts that every reader sees in their own language.
    expect(stored.reason).toMatch(/^Few core or strength sessions lately/);
    expect(stored.reasonParts).toEqual(core!.reason);
    const [row] = await listPlannedSessions(coachA, athleteA.id, today, addDays(today, 7));
    expect(row.reasonParts).toEqual(core!.reason);
    expect(plannedReasonText(row, engineText("es"))).toMatch(/^Pocas sesiones de core o fuerza últimamente/);
    expect(plannedReasonText(row, engineText("en"))).toBe(stored.reason);
    // A row from before the parts (or with parts that are not well formed) keeps its English text.
    await db().plannedSession.update({ where: { id: stored.id }, data: { reasonParts: [{ code: 7 }] } });
    const [old] = await listPlannedSessions(coachA, athleteA.id, today, addDays(today, 7));
    expect(old.reasonParts).toBeNull();
    expect(plannedReasonText(old, engineText("es"))).toBe(stored.reason);
    await expect(addSuggestedSession(coachA, squadA.id, athleteA.id, "made-up-id")).rejects.toBeInstanceOf(ValidationError);
  });

  it("is the squad's coaches' only", async () => {
    const { squadA, coachA, coachB, athleteA, athleteB } = await twoSquads();
    const { id } = await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "CORE", date: addDays(todayIn("UTC"), 1), duration: "25" });
    for (const outsider of [coachB, athleteA, athleteB]) {
      await expect(getPlanningView(outsider, squadA.id, athleteA.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        createPlannedSession(outsider, squadA.id, athleteA.id, { type: "CORE", date: addDays(todayIn("UTC"), 1), duration: "25" }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(movePlannedSession(outsider, { plannedId: id, date: addDays(todayIn("UTC"), 5) })).rejects.toBeInstanceOf(NotFoundError);
      await expect(deletePlannedSession(outsider, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db().plannedSession.count()).toBe(1);
  });

  it("refuses a bad planned session field by field", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const error = await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "CROSS_TRAINING", date: "soon", duration: "x", targetRpe: "12" }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["date", "duration", "subType", "targetRpe"]);
    expect(await db().plannedSession.count()).toBe(0);
  });
});
