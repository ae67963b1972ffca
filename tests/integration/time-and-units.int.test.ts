import { describe, expect, it } from "vitest";
import { parse } from "csv-parse/sync";
import { strFromU8, unzipSync } from "fflate";
import { db } from "@/lib/db";
import { dateOnly } from "@/lib/dates";
import { updatePreferences } from "@/lib/accounts/mutations";
import { createSession, updateSession } from "@/lib/sessions/mutations";
import { getOwnSession, listOwnSessions } from "@/lib/sessions/queries";
import { getAthleteSummary } from "@/lib/athletes/queries";
import { listCommentTargets } from "@/lib/comments/queries";
import { listCommentsForAthlete } from "@/lib/athletes/comments";
import { createComment } from "@/lib/comments/mutations";
import { buildPersonalDataZip } from "@/lib/account-data/export";
import { twoSquads, viewerOf } from "./factories";

const NOW = new Date("2026-12-05T12:00:00Z");
const eveningRun = { type: "RUN", date: "2026-12-03", startTime: "18:49", duration: "50", distance: "10", rpe: "6" };

async function dailyLoads(userId: string) {
  const rows = await db().dailyLoad.findMany({ where: { userId }, orderBy: { localDate: "asc" } });
  return rows.map((r) => ({ date: dateOnly(r.localDate), srpeAu: r.srpeAu, runKm: r.runKm }));
}

async function athleteIn(timeZone: string) {
  const world = await twoSquads();
  await updatePreferences(world.athleteA, { unitPreference: "KM", timeZone });
  return { ...world, athleteA: await viewerOf(world.athleteA.id) };
}

describe("session times after a change of time zone", () => {
  it("shows the start in the new zone, a day later, and keeps the load on the day it was logged", async () => {
    const { athleteA, coachA, squadA } = await athleteIn("America/Los_Angeles");
    const { id } = await createSession(athleteA, eveningRun, NOW);
    const stored = await db().trainingSession.findUniqueOrThrow({ where: { id } });
    expect(stored.startTime?.toISOString()).toBe("2026-12-04T02:49:00.000Z");
    expect(stored.timeZone).toBe("America/Los_Angeles");
    expect(dateOnly(stored.localDate)).toBe("2026-12-03");

    await updatePreferences(athleteA, { unitPreference: "KM", timeZone: "Asia/Dhaka" });
    const moved = await viewerOf(athleteA.id);
    const [row] = await listOwnSessions(moved, 42, NOW);
    expect(row).toMatchObject({
      date: "2026-12-03",
      shownDate: "2026-12-04",
      startTime: "08:49",
      countedNote: "Counted on 3 Dec (your time zone then: America/Los_Angeles)",
    });
    expect(await getOwnSession(moved, id)).toMatchObject({ shownDate: "2026-12-04", startTime: "08:49" });
    // The engine's day does not move: the totals stay on 3 Dec.
    expect(await dailyLoads(athleteA.id)).toEqual([{ date: "2026-12-03", srpeAu: 300, runKm: 10 }]);

    // The athlete's home and the coach's page say the same, each in the viewer's own zone.
    const own = await getAthleteSummary(moved, athleteA.id, NOW);
    expect(own.recentSessions[0]).toMatchObject({ shownDate: "2026-12-04", startTime: "08:49", countedNote: expect.stringContaining("your time zone") });
    const coach = { ...coachA, timeZone: "Europe/Madrid" };
    const seen = await getAthleteSummary(coach, athleteA.id, NOW);
    expect(seen.recentSessions[0]).toMatchObject({
      date: "2026-12-03",
      shownDate: "2026-12-04",
      startTime: "03:49",
      countedNote: "Counted on 3 Dec (the athlete's time zone then: America/Los_Angeles)",
    });
    const targets = await listCommentTargets(coach, squadA.id, athleteA.id);
    expect(targets.sessions[0]).toMatchObject({ shownDate: "2026-12-04", startTime: "03:49" });
    await createComment(coachA, { squadId: squadA.id, athleteId: athleteA.id, sessionId: id, body: "Good evening run." });
    expect((await listCommentsForAthlete(moved, athleteA.id))[0].about).toBe("run session of 2026-12-04 08:49");
  });

  it("keeps the day when the edit form is saved unchanged, and works the day out anew when the time changes", async () => {
    const { athleteA } = await athleteIn("America/Los_Angeles");
    const { id } = await createSession(athleteA, eveningRun, NOW);
    await updatePreferences(athleteA, { unitPreference: "KM", timeZone: "Asia/Dhaka" });
    const moved = await viewerOf(athleteA.id);

    // What the form shows, posted back with a new effort only.
    await updateSession(moved, id, { ...eveningRun, date: "2026-12-04", startTime: "08:49", rpe: "7" }, NOW);
    let stored = await db().trainingSession.findUniqueOrThrow({ where: { id } });
    expect(dateOnly(stored.localDate)).toBe("2026-12-03");
    expect(stored.startTime?.toISOString()).toBe("2026-12-04T02:49:00.000Z");
    expect(stored.timeZone).toBe("America/Los_Angeles");
    expect(await dailyLoads(athleteA.id)).toEqual([{ date: "2026-12-03", srpeAu: 350, runKm: 10 }]);

    // A new start time is the athlete's word in the zone they are in now.
    await updateSession(moved, id, { ...eveningRun, date: "2026-12-04", startTime: "09:15", rpe: "7" }, NOW);
    stored = await db().trainingSession.findUniqueOrThrow({ where: { id } });
    expect(dateOnly(stored.localDate)).toBe("2026-12-04");
    expect(stored.startTime?.toISOString()).toBe("2026-12-04T03:15:00.000Z");
    expect(stored.timeZone).toBe("Asia/Dhaka");
    expect(await dailyLoads(athleteA.id)).toEqual([{ date: "2026-12-04", srpeAu: 350, runKm: 10 }]);
    expect((await listOwnSessions(moved, 42, NOW))[0]).toMatchObject({ shownDate: "2026-12-04", startTime: "09:15", countedNote: null });
  });

  it("moves a morning start to the day before when the athlete goes west, and names the day it was logged without a zone", async () => {
    const { athleteA } = await athleteIn("Europe/Madrid");
    const { id } = await createSession(athleteA, { ...eveningRun, startTime: "07:30" }, NOW);
    // A session from before the zone was recorded.
    await db().trainingSession.update({ where: { id }, data: { timeZone: null } });
    await updatePreferences(athleteA, { unitPreference: "KM", timeZone: "America/Los_Angeles" });
    const [row] = await listOwnSessions(await viewerOf(athleteA.id), 42, NOW);
    expect(row).toMatchObject({
      date: "2026-12-03",
      shownDate: "2026-12-02",
      startTime: "22:30",
      countedNote: "Counted on 3 Dec, the day it was logged",
    });
    expect((await dailyLoads(athleteA.id)).map((d) => d.date)).toEqual(["2026-12-03"]);
  });

  it("puts the instant in UTC and the zone in the personal data export, under headers that name their units", async () => {
    const { athleteA } = await athleteIn("America/Los_Angeles");
    await createSession(athleteA, eveningRun, NOW);
    const files = unzipSync(await buildPersonalDataZip(athleteA, NOW));
    const [row] = parse(strFromU8(files["sessions.csv"]), { columns: true, bom: true }) as Record<string, string>[];
    expect(row).toMatchObject({
      local_date: "2026-12-03",
      start_time_utc: "2026-12-04T02:49:00.000Z",
      time_zone: "America/Los_Angeles",
      duration_min: "50",
      distance_km: "10",
    });
  });
});
