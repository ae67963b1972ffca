import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { getTrainingView } from "@/lib/athletes/training";
import { getSquadTriage } from "@/lib/squads/overview";
import { createSession } from "@/lib/sessions/mutations";
import { updateAthleteThresholds, updateSquadThresholds } from "@/lib/thresholds/mutations";
import { getAthleteThresholds, getSquadThresholds } from "@/lib/thresholds/queries";
import { addDays } from "@/lib/dates";
import type { Viewer } from "@/lib/auth/permissions";
import { addAthlete, twoSquads, viewerOf } from "./factories";

const NOW = new Date("2026-06-15T12:00:00Z");
const TODAY = "2026-06-15";

/** Three runs and no core work in 14 days: the compensatory-deficit flag at the defaults. */
async function threeRuns(athlete: Viewer) {
  for (const offset of [-6, -3, 0]) {
    await createSession(athlete, { type: "RUN", date: addDays(TODAY, offset), duration: "40", distance: "8", rpe: "5" }, NOW);
  }
}

const flagIds = async (viewer: Viewer, athleteId: string) => (await getTrainingView(viewer, athleteId, 28, NOW)).flags.map((f) => f.id);

async function stored(squadId: string, athleteId?: string) {
  const squad = await db().squad.findUniqueOrThrow({ where: { id: squadId }, select: { thresholds: true } });
  if (!athleteId) return squad.thresholds;
  const m = await db().membership.findFirstOrThrow({ where: { squadId, userId: athleteId }, select: { thresholds: true } });
  return m.thresholds;
}

async function expectValidation(promise: Promise<unknown>, fields: Record<string, RegExp>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ValidationError);
  const fieldErrors = (error as ValidationError).fieldErrors;
  for (const [field, message] of Object.entries(fields)) {
    expect(fieldErrors[field]?.join(" "), field).toMatch(message);
  }
}

describe("threshold mutations", () => {
  it("stores only the values that differ from the defaults; empty fields inherit", async () => {
    const { coachA, squadA } = await twoSquads();
    await updateSquadThresholds(coachA, {
      squadId: squadA.id,
      compensatoryMinRuns: "4",
      spikeCaution: "10",
      weeklyIncrease: "25",
      acwrHigh: "",
      loadMeasure: "km",
    });
    expect(await stored(squadA.id)).toEqual({ compensatoryMinRuns: 4, weeklyIncrease: 0.25, loadMeasure: "km" });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "thresholds.update" } });
    expect(audit).toMatchObject({ actorId: coachA.id, squadId: squadA.id, subjectUserId: null });

    // Everything empty (or at the default) clears the squad's overrides.
    await updateSquadThresholds(coachA, { squadId: squadA.id, compensatoryMinRuns: "3", weeklyIncrease: "" });
    expect(await stored(squadA.id)).toBeNull();
  });

  it("stores at athlete level only what differs from the squad", async () => {
    const { coachA, squadA, athleteA } = await twoSquads();
    await updateSquadThresholds(coachA, { squadId: squadA.id, compensatoryMinRuns: "4" });
    await updateAthleteThresholds(coachA, {
      squadId: squadA.id,
      athleteId: athleteA.id,
      compensatoryMinRuns: "4",
      compensatoryMinSessions: "3",
    });
    expect(await stored(squadA.id, athleteA.id)).toEqual({ compensatoryMinSessions: 3 });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "thresholds.update", subjectUserId: athleteA.id } });
    expect(audit).toMatchObject({ actorId: coachA.id, squadId: squadA.id, meta: { level: "athlete" } });
  });

  it("rejects out-of-range, non-numeric, fractional-count and unknown fields by name, and writes nothing", async () => {
    const { coachA, squadA, athleteA } = await twoSquads();
    await updateSquadThresholds(coachA, { squadId: squadA.id, shoeKm: "800" });
    const auditsBefore = await db().auditLog.count();
    await expectValidation(
      updateSquadThresholds(coachA, {
        squadId: squadA.id,
        compensatoryMinRuns: "20",
        spikeCaution: "1",
        acwrHigh: "abc",
        mastersAge: "45.5",
        shoeKm: "900",
        loadMeasure: "watts",
        notAThreshold: "1",
      }),
      {
        compensatoryMinRuns: /from 1 to 14 runs/,
        spikeCaution: /from 5 to 200%/,
        acwrHigh: /from 1 to 3/,
        mastersAge: /whole number from 30 to 80 years/,
        loadMeasure: /Choose one of/,
        notAThreshold: /not a threshold/,
      },
    );
    await expectValidation(
      updateAthleteThresholds(coachA, { squadId: squadA.id, athleteId: athleteA.id, painNrsHigh: "7", legLengthMm: "2" }),
      { painNrsHigh: /from 1 to 6/, legLengthMm: /from 3 to 40 mm/ },
    );
    expect(await stored(squadA.id)).toEqual({ shoeKm: 800 });
    expect(await stored(squadA.id, athleteA.id)).toBeNull();
    expect(await db().auditLog.count()).toBe(auditsBefore);
  });

  it("keeps the spike warning level at or above the caution level, across levels", async () => {
    const { coachA, squadA, athleteA } = await twoSquads();
    await expectValidation(updateSquadThresholds(coachA, { squadId: squadA.id, spikeCaution: "40" }), {
      spikeWarning: /at least the caution level/,
    });
    await updateAthleteThresholds(coachA, { squadId: squadA.id, athleteId: athleteA.id, spikeWarning: "20" });
    // The athlete's own warning level (20%) would fall below a squad caution of 25%.
    await expectValidation(updateSquadThresholds(coachA, { squadId: squadA.id, spikeCaution: "25", spikeWarning: "50" }), {
      spikeCaution: /own thresholds/,
    });
    await expectValidation(updateAthleteThresholds(coachA, { squadId: squadA.id, athleteId: athleteA.id, spikeWarning: "5" }), {
      spikeWarning: /at least the caution level \(10%/,
    });
    expect(await stored(squadA.id)).toBeNull();
    expect(await stored(squadA.id, athleteA.id)).toEqual({ spikeWarning: 0.2 });
  });
});

