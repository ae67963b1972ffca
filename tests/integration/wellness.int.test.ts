import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { setSquadWellnessCheckIn, submitWellness, WellnessOffError } from "@/lib/wellness/mutations";
import { getOwnWellnessToday } from "@/lib/wellness/queries";
import { getTrainingView } from "@/lib/athletes/training";
import { getCoachAthleteView } from "@/lib/athletes/coach-view";
import { getSquadTriage } from "@/lib/squads/overview";
import { addDays, dateOnly, todayIn, toDbDate } from "@/lib/dates";
import { addAthlete, createUser, twoSquads, viewerOf } from "./factories";

const NOW = new Date("2026-06-15T12:00:00Z");
const DAY_MS = 86_400_000;
const answers = (sleep: number, fatigue: number, soreness: number, stress: number, mood: number, backStiffness: number) => ({
  sleep: String(sleep),
  fatigue: String(fatigue),
  soreness: String(soreness),
  stress: String(stress),
  mood: String(mood),
  backStiffness: String(backStiffness),
});

async function entries(userId: string) {
  const rows = await db().wellnessEntry.findMany({ where: { userId }, orderBy: { localDate: "asc" } });
  return rows.map((r) => ({ date: dateOnly(r.localDate), items: [r.sleep, r.fatigue, r.soreness, r.stress, r.mood], backStiffness: r.backStiffness }));
}

async function worldWithCheckIn() {
  const w = await twoSquads();
  await setSquadWellnessCheckIn(w.coachA, { squadId: w.squadA.id, enabled: "on" });
  return w;
}

