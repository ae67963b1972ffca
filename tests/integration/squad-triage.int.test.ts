import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { getSquadTriage } from "@/lib/squads/overview";
import { createSession } from "@/lib/sessions/mutations";
import { addDays } from "@/lib/dates";
import { getTrainingView } from "@/lib/athletes/training";
import { addAthlete, twoSquads, viewerOf } from "./factories";

const NOW = new Date("2026-06-15T12:00:00Z");
const TODAY = "2026-06-15";

describe("squad triage", () => {
  it("puts a referral first, then warnings, and computes this week's load against the 4-week average", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const calm = await viewerOf((await addAthlete(squadA.id)).id);
    const spiky = await viewerOf((await addAthlete(squadA.id)).id);
    for (const [offset, km] of [[-20, 8], [-12, 8], [-1, 16]] as const) {
      await createSession(spiky, { type: "RUN", date: addDays(TODAY, offset), duration: String(km * 6), distance: String(km), rpe: "5" }, NOW);
    }
    await createSession(calm, { type: "CORE", date: addDays(TODAY, -2), duration: "30", rpe: "4" }, NOW);
    await db().backPainReport.create({
      data: { userId: athleteA.id, localDate: new Date(`${addDays(TODAY, -1)}T00:00:00Z`), zone: "LUMBAR", nrs: 3, redFlags: ["night-pain"] },
    });

    const triage = await getSquadTriage(coachA, squadA.id, NOW);
    expect(triage.map((t) => t.id)).toEqual([athleteA.id, spiky.id, calm.id]);
    expect(triage[0].worst).toBe("referral");
    expect(triage[1].worst).toBe("warning");
    expect(triage[1].flags.map((f) => f.id)).toContain("session-spike");
    expect(triage[1]).toMatchObject({ weekLoadAu: 16 * 6 * 5, chronicWeekLoadAu: (240 + 240 + 480) / 4 });
    expect(triage[2].worst === null || triage[2].worst === "info").toBe(true);
    expect(triage[0].lastReport).toMatchObject({ nrs: 3, zone: "LUMBAR" });
  });

  it("colours the last 12 weeks by the worst flag of each, judged on the week's last day", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    // Monday 2026-06-15 is this week's first day; a spike on Wednesday five weeks back.
    const spikeDay = addDays(TODAY, -33);
    for (const [date, km] of [[addDays(spikeDay, -20), 8], [addDays(spikeDay, -10), 8], [spikeDay, 16]] as const) {
      await createSession(athleteA, { type: "RUN", date, duration: String(km * 6), distance: String(km), rpe: "5" }, NOW);
    }
    const [row] = await getSquadTriage(coachA, squadA.id, NOW);
    expect(row.weeks).toHaveLength(12);
    expect(row.weeks[0].weekStart).toBe(addDays(TODAY, -77));
    expect(row.weeks.at(-1)).toMatchObject({ weekStart: TODAY, evaluatedOn: TODAY });
    const spikeWeek = row.weeks.find((w) => w.weekStart === addDays(TODAY, -35));
    expect(spikeWeek).toMatchObject({ evaluatedOn: addDays(TODAY, -29), worst: "warning" });
    expect(spikeWeek?.flagIds).toContain("session-spike");
    // The spike's 7 days of activity end inside its week: the next weeks are clear of it.
    for (const w of row.weeks.filter((w) => w.weekStart > addDays(TODAY, -35))) expect(w.flagIds).not.toContain("session-spike");
    expect(row.weeks.at(-1)?.worst ?? null).toBe(row.worst);
  });

  it("shows the same flags as the athlete page", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    for (const [offset, km] of [[-60, 10], [-40, 9], [-30, 8], [-12, 8], [-3, 18], [-1, 6]] as const) {
      await createSession(athleteA, { type: "RUN", date: addDays(TODAY, offset), duration: String(km * 6), distance: String(km), rpe: "6" }, NOW);
    }
    await db().backPainReport.create({
      data: { userId: athleteA.id, localDate: new Date(`${addDays(TODAY, -2)}T00:00:00Z`), zone: "LUMBAR", nrs: 5, redFlags: [] },
    });
    const [row] = await getSquadTriage(coachA, squadA.id, NOW);
    const view = await getTrainingView(coachA, athleteA.id, 28, NOW);
    expect(row.flags.length).toBeGreaterThan(0);
    expect(row.flags.map((f) => ({ ...f, review: undefined }))).toEqual(view.flags.map((f) => ({ ...f, review: undefined })));
  });

  it("keeps computed statuses only while the athlete's data stays the same, whatever writes it", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    const flagIds = async () => (await getSquadTriage(coachA, squadA.id, NOW))[0].flags.map((f) => f.id);
    expect(await flagIds()).not.toContain("red-flag");
    // A write outside the app's mutations (as a bulk import or a script would do) is seen too.
    await db().$executeRaw`INSERT INTO "BackPainReport" ("id", "userId", "localDate", "zone", "nrs", "redFlags", "reportedAt")
      VALUES ('raw-report', ${athleteA.id}, ${new Date(`${addDays(TODAY, -1)}T00:00:00Z`)}, 'LUMBAR', 4, ARRAY['night-pain'], now())`;
    expect(await flagIds()).toContain("red-flag");
    await db().backPainReport.delete({ where: { id: "raw-report" } });
    expect(await flagIds()).not.toContain("red-flag");
    await db().athleteProfile.update({ where: { userId: athleteA.id }, data: { legLengthDiscrepancyMm: 15 } });
    expect(await flagIds()).toContain("leg-length-discrepancy");
  });

  it("is for the squad's coaches only", async () => {
    const { squadA, coachB, athleteA } = await twoSquads();
    await expect(getSquadTriage(coachB, squadA.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(getSquadTriage(athleteA, squadA.id, NOW)).rejects.toBeInstanceOf(NotFoundError);
  });
});
