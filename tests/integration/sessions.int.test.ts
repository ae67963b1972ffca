import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createSession, createShoe, deleteSession, setShoeRetired, updateSession } from "@/lib/sessions/mutations";
import { getOwnSession, listOwnShoes } from "@/lib/sessions/queries";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { dateOnly } from "@/lib/dates";
import { twoSquads } from "./factories";

const NOW = new Date("2026-06-15T12:00:00Z");
const run = (over: Record<string, unknown> = {}) => ({
  type: "RUN",
  date: "2026-06-14",
  startTime: "07:30",
  duration: "1:05",
  distance: "12.5",
  rpe: "6",
  surface: "TRAIL",
  ...over,
});

async function dailyLoads(userId: string) {
  const rows = await db().dailyLoad.findMany({ where: { userId }, orderBy: { localDate: "asc" } });
  return rows.map((r) => ({ date: dateOnly(r.localDate), srpeAu: r.srpeAu, runKm: r.runKm, sessions: r.sessionCount }));
}

describe("logging sessions", () => {
  it("stores the session in the athlete's time zone and keeps the day's totals in step", async () => {
    const { athleteA } = await twoSquads();
    const viewer = { ...athleteA, timeZone: "Europe/Madrid" };
    const { id } = await createSession(viewer, run(), NOW);
    const row = await db().trainingSession.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ type: "RUN", durationMin: 65, distanceKm: 12.5, rpe: 6, surface: "TRAIL", source: "MANUAL" });
    expect(row.startTime?.toISOString()).toBe("2026-06-14T05:30:00.000Z");
    await createSession(viewer, { type: "CORE", date: "2026-06-14", duration: "25" }, NOW);
    expect(await dailyLoads(athleteA.id)).toEqual([{ date: "2026-06-14", srpeAu: 6 * 65 + 5 * 25, runKm: 12.5, sessions: 2 }]);
  });

  it("converts miles for athletes who use them", async () => {
    const { athleteA } = await twoSquads();
    const { id } = await createSession({ ...athleteA, unitPreference: "MI" }, { ...run(), unit: "MI", distance: "10" }, NOW);
    expect((await db().trainingSession.findUniqueOrThrow({ where: { id } })).distanceKm).toBeCloseTo(16.093, 3);
  });

  it("refuses bad input field by field and writes nothing", async () => {
    const { athleteA } = await twoSquads();
    const error = await createSession(
      athleteA,
      { type: "CROSS_TRAINING", date: "2026-02-30", duration: "abc", rpe: "11", avgHr: "12" },
      NOW,
    ).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["avgHr", "date", "duration", "rpe", "subType"]);
    const noDistance = await createSession(athleteA, run({ distance: "" }), NOW).catch((e) => e);
    expect((noDistance as ValidationError).fieldErrors.distance).toEqual(["Enter the distance of the run"]);
    const future = await createSession(athleteA, run({ date: "2026-06-20" }), NOW).catch((e) => e);
    expect((future as ValidationError).fieldErrors.date?.[0]).toMatch(/future/);
    expect(await db().trainingSession.count()).toBe(0);
    expect(await db().dailyLoad.count()).toBe(0);
  });

  it("moves the totals when a session changes day, and removes them when it is deleted", async () => {
    const { athleteA } = await twoSquads();
    const { id } = await createSession(athleteA, run(), NOW);
    await updateSession(athleteA, id, run({ date: "2026-06-13", duration: "60", rpe: "4" }), NOW);
    expect(await dailyLoads(athleteA.id)).toEqual([{ date: "2026-06-13", srpeAu: 240, runKm: 12.5, sessions: 1 }]);
    await deleteSession(athleteA, id);
    expect(await dailyLoads(athleteA.id)).toEqual([]);
    expect(await db().auditLog.count({ where: { subjectUserId: athleteA.id, action: { startsWith: "session." } } })).toBe(3);
  });

  it("lets nobody else read, edit or delete a session", async () => {
    const { athleteA, athleteB, coachA } = await twoSquads();
    const { id } = await createSession(athleteA, run(), NOW);
    for (const other of [athleteB, coachA]) {
      await expect(getOwnSession(other, id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateSession(other, id, run({ duration: "10" }), NOW)).rejects.toBeInstanceOf(NotFoundError);
      await expect(deleteSession(other, id)).rejects.toBeInstanceOf(NotFoundError);
    }
    expect((await db().trainingSession.findUniqueOrThrow({ where: { id } })).durationMin).toBe(65);
  });
});

describe("shoes", () => {
  it("counts km per shoe, retires shoes, and refuses someone else's shoe", async () => {
    const { athleteA, athleteB } = await twoSquads();
    const { id: shoeId } = await createShoe(athleteA, { name: "Trail pair", initialDistance: "100" });
    await createSession(athleteA, run({ shoeId }), NOW);
    await createSession(athleteA, run({ shoeId, date: "2026-06-12", distance: "7.5" }), NOW);
    expect((await listOwnShoes(athleteA))[0]).toMatchObject({ name: "Trail pair", km: 120, retired: false });
    expect(await listOwnShoes(athleteB)).toEqual([]);

    const stolen = await createSession(athleteB, run({ shoeId }), NOW).catch((e) => e);
    expect((stolen as ValidationError).fieldErrors.shoeId).toEqual(["Choose one of your shoes"]);
    await expect(setShoeRetired(athleteB, shoeId, true)).rejects.toBeInstanceOf(NotFoundError);

    await setShoeRetired(athleteA, shoeId, true);
    expect((await listOwnShoes(athleteA))[0].retired).toBe(true);
  });
});