describe("daily wellness check-in", () => {
  it("is off by default: nothing can be posted until the head coach turns it on", async () => {
    const w = await twoSquads();
    expect((await getOwnWellnessToday(w.athleteA, NOW)).enabled).toBe(false);
    await expect(submitWellness(w.athleteA, answers(1, 1, 1, 1, 1, 0), NOW)).rejects.toBeInstanceOf(WellnessOffError);
    expect(await db().wellnessEntry.count()).toBe(0);

    await setSquadWellnessCheckIn(w.coachA, { squadId: w.squadA.id, enabled: "on" });
    expect((await getOwnWellnessToday(w.athleteA, NOW)).enabled).toBe(true);
    // Squad B has not turned it on: its athlete still cannot post.
    await expect(submitWellness(w.athleteB, answers(1, 1, 1, 1, 1, 0), NOW)).rejects.toBeInstanceOf(WellnessOffError);
    await expect(submitWellness(w.athleteA, answers(2, 3, 1, 2, 2, 4), NOW)).resolves.toMatchObject({ hooper: 10, replaced: false });

    await setSquadWellnessCheckIn(w.coachA, { squadId: w.squadA.id, enabled: "off" });
    await expect(submitWellness(w.athleteA, answers(1, 1, 1, 1, 1, 0), NOW)).rejects.toBeInstanceOf(WellnessOffError);
    expect(await entries(w.athleteA.id)).toHaveLength(1);
    const audit = await db().auditLog.findMany({ where: { squadId: w.squadA.id, action: "squad.wellness-check-in" }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.meta)).toEqual([{ enabled: true }, { enabled: false }]);
  });

  it("only the squad's head coach changes the setting", async () => {
    const w = await twoSquads();
    const assistant = await createUser("Assistant");
    await db().membership.create({ data: { userId: assistant.id, squadId: w.squadA.id, role: "COACH" } });
    await expect(setSquadWellnessCheckIn(await viewerOf(assistant.id), { squadId: w.squadA.id, enabled: "on" })).rejects.toMatchObject({ status: 403 });
    for (const v of [w.athleteA, w.athleteB, w.coachB]) {
      await expect(setSquadWellnessCheckIn(v, { squadId: w.squadA.id, enabled: "on" })).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await db().squad.findUniqueOrThrow({ where: { id: w.squadA.id } })).wellnessCheckIn).toBe(false);
  });

  it("keeps one check-in per day: a second answer the same day replaces the first", async () => {
    const w = await worldWithCheckIn();
    const today = todayIn(w.athleteA.timeZone, NOW);
    expect(await submitWellness(w.athleteA, answers(2, 2, 2, 2, 2, 3), NOW)).toMatchObject({ date: today, hooper: 10, replaced: false });
    expect(await submitWellness(w.athleteA, answers(4, 4, 3, 3, 3, 6), new Date(NOW.getTime() + 3_600_000))).toMatchObject({ hooper: 17, replaced: true });
    expect(await entries(w.athleteA.id)).toEqual([{ date: today, items: [4, 4, 3, 3, 3], backStiffness: 6 }]);
    expect((await getOwnWellnessToday(w.athleteA, NOW)).entry).toMatchObject({ hooper: 17, backStiffness: 6 });
    const actions = await db().auditLog.findMany({ where: { subjectUserId: w.athleteA.id, entity: "WellnessEntry" }, orderBy: { createdAt: "asc" } });
    expect(actions.map((a) => a.action)).toEqual(["wellness.submit", "wellness.replace"]);
    // The next day is a new check-in.
    await submitWellness(w.athleteA, answers(1, 1, 1, 1, 1, 0), new Date(NOW.getTime() + DAY_MS));
    expect((await entries(w.athleteA.id)).map((e) => e.date)).toEqual([today, addDays(today, 1)]);
  });

  it("changes nothing on bad input", async () => {
    const w = await worldWithCheckIn();
    const bad = [
      { ...answers(1, 1, 1, 1, 1, 0), sleep: "6" },
      { ...answers(1, 1, 1, 1, 1, 0), mood: "" },
      { ...answers(1, 1, 1, 1, 1, 0), fatigue: "0" },
      { ...answers(1, 1, 1, 1, 1, 0), soreness: "2.5" },
      { ...answers(1, 1, 1, 1, 1, 0), stress: "abc" },
      { ...answers(1, 1, 1, 1, 1, 0), backStiffness: "11" },
      { sleep: "1", fatigue: "1", soreness: "1", stress: "1", mood: "1" },
    ];
    for (const input of bad) await expect(submitWellness(w.athleteA, input, NOW)).rejects.toBeInstanceOf(ValidationError);
    await expect(submitWellness(w.athleteA, { ...answers(1, 1, 1, 1, 1, 0), sleep: "9" }, NOW)).rejects.toMatchObject({ fieldErrors: { sleep: ["Choose one of 1 to 5"] } });
    expect(await db().wellnessEntry.count()).toBe(0);
    expect(await db().auditLog.count({ where: { entity: "WellnessEntry" } })).toBe(0);
  });

  it("shows another squad's coach nothing of the athlete's check-ins", async () => {
    const w = await worldWithCheckIn();
    await submitWellness(w.athleteA, answers(3, 3, 3, 3, 3, 5), NOW);
    await expect(getTrainingView(w.coachB, w.athleteA.id, 28, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTrainingView(w.athleteB, w.athleteA.id, 28, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCoachAthleteView(w.coachB, w.squadA.id, w.athleteA.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getCoachAthleteView(w.coachB, w.squadB.id, w.athleteA.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSquadTriage(w.coachB, w.squadA.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
    // Squad B's own triage has no check-in column, and its athlete's rows carry nothing of athlete A.
    const triageB = await getSquadTriage(w.coachB, w.squadB.id, NOW);
    expect(triageB.map((r) => r.id)).toEqual([w.athleteB.id]);
    expect(triageB[0]).toMatchObject({ wellnessCheckIn: false, wellness: null });
    // Squad A's coach sees it.
    const [row] = await getSquadTriage(w.coachA, w.squadA.id, NOW);
    expect(row).toMatchObject({ wellnessCheckIn: true, wellness: { hooper: 15, backStiffness: 5, drop: false } });
  });

  it("raises wellness-drop in the training view and the triage after two bad days", async () => {
    const w = await worldWithCheckIn();
    const today = todayIn(w.athleteA.timeZone, NOW);
    // 12 usual days (8, 10, 8, ...) on today-14..today-3: mean 9, sample SD sqrt(12/11).
    await db().wellnessEntry.createMany({
      data: Array.from({ length: 12 }, (_, k) => {
        const [sleep, fatigue, soreness, stress, mood] = k % 2 === 0 ? [2, 2, 2, 1, 1] : [2, 2, 2, 2, 2];
        return { userId: w.athleteA.id, localDate: toDbDate(addDays(today, -14 + k)), sleep, fatigue, soreness, stress, mood, backStiffness: 2 };
      }),
    });
    await submitWellness(w.athleteA, answers(3, 3, 2, 2, 2, 5), new Date(NOW.getTime() - DAY_MS)); // 12
    const before = await getTrainingView(w.coachA, w.athleteA.id, 28, NOW);
    expect(before.flags.map((f) => f.id)).not.toContain("wellness-drop");
    expect((await getSquadTriage(w.coachA, w.squadA.id, NOW))[0].wellness).toMatchObject({ hooper: 12, drop: false });

    await submitWellness(w.athleteA, answers(3, 3, 3, 2, 2, 6), NOW); // 13
    const view = await getTrainingView(w.coachA, w.athleteA.id, 28, NOW);
    const flag = view.flags.find((f) => f.id === "wellness-drop");
    expect(flag).toMatchObject({ severity: "caution", date: today, values: { hooper: 13, previousHooper: 12, limit: 11.1821, previousLimit: 10.5667 } });
    expect(view.wellness).toMatchObject({ enabled: true, answered: 14 });
    expect(view.wellness.points.at(-1)).toMatchObject({ date: today, hooper: 13, backStiffness: 6, worse: true });
    expect((await getTrainingView(w.athleteA, w.athleteA.id, 28, NOW)).flags.map((f) => f.id)).toContain("wellness-drop");
    const [row] = await getSquadTriage(w.coachA, w.squadA.id, NOW);
    expect(row.wellness).toEqual({ date: today, hooper: 13, backStiffness: 6, drop: true });
    expect(row.open.map((f) => f.id)).toContain("wellness-drop");
    expect(row.worst).toBe("caution");
  });

  it("leaves an athlete in two squads posting when one of them has it on", async () => {
    const w = await twoSquads();
    const both = await addAthlete(w.squadB.id, { id: w.athleteA.id, email: w.athleteA.email });
    await setSquadWellnessCheckIn(w.coachB, { squadId: w.squadB.id, enabled: "on" });
    await expect(submitWellness(await viewerOf(both.id), answers(1, 2, 1, 2, 1, 1), NOW)).resolves.toMatchObject({ hooper: 7 });
  });
});
