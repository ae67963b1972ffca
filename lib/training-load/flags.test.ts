import { describe, expect, it } from "vitest";
import { evaluateFlags, type EvaluateFlagsInput } from "./flags";
import { addDays } from "./dates";
import { EngineInputError, ThresholdOverrideError } from "./errors";
import { FLAG_EVIDENCE } from "./citations";
import { computeDailyMetrics, sessionLoad } from "./metrics";
import { run, session, explain } from "./test-helpers";
import type { EngineOstrc, EnginePainReport, EngineSession, Flag, FlagId } from "./types";

function flags(input: Partial<EvaluateFlagsInput> & { asOf: string }): Flag[] {
  return evaluateFlags({ sessions: [], painReports: [], ...input });
}

function find(list: Flag[], id: FlagId): Flag | undefined {
  return list.find((f) => f.id === id);
}

function ids(list: Flag[]): FlagId[] {
  return list.map((f) => f.id);
}

/** A session of exactly `au` sRPE load (RPE 10). */
function load(date: string, au: number, extra: Partial<EngineSession> = {}): EngineSession {
  return session(date, "CROSS_TRAINING", { rpe: 10, durationMin: au / 10, ...extra });
}

describe("session-spike", () => {
  const asOf = "2025-03-30"; // a Sunday, and the day Europe moves its clocks forward

  const spikeCase = (km: number) => flags({ asOf, sessions: [run(addDays(asOf, -10), 10), run(asOf, km)] });

  it.each([
    [10.99, undefined],
    [11, undefined],
    [11.01, "caution"],
    [13, "caution"],
    [13.01, "warning"],
    [21, "warning"],
  ])("a %s km run after a 10 km longest run -> %s", (km, severity) => {
    expect(find(spikeCase(km), "session-spike")?.severity).toBe(severity);
  });

  it("explains the rule with the numbers", () => {
    const f = find(flags({ asOf, sessions: [run(addDays(asOf, -3), 14.5), run(asOf, 21)] }), "session-spike") as Flag;
    expect(f.date).toBe(asOf);
    expect(f.values).toMatchObject({ distanceKm: 21, longest30Km: 14.5, band: "30-100", hazardRatio: 1.52 });
    expect(f.values.spike).toBeCloseTo(0.4483, 4);
    expect(explain(f)).toContain("Sun 30 Mar");
    expect(explain(f)).toContain("21.0 km run was 45% longer than the longest run of the previous 30 days (14.5 km)");
    expect(explain(f)).toContain("10%");
    expect(f.evidence.strength).toBe("moderate");
    expect(f.evidence.citation).toContain("Frandsen");
  });

  it("counts a run exactly 30 days earlier across the DST change, not 31", () => {
    const sessions = [run("2025-02-28", 20), run("2025-03-01", 10), run("2025-03-30", 15)];
    expect(find(flags({ asOf: "2025-03-30", sessions }), "session-spike")).toBeUndefined();
    const later = [run("2025-02-28", 20), run("2025-03-01", 10), run("2025-03-31", 15)];
    const f = find(flags({ asOf: "2025-03-31", sessions: later }), "session-spike") as Flag;
    expect(f.values.longest30Km).toBe(10);
  });

  it("stays active for 6 days after the spike, then stops", () => {
    const sessions = [run("2024-12-20", 10), run("2024-12-31", 15)];
    expect(find(flags({ asOf: "2025-01-06", sessions }), "session-spike")?.date).toBe("2024-12-31");
    expect(find(flags({ asOf: "2025-01-07", sessions }), "session-spike")).toBeUndefined();
    expect(find(flags({ asOf: "2024-12-30", sessions }), "session-spike")).toBeUndefined();
  });

  it("dates the flag by the latest spike and keeps the worst severity of the window", () => {
    const sessions = [run(addDays(asOf, -20), 10), run(addDays(asOf, -5), 15), run(addDays(asOf, -1), 17)];
    const f = find(flags({ asOf, sessions }), "session-spike") as Flag;
    expect(f.date).toBe(addDays(asOf, -1));
    expect(f.values.spike).toBeCloseTo(17 / 15 - 1, 4);
    expect(f.severity).toBe("warning");
    expect(f.values.maxSpike).toBeCloseTo(0.5, 4);
    expect(f.values.maxSpikeDate).toBe(addDays(asOf, -5));
  });

  it("takes the largest of several runs on one day, ignores runs after asOf, and accepts unsorted input", () => {
    const sessions = [run(asOf, 12), run(addDays(asOf, 1), 40), run(asOf, 11.5), run(addDays(asOf, -4), 10)];
    const f = find(flags({ asOf, sessions }), "session-spike") as Flag;
    expect(f.values.distanceKm).toBe(12);
    expect(f.severity).toBe("caution");
  });

  it("compares a run after a break with the 30 days before the break, and says so", () => {
    const sessions = [run("2025-01-10", 12), run("2025-02-05", 10), run("2025-03-17", 15)];
    const f = find(flags({ asOf: "2025-03-17", sessions }), "session-spike") as Flag;
    expect(f.values).toMatchObject({ longest30Km: null, referenceKm: 12, breakDays: 39, maxRunKm: 13.2, baselineRunKm: 12 });
    expect(f.severity).toBe("caution");
    expect(explain(f)).toContain("the 15.0 km run came after 39 days without running and was 25% longer than the longest run of the 30 days before the break (12.0 km)");
    // Nothing to compare with after more than 90 days without a run.
    expect(find(flags({ asOf: "2025-05-07", sessions: [run("2025-02-05", 10), run("2025-05-07", 15)] }), "session-spike")).toBeUndefined();
  });

  it("honours spike threshold overrides", () => {
    const sessions = [run(addDays(asOf, -2), 10), run(asOf, 11.5)];
    expect(find(flags({ asOf, sessions, thresholds: { spikeCaution: 0.2 } }), "session-spike")).toBeUndefined();
    expect(find(flags({ asOf, sessions, thresholds: { spikeCaution: 0.05, spikeWarning: 0.1 } }), "session-spike")?.severity).toBe(
      "warning",
    );
  });
});

