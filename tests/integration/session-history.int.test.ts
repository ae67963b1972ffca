import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/permissions";
import { listSessionHistory } from "@/lib/sessions/history";
import { DEFAULT_HISTORY_QUERY, parseHistoryQuery, type HistoryQuery } from "@/lib/sessions/history-params";
import { applyBulkChange, dayRanges, previewBulkChange } from "@/lib/sessions/bulk";
import { aggregateDailyLoads, rebuildDailyLoads } from "@/lib/sessions/daily-load";
import { createSession } from "@/lib/sessions/mutations";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { addDays, dateOnly } from "@/lib/dates";
import { twoSquads } from "./factories";

const q = (over: Partial<HistoryQuery> = {}): HistoryQuery => ({ ...DEFAULT_HISTORY_QUERY, ...over });

type Seed = {
  date: string;
  type?: "RUN" | "CROSS_TRAINING" | "CORE" | "STRENGTH" | "MOBILITY" | "OTHER";
  durationMin?: number;
  distanceKm?: number | null;
  rpe?: number | null;
  surface?: "ASPHALT" | "TRAIL" | "TRACK" | null;
  shoeId?: string | null;
  source?: "MANUAL" | "STRAVA" | "GARMIN" | "FIT";
  notes?: string | null;
  reviewReason?: string | null;
};

let seq = 0;
async function seed(userId: string, sessions: Seed[]): Promise<string[]> {
  const ids = sessions.map(() => `h${String(++seq).padStart(6, "0")}`);
  await db().trainingSession.createMany({
    data: sessions.map((s, i) => ({
      id: ids[i],
      userId,
      localDate: new Date(`${s.date}T00:00:00Z`),
      type: s.type ?? "RUN",
      durationMin: s.durationMin ?? 40,
      distanceKm: s.distanceKm === undefined ? ((s.type ?? "RUN") === "RUN" ? 8 : null) : s.distanceKm,
      rpe: s.rpe === undefined ? 5 : s.rpe,
      surface: s.surface ?? null,
      shoeId: s.shoeId ?? null,
      source: s.source ?? "MANUAL",
      notes: s.notes ?? null,
      reviewReason: s.reviewReason ?? null,
    })),
  });
  await rebuildDailyLoads(db(), userId);
  return ids;
}

