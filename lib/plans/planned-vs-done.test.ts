import { describe, expect, it } from "vitest";
import { comparePlannedVsDone, matchPlannedToDone, plannedLoadAu, type DoneForMatch, type PlannedForMatch } from "@/lib/plans/planned-vs-done";

const planned = (id: string, date: string, type: string, extra: Partial<PlannedForMatch> = {}): PlannedForMatch => ({
  id,
  date,
  type,
  durationMin: 40,
  distanceKm: null,
  targetRpe: null,
  ...extra,
});
const done = (id: string, date: string, type: string, extra: Partial<DoneForMatch> = {}): DoneForMatch => ({
  id,
  date,
  type,
  durationMin: 40,
  distanceKm: null,
  rpe: null,
  ...extra,
});

describe("matching planned to done sessions", () => {
  it("matches by date and type, each done session once", () => {
    const result = matchPlannedToDone(
      [planned("p1", "2026-12-01", "RUN"), planned("p2", "2026-12-01", "RUN"), planned("p3", "2026-12-02", "CORE")],
      [done("d1", "2026-12-01", "RUN"), done("d2", "2026-12-02", "RUN"), done("d3", "2026-12-03", "CORE")],
    );
    expect(result).toEqual({ p1: "d1", p2: null, p3: null });
  });

  it("pairs the closest sessions when a day holds several of a type", () => {
    const result = matchPlannedToDone(
      [planned("short", "2026-12-01", "RUN", { durationMin: 30 }), planned("long", "2026-12-01", "RUN", { durationMin: 90 })],
      [done("d-long", "2026-12-01", "RUN", { durationMin: 85 }), done("d-short", "2026-12-01", "RUN", { durationMin: 35 })],
    );
    expect(result).toEqual({ short: "d-short", long: "d-long" });
  });

  it("prefers the same cross-training mode, and honours an explicit link first", () => {
    const byMode = matchPlannedToDone(
      [planned("swim", "2026-12-01", "CROSS_TRAINING", { subType: "SWIMMING" })],
      [done("bike", "2026-12-01", "CROSS_TRAINING", { subType: "CYCLING", durationMin: 40 }), done("pool", "2026-12-01", "CROSS_TRAINING", { subType: "SWIMMING", durationMin: 70 })],
    );
    expect(byMode).toEqual({ swim: "pool" });
    // Another mode still counts when it is all that was done that day.
    expect(matchPlannedToDone([planned("swim", "2026-12-01", "CROSS_TRAINING", { subType: "SWIMMING" })], [done("bike", "2026-12-01", "CROSS_TRAINING", { subType: "CYCLING" })])).toEqual({ swim: "bike" });

    const linked = matchPlannedToDone(
      [planned("a", "2026-12-01", "RUN"), planned("b", "2026-12-01", "RUN", { completedSessionId: "d1" })],
      [done("d1", "2026-12-01", "RUN")],
    );
    expect(linked).toEqual({ a: null, b: "d1" });
  });
});

