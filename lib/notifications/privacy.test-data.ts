import { RED_FLAG_SYMPTOMS } from "@/lib/training-load/symptoms";

// Words that would tell a reader of an alert what is wrong with someone. Alerts say that something needs
// attention and where, so none of these may appear in a title, a subject or an email body.
const WORDS = [
  "pain", "painful", "hurt", "hurts", "numb", "numbness", "saddle", "bladder", "bowel", "urine", "chest", "breath",
  "breathless", "breathlessness", "fever", "chills", "cancer", "tumour", "weight", "trauma", "accident", "weakness",
  "weaker", "nausea", "heartburn", "digestive", "diagnosis", "lumbar", "cervical", "dorsal", "thoracic", "sacrum",
  "spine", "nerve", "nerves", "cauda", "equina", "heart", "aorta", "kidney", "kidneys", "sciatica", "nrs", "score",
  "symptom", "symptoms", "red flag", "red-flag", "emergency care", "severe",
];

/** The symptom words and pain scores in a text; empty when it reveals none. */
export function symptomWordsIn(text: string): string[] {
  const lower = text.toLowerCase();
  const found = WORDS.filter((w) => new RegExp(`\\b${w.replace(/[-/]/g, "\\$&")}\\b`).test(lower));
  for (const symptom of RED_FLAG_SYMPTOMS) if (lower.includes(symptom.label.toLowerCase())) found.push(symptom.label);
  const score = lower.match(/\b\d{1,2}\s*(\/|out of)\s*10\b/);
  if (score) found.push(score[0]);
  return found;
}