describe("weekly-distance-increase", () => {
  const T = "2025-10-26"; // Europe leaves summer time
  const baseline = (km: number) => [run(addDays(T, -27), km), run(addDays(T, -20), km), run(addDays(T, -13), km)];
  const lastWeek = (total: number) => [run(addDays(T, -3), total / 2), run(T, total / 2)];

  it.each([
    [12.9, false],
    [13, false],
    [13.1, true],
    [20, true],
  ])("last 7 days %s km against a 10 km weekly baseline -> %s", (km, flagged) => {
    const f = find(flags({ asOf: T, sessions: [...baseline(10), ...lastWeek(km)] }), "weekly-distance-increase");
    expect(f !== undefined).toBe(flagged);
  });

  it("needs a baseline of at least 10 km a week", () => {
    expect(find(flags({ asOf: T, sessions: [...baseline(9.99), ...lastWeek(20)] }), "weekly-distance-increase")).toBeUndefined();
    const f = find(flags({ asOf: T, sessions: [...baseline(10), ...lastWeek(20)] }), "weekly-distance-increase") as Flag;
    expect(f.values).toMatchObject({ lastKm: 20, baselineKm: 10, change: 1 });
    expect(explain(f)).toContain("20.0 km");
    expect(explain(f)).toContain("100% more");
    expect(explain(f)).toContain("10.0 km");
    expect(f.severity).toBe("caution");
  });

  it("is active through asOf + 6 and dated by the carrying day", () => {
    const sessions = [...baseline(10), ...lastWeek(20)];
    expect(find(flags({ asOf: addDays(T, 6), sessions }), "weekly-distance-increase")?.date).toBe(T);
    expect(find(flags({ asOf: addDays(T, 7), sessions }), "weekly-distance-increase")).toBeUndefined();
  });

  it("honours overrides", () => {
    const sessions = [...baseline(10), ...lastWeek(14)];
    expect(find(flags({ asOf: T, sessions }), "weekly-distance-increase")).toBeDefined();
    expect(find(flags({ asOf: T, sessions, thresholds: { weeklyIncrease: 0.5 } }), "weekly-distance-increase")).toBeUndefined();
    expect(find(flags({ asOf: T, sessions, thresholds: { weeklyMinBaselineKm: 12 } }), "weekly-distance-increase")).toBeUndefined();
  });
});

