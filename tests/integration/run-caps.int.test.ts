import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { applySuggestedCaps, createPlannedSession } from "@/lib/plans/mutations";
import { getPlanningView } from "@/lib/plans/planning";
import { kmAtMost } from "@/lib/plans/run-caps";
import { createSession } from "@/lib/sessions/mutations";
import { addDays, dateOnly, todayIn } from "@/lib/dates";
import { addAthlete, twoSquads } from "./factories";

/**
 * An athlete whose long run is 12 km ran 24 km yesterday (a session spike), with runs planned by the
 * squad's coach: two far above any cap in the next 7 days, an easy one, and one beyond the 7 days.
 */
async function spikeWithPlan() {
  const world = await twoSquads();
  const { squadA, coachA, athleteA } = world;
  const today = todayIn("UTC");
  for (const offset of [-28, -21, -14, -7]) {
    await createSession(athleteA, { type: "RUN", date: addDays(today, offset), duration: "72", distance: "12", rpe: "5" });
  }
  for (const offset of [-25, -18, -11, -4]) {
    await createSession(athleteA, { type: "RUN", date: addDays(today, offset), duration: "48", distance: "8", rpe: "4" });
  }
  await createSession(athleteA, { type: "RUN", date: addDays(today, -1), duration: "150", distance: "24", rpe: "7" });
  const plan = async (offset: number, distance: string, duration: string) =>
    (await createPlannedSession(coachA, squadA.id, athleteA.id, { type: "RUN", date: addDays(today, offset), distance, duration, targetRpe: "5" })).id;
  const planned = {
    easy: await plan(2, "8", "48"),
    long: await plan(3, "40", "240"),
    longer: await plan(6, "30", "185"),
    later: await plan(9, "40", "240"),
  };
  return { ...world, today, planned };
}

const snapshot = async () =>
  (await db().plannedSession.findMany({ orderBy: { id: "asc" }, select: { id: true, date: true, distanceKm: true, durationMin: true } })).map((p) => ({
    ...p,
    date: dateOnly(p.date),
  }));

describe("applying a suggested cap", () => {
  it("trims every planned run of the next 7 days above the single-run cap, duration in proportion, in one audited write", async () => {
    const { squadA, coachA, athleteA, planned } = await spikeWithPlan();
    const view = await getPlanningView(coachA, squadA.id, athleteA.id);
    expect(view.flags.map((f) => f.id)).toContain("session-spike");
    const capped = view.suggestions.find((s) => s.flagId === "session-spike" && s.limits?.maxRunKm);
    expect(capped).toBeDefined();
    const cap = capped!.limits!.maxRunKm!;
    expect(cap).toBeLessThan(30);

    const { trimmed } = await applySuggestedCaps(coachA, squadA.id, athleteA.id, capped!.id);
    const km = kmAtMost(cap);
    expect(trimmed.map((t) => t.id).sort()).toEqual([planned.long, planned.longer].sort());

    const row = (id: string) => db().plannedSession.findUniqueOrThrow({ where: { id }, select: { distanceKm: true, durationMin: true } });
    expect(await row(planned.long)).toEqual({ distanceKm: km, durationMin: Math.round((240 * km) / 40) });
    expect(await row(planned.longer)).toEqual({ distanceKm: km, durationMin: Math.round((185 * km) / 30) });
    expect(await row(planned.easy)).toEqual({ distanceKm: 8, durationMin: 48 });
    // Beyond the 7 days the cap speaks for, the plan is the coach's to change.
    expect(await row(planned.later)).toEqual({ distanceKm: 40, durationMin: 240 });

    const audit = await db().auditLog.findMany({ where: { action: "plan.apply-cap" } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: coachA.id, squadId: squadA.id, subjectUserId: athleteA.id });
    expect(audit[0].meta).toMatchObject({ flagId: "session-spike", caps: { maxRunKm: cap } });

    // Once applied, the plan keeps to the cap: no run of the next 7 days is named above it any more.
    const after = await getPlanningView(coachA, squadA.id, athleteA.id);
    const overCap = after.planned.filter((p) => p.type === "RUN" && (p.distanceKm ?? 0) > cap && p.date <= addDays(after.asOf, 7));
    expect(overCap).toEqual([]);
  });

  it("is the squad's coach's only: an outsider, the athlete and another squad's plan are left alone", async () => {
    const { squadA, squadB, coachA, coachB, athleteA, athleteB, today, planned } = await spikeWithPlan();
    // The athlete also runs with squad B, whose coach planned a long run of their own.
    await addAthlete(squadB.id, { id: athleteA.id, email: athleteA.email });
    const otherSquadRun = (
      await createPlannedSession(coachB, squadB.id, athleteA.id, { type: "RUN", date: addDays(today, 4), distance: "35", duration: "210" })
    ).id;
    const capped = (await getPlanningView(coachA, squadA.id, athleteA.id)).suggestions.find((s) => s.limits?.maxRunKm);
    expect(capped).toBeDefined();
    const before = await snapshot();

    for (const outsider of [coachB, athleteA, athleteB]) {
      await expect(applySuggestedCaps(outsider, squadA.id, athleteA.id, capped!.id)).rejects.toBeInstanceOf(NotFoundError);
    }
    // Squad B's coach cannot reach squad A's plan through their own squad either.
    await expect(applySuggestedCaps(coachB, squadB.id, athleteB.id, capped!.id)).rejects.toBeInstanceOf(ValidationError);
    await expect(applySuggestedCaps(coachA, squadA.id, athleteB.id, capped!.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await snapshot()).toEqual(before);

    await applySuggestedCaps(coachA, squadA.id, athleteA.id, capped!.id);
    const rows = await snapshot();
    expect(rows.find((r) => r.id === otherSquadRun)).toMatchObject({ distanceKm: 35, durationMin: 210 });
    expect(rows.find((r) => r.id === planned.long)?.distanceKm).toBeLessThan(40);
  });

  it("refuses a suggestion that is gone or sets no cap, with a message, and writes nothing", async () => {
    const { squadA, coachA, athleteA } = await spikeWithPlan();
    const view = await getPlanningView(coachA, squadA.id, athleteA.id);
    const uncapped = view.suggestions.find((s) => !s.limits);
    expect(uncapped).toBeDefined();
    const before = await snapshot();

    const gone = await applySuggestedCaps(coachA, squadA.id, athleteA.id, "made-up-id").catch((e) => e);
    expect(gone).toBeInstanceOf(ValidationError);
    expect((gone as ValidationError).message).toBe("That suggestion no longer applies; the list has been refreshed.");
    const noCap = await applySuggestedCaps(coachA, squadA.id, athleteA.id, uncapped!.id).catch((e) => e);
    expect(noCap).toBeInstanceOf(ValidationError);
    expect((noCap as ValidationError).message).toBe("This suggestion sets no cap to apply to the plan.");

    expect(await snapshot()).toEqual(before);
    expect(await db().auditLog.count({ where: { action: "plan.apply-cap" } })).toBe(0);
  });
});
