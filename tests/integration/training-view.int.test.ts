import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getTrainingView } from "@/lib/athletes/training";
import { createSession, createShoe, setShoeRetired } from "@/lib/sessions/mutations";
import { createPainReport } from "@/lib/pain/mutations";
import { submitOstrcCheckIn } from "@/lib/ostrc/mutations";
import { getCoachAthleteView } from "@/lib/athletes/coach-view";
import { addDays, toDbDate } from "@/lib/dates";
import { twoSquads } from "./factories";

const NOW = new Date("2026-06-15T12:00:00Z");
const TODAY = "2026-06-15";

describe("training view", () => {
  it("builds the series from kept daily totals and raises the engine's flags", async () => {
    const { athleteA, coachA } = await twoSquads();
    // Three runs, no core work: the compensatory-deficit flag; the last run is far longer than before.
    for (const [offset, km] of [[-10, 8], [-5, 8], [0, 16]] as const) {
      await createSession(
        athleteA,
        { type: "RUN", date: addDays(TODAY, offset), duration: String(km * 6), distance: String(km), rpe: "5", surface: "ASPHALT" },
        NOW,
      );
    }
    const view = await getTrainingView(coachA, athleteA.id, 28, NOW);
    expect(view.asOf).toBe(TODAY);
    expect(view.load).toHaveLength(28);
    expect(view.load.at(-1)).toMatchObject({ date: TODAY, load: 16 * 6 * 5 });
    expect(view.weeklySurfaceKm.at(-1)).toMatchObject({ asphalt: 16, totalKm: 16 });
    const ids = view.flags.map((f) => f.id);
    expect(ids).toContain("compensatory-deficit");
    expect(ids).toContain("session-spike");
    expect(view.flags.find((f) => f.id === "session-spike")?.severity).toBe("warning");
  });

  it("counts a shoe's distance from before it was added towards its wear", async () => {
    const { athleteA, coachA } = await twoSquads();
    const shoe = await db().shoe.create({ data: { userId: athleteA.id, name: "Old pair", initialKm: 690 }, select: { id: true } });
    await createSession(athleteA, { type: "RUN", date: TODAY, duration: "60", distance: "12", rpe: "5", shoeId: shoe.id }, NOW);
    const view = await getTrainingView(coachA, athleteA.id, 28, NOW);
    expect(view.flags.find((f) => f.id === "shoe-mileage")).toBeDefined();
  });

  it("is the athlete's and their coaches' only", async () => {
    const { athleteA, athleteB, coachB } = await twoSquads();
    await expect(getTrainingView(athleteB, athleteA.id, 28, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTrainingView(coachB, athleteA.id, 28, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getTrainingView(athleteA, athleteA.id, 28, NOW)).resolves.toBeDefined();
  });

  it("uses the squad's tuned thresholds", async () => {
    const { athleteA, coachA, squadA } = await twoSquads();
    for (const day of [-3, 0]) {
      await createSession(athleteA, { type: "RUN", date: addDays(TODAY, day), duration: "40", distance: "8", rpe: "5" }, NOW);
    }
    await createSession(athleteA, { type: "RUN", date: addDays(TODAY, -6), duration: "40", distance: "8", rpe: "5" }, NOW);
    const before = await getTrainingView(coachA, athleteA.id, 28, NOW);
    expect(before.flags.map((f) => f.id)).toContain("compensatory-deficit");
    await db().squad.update({ where: { id: squadA.id }, data: { thresholds: { compensatoryMinRuns: 4 } } });
    const after = await getTrainingView(coachA, athleteA.id, 28, NOW);
    expect(after.flags.map((f) => f.id)).not.toContain("compensatory-deficit");
  });

  it("draws every chart of a custom range from the kept daily totals, with today's flags", async () => {
    const { athleteA, coachA, squadA } = await twoSquads();
    const run = (offset: number, km: number, extra: Record<string, string> = {}) =>
      createSession(athleteA, { type: "RUN", date: addDays(TODAY, offset), duration: String(km * 6), distance: String(km), rpe: "5", surface: "TRAIL", ...extra }, NOW);
    const shoe = await createShoe(athleteA, { name: "Trail pair", initialDistance: "100" });
    const oldShoe = await createShoe(athleteA, { name: "Old racers" });
    // Half a year before the range: only the slow averages (fitness) still remember it.
    await run(-220, 10);
    for (const offset of [-60, -57, -53, -50]) await run(offset, 10, { shoeId: shoe.id });
    await run(-45, 20, { shoeId: oldShoe.id }); // twice the month's longest run: a session spike
    await setShoeRetired(athleteA, oldShoe.id, true, NOW);
    await run(-3, 8, { shoeId: shoe.id }); // after the range
    for (const type of ["CORE", "STRENGTH", "MOBILITY"] as const) {
      await createSession(athleteA, { type, date: addDays(TODAY, -55), duration: "30", rpe: "4" }, NOW);
    }
    await createPainReport(athleteA, { zone: "LUMBAR", subArea: "lumbosacral", nrs: "5", mechanical: "yes", redFlags: [], date: addDays(TODAY, -44) }, NOW);
    await createPainReport(athleteA, { zone: "LUMBAR", subArea: "lumbosacral", nrs: "3", mechanical: "yes", redFlags: [], date: addDays(TODAY, -43) }, NOW);
    await createPainReport(athleteA, { zone: "CERVICAL", subArea: "nape", nrs: "2", mechanical: "yes", redFlags: [], date: addDays(TODAY, -1) }, NOW);
    await submitOstrcCheckIn(
      athleteA,
      { cervical: { problem: "no" }, dorsal: { problem: "no" }, lumbar: { problem: "yes", q1: "8", q2: "13", q3: "6", q4: "17" } },
      new Date(`${addDays(TODAY, -43)}T12:00:00Z`),
    );

    const from = addDays(TODAY, -62);
    const to = addDays(TODAY, -40);
    const view = await getTrainingView(coachA, athleteA.id, { from, to }, NOW);
    expect(view).toMatchObject({ asOf: TODAY, from, to, loadMeasure: "srpe", loadUnit: "AU" });
    expect(view.load.map((d) => d.date)).toEqual(Array.from({ length: 23 }, (_, i) => addDays(from, i)));
    expect(view.load.find((d) => d.date === addDays(TODAY, -45))).toMatchObject({ load: 20 * 6 * 5 });
    // The run of day -220 is before the range but counts in fitness (42-day average), and in nothing weekly.
    expect(view.load[0].fitness).toBeGreaterThan(0);
    expect(view.load[0].acute).toBe(0);

    expect(view.load.find((d) => d.date === addDays(TODAY, -45))!.overload).toContain("session-spike");
    // Pain and check-ins in the range only (the neck report of yesterday is after it); 44 = 8 + 13 + 6 + 17.
    expect(view.pain).toEqual([
      { date: addDays(TODAY, -44), nrs: 5, ostrcSeverity: null },
      { date: addDays(TODAY, -43), nrs: 3, ostrcSeverity: 44 },
    ]);

    const lumbar = view.heatmap.rows.find((r) => r.zone === "LUMBAR")!;
    expect(lumbar.cells.filter((c) => c.reports > 0)).toEqual([{ weekStart: "2026-04-27", reports: 2, maxNrs: 5 }]);
    // The neck report of yesterday is outside the range.
    expect(view.heatmap.rows.find((r) => r.zone === "CERVICAL")!.cells.every((c) => c.reports === 0)).toBe(true);

    // Weeks: 13 Apr (range starts Tue 14 Apr) to 4 May; -60 is 16 Apr.
    expect(view.weeklySurfaceKm.map((w) => w.weekStart)).toEqual(["2026-04-13", "2026-04-20", "2026-04-27", "2026-05-04"]);
    expect(view.weeklySurfaceKm.map((w) => [w.totalKm, w.changePct])).toEqual([
      [20, null],
      [20, 0],
      [20, 0],
      [0, -100],
    ]);

    expect(view.sessionTypes.totalSessions).toBe(8);
    // Minutes: four 60-minute runs, one of 120, and three 30-minute support sessions.
    expect(view.sessionTypes.support).toEqual({ sessions: 3, durationMin: 90, sessionSharePct: 37.5, minuteSharePct: 20 });

    expect(view.shoes).toEqual([
      { id: shoe.id, name: "Trail pair", retired: false, periodKm: 40, totalKm: 148 },
      { id: oldShoe.id, name: "Old racers", retired: true, periodKm: 20, totalKm: 20 },
    ]);

    // Flags are today's, whatever the range: the spike was six weeks ago.
    expect(view.flags.map((f) => f.id)).toContain("footprint-unassessed");
    expect(view.flags.map((f) => f.id)).not.toContain("session-spike");

    // The coach's page passes the range through.
    const coachView = await getCoachAthleteView(coachA, squadA.id, athleteA.id, { preset: "4w" });
    expect(coachView.training.load).toHaveLength(28);
    expect(coachView.training.to).toBe(coachView.training.asOf);
  });

  it("reads loads from DailyLoad, not from the sessions", async () => {
    const { athleteA, coachA } = await twoSquads();
    await createSession(athleteA, { type: "RUN", date: TODAY, duration: "60", distance: "10", rpe: "5" }, NOW);
    await db().dailyLoad.update({ where: { userId_localDate: { userId: athleteA.id, localDate: toDbDate(TODAY) } }, data: { srpeAu: 123 } });
    const view = await getTrainingView(coachA, athleteA.id, 7, NOW);
    expect(view.load.at(-1)!.load).toBe(123);
  });

  it("draws the squad's load measure and keeps a custom range within today and three years", async () => {
    const { athleteA, coachA, squadA } = await twoSquads();
    await db().squad.update({ where: { id: squadA.id }, data: { thresholds: { loadMeasure: "km" } } });
    await createSession(athleteA, { type: "RUN", date: TODAY, duration: "60", distance: "12.5", rpe: "7" }, NOW);
    const view = await getTrainingView(coachA, athleteA.id, { from: "2020-01-01", to: "2027-01-01" }, NOW);
    expect(view).toMatchObject({ loadMeasure: "km", loadUnit: "km", to: TODAY, from: addDays(TODAY, -1095) });
    expect(view.load).toHaveLength(1096);
    expect(view.load.at(-1)!.load).toBe(12.5);
  });
});