/** The stored totals of an athlete, and what they would be if worked out afresh from the sessions. */
async function storedAndFresh(userId: string) {
  const stored = await db().dailyLoad.findMany({ where: { userId }, orderBy: { localDate: "asc" } });
  const sessions = await db().trainingSession.findMany({ where: { userId } });
  const fresh = aggregateDailyLoads(
    sessions.map((s) => ({ localDate: dateOnly(s.localDate), type: s.type, durationMin: s.durationMin, distanceKm: s.distanceKm, rpe: s.rpe, surface: s.surface })),
  );
  return {
    stored: stored.map((r) => ({
      localDate: dateOnly(r.localDate),
      sessionCount: r.sessionCount,
      srpeAu: r.srpeAu,
      estimatedRpe: r.estimatedRpe,
      durationMin: r.durationMin,
      distanceKm: r.distanceKm,
      runKm: r.runKm,
      runKmBySurface: r.runKmBySurface,
      supportSessions: r.supportSessions,
      runSessions: r.runSessions,
      longestRunKm: r.longestRunKm,
    })),
    fresh,
  };
}

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe("the session history", () => {
  it("pages through every session, newest first, and keeps totals of the whole set", async () => {
    const { athleteA, athleteB } = await twoSquads();
    const seeded: Seed[] = Array.from({ length: 120 }, (_, i) => ({ date: addDays("2026-01-01", -i), distanceKm: 10, durationMin: 60 }));
    const all = await seed(athleteA.id, seeded);
    await seed(athleteB.id, [{ date: "2026-01-01" }]);

    const first = await listSessionHistory(athleteA, q());
    expect(first).toMatchObject({ page: 1, pageCount: 3, pageSize: 50, totals: { sessions: 120, distanceKm: 1200, durationMin: 7200 } });
    expect(ids(first.rows)).toEqual(all.slice(0, 50));
    expect(first.rows[0]).toMatchObject({ date: "2026-01-01", type: "RUN", distanceKm: 10, rpe: 5, loadAu: 300 });

    const third = await listSessionHistory(athleteA, q({ page: 3 }));
    expect(ids(third.rows)).toEqual(all.slice(100));
    // A page past the end shows the last one.
    const beyond = await listSessionHistory(athleteA, q({ page: 99 }));
    expect(beyond.page).toBe(3);
    expect(ids(beyond.rows)).toEqual(all.slice(100));

    const oldest = await listSessionHistory(athleteA, q({ dir: "asc" }));
    expect(oldest.rows[0].id).toBe(all[119]);
  });

  it("answers an empty history with one empty page", async () => {
    const { athleteA } = await twoSquads();
    expect(await listSessionHistory(athleteA, q({ page: 4 }))).toMatchObject({ rows: [], page: 1, pageCount: 1, totals: { sessions: 0, distanceKm: 0, durationMin: 0 } });
  });

  it("filters by dates, type, source, shoe, notes and the review mark", async () => {
    const { athleteA, athleteB } = await twoSquads();
    const shoe = await db().shoe.create({ data: { userId: athleteA.id, name: "Trail pair" } });
    const [early, mid, late, core, strava, flagged, wild] = await seed(athleteA.id, [
      { date: "2025-01-10", notes: "Easy jog" },
      { date: "2025-03-15", shoeId: shoe.id, notes: "HILL repeats x8" },
      { date: "2025-06-01", shoeId: shoe.id },
      { date: "2025-03-16", type: "CORE" },
      { date: "2025-03-17", source: "STRAVA", notes: "Morning Run" },
      { date: "2025-03-18", source: "GARMIN", reviewReason: "faster-than-record" },
      { date: "2025-03-19", notes: "felt 100% after 5_km" },
    ]);
    await seed(athleteB.id, [{ date: "2025-03-15", notes: "hill repeats", source: "STRAVA" }]);
    const list = async (over: Partial<HistoryQuery>) => ids((await listSessionHistory(athleteA, q(over))).rows).sort();

    expect(await list({ from: "2025-03-15", to: "2025-03-17" })).toEqual([mid, core, strava].sort());
    expect(await list({ from: "2025-03-19" })).toEqual([late, wild].sort());
    expect(await list({ to: "2025-01-10" })).toEqual([early]);
    expect(await list({ type: "CORE" })).toEqual([core]);
    expect(await list({ source: "STRAVA" })).toEqual([strava]);
    expect(await list({ shoeId: shoe.id })).toEqual([mid, late].sort());
    expect(await list({ q: "hill" })).toEqual([mid]);
    expect(await list({ q: "RUN" })).toEqual([strava]);
    expect(await list({ review: true })).toEqual([flagged]);
    // LIKE's wildcards match only themselves.
    expect(await list({ q: "100%" })).toEqual([wild]);
    expect(await list({ q: "5_km" })).toEqual([wild]);
    expect(await list({ q: "%" })).toEqual([wild]);
    expect(await list({ q: "_" })).toEqual([wild]);
    expect(await list({ q: "\\" })).toEqual([]);
    // Filters combine, and the totals follow them.
    const combined = await listSessionHistory(athleteA, q({ type: "RUN", from: "2025-03-01", to: "2025-03-31" }));
    expect(ids(combined.rows).sort()).toEqual([mid, strava, flagged, wild].sort());
    expect(combined.totals).toEqual({ sessions: 4, distanceKm: 32, durationMin: 160 });
    // Another athlete's shoe finds nothing.
    const otherShoe = await db().shoe.create({ data: { userId: athleteB.id, name: "Theirs" } });
    expect(await list({ shoeId: otherShoe.id })).toEqual([]);
  });

  it("sorts by distance, duration and load, sessions without the figure last", async () => {
    const { athleteA } = await twoSquads();
    const [short, long, core, noRpe] = await seed(athleteA.id, [
      { date: "2025-05-01", distanceKm: 5, durationMin: 30, rpe: 8 },
      { date: "2025-05-02", distanceKm: 21, durationMin: 110, rpe: 4 },
      { date: "2025-05-03", type: "CORE", distanceKm: null, durationMin: 20, rpe: 6 },
      { date: "2025-05-04", distanceKm: 10, durationMin: 50, rpe: null },
    ]);
    const order = async (over: Partial<HistoryQuery>) => ids((await listSessionHistory(athleteA, q(over))).rows);
    expect(await order({ sort: "distance" })).toEqual([long, noRpe, short, core]);
    expect(await order({ sort: "distance", dir: "asc" })).toEqual([short, noRpe, long, core]);
    expect(await order({ sort: "duration" })).toEqual([long, noRpe, short, core]);
    expect(await order({ sort: "duration", dir: "asc" })).toEqual([core, short, noRpe, long]);
    // Loads: 240, 440, 120, none.
    expect(await order({ sort: "load" })).toEqual([long, short, core, noRpe]);
    expect(await order({ sort: "load", dir: "asc" })).toEqual([core, short, long, noRpe]);
    expect(await order({ sort: "date", dir: "asc" })).toEqual([short, long, core, noRpe]);
  });

  it("reads its state from a hand-written address without failing", async () => {
    const { athleteA } = await twoSquads();
    await seed(athleteA.id, [{ date: "2025-05-01" }]);
    const query = parseHistoryQuery({ from: "nope", type: "DANCE", sort: "'; --", page: "-1", q: "%%%" });
    expect((await listSessionHistory(athleteA, query)).totals.sessions).toBe(0);
    expect((await listSessionHistory(athleteA, { ...query, q: null })).totals.sessions).toBe(1);
  });
});