describe("acwr-high", () => {
  const start = "2025-01-01";
  const asOf = addDays(start, 60);
  const steady = Array.from({ length: 60 }, (_, i) => load(addDays(start, i), 100));
  // With 100 AU every day, a load L on the last day gives acwrEwma = (75 + L/4) / ((2700 + 2L) / 29);
  // that is exactly 1.5 for L = 1875 / 4.25.
  const atThreshold = 1875 / 4.25;

  it.each([
    [440, false],
    [atThreshold, true],
    [450, true],
  ])("a %s AU day after 100 AU days -> %s", (last, flagged) => {
    const sessions = [...steady, load(asOf, last)];
    const f = find(flags({ asOf, sessions }), "acwr-high");
    expect(f !== undefined).toBe(flagged);
    const m = computeDailyMetrics(sessions.map((s) => ({ date: s.date, load: sessionLoad(s) })));
    if (last === atThreshold) expect(m[m.length - 1].acwrEwma).toBeCloseTo(1.5, 12);
  });

  it("explains with the ratio, the estimated RPEs and the critique", () => {
    const sessions = [...steady, load(asOf, 300), session(asOf, "RUN", { rpe: undefined, durationMin: 60, distanceKm: 10 })];
    const f = find(flags({ asOf, sessions }), "acwr-high") as Flag;
    expect(f.severity).toBe("caution");
    expect(f.date).toBe(asOf);
    expect(f.values.acwrEwma as number).toBeGreaterThanOrEqual(1.5);
    expect(f.values.estimatedRpeSessions).toBe(1);
    expect(f.values.sessionsInWindow).toBe(29);
    expect(explain(f)).toContain("1 of the 29 sessions");
    expect(explain(f)).toContain("RPE 5");
    expect(explain(f)).toContain("Impellizzeri");
    expect(f.evidence.strength).toBe("weak");
    expect(f.evidence.citation).toContain("Gabbett");
    expect(f.evidence.citation).toContain("Impellizzeri");
  });

  it("says when no RPE was estimated", () => {
    const f = find(flags({ asOf, sessions: [...steady, load(asOf, 500)] }), "acwr-high") as Flag;
    expect(explain(f)).toContain("All 28 sessions");
  });

  it("uses the squad's load measure (minutes here) when set", () => {
    const base = Array.from({ length: 60 }, (_, i) => session(addDays(start, i), "CROSS_TRAINING", { durationMin: 60, rpe: 5 }));
    const sessions = [...base, session(asOf, "CROSS_TRAINING", { durationMin: 300, rpe: 1 })];
    expect(find(flags({ asOf, sessions }), "acwr-high")).toBeUndefined();
    const f = find(flags({ asOf, sessions, thresholds: { loadMeasure: "min" } }), "acwr-high") as Flag;
    expect(f.values.loadMeasure).toBe("min");
    expect(f.values.estimatedRpeSessions).toBeUndefined();
    expect(explain(f)).toContain("training minutes");
  });

  it("uses running km when set", () => {
    const base = Array.from({ length: 60 }, (_, i) => run(addDays(start, i), 5, { rpe: 5 }));
    const sessions = [...base, run(asOf, 25, { rpe: 1, durationMin: 10 })];
    expect(find(flags({ asOf, sessions, thresholds: { loadMeasure: "km" } }), "acwr-high")).toBeDefined();
  });

  it("is not computed before 28 days of history", () => {
    const sessions = [load(start, 100), load(addDays(start, 20), 2000)];
    expect(find(flags({ asOf: addDays(start, 20), sessions }), "acwr-high")).toBeUndefined();
  });

  it("honours a threshold override exactly at the computed ratio", () => {
    const sessions = [...steady, load(asOf, 420)];
    const m = computeDailyMetrics(sessions.map((s) => ({ date: s.date, load: sessionLoad(s) })));
    const ratio = m[m.length - 1].acwrEwma as number;
    expect(find(flags({ asOf, sessions, thresholds: { acwrHigh: ratio } }), "acwr-high")).toBeDefined();
    expect(find(flags({ asOf, sessions, thresholds: { acwrHigh: ratio - 0.001 } }), "acwr-high")).toBeDefined();
    expect(find(flags({ asOf, sessions, thresholds: { acwrHigh: ratio + 0.001 } }), "acwr-high")).toBeUndefined();
  });
});

