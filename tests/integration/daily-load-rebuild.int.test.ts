import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { todayIn } from "@/lib/dates";
import { rebuildAllDailyLoads, rebuildDailyLoads } from "@/lib/sessions/daily-load";
import { seedDemo } from "@/prisma/demo/seed";

// The full rebuild in SQL (the club seed's daily totals, and the bench's rebuild time) must write exactly
// what rebuildDailyLoads (aggregateDailyLoads over the stored sessions) writes, and what the demo seed stores.
async function dailyLoads(userId?: string) {
  const rows = await db().dailyLoad.findMany({ where: userId ? { userId } : {}, orderBy: [{ userId: "asc" }, { localDate: "asc" }] });
  return rows.map((r) => ({ ...r, runKmBySurface: r.runKmBySurface ?? null }));
}

describe("full rebuild of daily totals", () => {
  it("writes the rows aggregateDailyLoads writes, for every athlete", async () => {
    await seedDemo(db(), { athletes: 5, months: 3, endDate: todayIn("UTC") });
    const seeded = await dailyLoads();
    for (const userId of new Set(seeded.map((r) => r.userId))) await rebuildDailyLoads(db(), userId);
    const expected = await dailyLoads();
    expect(expected).toEqual(seeded);
    expect(expected.length).toBeGreaterThan(100);
    expect(expected.some((r) => r.runKmBySurface !== null)).toBe(true);

    expect(await rebuildAllDailyLoads(db())).toBe(expected.length);
    expect(await dailyLoads()).toEqual(expected);
  });

  it("leaves out sessions awaiting a look and touches only the athletes given", async () => {
    await seedDemo(db(), { athletes: 3, months: 2, endDate: todayIn("UTC") });
    const run = await db().trainingSession.findFirstOrThrow({ where: { type: "RUN" }, orderBy: { localDate: "desc" } });
    await db().trainingSession.update({ where: { id: run.id }, data: { reviewReason: "distance" } });
    const athlete = run.userId;
    await rebuildDailyLoads(db(), athlete);
    const expected = await dailyLoads(athlete);

    await db().dailyLoad.deleteMany({ where: { userId: athlete } });
    await db().dailyLoad.updateMany({ where: { userId: { not: athlete } }, data: { srpeAu: -1 } });
    expect(await rebuildAllDailyLoads(db(), [athlete])).toBe(expected.length);
    expect(await dailyLoads(athlete)).toEqual(expected);
    const others = (await dailyLoads()).filter((r) => r.userId !== athlete);
    expect(others.length).toBeGreaterThan(0);
    expect(others.every((r) => r.srpeAu === -1)).toBe(true);
  });
});
