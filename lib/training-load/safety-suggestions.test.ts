import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { evaluateFlags } from "./flags";
import { isSessionSuggestion, suggestSessions, suggestionToPlannedSession } from "./suggestions";
import { evidenceFor } from "./citations";
import { addDays, daysBetween } from "./dates";
import { sessionLoad } from "./metrics";
import { reasonText, run, session } from "./test-helpers";
import en from "@/lib/i18n/messages/en.json";
import type { EnginePainReport, EngineSession, Flag, FlagId, PlannedSession, Suggestion } from "./types";

const asOf = "2026-12-09"; // a Wednesday

function flag(id: FlagId, values: Flag["values"] = {}, severity: Flag["severity"] = "caution"): Flag {
  return { id, severity, date: asOf, values, explanation: [{ code: "test", params: {} }], evidence: evidenceFor(id) };
}

function plan(offset: number, km: number, extra: Partial<PlannedSession> = {}): PlannedSession {
  return { ...run(addDays(asOf, offset), km, { rpe: 6 }), origin: "coach", ...extra };
}

/** Six weeks of 8-10 km runs with a 12 km long run each Sunday: the usual long run is 12 km. */
function usualWeeks(): EngineSession[] {
  const out: EngineSession[] = [];
  for (let d = -42; d <= -1; d++) {
    const weekday = ((d % 7) + 7) % 7;
    if (weekday === 4) out.push(run(addDays(asOf, d), 12));
    else if (weekday === 0 || weekday === 2) out.push(run(addDays(asOf, d), weekday === 0 ? 8 : 10));
  }
  return out;
}

const byType = (list: Suggestion[], type: Suggestion["type"]) => list.filter((s) => s.type === type);