describe("monotony-high", () => {
  const start = "2025-03-24"; // the week crosses the European DST change
  const week = (loads: number[]) => loads.map((l, i) => load(addDays(start, i), l));
  const asOf = addDays(start, 6);

  it("flags a week with monotony above 2", () => {
    const f = find(flags({ asOf, sessions: week([5, 15, 20, 20, 20, 25, 35]) }), "monotony-high") as Flag;
    expect(f.values.monotony).toBeCloseTo(2.3664, 4);
    expect(f.values.strain).toBeCloseTo(331.3, 1);
    expect(explain(f)).toContain("2.37");
    expect(explain(f)).toContain("All 7 sessions");
    expect(f.evidence.citation).toContain("Foster");
  });

  it("is strict at the threshold (monotony > threshold)", () => {
    const sessions = week([5, 15, 20, 20, 20, 25, 35]);
    const exact = computeDailyMetrics(sessions.map((s) => ({ date: s.date, load: sessionLoad(s) })))[6].monotony as number;
    expect(find(flags({ asOf, sessions, thresholds: { monotonyHigh: exact } }), "monotony-high")).toBeUndefined();
    expect(find(flags({ asOf, sessions, thresholds: { monotonyHigh: exact - 0.001 } }), "monotony-high")).toBeDefined();
    expect(find(flags({ asOf, sessions, thresholds: { monotonyHigh: exact + 0.001 } }), "monotony-high")).toBeUndefined();
  });

  it("does not flag a varied week, or a week of identical loads (monotony undefined)", () => {
    expect(find(flags({ asOf, sessions: week([0, 300, 0, 300, 0, 300, 0]) }), "monotony-high")).toBeUndefined();
    expect(find(flags({ asOf, sessions: week([100, 100, 100, 100, 100, 100, 100]) }), "monotony-high")).toBeUndefined();
  });

  it("counts sessions without RPE as RPE 5 and says so", () => {
    const sessions = week([5, 15, 20, 20, 20, 25, 35]);
    sessions.push(session(asOf, "MOBILITY", { rpe: undefined, durationMin: 1 }));
    const f = find(flags({ asOf, sessions }), "monotony-high") as Flag;
    expect(f.values.estimatedRpeSessions).toBe(1);
    expect(explain(f)).toContain("1 of the 8 sessions");
  });
});

describe("back-pain-rising", () => {
  const asOf = "2025-01-03";
  const pain = (date: string, nrs: number, zone: EnginePainReport["zone"] = "lumbar"): EnginePainReport => ({ date, zone, nrs });

  it.each([
    [3, false],
    [3.9, false],
    [4, true],
    [7, true],
  ])("latest NRS %s -> %s", (nrs, flagged) => {
    expect(find(flags({ asOf, painReports: [pain(asOf, nrs)] }), "back-pain-rising") !== undefined).toBe(flagged);
  });

  it.each([
    [2, 3, false],
    [1, 3, true],
    [0, 3.5, true],
  ])("previous %s then %s -> %s", (prev, latest, flagged) => {
    const reports = [pain("2024-12-28", prev), pain(asOf, latest)];
    const f = find(flags({ asOf, painReports: reports }), "back-pain-rising");
    expect(f !== undefined).toBe(flagged);
    if (f) {
      expect(f.severity).toBe("warning");
      expect(f.values).toMatchObject({ zone: "lumbar", nrs: latest, previousNrs: prev, previousDate: "2024-12-28" });
      expect(explain(f)).toContain(`Reported pain rose by ${latest - prev} points in the lower back (lumbar), from ${prev}/10`);
      expect(f.values.reasons).toEqual(["nrs-rise"]);
    }
  });

  it("compares only with a previous report of the same zone at most 14 days earlier", () => {
    expect(find(flags({ asOf, painReports: [pain("2024-12-20", 0), pain(asOf, 3)] }), "back-pain-rising")).toBeDefined();
    expect(find(flags({ asOf, painReports: [pain("2024-12-19", 0), pain(asOf, 3)] }), "back-pain-rising")).toBeUndefined();
    expect(
      find(flags({ asOf, painReports: [pain("2024-12-30", 0, "cervical"), pain(asOf, 3)] }), "back-pain-rising"),
    ).toBeUndefined();
  });

  it("uses the latest report of each zone, in asOf-13..asOf", () => {
    expect(find(flags({ asOf, painReports: [pain("2024-12-25", 6), pain(asOf, 2)] }), "back-pain-rising")).toBeUndefined();
    const zones = [pain("2024-12-25", 6, "cervical"), pain(asOf, 2)];
    expect(find(flags({ asOf, painReports: zones }), "back-pain-rising")?.values.zone).toBe("cervical");
    expect(find(flags({ asOf, painReports: [pain("2024-12-21", 6)] }), "back-pain-rising")).toBeDefined();
    expect(find(flags({ asOf, painReports: [pain("2024-12-20", 6)] }), "back-pain-rising")).toBeUndefined();
    expect(find(flags({ asOf, painReports: [pain("2025-01-04", 9)] }), "back-pain-rising")).toBeUndefined();
  });

  it("flags a substantial OSTRC problem in the last 7 days", () => {
    const o = (date: string, q2: number): EngineOstrc => ({ date, zone: "dorsal", q1: 8, q2, q3: 0, q4: 8 });
    expect(find(flags({ asOf, ostrc: [o(asOf, 6)] }), "back-pain-rising")).toBeUndefined();
    const f = find(flags({ asOf, ostrc: [o(addDays(asOf, -6), 13)] }), "back-pain-rising") as Flag;
    expect(f.values).toMatchObject({ zone: "dorsal", ostrcSeverity: 29, reasons: ["ostrc-substantial"] });
    expect(explain(f)).toContain("OSTRC");
    expect(find(flags({ asOf, ostrc: [o(addDays(asOf, -7), 13)] }), "back-pain-rising")).toBeUndefined();
    expect(find(flags({ asOf, ostrc: [{ date: asOf, zone: "lumbar", q1: 25, q2: 0, q3: 0, q4: 0 }] }), "back-pain-rising")).toBeDefined();
  });
});

