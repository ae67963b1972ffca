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
 * Red-flag questions the form asks one by one. Pain that does not change with movement or posture is
 * asked once, as the "mechanical" question, and stored as the `non-mechanical` symptom.
 */
export const ASKED_RED_FLAGS = RED_FLAG_SYMPTOMS.filter((s) => s.id !== "non-mechanical");

export const isEmergencySymptom = (id: string) => EMERGENCY_SYMPTOM_IDS.has(id);

/** Form field of one red-flag question; answered "yes" or "no". */
export const redFlagField = (id: string) => `redFlag.${id}`;