describe("deload caps come from the baseline before the overload", () => {
  const history = [...usualWeeks(), run(asOf, 24)];

  it("usual long run 12 km, a 24 km spike: the cap is 13.2 km, never 26.4", () => {
    const flags = evaluateFlags({ asOf, sessions: history, painReports: [] });
    const spike = flags.find((f) => f.id === "session-spike") as Flag;
    expect(spike.values).toMatchObject({ distanceKm: 24, longest30Km: 12, baselineRunKm: 12, maxRunKm: 13.2, capFromDate: asOf });
    expect(spike.severity).toBe("warning");

    const planned = [plan(2, 26), plan(4, 10), plan(6, 14)];
    const out = suggestSessions({ asOf, flags: [spike], sessions: history, plannedSessions: planned });
    const trims = byType(out, "deload");
    expect(trims.map((s) => s.replacesSessionId)).toEqual([planned[0].id, planned[2].id]);
    for (const s of trims) {
      expect(s).toMatchObject({ distanceKm: 13.2, limits: { maxRunKm: 13.2 }, rpe: 6 });
      expect(reasonText(s)).toContain("at or under 13.2 km: 1.1 x 12.0 km, the longest run of the 30 days before that run");
      expect(suggestionToPlannedSession(s, "n")).toMatchObject({ type: "RUN", distanceKm: 13.2 });
    }
    expect(trims[0].durationMin).toBe(Math.round((planned[0].durationMin * 13.2) / 26));
    for (const s of out) expect(reasonText(s)).not.toContain("26.4");

    // Without a plan, and with a plan that keeps under the cap, the cap stays as advice to apply.
    for (const plannedSessions of [[], [plan(2, 10), plan(4, 13.2)]]) {
      const advice = suggestSessions({ asOf, flags: [spike], sessions: history, plannedSessions });
      expect(advice).toEqual([expect.objectContaining({ type: "deload", durationMin: 0, rpe: null, limits: { maxRunKm: 13.2 } })]);
      expect(isSessionSuggestion(advice[0])).toBe(false);
      expect(advice[0].replacesSessionId).toBeUndefined();
    }
  });

  it("counts runs trimmed to the single-run cap at their new distance against the weekly cap", () => {
    const flags = evaluateFlags({ asOf, sessions: history, painReports: [] });
    expect(flags.find((f) => f.id === "weekly-distance-increase")?.values.maxWeekRunKm).toBe(33);
    const planned = [plan(2, 26), plan(4, 35, { durationMin: 210, rpe: 7 })];
    const out = suggestSessions({ asOf, flags, sessions: history, plannedSessions: planned });
    expect(byType(out, "deload").filter((s) => s.replacesSessionId).map((s) => s.distanceKm)).toEqual([13.2, 13.2]);
    // One weekly cap for the weekly rule and the ACWR together.
    const weekly = out.find((s) => s.limits?.maxWeekRunKm !== undefined) as Suggestion;
    expect(out.filter((s) => s.limits?.maxWeekRunKm !== undefined)).toHaveLength(1);
    expect(weekly).toMatchObject({ type: "deload", durationMin: 0, limits: { maxWeekRunKm: 33 } });
    expect(reasonText(weekly)).toContain("The running planned for the next 7 days comes to 26.4 km once the other suggested changes are made, within the cap.");
  });

  it("keeps the cap of the first spike of the week when a later run spikes against the first", () => {
    const sessions = [...history, run(addDays(asOf, 2), 27)];
    const later = evaluateFlags({ asOf: addDays(asOf, 2), sessions, painReports: [] }).find((f) => f.id === "session-spike") as Flag;
    expect(later.date).toBe(addDays(asOf, 2));
    expect(later.values).toMatchObject({ longest30Km: 24, capFromDate: asOf, baselineRunKm: 12, maxRunKm: 13.2 });
  });

  it("weekly distance: 1.1 x the average week of the 3 weeks before the flagged week", () => {
    const T = "2026-10-25";
    const sessions = [run(addDays(T, -27), 10), run(addDays(T, -20), 10), run(addDays(T, -13), 10), run(addDays(T, -3), 10), run(T, 10)];
    const weekly = evaluateFlags({ asOf: addDays(T, 2), sessions, painReports: [] }).find((f) => f.id === "weekly-distance-increase") as Flag;
    expect(weekly.values).toMatchObject({ lastKm: 20, baselineKm: 10, capFromDate: T, baselineWeekKm: 10, maxWeekRunKm: 11 });
    // A week later the cap still comes from the first flagged week, not from the weeks the overload fed.
    const more = [...sessions, run(addDays(T, 4), 14)];
    const next = evaluateFlags({ asOf: addDays(T, 4), sessions: more, painReports: [] }).find((f) => f.id === "weekly-distance-increase") as Flag;
    expect(next.date).toBe(addDays(T, 4));
    expect(next.values).toMatchObject({ capFromDate: T, maxWeekRunKm: 11 });
  });

  it("never lets a 35 km run become hours of aqua jogging: cross-training is capped at 120 min and says so", () => {
    const long = plan(3, 35, { durationMin: 210, rpe: 7 });
    const out = suggestSessions({
      asOf,
      flags: [flag("weekly-distance-increase", { capFromDate: asOf, baselineWeekKm: 30, maxWeekRunKm: 33 })],
      sessions: history,
      plannedSessions: [plan(1, 8), long],
    });
    const ct = byType(out, "cross-training");
    expect(ct).toHaveLength(1);
    expect(ct[0]).toMatchObject({ replacesSessionId: long.id, durationMin: 120, rpe: 6, targetLoadAu: 720 });
    expect(reasonText(ct[0])).toContain("The equivalent would take 245 min; a cross-training session is capped at 120 min, so this one carries less.");
  });
});

describe("cross-training modes fit the zone", () => {
  const planned = [plan(1, 10), plan(2, 12), plan(3, 10), plan(4, 12), plan(5, 10), plan(6, 16)];

  it("never suggests swimming for neck pain", () => {
    const out = suggestSessions({ asOf, flags: [flag("back-pain-rising", { zone: "cervical", zones: ["cervical"] }, "warning")], sessions: [], plannedSessions: planned });
    const modes = byType(out, "cross-training").map((s) => s.crossTrainingMode);
    expect(modes.length).toBeGreaterThan(1);
    expect(modes).not.toContain("swimming");
    const lumbar = suggestSessions({ asOf, flags: [flag("back-pain-rising", { zone: "lumbar", zones: ["lumbar"] }, "warning")], sessions: [], plannedSessions: planned });
    expect(byType(lumbar, "cross-training").map((s) => s.crossTrainingMode)).toContain("swimming");
  });
});