describe("pain-after-overload", () => {
  const asOf = "2025-04-15";
  const spikeDay = addDays(asOf, -5);
  const spike = [run(addDays(asOf, -15), 10), run(spikeDay, 15)];
  const pain = (date: string, nrs: number): EnginePainReport => ({ date, zone: "lumbar", nrs });

  it.each([
    [2, -3, false],
    [3, -3, true],
    [5, -4, true],
    [3, -5, false],
    [3, 3, false],
  ])("NRS %s reported %s days from asOf", (nrs, offset, flagged) => {
    const f = find(flags({ asOf: addDays(asOf, Math.max(0, offset)), sessions: spike, painReports: [pain(addDays(asOf, offset), nrs)] }), "pain-after-overload");
    expect(f !== undefined).toBe(flagged);
  });

  it("names the report, the overload day and its rules", () => {
    const f = find(flags({ asOf, sessions: spike, painReports: [pain(addDays(asOf, -1), 3)] }), "pain-after-overload") as Flag;
    expect(f.severity).toBe("warning");
    expect(f.date).toBe(addDays(asOf, -1));
    expect(f.values).toMatchObject({ overloadDate: spikeDay, overloadRules: ["session-spike"], daysAfterOverload: 4, nrs: 3 });
    expect(explain(f)).toContain("4 days after an overload");
  });

  it("looks back 7 days from the report, and stays active 13 days after it", () => {
    const late = [pain(addDays(spikeDay, 7), 4)];
    expect(find(flags({ asOf: addDays(spikeDay, 7), sessions: spike, painReports: late }), "pain-after-overload")).toBeDefined();
    const tooLate = [pain(addDays(spikeDay, 8), 4)];
    expect(find(flags({ asOf: addDays(spikeDay, 8), sessions: spike, painReports: tooLate }), "pain-after-overload")).toBeUndefined();
    const p = addDays(spikeDay, 2);
    expect(find(flags({ asOf: addDays(p, 13), sessions: spike, painReports: [pain(p, 4)] }), "pain-after-overload")).toBeDefined();
    expect(find(flags({ asOf: addDays(p, 14), sessions: spike, painReports: [pain(p, 4)] }), "pain-after-overload")).toBeUndefined();
  });

  it("accepts a substantial OSTRC check-in as the report", () => {
    const ostrc: EngineOstrc[] = [{ date: addDays(asOf, -2), zone: "lumbar", q1: 17, q2: 13, q3: 6, q4: 8 }];
    const f = find(flags({ asOf, sessions: spike, ostrc }), "pain-after-overload") as Flag;
    expect(f.values.ostrcSeverity).toBe(44);
    expect(f.values.nrs).toBeNull();
  });
});

