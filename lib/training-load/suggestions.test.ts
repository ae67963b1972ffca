import { describe, expect, it } from "vitest";
import { isSessionSuggestion, suggestSessions, suggestionToPlannedSession, CORE_EXERCISES, MOBILITY_EXERCISES } from "./suggestions";
import { evaluateFlags } from "./flags";
import { evidenceFor } from "./citations";
import { addDays, daysBetween } from "./dates";
import { sessionLoad } from "./metrics";
import { reasonText, run, session } from "./test-helpers";
import type { EngineSession, Flag, FlagId, PlannedSession, Suggestion } from "./types";

const asOf = "2025-10-22";

function flag(id: FlagId, values: Flag["values"] = {}, severity: Flag["severity"] = "caution"): Flag {
  return { id, severity, date: asOf, values, explanation: [{ code: "test", params: {} }], evidence: evidenceFor(id) };
}

function planned(offset: number, km: number, extra: Partial<PlannedSession> = {}): PlannedSession {
  return { ...run(addDays(asOf, offset), km, { rpe: 6 }), origin: "coach", ...extra };
}

const history: EngineSession[] = [
  run(addDays(asOf, -20), 12),
  run(addDays(asOf, -6), 8),
  run(addDays(asOf, -4), 10),
  run(addDays(asOf, -2), 8),
  run(asOf, 14),
];

function byType(list: Suggestion[], type: Suggestion["type"]): Suggestion[] {
  return list.filter((s) => s.type === type);
}