describe("severe back pain", () => {
  const history = [...usualWeeks(), run(asOf, 24), run(addDays(asOf, -1), 9)];
  const painReports: EnginePainReport[] = [{ date: asOf, zone: "lumbar", nrs: 9 }];

  it("asks for an assessment, replaces every run of the week with pain-free cross-training, and drops loaded extension", () => {
    const flags = evaluateFlags({ asOf, sessions: history, painReports, profile: { postureLoad: ["lifting", "desk"], footprintType: "neutral" } });
    expect(flags.map((f) => f.id)).toEqual(expect.arrayContaining(["severe-back-pain", "back-pain-rising", "session-spike", "compensatory-deficit"]));
    const planned = [plan(1, 10), plan(3, 26), plan(5, 8), plan(6, 12), plan(10, 20)];
    const out = suggestSessions({ asOf, flags, sessions: history, plannedSessions: planned, profile: { postureLoad: ["lifting", "desk"] } });

    const assessment = out.find((s) => s.flagId === "severe-back-pain" && s.type === "assessment") as Suggestion;
    expect(assessment.assessment).toBe("back assessment by a physiotherapist or doctor");
    expect(reasonText(assessment)).toContain("Reported pain 9/10 on Wed 9 Dec");
    expect(assessment.reason[0]).toEqual({ code: "severe-assessment", params: { severeReport: "single", nrs: 9, reportDay: "2026-12-09" } });

    const ct = byType(out, "cross-training");
    expect(new Set(ct.map((s) => s.replacesSessionId))).toEqual(new Set(planned.slice(0, 4).map((p) => p.id)));
    for (const s of ct) {
      const replaced = planned.find((p) => p.id === s.replacesSessionId) as PlannedSession;
      expect(s.flagId).toBe("severe-back-pain");
      expect(s.rpe as number).toBeLessThanOrEqual(4);
      expect(s.targetLoadAu).toBeLessThanOrEqual(0.75 * sessionLoad(replaced));
      expect(reasonText(s)).toContain("causes no pain");
    }
    // No running left to cap.
    expect(byType(out, "deload")).toEqual([]);
    const names = out.flatMap((s) => s.exercises ?? []).map((e) => e.name);
    expect(names.length).toBeGreaterThan(5);
    expect(names).not.toContain("Prone back extension");
    expect(out.flatMap((s) => s.exercises ?? []).some((e) => e.loadedExtension)).toBe(false);
    expect(byType(out, "core").length).toBeGreaterThan(0);

    // Without severe pain, the core work keeps its back extension.
    const mild = suggestSessions({ asOf, flags: flags.filter((f) => f.id !== "severe-back-pain"), sessions: history, plannedSessions: planned });
    expect(mild.flatMap((s) => s.exercises ?? []).map((e) => e.name)).toContain("Prone back extension");
  });

  it("leaves the graded return aside while severe pain is assessed", () => {
    const out = suggestSessions({
      asOf,
      flags: [flag("severe-back-pain", { reasons: ["nrs-severe"], nrs: 8, reportDate: asOf }, "warning"), flag("return-to-run", { step: 1, endDate: addDays(asOf, 10) })],
      sessions: history,
      plannedSessions: [plan(1, 10)],
    });
    expect(out.some((s) => s.flagId === "return-to-run")).toBe(false);
    expect(out.map((s) => s.type).sort()).toEqual(["assessment", "cross-training"]);
  });
});

describe("a cap beside rising back pain", () => {
  it("says the runs above the cap are changed by the other suggestions, never that none is above it", () => {
    const out = suggestSessions({
      asOf,
      flags: [
        flag("back-pain-rising", { nrs: 5, threshold: 4 }, "warning"),
        flag("session-spike", { distanceKm: 24, baselineRunKm: 12, maxRunKm: 13.2, capFromDate: asOf }, "warning"),
      ],
      sessions: usualWeeks(),
      plannedSessions: [plan(2, 22)],
    });
    const cap = out.find((s) => s.flagId === "session-spike" && s.type === "deload");
    expect(cap).toMatchObject({ durationMin: 0, limits: { maxRunKm: 13.2 } });
    expect(reasonText(cap!)).toMatch(/changed by the other suggestions/);
    expect(reasonText(cap!)).not.toMatch(/No planned run/);
    expect(out.some((s) => s.flagId === "back-pain-rising" && s.type === "cross-training")).toBe(true);
  });
});