describe("red-flag", () => {
  const asOf = "2025-03-09"; // US clocks move forward
  const report = (redFlags: string[], extra: Partial<EnginePainReport> = {}): EnginePainReport => ({
    date: asOf,
    zone: "lumbar",
    subArea: "lumbosacral",
    nrs: 3,
    redFlags,
    ...extra,
  });

  it("refers to a clinician for a non-emergency symptom and shows the visceral map", () => {
    const f = find(flags({ asOf, painReports: [report(["night-pain"])] }), "red-flag") as Flag;
    expect(f.severity).toBe("referral");
    expect(f.values.emergency).toBe(false);
    expect(explain(f)).toContain("see a clinician");
    expect(explain(f)).not.toContain("emergency");
    expect(f.triage?.visceralSources.map((s) => s.organ)).toEqual(["large intestine", "bladder", "kidneys"]);
    expect(explain(f)).toContain("possible sources to discuss with a doctor");
    expect(f.evidence.citation).toContain("NICE");
  });

  it.each(["bladder-bowel", "saddle-numbness", "leg-weakness", "chest-pain"])("%s -> seek emergency care now", (id) => {
    const f = find(flags({ asOf, painReports: [report(["fever", id])] }), "red-flag") as Flag;
    expect(f.values.emergency).toBe(true);
    expect(f.triage?.action).toBe("seek-emergency-care");
    expect(explain(f)).toContain("seek emergency care now");
  });

  it("treats pain that does not change with movement as non-mechanical", () => {
    const f = find(flags({ asOf, painReports: [report([], { mechanical: false, zone: "dorsal", subArea: "between-shoulder-blades" })] }), "red-flag") as Flag;
    expect(f.values.symptoms).toEqual(["non-mechanical"]);
    expect(f.triage?.visceralSources.map((s) => s.organ)).toEqual(["stomach", "esophagus", "lungs"]);
    expect(find(flags({ asOf, painReports: [report([], { mechanical: true })] }), "red-flag")).toBeUndefined();
  });

  it("never expires by itself: a report of months ago is still a referral until a clearance", () => {
    const r = (date: string) => [{ ...report(["fever"]), date }];
    expect(find(flags({ asOf, painReports: r(addDays(asOf, -13)) }), "red-flag")).toBeDefined();
    const old = find(flags({ asOf, painReports: r(addDays(asOf, -200)) }), "red-flag") as Flag;
    expect(old.date).toBe(addDays(asOf, -200));
    expect(old.values.firstReportDate).toBe(addDays(asOf, -200));
  });

  it("rejects an unknown symptom id", () => {
    expect(() => flags({ asOf, painReports: [report(["fever", "headache"])] })).toThrow(
      expect.objectContaining({ field: "painReports[0].redFlags[1]", code: "unknown-value" }),
    );
  });
});

describe("compensatory-deficit", () => {
  const asOf = "2025-01-05";
  const runs = (n: number) => Array.from({ length: n }, (_, i) => run(addDays(asOf, -2 * i), 8));

  it.each([
    [2, 0, false],
    [3, 1, true],
    [3, 2, false],
    [5, 0, true],
  ])("%s runs and %s core sessions in 14 days -> %s", (r, c, flagged) => {
    const core = Array.from({ length: c }, (_, i) => session(addDays(asOf, -i), i % 2 ? "STRENGTH" : "CORE"));
    const f = find(flags({ asOf, sessions: [...runs(r), ...core] }), "compensatory-deficit");
    expect(f !== undefined).toBe(flagged);
    if (f) {
      expect(f.values).toMatchObject({ runs: r, coreOrStrengthSessions: c });
      expect(f.date).toBe(asOf);
    }
  });

  it("only counts asOf-13..asOf (across the year end)", () => {
    const sessions = [...runs(3), session(addDays(asOf, -14), "CORE"), session(addDays(asOf, -14), "CORE")];
    expect(find(flags({ asOf, sessions }), "compensatory-deficit")).toBeDefined();
    const inside = [...runs(3), session(addDays(asOf, -13), "CORE"), session("2024-12-31", "STRENGTH")];
    expect(find(flags({ asOf, sessions: inside }), "compensatory-deficit")).toBeUndefined();
  });
});

describe("shoe-mileage", () => {
  const asOf = "2025-06-01";
  const shoeRuns = (total: number) => {
    const out = Array.from({ length: 70 }, (_, i) => run(addDays(asOf, -100 + i), 10, { shoeId: "pegasus" }));
    if (total > 700) out.push(run(asOf, total - 700, { shoeId: "pegasus" }));
    return out;
  };

  it("flags a shoe past 700 km, not at 700", () => {
    expect(find(flags({ asOf, sessions: shoeRuns(700) }), "shoe-mileage")).toBeUndefined();
    const f = find(flags({ asOf, sessions: shoeRuns(700.1) }), "shoe-mileage") as Flag;
    expect(f.severity).toBe("info");
    expect(f.date).toBe(asOf);
    expect(f.values).toMatchObject({ shoeId: "pegasus", km: 700.1, limitKm: 700 });
  });

  it("ignores retired shoes and runs after asOf", () => {
    expect(find(flags({ asOf, sessions: shoeRuns(800), profile: { retiredShoeIds: ["pegasus"] } }), "shoe-mileage")).toBeUndefined();
    const future = [...shoeRuns(700), run(addDays(asOf, 1), 50, { shoeId: "pegasus" })];
    expect(find(flags({ asOf, sessions: future }), "shoe-mileage")).toBeUndefined();
  });

  it("dates the flag by the day the shoe passed the limit", () => {
    const sessions = [...shoeRuns(700), run(addDays(asOf, -10), 5, { shoeId: "pegasus" })];
    // 700 km exactly after the run of asOf-31; the 5 km run of asOf-10 takes it past the limit.
    expect(find(flags({ asOf, sessions }), "shoe-mileage")?.date).toBe(addDays(asOf, -10));
  });
});