describe("planned against done", () => {
  const week = { from: "2026-11-30", to: "2026-12-06" };

  it("marks done, missed and due sessions and totals each day and the week", () => {
    const result = comparePlannedVsDone({
      ...week,
      today: "2026-12-02",
      planned: [
        planned("mon-run", "2026-11-30", "RUN", { durationMin: 50, distanceKm: 10, targetRpe: 6 }),
        planned("tue-core", "2026-12-01", "CORE", { durationMin: 25, targetRpe: 5 }),
        planned("wed-run", "2026-12-02", "RUN", { durationMin: 40, distanceKm: 8 }),
        planned("sat-run", "2026-12-05", "RUN", { durationMin: 90, distanceKm: 18, targetRpe: 4 }),
      ],
      done: [
        done("d-mon", "2026-11-30", "RUN", { durationMin: 55, distanceKm: 11, rpe: 6 }),
        done("d-tue-bike", "2026-12-01", "CROSS_TRAINING", { subType: "CYCLING", durationMin: 60, distanceKm: 25, rpe: 4 }),
        // After today: not counted even if present.
        done("d-future", "2026-12-04", "RUN", { durationMin: 30 }),
      ],
    });
    expect(result.status).toEqual({ "mon-run": "done", "tue-core": "missed", "wed-run": "due", "sat-run": "due" });
    expect(result.matchedSessionId["mon-run"]).toBe("d-mon");
    expect(result.unplannedSessionIds).toEqual(["d-tue-bike"]);
    expect(result.days).toHaveLength(7);
    expect(result.days[0]).toEqual({
      date: "2026-11-30",
      planned: { durationMin: 50, distanceKm: 10, loadAu: 300 },
      done: { durationMin: 55, distanceKm: 11, loadAu: 330 },
      plannedCount: 1,
      completedCount: 1,
      missedCount: 0,
    });
    expect(result.days[1]).toMatchObject({ planned: { loadAu: 125 }, done: { durationMin: 60, distanceKm: 25, loadAu: 240 }, missedCount: 1 });
    // No RPE counts as RPE 5, for plans as for done sessions.
    expect(result.days[2].planned.loadAu).toBe(200);
    expect(result.days[2].done).toEqual({ durationMin: 0, distanceKm: 0, loadAu: 0 });
    expect(result.days[3].done).toBeNull();
    expect(result.weeks).toEqual([
      {
        monday: "2026-11-30",
        from: "2026-11-30",
        to: "2026-12-06",
        planned: { durationMin: 205, distanceKm: 36, loadAu: 985 },
        plannedToDate: { durationMin: 115, distanceKm: 18, loadAu: 625 },
        done: { durationMin: 115, distanceKm: 36, loadAu: 570 },
        plannedCount: 4,
        completedCount: 1,
        missedCount: 1,
      },
    ]);
  });

  it("sums several done sessions of a day, rounding only the totals", () => {
    const result = comparePlannedVsDone({
      from: "2026-12-01",
      to: "2026-12-02",
      today: "2026-12-10",
      planned: [],
      done: [done("a", "2026-12-01", "RUN", { durationMin: 40.4, distanceKm: 8.04, rpe: 5 }), done("b", "2026-12-01", "CORE", { durationMin: 20.4, distanceKm: null })],
    });
    expect(result.days.map((d) => d.done)).toEqual([
      { durationMin: 61, distanceKm: 8, loadAu: 304 },
      { durationMin: 0, distanceKm: 0, loadAu: 0 },
    ]);
  });

  it("splits a month's days into Monday-to-Sunday weeks, with nothing done in future weeks", () => {
    const result = comparePlannedVsDone({
      from: "2026-11-26",
      to: "2026-12-13",
      today: "2026-12-01",
      planned: [planned("a", "2026-12-09", "RUN", { targetRpe: 7 }), planned("outside", "2026-12-20", "RUN")],
      done: [],
    });
    expect(result.weeks.map((w) => [w.monday, w.from, w.to])).toEqual([
      ["2026-11-23", "2026-11-26", "2026-11-29"],
      ["2026-11-30", "2026-11-30", "2026-12-06"],
      ["2026-12-07", "2026-12-07", "2026-12-13"],
    ]);
    expect(result.weeks[2]).toMatchObject({ done: null, planned: { loadAu: 280 }, plannedToDate: { loadAu: 0 }, plannedCount: 1 });
    expect(Object.keys(result.status)).toEqual(["a"]);
    expect(plannedLoadAu({ durationMin: 30, targetRpe: 0 })).toBe(0);
  });
});

describe("held sessions", () => {
  it("are neither planned load nor missed, unless trained anyway", () => {
    const result = comparePlannedVsDone({
      from: "2026-12-01",
      to: "2026-12-03",
      today: "2026-12-03",
      planned: [
        planned("held-skipped", "2026-12-01", "RUN", { held: true }),
        planned("held-trained", "2026-12-02", "RUN", { held: true }),
        planned("open", "2026-12-02", "CORE"),
      ],
      done: [done("d1", "2026-12-02", "RUN")],
    });
    expect(result.status).toEqual({ "held-skipped": "held", "held-trained": "done", open: "missed" });
    expect(result.days[0]).toMatchObject({ plannedCount: 0, missedCount: 0 });
    expect(result.days[1]).toMatchObject({ plannedCount: 2, completedCount: 1, missedCount: 1 });
  });
});