describe("thresholds drive the flags", () => {
  it("a squad threshold changes the athlete page's and the triage's flags", async () => {
    const { coachA, squadA, athleteA } = await twoSquads();
    await threeRuns(athleteA);
    expect(await flagIds(coachA, athleteA.id)).toContain("compensatory-deficit");
    const triage = async () => (await getSquadTriage(coachA, squadA.id, NOW)).find((s) => s.id === athleteA.id)?.flags.map((f) => f.id);
    expect(await triage()).toContain("compensatory-deficit");

    await updateSquadThresholds(coachA, { squadId: squadA.id, compensatoryMinRuns: "4" });
    expect(await flagIds(coachA, athleteA.id)).not.toContain("compensatory-deficit");
    expect(await triage()).not.toContain("compensatory-deficit");
    // The athlete reads their own flags with their squad's thresholds too.
    expect(await flagIds(athleteA, athleteA.id)).not.toContain("compensatory-deficit");
  });

  it("an athlete's own value beats the squad's, for that athlete only", async () => {
    const { coachA, squadA, athleteA } = await twoSquads();
    const other = await viewerOf((await addAthlete(squadA.id)).id);
    await threeRuns(athleteA);
    await threeRuns(other);
    await updateSquadThresholds(coachA, { squadId: squadA.id, compensatoryMinRuns: "4" });
    expect(await flagIds(coachA, athleteA.id)).not.toContain("compensatory-deficit");

    await updateAthleteThresholds(coachA, { squadId: squadA.id, athleteId: athleteA.id, compensatoryMinRuns: "3" });
    expect(await stored(squadA.id, athleteA.id)).toEqual({ compensatoryMinRuns: 3 });
    expect(await flagIds(coachA, athleteA.id)).toContain("compensatory-deficit");
    expect(await flagIds(coachA, other.id)).not.toContain("compensatory-deficit");

    // Clearing the athlete's value brings the squad's back.
    await updateAthleteThresholds(coachA, { squadId: squadA.id, athleteId: athleteA.id, compensatoryMinRuns: "" });
    expect(await flagIds(coachA, athleteA.id)).not.toContain("compensatory-deficit");
  });

  it("an athlete-level change at the defaults turns a flag off", async () => {
    const { coachA, squadA, athleteA } = await twoSquads();
    await threeRuns(athleteA);
    await updateAthleteThresholds(coachA, { squadId: squadA.id, athleteId: athleteA.id, compensatoryMinRuns: "4" });
    expect(await flagIds(coachA, athleteA.id)).not.toContain("compensatory-deficit");
  });
});

