import { describe, expect, it } from "vitest";
import { engineText } from "@/lib/i18n/engine-text";
import { evaluateFlags } from "@/lib/training-load/flags";
import { addDays } from "@/lib/training-load/dates";
import { run, session } from "@/lib/training-load/test-helpers";
import { CORE_EXERCISES, MOBILITY_EXERCISES, POSTURE_EXERCISES } from "@/lib/training-load/suggestions";
import { FLAG_IDS, SEVERITIES, TRIAGE_ACTIONS, type EngineMessage, type Flag } from "@/lib/training-load/types";
import { RED_FLAG_SYMPTOMS, VISCERAL_REFERRED_PAIN, CHEST_PAIN_SOURCES, CAUDA_EQUINA_SOURCE } from "@/lib/training-load/symptoms";
import en from "@/lib/i18n/messages/en.json";
import es from "@/lib/i18n/messages/es.json";

const asOf = "2025-03-30";
const spikeHistory = [run(addDays(asOf, -20), 14.5), run(addDays(asOf, -10), 12), run(asOf, 21)];
const spikeFlag = () => evaluateFlags({ asOf, sessions: spikeHistory, painReports: [] }).find((f) => f.id === "session-spike") as Flag;

describe("engine text", () => {
  it("words a flag's explanation in English as before, with the weekday date and the distances", () => {
    const text = engineText("en").flagExplanation(spikeFlag());
    expect(text).toContain("Sun 30 Mar: the 21.0 km run was 45% longer than the longest run of the previous 30 days (14.5 km).");
    expect(text).toContain("The rule flags a run more than 10% longer than that (a warning above 30%).");
  });

  it("words the same flag in Spanish, numbers and dates in Spain's style", () => {
    const text = engineText("es").flagExplanation(spikeFlag());
    expect(text).toContain("la carrera de 21,0 km fue un 45\u00a0% más larga que la más larga de los 30 días anteriores (14,5 km)");
    expect(text).toMatch(/^dom, 30 mar/);
    expect(engineText("es").flagName("session-spike")).toBe("Pico en la tirada larga");
  });

  it("converts distances, not sentences, for a miles reader", () => {
    const text = engineText("en", "MI").flagExplanation(spikeFlag());
    expect(text).toContain("the 13.0 mi run was 45% longer");
    expect(text).toContain("(9.0 mi)");
    expect(engineText("en", "MI").valueLabel("distanceKm")).toBe("Run distance (mi)");
  });

  it("shows a spike as a rounded percentage and machine words as words", () => {
    const words = engineText("en");
    expect(words.valueLabel("spike")).toBe("Longer than the reference run");
    expect(words.valueText("spike", 0.7199)).toBe("72%");
    expect(words.valueText("reasons", ["nrs-high", "ostrc-substantial"])).toBe(
      "pain at or above the threshold, a substantial problem in the OSTRC check-in",
    );
    expect(engineText("es").valueText("spike", 0.7199)).toBe("72\u00a0%");
    expect(engineText("es").valueText("acwrEwma", 1.5432)).toBe("1,54");
  });

  it("has a compensatory-deficit sentence with plurals in both languages", () => {
    const sessions = [-9, -5, -2].map((o) => run(addDays(asOf, o), 8)).concat([session(addDays(asOf, -3), "CORE")]);
    const f = evaluateFlags({ asOf, sessions, painReports: [] }).find((x) => x.id === "compensatory-deficit") as Flag;
    expect(engineText("en").flagExplanation(f)).toContain("3 runs but 1 core or strength session in the 14 days to Sun 30 Mar");
    expect(engineText("es").flagExplanation(f)).toContain("3 carreras pero 1 sesión de core o fuerza en los 14 días hasta el dom, 30 mar");
  });

  it("words every flag name, severity, triage action, symptom, source and exercise in both catalogues", () => {
    for (const locale of ["en", "es"] as const) {
      const words = engineText(locale);
      for (const id of FLAG_IDS) expect(words.flagName(id)).not.toBe(id);
      for (const s of [...SEVERITIES, "emergency" as const]) expect(words.severity(s)).not.toBe(s);
      for (const a of TRIAGE_ACTIONS) expect(words.triageAction(a)).not.toBe(a);
      for (const s of RED_FLAG_SYMPTOMS) expect(words.symptom(s.id)).not.toBe(s.id);
      for (const v of [...VISCERAL_REFERRED_PAIN, ...CHEST_PAIN_SOURCES, CAUDA_EQUINA_SOURCE]) {
        expect((en.triage.sourceOrgans as Record<string, string>)[v.id]).toBeDefined();
        expect(words.source({ id: v.id }).area.length).toBeGreaterThan(3);
      }
      for (const e of [...CORE_EXERCISES, ...MOBILITY_EXERCISES, ...Object.values(POSTURE_EXERCISES).flat()]) {
        expect((es.exercises.names as Record<string, string>)[e.id], e.id).toBeDefined();
        expect((es.exercises.prescriptions as Record<string, string>)[e.prescriptionId], e.prescriptionId).toBeDefined();
      }
    }
    expect(engineText("es").triageAction("seek-emergency-care")).toBe("acude a urgencias ahora");
    expect(engineText("es").severity("referral")).toBe("Consulta con un profesional sanitario");
  });

  it("words a suggestion's reason in the reader's language, numbers by Intl and distances in their unit", () => {
    const reason: EngineMessage[] = [
      { code: "spike-cap", params: { flagDay: "2025-03-30", capKm: 5.5, factor: 1.1, baselineKm: 5, afterBreak: "no" } },
      { code: "spike-shorten", params: { runKm: 7.25, runDay: "2025-04-01", likeDay: null, toKm: 5.5, min: 33 } },
    ];
    expect(engineText("en").suggestionReason(reason)).toBe(
      "A single run was much longer than usual (Sun 30 Mar), so keep each run of the next 7 days at or under 5.5 km: 1.1 x 5.0 km, " +
        "the longest run of the 30 days before that run. Shorten the 7.3 km run planned for Tue 1 Apr to 5.5 km (about 33 min).",
    );
    const es = engineText("es").suggestionReason(reason);
    expect(es).toContain("mantén cada carrera de los próximos 7 días en 5,5 km o menos: 1,1 × 5,0 km");
    expect(es).toContain("Acorta la carrera de 7,3 km prevista para el mar, 1 abr a 5,5 km (unos 33 min).");
    expect(engineText("en", "MI").suggestionReason(reason)).toContain("at or under 3.4 mi");
  });

  it("words pain triggers as a list, a capped session and an unknown shoe in both languages", () => {
    const parts: EngineMessage[] = [
      { code: "pain-substitution", params: { painTriggers: ["nrs-rise", "nrs-high"], rise: 3, nrs: 7, share: 0.75 } },
      { code: "replace-lower", params: { runKm: null, runDay: "2025-04-01", likeDay: "2025-03-25", min: 120, mode: "aqua-jogging", rpe: 6, loadAu: 720, share: 0.75, runAu: 1012.5 } },
      { code: "cross-training-capped", params: { exactMin: 168.75, maxMin: 120 } },
      { code: "shoe-assessment", params: { shoe: "s1" } },
    ];
    const en = engineText("en").suggestionReason(parts, { s1: "Pegasus 40" });
    expect(en).toContain("Back pain rose by 3 points and back pain is at 7/10, so at least half");
    expect(en).toContain("no more than 75% of the run's load.");
    expect(en).toContain("Replace the run expected on Tue 1 Apr (like the run of Tue 25 Mar) with 120 min of aqua jogging at RPE 6: 720 AU, no more than 75% of the run's 1,013 AU");
    expect(en).toContain("The equivalent would take 169 min");
    expect(en).toContain("Shoe “Pegasus 40” is past its mileage limit");
    const es = engineText("es").suggestionReason(parts);
    expect(es).toMatch(/^El dolor de espalda subió 3 puntos y el dolor de espalda está en 7\/10, así que/);
    expect(es).toContain("no más del 75\u00a0% de las 1013 UA de la carrera");
    expect(es).toContain("La zapatilla «s1»");
  });

  it("names a shoe by its name in a flag's explanation when the names are given, else by its id", () => {
    const flag = { explanation: [{ code: "shoe", params: { shoe: "s1", km: 812, limitKm: 700, sinceDay: null } }] };
    expect(engineText("en").flagExplanation(flag, { s1: "Pegasus 40" })).toContain("Shoe “Pegasus 40” has carried 812.0 km");
    expect(engineText("es").flagExplanation(flag, { s1: "Pegasus 40" })).toContain("Pegasus 40");
    expect(engineText("en").flagExplanation(flag)).toContain("Shoe “s1”");
  });

  it("reads an unknown code as itself rather than failing", () => {
    expect(engineText("es").message({ code: "no-such-code", params: {} })).toBe("no-such-code");
  });
});