describe("surface-change", () => {
  const asOf = "2025-05-10";
  const prior = (trailKm: number) => [
    run(addDays(asOf, -20), 40 - trailKm, { surface: "asphalt" }),
    run(addDays(asOf, -15), trailKm, { surface: "trail" }),
  ];
  const recent = (trailKm: number) => [
    run(addDays(asOf, -3), trailKm, { surface: "trail" }),
    run(asOf, 10 - trailKm, { surface: "asphalt" }),
  ];

  it.each([
    [3.9, 5, true],
    [3.9, 4.9, false],
    [4, 5, false],
    [0, 10, true],
  ])("prior trail %s km of 40, recent trail %s km of 10 -> %s", (p, r, flagged) => {
    const f = find(flags({ asOf, sessions: [...prior(p), ...recent(r)] }), "surface-change");
    expect(f !== undefined).toBe(flagged);
    if (f) {
      expect(f.values.surface).toBe("trail");
      expect(f.date).toBe(addDays(asOf, -3));
    }
  });

  it("needs running in asOf-34..asOf-7", () => {
    const old = [run(addDays(asOf, -35), 40, { surface: "asphalt" })];
    expect(find(flags({ asOf, sessions: [...old, ...recent(10)] }), "surface-change")).toBeUndefined();
  });
});

describe("profile flags", () => {
  const asOf = "2024-02-29";

  it("leg-length-discrepancy from 10 mm", () => {
    for (const [mm, flagged] of [
      [9.9, false],
      [10, true],
      [12, true],
    ] as const) {
      const f = find(flags({ asOf, profile: { legLengthDiscrepancyMm: mm, footprintType: "neutral" } }), "leg-length-discrepancy");
      expect(f !== undefined).toBe(flagged);
    }
  });

  it("footprint-unassessed when no footprint type is recorded", () => {
    expect(find(flags({ asOf, profile: {} }), "footprint-unassessed")).toBeDefined();
    expect(find(flags({ asOf, profile: { footprintType: "unassessed" } }), "footprint-unassessed")).toBeDefined();
    expect(find(flags({ asOf, profile: { footprintType: "pronator" } }), "footprint-unassessed")).toBeUndefined();
    expect(flags({ asOf })).toEqual([]);
  });

  it("posture-load for desk work, standing or lifting", () => {
    expect(find(flags({ asOf, profile: { postureLoad: [] } }), "posture-load")).toBeUndefined();
    const f = find(flags({ asOf, profile: { postureLoad: ["desk", "lifting"] } }), "posture-load") as Flag;
    expect(explain(f)).toContain("desk work");
    expect(explain(f)).toContain("heavy lifting");
  });

  it("masters-athlete from the 40th birthday, leap-day birthdays included", () => {
    const p = { birthDate: "1984-02-29", footprintType: "neutral" as const };
    expect(find(flags({ asOf: "2024-02-28", profile: p }), "masters-athlete")).toBeUndefined();
    expect(find(flags({ asOf: "2024-02-29", profile: p }), "masters-athlete")?.values.age).toBe(40);
    expect(find(flags({ asOf: "2025-01-01", profile: { birthDate: "1985-01-01" } }), "masters-athlete")?.values.age).toBe(40);
    expect(find(flags({ asOf: "2024-12-31", profile: { birthDate: "1985-01-01" } }), "masters-athlete")).toBeUndefined();
  });
});