describe("changing several sessions at once", () => {
  async function world() {
    const w = await twoSquads();
    const shoe = await db().shoe.create({ data: { userId: w.athleteA.id, name: "Racers" } });
    const theirShoe = await db().shoe.create({ data: { userId: w.athleteB.id, name: "Not mine" } });
    const mine = await seed(w.athleteA.id, [
      { date: "2025-02-01", rpe: 3, durationMin: 60, distanceKm: 12, surface: "ASPHALT" },
      { date: "2025-02-01", type: "CORE", rpe: null, durationMin: 30 },
      { date: "2025-02-10", rpe: 7, durationMin: 45, distanceKm: 9 },
      { date: "2024-06-01", rpe: 4, durationMin: 50, distanceKm: 10 },
      { date: "2025-03-01", rpe: 5, durationMin: 40, distanceKm: 8 },
    ]);
    const theirs = await seed(w.athleteB.id, [{ date: "2025-02-01", rpe: 2, durationMin: 60, distanceKm: 11 }]);
    return { ...w, shoe, theirShoe, mine, theirs };
  }

  const auditCount = (action: string) => db().auditLog.count({ where: { action } });

  it("sets the RPE of the chosen sessions and rebuilds exactly the totals of their days", async () => {
    const { athleteA, mine } = await world();
    const chosen = [mine[0], mine[1], mine[3]];
    const preview = await previewBulkChange(athleteA, { op: "rpe", rpe: "6", ids: chosen });
    expect(preview).toMatchObject({ question: "Set RPE 6 on 3 sessions?", count: 3 });
    expect(await db().trainingSession.count({ where: { rpe: 6 } })).toBe(0);

    const result = await applyBulkChange(athleteA, { op: "rpe", rpe: "6", ids: chosen });
    expect(result).toEqual({ message: "RPE 6 set on 3 sessions.", count: 3 });
    const rows = await db().trainingSession.findMany({ where: { userId: athleteA.id }, orderBy: { id: "asc" } });
    expect(rows.map((r) => r.rpe)).toEqual([6, 6, 7, 6, 5]);
    const { stored, fresh } = await storedAndFresh(athleteA.id);
    expect(stored).toEqual(fresh);
    expect(stored.find((d) => d.localDate === "2025-02-01")).toMatchObject({ srpeAu: 6 * 60 + 6 * 30, estimatedRpe: 0 });
    expect(stored.find((d) => d.localDate === "2024-06-01")).toMatchObject({ srpeAu: 300 });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "session.bulk-update" } });
    expect(audit).toMatchObject({ actorId: athleteA.id, subjectUserId: athleteA.id, meta: { count: 3, field: "rpe", value: 6 } });
  });

  it("sets a shoe or a surface on the runs only, and says so", async () => {
    const { athleteA, mine, shoe } = await world();
    const preview = await previewBulkChange(athleteA, { op: "shoe", shoeId: shoe.id, ids: [mine[0], mine[1], mine[2]] });
    expect(preview.question).toBe("Set the shoe “Racers” on 2 runs? 1 other selected session is not a run and stays as it is.");
    expect(preview.change.ids).toEqual([mine[0], mine[2]]);
    await applyBulkChange(athleteA, { op: "shoe", shoeId: shoe.id, ids: [mine[0], mine[1], mine[2]] });
    const byId = async () => new Map((await db().trainingSession.findMany({ where: { userId: athleteA.id } })).map((s) => [s.id, s]));
    let rows = await byId();
    expect([mine[0], mine[1], mine[2]].map((id) => rows.get(id)?.shoeId)).toEqual([shoe.id, null, shoe.id]);

    await applyBulkChange(athleteA, { op: "surface", surface: "TRAIL", ids: [mine[0], mine[1], mine[2]] });
    rows = await byId();
    expect([mine[0], mine[1], mine[2]].map((id) => rows.get(id)?.surface)).toEqual(["TRAIL", null, "TRAIL"]);
    const { stored, fresh } = await storedAndFresh(athleteA.id);
    expect(stored).toEqual(fresh);
    expect(stored.find((d) => d.localDate === "2025-02-01")?.runKmBySurface).toEqual({ TRAIL: 12 });

    expect((await previewBulkChange(athleteA, { op: "surface", surface: "none", ids: [mine[0]] })).question).toBe("Remove the surface from 1 run?");
    // The same question and outcome in Spanish, for a reader who reads Spanish.
    const spanish = await previewBulkChange(athleteA, { op: "surface", surface: "TRAIL", ids: [mine[0], mine[1], mine[2]] }, "es");
    expect(spanish).toMatchObject({
      question: "¿Poner la superficie Montaña / sendero en 2 carreras? Otra sesión seleccionada no es una carrera y se queda como está.",
      confirmLabel: "Cambiar 2 carreras",
    });
    expect(await applyBulkChange(athleteA, { op: "surface", surface: "TRAIL", ids: [mine[0], mine[1], mine[2]] }, "es")).toEqual({
      message: "Superficie Montaña / sendero puesta en 2 carreras.",
      count: 2,
    });
    await applyBulkChange(athleteA, { op: "shoe", shoeId: "none", ids: [mine[0]] });
    expect((await byId()).get(mine[0])?.shoeId).toBeNull();
    expect(await auditCount("session.bulk-update")).toBe(4);
  });

  it("refuses someone else's shoe, a missing value, a change without runs and too many ids", async () => {
    const { athleteA, mine, theirShoe } = await world();
    const before = await db().trainingSession.findMany({ orderBy: { id: "asc" } });
    const fails = async (input: unknown) => (await applyBulkChange(athleteA, input).catch((e) => e)) as Error;

    const foreignShoe = await fails({ op: "shoe", shoeId: theirShoe.id, ids: [mine[0]] });
    expect(foreignShoe).toBeInstanceOf(ValidationError);
    expect((foreignShoe as ValidationError).fieldErrors.shoeId).toEqual(["Choose one of your shoes"]);
    expect(((await fails({ op: "rpe", rpe: "11", ids: [mine[0]] })) as ValidationError).fieldErrors.rpe).toBeDefined();
    expect(((await fails({ op: "rpe", rpe: "", ids: [mine[0]] })) as ValidationError).fieldErrors.rpe).toEqual(["Choose the effort (RPE)"]);
    expect(((await fails({ op: "rpe", rpe: "5.5", ids: [mine[0]] })) as ValidationError).fieldErrors.rpe).toBeDefined();
    expect(((await fails({ op: "surface", surface: "ICE", ids: [mine[0]] })) as ValidationError).fieldErrors.surface).toBeDefined();
    expect(((await fails({ op: "rpe", rpe: "5", ids: [] })) as ValidationError).fieldErrors.ids).toEqual(["Select at least one session"]);
    expect(((await fails({ op: "explode", ids: [mine[0]] })) as ValidationError).fieldErrors.op).toBeDefined();
    const tooMany = Array.from({ length: 501 }, (_, i) => `x${i}`);
    expect(((await fails({ op: "delete", ids: tooMany })) as ValidationError).fieldErrors.ids).toEqual(["Select at most 500 sessions at a time"]);
    const coreOnly = await fails({ op: "surface", surface: "TRAIL", ids: [mine[1]] });
    expect(coreOnly).toBeInstanceOf(ValidationError);
    expect(coreOnly.message).toMatch(/None of the selected sessions is a run/);

    expect(await db().trainingSession.findMany({ orderBy: { id: "asc" } })).toEqual(before);
    expect(await auditCount("session.bulk-update")).toBe(0);
  });

  it("deletes the chosen sessions and rebuilds the totals of their days", async () => {
    const { athleteA, mine } = await world();
    expect((await previewBulkChange(athleteA, { op: "delete", ids: [mine[0], mine[3]] })).question).toBe("Delete 2 sessions? This cannot be undone.");
    const result = await applyBulkChange(athleteA, { op: "delete", ids: [mine[0], mine[3]] });
    expect(result.message).toBe("2 sessions deleted.");
    expect(ids(await db().trainingSession.findMany({ where: { userId: athleteA.id }, orderBy: { id: "asc" } }))).toEqual([mine[1], mine[2], mine[4]]);
    const { stored, fresh } = await storedAndFresh(athleteA.id);
    expect(stored).toEqual(fresh);
    expect(stored.map((d) => d.localDate)).not.toContain("2024-06-01");
    expect(stored.find((d) => d.localDate === "2025-02-01")).toMatchObject({ sessionCount: 1, srpeAu: 5 * 30, runKm: 0 });
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "session.bulk-delete" } });
    expect(audit).toMatchObject({ actorId: athleteA.id, meta: { count: 2 } });
  });

  it("leaves other people's sessions alone: their ids alone answer as not found, mixed in they are skipped", async () => {
    const { athleteA, athleteB, coachA, mine, theirs } = await world();
    const snapshot = async () => ({
      sessions: await db().trainingSession.findMany({ where: { userId: athleteB.id }, orderBy: { id: "asc" } }),
      loads: await db().dailyLoad.findMany({ where: { userId: athleteB.id }, orderBy: { localDate: "asc" } }),
    });
    const before = await snapshot();
    for (const viewer of [athleteA, coachA] as Viewer[]) {
      for (const input of [
        { op: "rpe", rpe: "9", ids: theirs },
        { op: "surface", surface: "TRACK", ids: theirs },
        { op: "delete", ids: theirs },
      ]) {
        await expect(previewBulkChange(viewer, input)).rejects.toBeInstanceOf(NotFoundError);
        await expect(applyBulkChange(viewer, input)).rejects.toBeInstanceOf(NotFoundError);
      }
    }
    const mixed = await applyBulkChange(athleteA, { op: "delete", ids: [...theirs, mine[4]] });
    expect(mixed.message).toBe("1 session deleted.");
    await applyBulkChange(athleteA, { op: "rpe", rpe: "9", ids: [...theirs, mine[0]] });
    expect(await snapshot()).toEqual(before);
    expect(await auditCount("session.bulk-delete")).toBe(1);
    // The owner can still do it.
    await applyBulkChange(athleteB, { op: "delete", ids: theirs });
    expect(await db().trainingSession.count({ where: { userId: athleteB.id } })).toBe(0);
    expect(await db().dailyLoad.count({ where: { userId: athleteB.id } })).toBe(0);
  });

  it("keeps totals exact for a change spread over years", async () => {
    const { athleteA } = await twoSquads();
    const dates = Array.from({ length: 60 }, (_, i) => addDays("2020-01-01", i * 37));
    const seeded = await seed(athleteA.id, dates.map((date, i) => ({ date, rpe: i % 10, durationMin: 30 + i })));
    // Sessions logged through the form in between, left untouched.
    await createSession(athleteA, { type: "CORE", date: "2021-05-05", duration: "20", rpe: "3" }, new Date("2026-01-01T00:00:00Z"));
    await applyBulkChange(athleteA, { op: "rpe", rpe: "10", ids: seeded.filter((_, i) => i % 3 === 0) });
    const { stored, fresh } = await storedAndFresh(athleteA.id);
    expect(stored).toEqual(fresh);
  });
});

describe("dayRanges", () => {
  it("merges days close together and keeps far ones apart", () => {
    expect(dayRanges([])).toEqual([]);
    expect(dayRanges(["2025-01-05", "2025-01-01", "2025-01-05"])).toEqual([["2025-01-01", "2025-01-05"]]);
    expect(dayRanges(["2025-01-01", "2025-01-15", "2025-01-30", "2026-01-01"])).toEqual([
      ["2025-01-01", "2025-01-15"],
      ["2025-01-30", "2025-01-30"],
      ["2026-01-01", "2026-01-01"],
    ]);
  });
});
