import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { projectPlan } from "./projection";
import { evaluateFlags } from "./flags";
import { computeDailyMetrics, sessionLoad } from "./metrics";
import { addDays } from "./dates";
import { run, session } from "./test-helpers";
import type { EngineSession, PlannedSession } from "./types";

const asOf = "2024-12-28";
const history: EngineSession[] = Array.from({ length: 40 }, (_, i) => run(addDays(asOf, -40 + i), 8 + (i % 3)));

function plan(offset: number, km: number, extra: Partial<PlannedSession> = {}): PlannedSession {
  return { ...run(addDays(asOf, offset), km), origin: "coach", ...extra };
}

describe("projectPlan", () => {
  it("adds planned loads to the metrics through the last planned date (across the year end)", () => {
    const planned = [plan(2, 10), plan(5, 12)];
    const { metrics } = projectPlan({ asOf, sessions: history, plannedSessions: planned });
    expect(metrics[metrics.length - 1].date).toBe(addDays(asOf, 5));
    expect(metrics.map((m) => m.date)).toContain("2025-01-01");
    const byDate = new Map(metrics.map((m) => [m.date, m]));
    expect(byDate.get(addDays(asOf, 2))?.load).toBe(sessionLoad(planned[0]));
    expect(byDate.get(addDays(asOf, 1))?.load).toBe(0);
    const past = computeDailyMetrics(history.map((s) => ({ date: s.date, load: sessionLoad(s) })), { to: asOf });
    expect(metrics.slice(0, past.length)).toEqual(past);
  });

  it("ignores planned sessions on or before asOf and logged sessions after it", () => {
    const a = projectPlan({ asOf, sessions: history, plannedSessions: [plan(0, 30), plan(-3, 30), plan(3, 9)] });
    const b = projectPlan({ asOf, sessions: [...history, run(addDays(asOf, 2), 50)], plannedSessions: [plan(3, 9)] });
    const c = projectPlan({ asOf, sessions: history, plannedSessions: [plan(3, 9)] });
    expect(a.metrics).toEqual(c.metrics);
    expect(b.metrics).toEqual(c.metrics);
  });

  it("reports the flags a plan would raise, each once, dated on its day", () => {
    const planned = [plan(3, 14), plan(4, 6), plan(10, 6), plan(12, 25)];
    const { flags } = projectPlan({ asOf, sessions: history, plannedSessions: planned });
    const spikes = flags.filter((f) => f.id === "session-spike");
    expect(spikes.map((f) => f.date)).toEqual([addDays(asOf, 3), addDays(asOf, 12)]);
    expect(spikes[0].severity).toBe("warning");
    expect(spikes[1].values.longest30Km).toBe(14);
    for (let i = 1; i < flags.length; i++) expect(flags[i - 1].date <= flags[i].date).toBe(true);
  });

  it("agrees with evaluateFlags run on each projected date", () => {
    const planned = [plan(1, 12), plan(2, 13), plan(4, 20), plan(6, 4), plan(8, 30), plan(9, 30)];
    const painReports = [{ date: asOf, zone: "lumbar" as const, nrs: 3 }];
    const { flags } = projectPlan({ asOf, sessions: history, plannedSessions: planned, painReports });
    expect(flags.length).toBeGreaterThan(0);
    for (const f of flags) {
      const direct = evaluateFlags({ asOf: f.date, sessions: [...history, ...planned], painReports });
      const same = direct.find((g) => g.id === f.id);
      expect(same).toBeDefined();
      expect(same?.date).toBe(f.date);
      expect(same?.values).toEqual(f.values);
    }
  });

  it("does not repeat flags already active on asOf, but reports a deficit that starts in the plan", () => {
    const sessions = [
      ...history,
      session(addDays(asOf, -13), "CORE"),
      session(addDays(asOf, -10), "STRENGTH"),
    ];
    const planned = [plan(1, 8), plan(3, 8), plan(5, 8)];
    expect(evaluateFlags({ asOf, sessions, painReports: [] }).map((f) => f.id)).not.toContain("compensatory-deficit");
    const { flags } = projectPlan({ asOf, sessions, plannedSessions: planned, profile: { postureLoad: ["desk"] } });
    const deficit = flags.filter((f) => f.id === "compensatory-deficit");
    expect(deficit.map((f) => f.date)).toEqual([addDays(asOf, 1)]);
    expect(flags.some((f) => f.id === "posture-load" || f.id === "footprint-unassessed")).toBe(false);
  });

  it("projects a shoe past its mileage and the load measure of the thresholds", () => {
    const worn = Array.from({ length: 69 }, (_, i) => run(addDays(asOf, -80 + i), 10, { shoeId: "old" }));
    // 690 km, then exactly 700 on day +2 (not past the limit yet), then past it on day +4.
    const planned = [plan(2, 10, { shoeId: "old" }), plan(4, 0.5, { shoeId: "old" }), plan(6, 8)];
    const { flags, metrics } = projectPlan({ asOf, sessions: worn, plannedSessions: planned, thresholds: { loadMeasure: "km" } });
    const shoe = flags.filter((f) => f.id === "shoe-mileage");
    expect(shoe.map((f) => f.date)).toEqual([addDays(asOf, 4)]);
    expect(shoe[0].values.km).toBe(700.5);
    expect(metrics[metrics.length - 1].load).toBe(8);
  });

  it("returns no metrics and no flags without any session", () => {
    expect(projectPlan({ asOf, sessions: [], plannedSessions: [] })).toEqual({ metrics: [], flags: [] });
  });

  it("validates its input", () => {
    expect(() => projectPlan({ asOf, sessions: [], plannedSessions: [plan(1, 5, { rpe: 12 })] })).toThrow(
      expect.objectContaining({ field: "plannedSessions[0].rpe" }),
    );
    expect(() => projectPlan({ asOf, sessions: [], plannedSessions: [plan(1, 5, { flagId: "x" as never })] })).toThrow(
      expect.objectContaining({ field: "plannedSessions[0].flagId" }),
    );
    expect(() => projectPlan({ asOf, sessions: [], plannedSessions: [], thresholds: { shoeKm: 5 } })).toThrow(
      expect.objectContaining({ field: "thresholds.shoeKm" }),
    );
  });

  it("never yields NaN or Infinity in projected metrics (property)", () => {
    const p = fc.record({ offset: fc.integer({ min: 1, max: 40 }), km: fc.integer({ min: 0, max: 60 }), rpe: fc.option(fc.integer({ min: 0, max: 10 })) });
    fc.assert(
      fc.property(fc.array(p, { maxLength: 25 }), (raw) => {
        const planned = raw.map((r) => plan(r.offset, r.km, { rpe: r.rpe }));
        const { metrics, flags } = projectPlan({ asOf, sessions: history, plannedSessions: planned });
        for (const m of metrics) for (const v of Object.values(m)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
        for (const f of flags) expect(f.date > asOf).toBe(true);
      }),
      { numRuns: 60 },
    );
  }, 60_000);
});