describe("evaluateFlags: ordering, evidence and input checks", () => {
  const asOf = "2025-03-30";

  it("sorts by severity, then date (latest first)", () => {
    const sessions = [run(addDays(asOf, -20), 10), run(addDays(asOf, -2), 12)];
    const painReports: EnginePainReport[] = [
      { date: addDays(asOf, -1), zone: "lumbar", nrs: 5 },
      { date: addDays(asOf, -3), zone: "cervical", nrs: 2, redFlags: ["fever"] },
    ];
    const list = flags({ asOf, sessions, painReports, profile: { postureLoad: ["desk"] } });
    expect(ids(list)).toEqual(["red-flag", "back-pain-rising", "pain-after-overload", "session-spike", "footprint-unassessed", "posture-load"]);
    expect(list[1].date > list[2].date || list[1].date === list[2].date).toBe(true);
  });

  it("gives every flag its evidence and a plain explanation", () => {
    const sessions = [run(addDays(asOf, -20), 10), run(addDays(asOf, -2), 12)];
    const list = flags({
      asOf,
      sessions,
      painReports: [{ date: asOf, zone: "lumbar", nrs: 5, redFlags: ["trauma"] }],
      profile: { postureLoad: ["desk"], legLengthDiscrepancyMm: 12, birthDate: "1970-01-01" },
    });
    for (const f of list) {
      expect(f.evidence.strength).toBe(FLAG_EVIDENCE[f.id].strength);
      expect(f.evidence.citation.length).toBeGreaterThan(20);
      expect(explain(f).length).toBeGreaterThan(40);
      expect(f.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      for (const v of Object.values(f.values)) if (typeof v === "number") expect(Number.isFinite(v)).toBe(true);
    }
  });

  const base: EngineSession = { id: "s", date: asOf, type: "RUN", durationMin: 30, distanceKm: 5, rpe: 5 };
  it.each([
    [{ sessions: [base, base, base, { ...base, rpe: 11 }] }, "sessions[3].rpe"],
    [{ sessions: [{ ...base, rpe: -0.5 }] }, "sessions[0].rpe"],
    [{ sessions: [{ ...base, durationMin: NaN }] }, "sessions[0].durationMin"],
    [{ sessions: [{ ...base, distanceKm: -2 }] }, "sessions[0].distanceKm"],
    [{ sessions: [{ ...base, date: "2025-02-29" }] }, "sessions[0].date"],
    [{ sessions: [{ ...base, type: "YOGA" }] }, "sessions[0].type"],
    [{ sessions: [{ ...base, surface: "snow" }] }, "sessions[0].surface"],
    [{ painReports: [{ date: asOf, zone: "lumbar", nrs: 11 }] }, "painReports[0].nrs"],
    [{ painReports: [{ date: asOf, zone: "lumbar", nrs: -1 }] }, "painReports[0].nrs"],
    [{ painReports: [{ date: asOf, zone: "neck", nrs: 1 }] }, "painReports[0].zone"],
    [{ painReports: [{ date: asOf, zone: "lumbar", nrs: 1, mechanical: "no" }] }, "painReports[0].mechanical"],
    [{ ostrc: [{ date: asOf, zone: "lumbar", q1: 0, q2: 7, q3: 0, q4: 0 }] }, "ostrc[0].q2"],
    [{ ostrc: [{ date: "2025-3-1", zone: "lumbar", q1: 0, q2: 0, q3: 0, q4: 0 }] }, "ostrc[0].date"],
    [{ profile: { birthDate: "1980-02-30" } }, "profile.birthDate"],
    [{ profile: { footprintType: "flat" } }, "profile.footprintType"],
    [{ profile: { postureLoad: ["driving"] } }, "profile.postureLoad[0]"],
    [{ profile: { legLengthDiscrepancyMm: -3 } }, "profile.legLengthDiscrepancyMm"],
    [{ asOf: "30/03/2025" }, "asOf"],
  ])("rejects %j", (patch, field) => {
    const input = { asOf, sessions: [], painReports: [], ...patch } as unknown as EvaluateFlagsInput;
    expect(() => evaluateFlags(input)).toThrow(EngineInputError);
    expect(() => evaluateFlags(input)).toThrow(expect.objectContaining({ field }));
  });

  it("rejects invalid thresholds, naming them under thresholds.", () => {
    const input = { asOf, sessions: [], painReports: [], thresholds: { acwrHigh: 9 } };
    expect(() => evaluateFlags(input)).toThrow(ThresholdOverrideError);
    expect(() => evaluateFlags(input)).toThrow(expect.objectContaining({ field: "thresholds.acwrHigh" }));
  });

  it("accepts null for optional fields, as database rows carry them", () => {
    const list = evaluateFlags({
      asOf,
      sessions: [{ ...base, rpe: null, surface: null, shoeId: null, distanceKm: null }],
      painReports: [{ date: asOf, zone: "lumbar", nrs: 1, subArea: null, redFlags: null, mechanical: null }],
      profile: { birthDate: null, footprintType: null, legLengthDiscrepancyMm: null, postureLoad: null, retiredShoeIds: null },
    });
    expect(ids(list)).toEqual(["footprint-unassessed"]);
  });
});
