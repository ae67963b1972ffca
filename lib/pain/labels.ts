// Pain zones, answers and their words, without the form's validation: the report form in the browser
// reads these (and so imports the engine's symptom lists directly, not the whole engine).
import { BACK_SUB_AREAS, EMERGENCY_SYMPTOM_IDS, RED_FLAG_SYMPTOMS } from "@/lib/training-load/symptoms";
import type { BackZone } from "@/lib/training-load/types";

/** Zones as the database stores them; the engine uses the same names in lower case. */
export const PAIN_ZONES = ["CERVICAL", "DORSAL", "LUMBAR"] as const;
export type PainZone = (typeof PAIN_ZONES)[number];

export const PAIN_SIDES = ["LEFT", "RIGHT", "CENTRAL", "BOTH"] as const;
export const PAIN_TIMINGS = ["DURING_RUN", "AFTER_RUN", "MORNING", "NIGHT", "CONSTANT"] as const;
export const MECHANICAL_ANSWERS = ["yes", "no", "unsure"] as const;

export const ZONE_LABELS: Record<PainZone, string> = {
  CERVICAL: "Neck (cervical)",
  DORSAL: "Upper and mid back (dorsal)",
  LUMBAR: "Lower back (lumbar)",
};

export const SIDE_LABELS: Record<(typeof PAIN_SIDES)[number], string> = {
  LEFT: "Left",
  RIGHT: "Right",
  CENTRAL: "Centre",
  BOTH: "Both sides",
};

export const TIMING_LABELS: Record<(typeof PAIN_TIMINGS)[number], string> = {
  DURING_RUN: "During the run",
  AFTER_RUN: "After the run",
  MORNING: "In the morning",
  NIGHT: "At night",
  CONSTANT: "All the time",
};

/** Words at the fixed points of the 0-10 numeric rating scale. */
export const NRS_ANCHORS: Record<number, string> = { 0: "no pain", 5: "moderate", 10: "worst imaginable" };

export const engineZone = (zone: PainZone): BackZone => zone.toLowerCase() as BackZone;

export function subAreaLabel(zone: PainZone, subArea: string | null): string | null {
  if (!subArea) return null;
  return BACK_SUB_AREAS[engineZone(zone)].find((s) => s.id === subArea)?.label ?? subArea;
}

/** "Lower back, centre" or, without a sub-area, the zone's name. */
export function areaLabel(zone: PainZone, subArea: string | null): string {
  return subAreaLabel(zone, subArea) ?? ZONE_LABELS[zone];
}

/**
 * Each warning sign as the form asks it, spoken to the athlete. A history of cancer counts however long
 * ago it was, so it is asked with "ever"; every other sign matters only while it is there, so it is asked
 * with "now", which keeps an old fever or a healed fall from raising a referral.
 */
export const RED_FLAG_QUESTIONS: Readonly<Record<string, string>> = {
  "night-pain": "Do you have pain at night now that does not ease when you change position?",
  "weight-loss": "Do you have unexplained weight loss now (losing weight without trying)?",
  fever: "Do you have a fever or chills now?",
  "cancer-history": "Have you ever had cancer?",
  trauma: "Do you have pain now that started after a recent fall, accident or blow?",
  "bladder-bowel": "Do you have new problems passing or holding urine or stools now?",
  "saddle-numbness": "Do you have numbness now around your genitals, back passage or inner thighs (the saddle area)?",
  "leg-weakness": "Do you have weakness or numbness in one or both legs now that is getting worse?",
  "chest-pain": "Do you have chest pain or unusual breathlessness now?",
  digestive: "Do you have nausea, heartburn or other digestive trouble with the pain now, or pain that comes and goes with meals?",
  "non-mechanical": "Do you have pain now that stays the same whatever you do, however you move or sit?",
};

/**
 * Red-flag questions the form asks one by one, each answered yes or no. Pain that does not change with
 * movement or posture is asked once, as the "mechanical" question, and stored as the `non-mechanical`
 * symptom.
 */
export const ASKED_RED_FLAGS: readonly { id: string; question: string }[] = RED_FLAG_SYMPTOMS.filter((s) => s.id !== "non-mechanical").map(
  (s) => ({ id: s.id, question: RED_FLAG_QUESTIONS[s.id] ?? s.question }),
);

export const isEmergencySymptom = (id: string) => EMERGENCY_SYMPTOM_IDS.has(id);

/** Form field of one red-flag question; answered "yes" or "no". */
export const redFlagField = (id: string) => `redFlag.${id}`;

/**
 * A translation function as next-intl's useTranslations and getTranslations return it, for the words of
 * the pages in the reader's language. The English constants above stay for code that has no reader
 * (exports, audit, tests).
 */
export type Translate = {
  (key: string, values?: Record<string, string | number>): string;
  has(key: string): boolean;
};

/** A zone's name in the reader's language, from the `bodyMap` namespace. */
export const zoneName = (t: Translate, zone: PainZone): string => t(`zones.${zone}`);

/** "Lower back, centre" in the reader's language (the `bodyMap` namespace); the zone's name without a sub-area. */
export function areaName(t: Translate, zone: PainZone, subArea: string | null): string {
  if (!subArea) return zoneName(t, zone);
  const key = `subAreas.${subArea}`;
  return t.has(key) ? t(key) : subArea;
}

/** A red-flag symptom in words, from the `pain` namespace; the engine's English label for an id it does not know. */
export function symptomName(t: Translate, id: string, fallback: string): string {
  const key = `symptoms.${id}`;
  return t.has(key) ? t(key) : fallback;
}
