/**
 * Red-flag symptoms, back zones and sub-areas, and the map of organs that can refer pain to the back.
 * The UI asks the same questions and shows the same map, so both are exported from here.
 */
import type { BackZone, VisceralSource } from "./types";

export interface RedFlagSymptom {
  id: string;
  /** Short description used in explanations. */
  label: string;
  /** Yes/no question asked in a pain report. */
  question: string;
  /** true: "seek emergency care now"; false: "see a clinician". */
  emergency: boolean;
}

/** Red-flag symptoms (Finucane 2020 JOSPT 50:350; NICE NG59), by the ids a report sends. */
export const RED_FLAG_SYMPTOMS: readonly RedFlagSymptom[] = Object.freeze([
  { id: "night-pain", label: "pain at night not eased by changing position", question: "Does the pain wake you at night and stay the same when you change position?", emergency: false },
  { id: "weight-loss", label: "unexplained weight loss", question: "Have you lost weight recently without trying?", emergency: false },
  { id: "fever", label: "fever or chills", question: "Have you had a fever or chills?", emergency: false },
  { id: "cancer-history", label: "a history of cancer", question: "Have you ever been treated for cancer?", emergency: false },
  { id: "trauma", label: "a recent fall, accident or trauma", question: "Did the pain start after a recent fall, accident or blow?", emergency: false },
  { id: "bladder-bowel", label: "new bladder or bowel problems", question: "Do you have new problems passing or holding urine or stools?", emergency: true },
  { id: "saddle-numbness", label: "numbness in the saddle area", question: "Is the skin numb around your genitals, back passage or inner thighs (the saddle area)?", emergency: true },
  { id: "leg-weakness", label: "progressive leg weakness or numbness", question: "Is one or both of your legs getting weaker or more numb?", emergency: true },
  { id: "chest-pain", label: "chest pain or breathlessness", question: "Do you have chest pain, or are you short of breath more than usual?", emergency: true },
  { id: "digestive", label: "pain with digestive symptoms or tied to meals", question: "Does the pain come with nausea, heartburn or other digestive trouble, or depend on meals?", emergency: false },
  { id: "non-mechanical", label: "pain unrelated to movement or posture", question: "Is the pain the same whatever you do, unchanged by movement or posture?", emergency: false },
]);

export const RED_FLAG_SYMPTOM_IDS: ReadonlySet<string> = new Set(RED_FLAG_SYMPTOMS.map((s) => s.id));
const BY_ID: ReadonlyMap<string, RedFlagSymptom> = new Map(RED_FLAG_SYMPTOMS.map((s) => [s.id, s]));

/** The symptom of an id, or undefined. */
export function redFlagSymptom(id: string): RedFlagSymptom | undefined {
  return BY_ID.get(id);
}

export const EMERGENCY_SYMPTOM_IDS: ReadonlySet<string> = new Set(
  RED_FLAG_SYMPTOMS.filter((s) => s.emergency).map((s) => s.id),
);

export const EMERGENCY_ACTION = "seek emergency care now";
export const CLINICIAN_ACTION = "see a clinician";

export interface BackSubArea {
  id: string;
  label: string;
}

/** Sub-areas a report can name in each zone (ids are what the engine receives). */
export const BACK_SUB_AREAS: Readonly<Record<BackZone, readonly BackSubArea[]>> = Object.freeze({
  cervical: [
    { id: "nape", label: "Nape" },
    { id: "neck-left", label: "Neck, left" },
    { id: "neck-right", label: "Neck, right" },
    { id: "upper-trapezius", label: "Upper trapezius" },
  ],
  dorsal: [
    { id: "between-shoulder-blades", label: "Between the shoulder blades" },
    { id: "shoulder-blade-left", label: "Left shoulder blade" },
    { id: "shoulder-blade-right", label: "Right shoulder blade" },
    { id: "mid-back", label: "Mid-back" },
  ],
  lumbar: [
    { id: "lower-back-centre", label: "Lower back, centre" },
    { id: "lower-back-left", label: "Lower back, left" },
    { id: "lower-back-right", label: "Lower back, right" },
    { id: "lumbosacral", label: "Lumbosacral" },
    { id: "sacrum-buttocks", label: "Sacrum and buttocks" },
    { id: "flanks", label: "Flanks" },
  ],
});

export interface VisceralReferral {
  organ: string;
  /** Where the pain can be felt, in plain words. */
  area: string;
  zones: BackZone[];
  /** When set, only these sub-areas of the zones; otherwise the whole zones. */
  subAreas?: string[];
}

/**
 * Organs that can refer pain to the back (source article, after Godoy Muelas et al.). Shown with a red
 * flag as possible sources to discuss with a doctor, never as a diagnosis.
 */
export const VISCERAL_REFERRED_PAIN: readonly VisceralReferral[] = Object.freeze([
  { organ: "stomach", area: "neck and upper/mid back", zones: ["cervical", "dorsal"] },
  { organ: "esophagus", area: "between the shoulder blades", zones: ["dorsal"], subAreas: ["between-shoulder-blades"] },
  {
    organ: "heart",
    area: "upper region of the shoulder blade",
    zones: ["dorsal"],
    subAreas: ["shoulder-blade-left", "shoulder-blade-right"],
  },
  { organ: "lungs", area: "around the side of the breastbone, felt through the upper back", zones: ["dorsal"] },
  { organ: "liver", area: "nape", zones: ["cervical"], subAreas: ["nape"] },
  { organ: "small intestine", area: "sacrum and buttocks", zones: ["lumbar"], subAreas: ["sacrum-buttocks"] },
  { organ: "large intestine", area: "lumbosacral region", zones: ["lumbar"], subAreas: ["lumbosacral"] },
  { organ: "bladder", area: "lumbosacral region", zones: ["lumbar"], subAreas: ["lumbosacral"] },
  { organ: "kidneys", area: "lumbar region", zones: ["lumbar"] },
  { organ: "pancreas", area: "lower middle back", zones: ["dorsal", "lumbar"], subAreas: ["mid-back", "lower-back-centre"] },
]);

/**
 * Organs that can refer pain to a zone or one of its sub-areas. Without a (known) sub-area, every organ
 * that refers anywhere in the zone is listed.
 */
export function visceralSourcesFor(zone: BackZone, subArea?: string | null): VisceralSource[] {
  const known = subArea != null && BACK_SUB_AREAS[zone].some((s) => s.id === subArea);
  const out: VisceralSource[] = [];
  for (const v of VISCERAL_REFERRED_PAIN) {
    if (!v.zones.includes(zone)) continue;
    if (known && v.subAreas && !v.subAreas.includes(subArea as string)) continue;
    out.push({ organ: v.organ, area: v.area });
  }
  return out;
}

/** The same map keyed "zone" and "zone/subArea" -> organs, for lookups in the UI. */
export const VISCERAL_MAP: Readonly<Record<string, readonly string[]>> = Object.freeze(
  Object.fromEntries(
    (Object.keys(BACK_SUB_AREAS) as BackZone[]).flatMap((zone) => [
      [zone, visceralSourcesFor(zone).map((s) => s.organ)],
      ...BACK_SUB_AREAS[zone].map((s) => [`${zone}/${s.id}`, visceralSourcesFor(zone, s.id).map((v) => v.organ)]),
    ]),
  ),
);