describe("threshold queries", () => {
  it("show each field with its default, range, inherited value and the evidence of its flag", async () => {
    const { coachA, squadA, athleteA } = await twoSquads();
    await updateSquadThresholds(coachA, { squadId: squadA.id, compensatoryMinRuns: "5", spikeCaution: "15" });
    await updateAthleteThresholds(coachA, { squadId: squadA.id, athleteId: athleteA.id, compensatoryMinRuns: "6" });

    const squad = await getSquadThresholds(coachA, squadA.id);
    const squadFields = squad.groups.flatMap((g) => g.fields);
    expect(squadFields).toHaveLength(17);
    const runs = squadFields.find((f) => f.key === "compensatoryMinRuns");
    expect(runs).toMatchObject({ value: "5", inherited: "3 runs", defaultText: "3 runs", number: { range: "from 1 to 14 runs" } });
    expect(runs?.flag).toMatchObject({ id: "compensatory-deficit", strength: "moderate" });
    expect(runs?.flag.citations.map((c) => c.short)).toEqual(["Lauersen 2014", "Steffens 2016"]);
    expect(squadFields.find((f) => f.key === "spikeCaution")).toMatchObject({ value: "15", defaultText: "10%" });
    expect(squadFields.find((f) => f.key === "loadMeasure")?.options?.map((o) => o.value)).toEqual(["srpe", "km", "min"]);

    const athlete = await getAthleteThresholds(coachA, squadA.id, athleteA.id);
    const athleteFields = athlete.groups.flatMap((g) => g.fields);
    expect(athleteFields.find((f) => f.key === "compensatoryMinRuns")).toMatchObject({ value: "6", inherited: "5 runs", squadText: "5 runs" });
    expect(athleteFields.find((f) => f.key === "spikeCaution")).toMatchObject({ value: "", inherited: "15%", defaultText: "10%" });
  });
});

describe("threshold scoping", () => {
  const outsiders = ["athleteA", "athleteB", "coachB"] as const;

  for (const who of outsiders) {
    it(`answers ${who} with not-found for every query and mutation of squad A, and writes nothing`, async () => {
      const w = await twoSquads();
      const v = w[who];
      await expect(getSquadThresholds(v, w.squadA.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(getAthleteThresholds(v, w.squadA.id, w.athleteA.id)).rejects.toBeInstanceOf(NotFoundError);
      await expect(updateSquadThresholds(v, { squadId: w.squadA.id, compensatoryMinRuns: "4" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(
        updateAthleteThresholds(v, { squadId: w.squadA.id, athleteId: w.athleteA.id, compensatoryMinRuns: "4" }),
      ).rejects.toBeInstanceOf(NotFoundError);
      expect(await stored(w.squadA.id)).toBeNull();
      expect(await stored(w.squadA.id, w.athleteA.id)).toBeNull();
      expect(await db().auditLog.count({ where: { action: "thresholds.update" } })).toBe(0);
    });
  }

  it("refuses an athlete of another squad reached through the coach's own squad", async () => {
    const w = await twoSquads();
    await expect(
      updateAthleteThresholds(w.coachB, { squadId: w.squadB.id, athleteId: w.athleteA.id, compensatoryMinRuns: "4" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(getAthleteThresholds(w.coachB, w.squadB.id, w.athleteA.id)).rejects.toBeInstanceOf(NotFoundError);
    // A coach is not an athlete of their own squad.
    await expect(getAthleteThresholds(w.coachA, w.squadA.id, w.coachA.id)).rejects.toBeInstanceOf(NotFoundError);
    expect(await stored(w.squadA.id, w.athleteA.id)).toBeNull();
  });
});
