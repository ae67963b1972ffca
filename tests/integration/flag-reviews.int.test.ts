import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { getSquadTriage } from "@/lib/squads/overview";
import { getTrainingView } from "@/lib/athletes/training";
import { createSession } from "@/lib/sessions/mutations";
import { reviewFlag, StaleFlagError } from "@/lib/flag-reviews/mutations";
import { listFlagReviews } from "@/lib/flag-reviews/queries";
import { getFlagPanel } from "@/lib/flag-reviews/panel";
import { addDays } from "@/lib/dates";
import type { Viewer } from "@/lib/auth/permissions";
import { twoSquads } from "./factories";

const NOW = new Date("2026-06-15T12:00:00Z");
const TODAY = "2026-06-15";

async function spike(athlete: Viewer) {
  for (const [offset, km] of [[-20, 8], [-12, 8], [-1, 16]] as const) {
    await createSession(athlete, { type: "RUN", date: addDays(TODAY, offset), duration: String(km * 6), distance: String(km), rpe: "5" }, NOW);
  }
}

const rowCounts = async () => ({ reviews: await db().flagAcknowledgement.count(), audit: await db().auditLog.count() });

describe("flag reviews", () => {
  it("acknowledges, then resolves a flag with a note; the triage follows and the history keeps both", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    await spike(athleteA);
    const flag = (await getTrainingView(coachA, athleteA.id, 1, NOW)).flags.find((f) => f.id === "session-spike");
    expect(flag?.severity).toBe("warning");
    const base = { squadId: squadA.id, athleteId: athleteA.id, flagId: "session-spike", flagDate: flag!.date };

    await reviewFlag(coachA, { ...base, status: "ACKNOWLEDGED", note: "Talked to her" }, NOW);
    let [row] = await getSquadTriage(coachA, squadA.id, NOW);
    expect(row.worst).toBe("warning");
    expect(row.open.find((f) => f.id === "session-spike")?.review).toMatchObject({ status: "ACKNOWLEDGED", note: "Talked to her" });

    await reviewFlag(coachA, { ...base, status: "RESOLVED", note: "Long run cut back next week" }, new Date(NOW.getTime() + 60_000));
    [row] = await getSquadTriage(coachA, squadA.id, NOW);
    expect(row.open.map((f) => f.id)).not.toContain("session-spike");
    expect(row.flags.find((f) => f.id === "session-spike")?.review?.status).toBe("RESOLVED");
    expect(row.worst === null || row.worst === "caution" || row.worst === "info").toBe(true);

    const history = await listFlagReviews(coachA, squadA.id, athleteA.id);
    expect(history.map((h) => h.status)).toEqual(["RESOLVED", "ACKNOWLEDGED"]);
    expect(history[0]).toMatchObject({ flagId: "session-spike", flagDate: flag!.date, note: "Long run cut back next week" });
    const audit = await db().auditLog.findMany({ where: { subjectUserId: athleteA.id, action: { startsWith: "flag." } }, orderBy: { createdAt: "asc" } });
    expect(audit.map((a) => a.action)).toEqual(["flag.acknowledge", "flag.resolve"]);
  });

  it("lists each flag's suggestions beside it", async () => {
    const { squadA, coachA, athleteA } = await twoSquads();
    await spike(athleteA);
    const training = await getTrainingView(coachA, athleteA.id, 28, NOW);
    const panel = await getFlagPanel(coachA, squadA.id, athleteA.id, training);
    expect(panel.flags.map((f) => f.id)).toContain("session-spike");
    for (const [flagId, list] of Object.entries(panel.suggestions)) {
      expect(training.flags.map((f) => f.id)).toContain(flagId);
      for (const s of list) expect(s.flagId).toBe(flagId);
    }
    expect(Object.values(panel.suggestions).flat().length).toBeGreaterThan(0);
  });

  it("refuses a flag that is not active, a resolution without a note, and anyone outside the squad, writing nothing", async () => {
    const { squadA, coachA, coachB, athleteA } = await twoSquads();
    await spike(athleteA);
    const flag = (await getTrainingView(coachA, athleteA.id, 1, NOW)).flags.find((f) => f.id === "session-spike")!;
    const base = { squadId: squadA.id, athleteId: athleteA.id, flagId: flag.id, flagDate: flag.date };
    const before = await rowCounts();
    await expect(reviewFlag(coachA, { ...base, flagDate: addDays(flag.date, -1), status: "ACKNOWLEDGED" }, NOW)).rejects.toBeInstanceOf(StaleFlagError);
    await expect(reviewFlag(coachA, { ...base, flagId: "monotony-high", status: "ACKNOWLEDGED" }, NOW)).rejects.toBeInstanceOf(StaleFlagError);
    await expect(reviewFlag(coachA, { ...base, status: "RESOLVED", note: " " }, NOW)).rejects.toBeInstanceOf(ValidationError);
    await expect(reviewFlag(coachA, { ...base, flagId: "not-a-flag", status: "ACKNOWLEDGED" }, NOW)).rejects.toBeInstanceOf(ValidationError);
    await expect(reviewFlag(coachA, { ...base, status: "MAYBE" }, NOW)).rejects.toBeInstanceOf(ValidationError);
    await expect(reviewFlag(coachB, { ...base, status: "ACKNOWLEDGED" }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(reviewFlag(athleteA, { ...base, status: "ACKNOWLEDGED" }, NOW)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listFlagReviews(coachB, squadA.id, athleteA.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(listFlagReviews(athleteA, squadA.id, athleteA.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await rowCounts()).toEqual(before);
  });
});