describe("return-to-run suggestions", () => {
  it("hold the return, with no run to add, while back pain is high or rising (the return's own pain rule)", () => {
    const out = suggestSessions({
      asOf,
      flags: [
        flag("back-pain-rising", { nrs: 4, threshold: 4 }, "warning"),
        flag("return-to-run", { step: 1, endDate: addDays(asOf, 13) }),
      ],
      sessions: usualWeeks(),
      plannedSessions: [],
    });
    const steps = out.filter((s) => s.flagId === "return-to-run");
    expect(steps).toEqual([expect.objectContaining({ type: "return-to-run", durationMin: 0, rpe: null, returnToRunStep: 1 })]);
    expect(reasonText(steps[0])).toMatch(/on hold while back pain is high or rising/);
    expect(steps.every((s) => !isSessionSuggestion(s))).toBe(true);
  });

  const C = asOf;
  const clearances = [{ date: C }];
  const before = [run(addDays(C, -40), 10), run(addDays(C, -30), 12)];
  const minutes = (offset: number, min: number) => plan(offset, min / 6, { durationMin: min, rpe: 5 });

  it("trims planned runs beyond their step to the step's minutes, as a pain-free return would go", () => {
    const flags = evaluateFlags({ asOf: C, sessions: before, painReports: [], clearances });
    const rtr = flags.find((f) => f.id === "return-to-run") as Flag;
    expect(rtr.values.step).toBe(1);
    const planned = [minutes(1, 45), minutes(3, 20), minutes(5, 60), minutes(12, 50)];
    const out = suggestSessions({ asOf: C, flags, sessions: before, plannedSessions: planned });
    const steps = out.filter((s) => s.type === "return-to-run");
    expect(steps.map((s) => [s.replacesSessionId, s.durationMin, s.returnToRunStep])).toEqual([
      [planned[0].id, 20, 1],
      [planned[2].id, 30, 3],
    ]);
    expect(steps[0]).toMatchObject({ rpe: 3, targetLoadAu: 60, limits: { maxRunMin: 20 }, distanceKm: 3.3 });
    for (const s of steps) {
      expect(reasonText(s)).toContain("4 x (4 min run, 1 min walk), then 20 min continuous, then 30 min continuous, then 40 min continuous");
      expect(reasonText(s)).toContain("pain during the run stays at 3/10 or less and is back to its usual level by the next morning");
      expect(suggestionToPlannedSession(s, "n")).toMatchObject({ type: "RUN", durationMin: s.durationMin, rpe: 3 });
    }
  });

  it("gives the next step as advice when the plan follows the steps, and as a session when nothing is planned", () => {
    const flags = evaluateFlags({ asOf: C, sessions: before, painReports: [], clearances });
    const within = suggestSessions({ asOf: C, flags, sessions: before, plannedSessions: [minutes(2, 20), minutes(4, 20)] });
    expect(within).toEqual([
      expect.objectContaining({ type: "return-to-run", date: addDays(C, 2), durationMin: 0, rpe: null, returnToRunStep: 1 }),
    ]);
    expect(within[0].limits).toBeUndefined();
    expect(reasonText(within[0])).toContain("The planned runs stay within their steps. Next run: step 1 of 4");
    expect(isSessionSuggestion(within[0])).toBe(false);
    const none = suggestSessions({ asOf: C, flags, sessions: before });
    expect(none).toEqual([expect.objectContaining({ type: "return-to-run", date: addDays(C, 1), durationMin: 20, rpe: 3, returnToRunStep: 1 })]);
    expect(reasonText(none[0])).toContain("Next run: step 1 of 4, 4 x (4 min run, 1 min walk) (20 min at an easy effort, RPE 3)");
    expect(isSessionSuggestion(none[0])).toBe(true);
    expect(suggestionToPlannedSession(none[0], "n")).toEqual({
      id: "n",
      date: addDays(C, 1),
      type: "RUN",
      durationMin: 20,
      rpe: 3,
      origin: "suggestion",
      flagId: "return-to-run",
    });
  });
});

