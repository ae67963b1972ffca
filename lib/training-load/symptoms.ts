/**
 * Red-flag symptoms, back zones and sub-areas, the map of organs that can refer pain to the back, and the
 * possible sources a red flag names. The UI asks the same questions and shows the same map, so all are
 * exported from here.
 */
import type { BackZone, TriageAction, VisceralSource } from "./types";

export interface RedFlagSymptom {
  id: string;
  /** Short description used in explanations. */
  label: string;
  /**
   * Yes/no question asked in a pain report: "ever" for a history of cancer, "now" for the rest (an old
   * fever or a healed fall must not raise a referral). Each starts unanswered.
   */
  question: string;
  /** true: "seek emergency care now"; false: "see a clinician". */
  emergency: boolean;
}

/** Red-flag symptoms (Finucane 2020 JOSPT 50:350; NICE NG59), by the ids a report sends. */
export const RED_FLAG_SYMPTOMS: readonly RedFlagSymptom[] = Object.freeze([
  { id: "night-pain", label: "pain at night not eased by changing position", question: "Do you have pain at night now that does not ease when you change position?", emergency: false },
  { id: "weight-loss", label: "unexplained weight loss", question: "Do you have unexplained weight loss now (losing weight without trying)?", emergency: false },
  { id: "fever", label: "fever or chills", question: "Do you have a fever or chills now?", emergency: false },
  { id: "cancer-history", label: "a history of cancer", question: "Have you ever had cancer?", emergency: false },
  { id: "trauma", label: "a recent fall, accident or trauma", question: "Do you have pain now that started after a recent fall, accident or blow?", emergency: false },
  { id: "bladder-bowel", label: "new bladder or bowel problems", question: "Do you have new problems passing or holding urine or stools now?", emergency: true },
  { id: "saddle-numbness", label: "numbness in the saddle area", question: "Do you have numbness now around your genitals, back passage or inner thighs (the saddle area)?", emergency: true },
  { id: "leg-weakness", label: "progressive leg weakness or numbness", question: "Do you have weakness or numbness in one or both legs now that is getting worse?", emergency: true },
  { id: "chest-pain", label: "chest pain or breathlessness", question: "Do you have chest pain or unusual breathlessness now?", emergency: true },
  { id: "digestive", label: "pain with digestive symptoms or tied to meals", question: "Do you have nausea, heartburn or other digestive trouble with the pain now, or pain that comes and goes with meals?", emergency: false },
  { id: "non-mechanical", label: "pain unrelated to movement or posture", question: "Do you have pain now that stays the same whatever you do, however you move or sit?", emergency: false },
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

export const EMERGENCY_ACTION = "seek-emergency-care" satisfies TriageAction;
export const CLINICIAN_ACTION = "see-clinician" satisfies TriageAction;

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
  id: string;
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
  { id: "stomach", organ: "stomach", area: "neck and upper/mid back", zones: ["cervical", "dorsal"] },
  { id: "esophagus", organ: "esophagus", area: "between the shoulder blades", zones: ["dorsal"], subAreas: ["between-shoulder-blades"] },
  {
    id: "heart",
    organ: "heart",
    area: "upper region of the shoulder blade",
    zones: ["dorsal"],
    subAreas: ["shoulder-blade-left", "shoulder-blade-right"],
  },
  { id: "lungs", organ: "lungs", area: "around the side of the breastbone, felt through the upper back", zones: ["dorsal"] },
  { id: "liver", organ: "liver", area: "nape", zones: ["cervical"], subAreas: ["nape"] },
  { id: "small-intestine", organ: "small intestine", area: "sacrum and buttocks", zones: ["lumbar"], subAreas: ["sacrum-buttocks"] },
  { id: "large-intestine", organ: "large intestine", area: "lumbosacral region", zones: ["lumbar"], subAreas: ["lumbosacral"] },
  { id: "bladder", organ: "bladder", area: "lumbosacral region", zones: ["lumbar"], subAreas: ["lumbosacral"] },
  { id: "kidneys", organ: "kidneys", area: "lumbar region", zones: ["lumbar"] },
  { id: "pancreas", organ: "pancreas", area: "lower middle back", zones: ["dorsal", "lumbar"], subAreas: ["mid-back", "lower-back-centre"] },
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
    out.push({ id: v.id, organ: v.organ, area: v.area, kind: "organ" });
  }
  return out;
}

/** Symptoms that point at the nerves of the lower back (cauda equina) rather than at an organ. */
export const NEUROLOGICAL_SYMPTOM_IDS: ReadonlySet<string> = new Set(["saddle-numbness", "leg-weakness", "bladder-bowel"]);

/** With chest pain or breathlessness, whatever the zone: back pain with it is a classic cardiac or aortic picture. */
export const CHEST_PAIN_SOURCES: readonly VisceralSource[] = Object.freeze([
  { id: "chest-heart", organ: "heart", area: "chest pain or breathlessness with the back pain", kind: "organ" },
  { id: "chest-aorta", organ: "aorta (the main artery)", area: "chest pain or breathlessness with the back pain", kind: "blood-vessel" },
] satisfies VisceralSource[]);

/** With the neurological emergencies: pressure on the nerve roots at the bottom of the spine. */
export const CAUDA_EQUINA_SOURCE: Readonly<VisceralSource> = Object.freeze({
  id: "cauda-equina",
  organ: "nerves of the lower back (cauda equina)",
  area: "the nerve roots at the bottom of the spine; pressure on them can cause numbness in the saddle area, leg weakness, or bladder or bowel changes",
  kind: "nerves",
} satisfies VisceralSource);

/**
 * Possible sources of pain reported with red-flag symptoms, to discuss with a doctor and never a
 * diagnosis (source article's map, NICE NG59, Finucane 2020):
 * - `chest-pain`: the heart and the aorta, whatever the zone or sub-area, listed first;
 * - `saddle-numbness`, `leg-weakness`, `bladder-bowel`: the nerves of the lower back (cauda equina),
 *   whatever the zone;
 * - the organs that can refer pain to the reported area (visceralSourcesFor), unless every symptom is
 *   neurological: those point at the nerves, not at an organ.
 * Without red-flag symptoms, the area's organs alone.
 */
export function possibleSourcesFor(zone: BackZone, subArea: string | null | undefined, symptoms: readonly string[]): VisceralSource[] {
  const out: VisceralSource[] = [];
  if (symptoms.includes("chest-pain")) out.push(...CHEST_PAIN_SOURCES);
  const neurological = symptoms.filter((s) => NEUROLOGICAL_SYMPTOM_IDS.has(s)).length;
  if (neurological > 0) out.push(CAUDA_EQUINA_SOURCE);
  if (symptoms.length === 0 || neurological < symptoms.length) {
    for (const v of visceralSourcesFor(zone, subArea)) if (!out.some((x) => x.organ === v.organ)) out.push(v);
  }
  return out.map((v) => ({ ...v }));
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