describe("suggestSessions", () => {
  it("suggests only rest after a red flag, standing in for every planned session from the first open report on", () => {
    const plan = [planned(-2, 8), planned(1, 10), planned(3, 12), planned(20, 5)];
    const flags = [flag("red-flag", { emergency: false }, "referral"), flag("compensatory-deficit"), flag("back-pain-rising", {}, "warning")];
    const out = suggestSessions({ asOf, flags, sessions: history, plannedSessions: plan });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ flagId: "red-flag", type: "rest", date: asOf, durationMin: 0, targetLoadAu: 0 });
    expect(reasonText(out[0])).toContain("see a clinician");
    expect(reasonText(out[0])).not.toMatch(/the athlete/i);
    // The referral never expires by itself: the session three weeks out is held too.
    expect(out[0].replacesSessionIds).toEqual([plan[1].id, plan[2].id, plan[3].id]);
    const since = flag("red-flag", { emergency: false, firstReportDate: addDays(asOf, -5) }, "referral");
    expect(suggestSessions({ asOf, flags: [since], sessions: history, plannedSessions: plan })[0].replacesSessionIds).toEqual(plan.map((p) => p.id));
  });

  it("says to seek emergency care for an emergency red flag", () => {
    const painReports = [{ date: asOf, zone: "lumbar" as const, nrs: 6, redFlags: ["saddle-numbness"] }];
    const flags = evaluateFlags({ asOf, sessions: history, painReports });
    const out = suggestSessions({ asOf, flags, sessions: history });
    expect(out).toHaveLength(1);
    expect(reasonText(out[0])).toContain("seek emergency care now");
    expect(reasonText(out[0])).toContain("doctor's clearance");
  });

  it("moves at least half of the next 7 days' running load to cross-training at no more than 75% of it on rising back pain", () => {
    const plan = [planned(1, 10), planned(2, 6, { rpe: undefined }), planned(4, 16, { rpe: 8 }), planned(6, 8), planned(9, 30)];
    const out = suggestSessions({ asOf, flags: [flag("back-pain-rising", { reasons: ["nrs-rise"], rise: 3 }, "warning")], sessions: history, plannedSessions: plan });
    const ct = byType(out, "cross-training");
    const inHorizon = plan.filter((p) => daysBetween(asOf, p.date) <= 7);
    const total = inHorizon.reduce((m, p) => m + sessionLoad(p), 0);
    let movedRunLoad = 0;
    for (const s of ct) {
      const replaced = plan.find((p) => p.id === s.replacesSessionId) as PlannedSession;
      expect(replaced).toBeDefined();
      movedRunLoad += sessionLoad(replaced);
      expect(s.date).toBe(replaced.date);
      expect(Number.isInteger(s.durationMin)).toBe(true);
      expect(s.durationMin).toBeGreaterThanOrEqual(1);
      expect(s.durationMin).toBeLessThanOrEqual(120);
      expect(s.targetLoadAu).toBe(s.durationMin * (s.rpe as number));
      expect(s.targetLoadAu).toBeLessThanOrEqual(0.75 * sessionLoad(replaced));
      expect(s.targetLoadAu).toBeGreaterThan(0.75 * sessionLoad(replaced) - (s.rpe as number));
      expect(Number.isInteger(s.rpe)).toBe(true);
      expect(s.rpe as number).toBeLessThanOrEqual(6);
      expect(["cycling", "swimming", "elliptical", "aqua-jogging"]).toContain(s.crossTrainingMode);
      expect(s.flagId).toBe("back-pain-rising");
      expect(reasonText(s)).toMatch(/^Back pain rose by 3 points, so at least half/);
      // The parts keep exact numbers; only the words round them.
      const replace = s.reason[1];
      expect(replace.code).toBe("replace-lower");
      expect(replace.params.runAu).toBe(sessionLoad(replaced));
      expect(replace.params.share).toBe(0.75);
      expect(reasonText(s)).toContain("no more than 75% of the run's");
    }
    expect(movedRunLoad).toBeGreaterThanOrEqual(total / 2);
    expect(ct.some((s) => s.replacesSessionId === plan[4].id)).toBe(false);
    expect(byType(out, "mobility")).toHaveLength(1);
  });

  it("uses last week's runs as the expected week when there is no plan", () => {
    const out = suggestSessions({ asOf, flags: [flag("pain-after-overload", {}, "warning")], sessions: history });
    const ct = byType(out, "cross-training");
    const lastWeek = history.filter((s) => daysBetween(s.date, asOf) <= 6);
    const total = lastWeek.reduce((m, s) => m + sessionLoad(s), 0);
    let moved = 0;
    for (const s of ct) {
      const template = lastWeek.find((r) => r.date === addDays(s.date, -7)) as EngineSession;
      moved += sessionLoad(template);
      expect(s.targetLoadAu).toBeLessThanOrEqual(0.75 * sessionLoad(template));
      expect(s.replacesSessionId).toBeUndefined();
      expect(daysBetween(asOf, s.date)).toBeGreaterThan(0);
      expect(daysBetween(asOf, s.date)).toBeLessThanOrEqual(7);
      expect(reasonText(s)).toContain("like the run of");
    }
    expect(moved).toBeGreaterThanOrEqual(total / 2);
  });

  it("proposes core 2 times a week and mobility for a compensatory deficit", () => {
    const plan = [planned(1, 10), planned(3, 12), planned(5, 8)];
    const out = suggestSessions({ asOf, flags: [flag("compensatory-deficit")], sessions: history, plannedSessions: plan });
    const core = byType(out, "core");
    expect(core).toHaveLength(2);
    for (const c of core) {
      expect(c.durationMin).toBeGreaterThanOrEqual(20);
      expect(c.durationMin).toBeLessThanOrEqual(30);
      expect(c.rpe as number).toBeGreaterThanOrEqual(4);
      expect(c.rpe as number).toBeLessThanOrEqual(6);
      expect(c.targetLoadAu).toBe(c.durationMin * (c.rpe as number));
      expect(new Set(c.exercises?.map((e) => e.target))).toEqual(new Set(["abdominal", "lumbar", "gluteal", "pelvic-floor"]));
      // Free days first.
      expect(plan.some((p) => p.date === c.date)).toBe(false);
    }
    expect(Math.abs(daysBetween(core[0].date, core[1].date))).toBeGreaterThanOrEqual(2);
    const mob = byType(out, "mobility");
    expect(mob).toHaveLength(1);
    expect(new Set(mob[0].exercises?.map((e) => e.target))).toEqual(
      new Set(["hamstrings", "hip-flexors", "piriformis", "glutes", "thoracic-spine"]),
    );
  });

  it("counts planned core work", () => {
    const plan = [planned(1, 10), { ...session(addDays(asOf, 2), "CORE"), origin: "coach" as const }, { ...session(addDays(asOf, 4), "MOBILITY") }];
    const out = suggestSessions({ asOf, flags: [flag("compensatory-deficit")], sessions: history, plannedSessions: plan });
    expect(byType(out, "core")).toHaveLength(1);
    expect(byType(out, "mobility")).toHaveLength(0);
  });

  it("caps the next single run at 1.1 x the longest run of the 30 days before the flagged run", () => {
    // The flag (dated asOf) was carried by the 14 km run of asOf; the 30 days before it held 12 km at most.
    const plan = [planned(2, 10), planned(5, 20)];
    const out = suggestSessions({ asOf, flags: [flag("session-spike")], sessions: history, plannedSessions: plan });
    const d = byType(out, "deload");
    expect(d).toHaveLength(1);
    expect(d[0].replacesSessionId).toBe(plan[1].id);
    expect(d[0].distanceKm).toBe(13.2);
    expect(d[0].limits?.maxRunKm).toBe(13.2);
    expect(d[0].durationMin).toBe(Math.round((plan[1].durationMin * 13.2) / 20));
    expect(d[0].targetLoadAu).toBe(d[0].durationMin * 6);
    // A plan within the cap keeps the advice, as a cap to apply, not a session.
    const within = suggestSessions({ asOf, flags: [flag("session-spike")], sessions: history, plannedSessions: [planned(2, 10)] });
    expect(within).toHaveLength(1);
    expect(within[0]).toMatchObject({ type: "deload", durationMin: 0, targetLoadAu: 0, rpe: null, limits: { maxRunKm: 13.2 } });
    expect(within[0].replacesSessionId).toBeUndefined();
    expect(reasonText(within[0])).toContain("No planned run of the next 7 days is above the cap");
    expect(isSessionSuggestion(within[0])).toBe(false);
    const noPlan = suggestSessions({ asOf, flags: [flag("session-spike")], sessions: history });
    expect(noPlan).toHaveLength(1);
    expect(noPlan[0]).toMatchObject({ durationMin: 0, rpe: null, limits: { maxRunKm: 13.2 } });
  });

  it("keeps the next 7 days' run km under the weekly cap by substituting the longest runs", () => {
    const values = { capFromDate: asOf, baselineWeekKm: 30, maxWeekRunKm: 33 };
    const plan = [planned(1, 12), planned(3, 15), planned(5, 10), planned(7, 20)];
    const out = suggestSessions({ asOf, flags: [flag("weekly-distance-increase", values)], sessions: history, plannedSessions: plan });
    const replaced = new Set(byType(out, "cross-training").map((s) => s.replacesSessionId));
    expect(replaced).toEqual(new Set([plan[3].id, plan[1].id]));
    const remainingKm = plan.filter((p) => !replaced.has(p.id)).reduce((m, p) => m + (p.distanceKm as number), 0);
    expect(remainingKm).toBeLessThanOrEqual(33);
    for (const s of byType(out, "cross-training")) expect(reasonText(s)).toContain("at or under 33.0 km of running: 1.1 x 30.0 km");
    // Within the cap: the cap itself, never an empty answer.
    const within = suggestSessions({ asOf, flags: [flag("weekly-distance-increase", values)], sessions: history, plannedSessions: plan.slice(0, 2) });
    expect(within).toEqual([expect.objectContaining({ type: "deload", durationMin: 0, limits: { maxWeekRunKm: 33 } })]);
  });

  it("trims planned runs in proportion for a high ACWR", () => {
    const values = { capFromDate: asOf, baselineWeekKm: 30, maxWeekRunKm: 33 };
    const plan = [planned(1, 12), planned(3, 15), planned(5, 10), planned(7, 20)];
    const out = suggestSessions({ asOf, flags: [flag("acwr-high", values)], sessions: history, plannedSessions: plan });
    const d = byType(out, "deload");
    expect(d).toHaveLength(4);
    const sum = d.reduce((m, s) => m + (s.distanceKm as number), 0);
    expect(sum).toBeLessThanOrEqual(33 + 1e-9);
    expect(sum).toBeGreaterThan(33 - 0.4);
    for (const s of d) {
      expect(s.limits?.maxWeekRunKm).toBe(33);
      expect(Number.isInteger(s.durationMin)).toBe(true);
      expect(Math.round((s.distanceKm as number) * 10) / 10).toBe(s.distanceKm);
    }
  });

  it("works out a flag's caps from the sessions when the flag carries none", () => {
    // 12 km in asOf-27..asOf-7: a weekly average of 4 km, a cap of 4.4 km.
    const out = suggestSessions({ asOf, flags: [flag("acwr-high")], sessions: history });
    expect(out.length).toBeGreaterThan(0);
    for (const s of out) expect(s).toMatchObject({ type: "deload", limits: { maxWeekRunKm: 4.4 } });
    expect(out.reduce((m, s) => m + (s.distanceKm as number), 0)).toBeLessThanOrEqual(4.4 + 1e-9);
    const spike = suggestSessions({ asOf, flags: [flag("session-spike", {}, "warning")], sessions: history });
    expect(spike).toEqual([expect.objectContaining({ type: "deload", limits: { maxRunKm: 13.2 } })]);
  });

  it("keeps one rest day for high monotony", () => {
    const plan = [1, 2, 3, 4, 5, 6, 7].map((o) => planned(o, 8));
    const out = suggestSessions({ asOf, flags: [flag("monotony-high")], sessions: history, plannedSessions: plan.slice(0, 6) });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: "rest", date: addDays(asOf, 7), targetLoadAu: 0 });
    const full = suggestSessions({ asOf, flags: [flag("monotony-high")], sessions: history, plannedSessions: plan });
    expect(full[0].replacesSessionIds).toHaveLength(1);
  });

  it("suggests posture work, assessments and shoe checks for the info flags", () => {
    const out = suggestSessions({
      asOf,
      flags: [
        flag("posture-load", { postureLoad: ["desk"] }, "info"),
        flag("footprint-unassessed", {}, "info"),
        flag("leg-length-discrepancy", {}, "info"),
        flag("masters-athlete", {}, "info"),
        flag("shoe-mileage", { shoeId: "pegasus" }, "info"),
        flag("surface-change", {}, "info"),
      ],
      sessions: history,
      profile: { postureLoad: ["desk"] },
    });
    const posture = byType(out, "posture");
    expect(posture).toHaveLength(1);
    expect(posture[0].exercises?.map((e) => e.target)).toContain("thoracic-spine");
    const assessments = byType(out, "assessment").map((s) => s.flagId).sort();
    expect(assessments).toEqual(["footprint-unassessed", "leg-length-discrepancy", "masters-athlete", "shoe-mileage"]);
    expect(reasonText(out.find((s) => s.flagId === "shoe-mileage"))).toContain("pegasus");
    expect(out.some((s) => s.flagId === "surface-change")).toBe(false);
  });

  it("names the flag, type, date, duration, load and reason of every suggestion", () => {
    const plan = [planned(1, 12), planned(3, 25), planned(5, 10)];
    const flags = evaluateFlags({
      asOf,
      sessions: [...history, run(asOf, 20)],
      painReports: [{ date: asOf, zone: "lumbar", nrs: 5 }],
      profile: { postureLoad: ["lifting"] },
    });
    const out = suggestSessions({ asOf, flags, sessions: history, plannedSessions: plan, profile: { postureLoad: ["lifting"] } });
    expect(out.length).toBeGreaterThan(3);
    for (const s of out) {
      expect(flags.map((f) => f.id)).toContain(s.flagId);
      expect(s.date >= asOf).toBe(true);
      expect(daysBetween(asOf, s.date)).toBeLessThanOrEqual(7);
      expect(Number.isFinite(s.durationMin) && s.durationMin >= 0).toBe(true);
      expect(Number.isFinite(s.targetLoadAu) && s.targetLoadAu >= 0).toBe(true);
      expect(reasonText(s).length).toBeGreaterThan(20);
      if (s.type === "core" || s.type === "mobility" || s.type === "posture") expect(s.exercises?.length).toBeGreaterThan(0);
      if (s.type === "cross-training") expect(s.crossTrainingMode).toBeDefined();
    }
    expect(new Set(out.map((s) => s.id)).size).toBe(out.length);
  });

  it("rejects unknown flag ids and invalid sessions", () => {
    const unknown = { ...flag("posture-load"), id: "nope" as FlagId };
    expect(() => suggestSessions({ asOf, flags: [unknown], sessions: [] })).toThrow(
      expect.objectContaining({ field: "flags[0].id" }),
    );
    expect(() =>
      suggestSessions({ asOf, flags: [], sessions: [], plannedSessions: [planned(1, 5, { origin: "robot" as never })] }),
    ).toThrow(expect.objectContaining({ field: "plannedSessions[0].origin" }));
    expect(() => suggestSessions({ asOf: "2025-10-32", flags: [], sessions: [] })).toThrow(expect.objectContaining({ field: "asOf" }));
  });
});

describe("suggestionToPlannedSession", () => {
  it("turns session suggestions into planned sessions with their origin and flag", () => {
    const out = suggestSessions({ asOf, flags: [flag("compensatory-deficit"), flag("back-pain-rising", {}, "warning")], sessions: history });
    const core = byType(out, "core")[0];
    expect(suggestionToPlannedSession(core, "n1")).toEqual({
      id: "n1",
      date: core.date,
      type: "CORE",
      durationMin: 25,
      rpe: 5,
      origin: "suggestion",
      flagId: "compensatory-deficit",
    });
    const ct = byType(out, "cross-training")[0];
    expect(suggestionToPlannedSession(ct, "n2")?.type).toBe("CROSS_TRAINING");
    const rest: Suggestion = { ...core, type: "rest" };
    expect(suggestionToPlannedSession(rest, "n3")).toBeNull();
  });

  it("exports the exercise lists", () => {
    expect(CORE_EXERCISES.length).toBeGreaterThanOrEqual(4);
    expect(MOBILITY_EXERCISES.length).toBe(5);
  });
});