describe("suggestions (properties)", () => {
  const runArb = fc.record({ offset: fc.integer({ min: -70, max: 0 }), km: fc.integer({ min: 10, max: 400 }), pace: fc.integer({ min: 40, max: 80 }), rpe: fc.option(fc.integer({ min: 1, max: 10 }), { nil: undefined }) });
  const planArb = fc.record({ offset: fc.integer({ min: 1, max: 10 }), km: fc.integer({ min: 10, max: 450 }), pace: fc.integer({ min: 40, max: 80 }), rpe: fc.integer({ min: 1, max: 10 }) });
  const painArb = fc.record({ offset: fc.integer({ min: -20, max: 0 }), nrs: fc.integer({ min: 0, max: 10 }), zone: fc.constantFrom("cervical", "dorsal", "lumbar") });

  it("whole minutes, whole RPEs, cross-training of 1..120 min, caps within 1.1 x the baseline before the overload, rounded reasons", () => {
    fc.assert(
      fc.property(
        fc.array(runArb, { minLength: 1, maxLength: 40 }),
        fc.array(planArb, { maxLength: 8 }),
        fc.array(painArb, { maxLength: 4 }),
        fc.boolean(),
        (runs, plans, pains, cleared) => {
          const sessions = runs.map((r) => run(addDays(asOf, r.offset), r.km / 10, { durationMin: (r.km / 10) * (r.pace / 10), rpe: r.rpe }));
          sessions.push(session(addDays(asOf, -2), "CORE"));
          const plannedSessions = plans.map((p) => plan(p.offset, p.km / 10, { durationMin: (p.km / 10) * (p.pace / 10), rpe: p.rpe }));
          const painReports = pains.map((p) => ({ date: addDays(asOf, p.offset), zone: p.zone as EnginePainReport["zone"], nrs: p.nrs }));
          const clearances = cleared ? [{ date: addDays(asOf, -3) }] : [];
          const flags = evaluateFlags({ asOf, sessions, painReports, clearances });
          const out = suggestSessions({ asOf, flags, sessions, plannedSessions });
          const replaced = new Set<string>();
          for (const s of out) {
            expect(Number.isInteger(s.durationMin)).toBe(true);
            if (s.rpe !== null) {
              expect(Number.isInteger(s.rpe)).toBe(true);
              expect(s.targetLoadAu).toBe(s.durationMin * s.rpe);
            }
            expect(reasonText(s)).not.toMatch(/\d\.\d{3,}|the athlete|NaN|undefined|\{/);
            // Spanish writes decimals with a comma, and every part has its words in both catalogues.
            expect(reasonText(s, "es")).not.toMatch(/\d\.\d|NaN|undefined|\{/);
            for (const part of s.reason) expect(Object.keys(en.suggestions.reasons.codes)).toContain(part.code);
            if (s.type === "cross-training") {
              expect(s.durationMin).toBeGreaterThanOrEqual(1);
              expect(s.durationMin).toBeLessThanOrEqual(120);
            }
            if (s.distanceKm !== undefined) {
              const step = s.distanceKm >= 0.1 ? 10 : 100;
              expect(Math.round(s.distanceKm * step) / step).toBeCloseTo(s.distanceKm, 9);
            }
            if (s.replacesSessionId) {
              expect(replaced.has(s.replacesSessionId)).toBe(false);
              replaced.add(s.replacesSessionId);
            }
            if (daysBetween(asOf, s.date) < 0 || daysBetween(asOf, s.date) > 7) throw new Error(`out of the week: ${s.date}`);
          }
          const spike = flags.find((f) => f.id === "session-spike");
          if (spike) {
            const cap = spike.values.maxRunKm as number;
            const baseline = spike.values.baselineRunKm as number;
            expect(cap).toBeLessThanOrEqual(1.1 * baseline + 1e-9);
            // Never above the run that was flagged first: the overload cannot raise its own cap.
            const first = sessions.filter((x) => x.type === "RUN" && x.date === spike.values.capFromDate).map((x) => x.distanceKm as number);
            expect(cap).toBeLessThan(Math.max(...first));
            for (const s of out) if (s.flagId === "session-spike" && s.distanceKm !== undefined) expect(s.distanceKm).toBeLessThanOrEqual(cap);
          }
          const pain = flags.find((f) => f.id === "back-pain-rising" || f.id === "pain-after-overload");
          const horizon = plannedSessions.filter((p) => daysBetween(asOf, p.date) >= 1 && daysBetween(asOf, p.date) <= 7);
          if (pain && horizon.length > 0 && !flags.some((f) => f.id === "severe-back-pain" || f.id === "red-flag")) {
            const total = horizon.reduce((m, p) => m + sessionLoad(p), 0);
            const moved = out
              .filter((s) => s.flagId === pain.id && s.type === "cross-training")
              .map((s) => plannedSessions.find((p) => p.id === s.replacesSessionId) as PlannedSession);
            expect(moved.reduce((m, p) => m + sessionLoad(p), 0)).toBeGreaterThanOrEqual(total / 2 - 1e-9);
            for (const s of out.filter((x) => x.flagId === pain.id && x.type === "cross-training")) {
              const p = plannedSessions.find((x) => x.id === s.replacesSessionId) as PlannedSession;
              expect(s.targetLoadAu).toBeLessThanOrEqual(0.75 * sessionLoad(p) + 1e-9);
            }
          }
        },
      ),
      { numRuns: 200 },
    );
  }, 60_000);
});
