// The check-in's areas, questions and answers, without the form's validation: the check-in form in the
// browser reads these.
import { OSTRC_Q1_SCORES, OSTRC_Q2_SCORES, OSTRC_Q3_SCORES, OSTRC_Q4_SCORES } from "@/lib/training-load/ostrc-scores";
import { PAIN_ZONES, type PainZone } from "@/lib/pain/labels";

export const OSTRC_ZONES = PAIN_ZONES;
export type OstrcZone = PainZone;

/** Form and input keys of the areas (the zone in lower case). */
export const OSTRC_AREA_KEYS = ["cervical", "dorsal", "lumbar"] as const;
export type OstrcAreaKey = (typeof OSTRC_AREA_KEYS)[number];
export const areaKeyOf = (zone: OstrcZone) => zone.toLowerCase() as OstrcAreaKey;
export const zoneOfKey = (key: OstrcAreaKey) => key.toUpperCase() as OstrcZone;

export const OSTRC_AREA_LABELS: Record<OstrcAreaKey, string> = {
  cervical: "Neck (cervical)",
  dorsal: "Upper and mid back (dorsal)",
  lumbar: "Lower back (lumbar)",
};

export type OstrcQuestionKey = "q1" | "q2" | "q3" | "q4";

/** The score that means "could not participate"; on Q1 it also sets Q2 and Q3. */
export const COULD_NOT_PARTICIPATE = 25;

function answers(scores: readonly number[], labels: readonly string[]) {
  if (scores.length !== labels.length) throw new Error("OSTRC answer labels do not match the scores");
  return scores.map((score, i) => ({ score, label: labels[i] }));
}

const degrees = ["To a minor extent", "To a moderate extent", "To a major extent", "Could not participate at all"];

/**
 * OSTRC-O2 (Clarsen 2013, 2020 update), asked about one back area for the past 7 days. The scores come
 * from the engine; the wording follows the questionnaire's 2020 update, whose Q2 asks whether training or
 * competition was modified, not only reduced in volume (a runner who swaps runs for cycling has modified
 * training without running less).
 */
// The pages read each question and answer from the catalogue, `ostrc.questions.<key>.text` and
// `ostrc.questions.<key>.a<index>`, in the answers' order below; the English here is the same wording.
// The Spanish wording is our own faithful translation of the 2020 update: we could not verify an official,
// validated Spanish version of the OSTRC-O2, so it follows the English items closely rather than a
// published text.
export const OSTRC_QUESTIONS: { key: OstrcQuestionKey; text: string; answers: { score: number; label: string }[] }[] = [
  {
    key: "q1",
    text: "Have you had any difficulties taking part in normal training and competition because of problems in this area?",
    answers: answers(OSTRC_Q1_SCORES, [
      "Full participation without problems",
      "Full participation, but with problems",
      "Reduced participation because of problems",
      "Could not participate because of problems",
    ]),
  },
  {
    key: "q2",
    text: "To what extent have you modified your training or competition because of problems in this area?",
    answers: answers(OSTRC_Q2_SCORES, ["No modification", ...degrees]),
  },
  {
    key: "q3",
    text: "To what extent have problems in this area affected your performance?",
    answers: answers(OSTRC_Q3_SCORES, ["No effect", ...degrees]),
  },
  {
    key: "q4",
    text: "To what extent have you had pain in this area?",
    answers: answers(OSTRC_Q4_SCORES, ["No pain", "Mild pain", "Moderate pain", "Severe pain"]),
  },
];
