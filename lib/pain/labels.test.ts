import { describe, expect, it } from "vitest";
import { BACK_SUB_AREAS, RED_FLAG_SYMPTOMS } from "@/lib/training-load";
import { messagesFor, translatorFor } from "@/lib/i18n/catalogue";
import { localizeServerMessage } from "@/lib/i18n/server-messages";
import { LOCALES } from "@/lib/i18n/config";
import { painReportSchema } from "@/lib/pain/schemas";
import { ostrcCheckInSchema } from "@/lib/ostrc/schemas";
import { OSTRC_QUESTIONS } from "@/lib/ostrc/questions";
import { wellnessCheckInSchema } from "@/lib/wellness/schemas";
import { profileSchema } from "@/lib/profiles/schemas";
import { ASKED_RED_FLAGS, PAIN_ZONES, areaName, engineZone, symptomName, zoneName, type Translate } from "@/lib/pain/labels";

const bodyMap = (locale: "en" | "es") => translatorFor(locale, "bodyMap") as unknown as Translate;
const pain = (locale: "en" | "es") => translatorFor(locale, "pain") as unknown as Translate;

describe("the health pages' words", () => {
  it.each(LOCALES)("name every zone, sub-area, warning sign and question in %s", (locale) => {
    const tb = bodyMap(locale);
    const tp = pain(locale);
    for (const zone of PAIN_ZONES) {
      expect(tb.has(`zones.${zone}`)).toBe(true);
      for (const s of BACK_SUB_AREAS[engineZone(zone)]) expect(tb.has(`subAreas.${s.id}`), s.id).toBe(true);
    }
    for (const s of RED_FLAG_SYMPTOMS) expect(tp.has(`symptoms.${s.id}`), s.id).toBe(true);
    for (const s of ASKED_RED_FLAGS) expect(tp.has(`redFlagQuestions.${s.id}`), s.id).toBe(true);
  });

  it("names an area in the reader's language, the zone alone without a sub-area", () => {
    expect(areaName(bodyMap("en"), "LUMBAR", "lower-back-centre")).toBe("Lower back, centre");
    expect(areaName(bodyMap("es"), "LUMBAR", "lower-back-centre")).toBe("Zona lumbar, centro");
    expect(areaName(bodyMap("es"), "CERVICAL", null)).toBe(zoneName(bodyMap("es"), "CERVICAL"));
    // An id the catalogue does not know is shown as it is rather than as a missing key.
    expect(areaName(bodyMap("es"), "LUMBAR", "somewhere-new")).toBe("somewhere-new");
    expect(symptomName(pain("es"), "fever", "fever or chills")).toBe("fiebre o escalofríos");
    expect(symptomName(pain("es"), "new-sign", "a new sign")).toBe("a new sign");
  });

  it("keeps the red-flag texts referral-only: no diagnosis in either language", () => {
    for (const locale of LOCALES) {
      const text = Object.values(messagesFor(locale).pain.triage).join(" ");
      expect(text).not.toMatch(/\byou have (a|an) [a-z]+ (disease|syndrome)|\btienes (un|una) [a-záéíóú]+ (enfermedad|síndrome)/i);
    }
    expect(translatorFor("es", "pain")("triage.seeClinician")).toBe("Consulta con un profesional sanitario");
    expect(translatorFor("es", "pain")("triage.seekEmergency")).toBe("Acude a urgencias ahora");
  });

  it("has a Spanish wording for every OSTRC question and answer, and no answer more", () => {
    const t = translatorFor("es", "ostrc") as unknown as Translate;
    for (const q of OSTRC_QUESTIONS) {
      expect(t.has(`questions.${q.key}.text`)).toBe(true);
      q.answers.forEach((_, i) => expect(t.has(`questions.${q.key}.a${i}`), `${q.key}.a${i}`).toBe(true));
      expect(t.has(`questions.${q.key}.a${q.answers.length}`)).toBe(false);
    }
  });
});

/** Every message a schema raises for the input. */
function messages(schema: { safeParse(v: unknown): { success: boolean; error?: { issues: { message: string }[] } } }, input: unknown) {
  const r = schema.safeParse(input);
  return r.success ? [] : r.error!.issues.map((i) => i.message);
}

describe("the health forms' refusals in Spanish", () => {
  const refusals = [
    ...messages(painReportSchema, {}),
    ...messages(painReportSchema, { zone: "LUMBAR", subArea: "nape", side: "UP", nrs: "11", timing: "X", mechanical: "maybe", redFlags: ["x"], date: "1999-01-01", notes: "a".repeat(1001) }),
    ...messages(painReportSchema, { zone: "LUMBAR", nrs: "2.5", mechanical: "yes", redFlags: ["non-mechanical"], date: "2026-02-30" }),
    ...messages(painReportSchema, { zone: "LUMBAR", nrs: "2", mechanical: "yes", redFlags: [], date: "7/12/2026" }),
    ...messages(ostrcCheckInSchema, { cervical: { problem: "no" }, dorsal: { problem: "maybe" }, lumbar: { problem: "yes", q1: "", q2: "7", q3: "0", q4: "0" } }),
    ...messages(wellnessCheckInSchema, { sleep: "", fatigue: "9", soreness: "1", stress: "1", mood: "1", backStiffness: "11" }),
    ...messages(profileSchema, { birthDate: "1900-01-01", sex: "X", heightCm: "500", weightKg: "abc", footprintType: "", legLengthDiscrepancyMm: "-1", postureLoad: ["SIT"], curvatureFindings: ["Z"], injuryHistory: "" }),
  ];

  it("raises the expected refusals", () => {
    expect(refusals).toContain("Choose where it hurts on the map");
    expect(refusals).toContain("Choose an answer");
    expect(refusals).toContain("Height must be at most 230");
    expect(refusals.length).toBeGreaterThan(20);
  });

  it.each([...new Set(refusals)])("puts %j into Spanish", (message) => {
    const spanish = localizeServerMessage(message, "es");
    expect(spanish).not.toBe(message);
    expect(localizeServerMessage(message, "en")).toBe(message);
  });

  it("says the success messages in Spanish", () => {
    for (const m of [
      "Report sent to your coach.",
      "Check-in saved. Your coach can see it now.",
      "Saved: 12/25. Thank you; your coach can see it now.",
      "Saved: 9/25. It replaces the answer you gave earlier today (one check-in a day).",
      "Profile saved.",
      "Shoe added.",
      "Shoe not found",
    ]) {
      expect(localizeServerMessage(m, "es")).not.toBe(m);
    }
    expect(localizeServerMessage("Saved: 12/25. Thank you; your coach can see it now.", "es")).toBe("Guardado: 12/25. Gracias; tu entrenador/a ya puede verlo.");
  });
});
