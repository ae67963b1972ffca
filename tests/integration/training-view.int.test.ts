import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getTrainingView } from "@/lib/athletes/training";
import { createSession } from "@/lib/sessions/mutations";
import { addDays } from "@/lib/dates";
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
});
