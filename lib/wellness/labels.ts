/** The daily check-in's questions, each end of its scale in words (Hooper-style: 1 is best, 5 worst). */
export const WELLNESS_ITEMS = [
  { key: "sleep", question: "Sleep quality last night", best: "very good", worst: "very poor" },
  { key: "fatigue", question: "Fatigue", best: "very fresh", worst: "always tired" },
  { key: "soreness", question: "Muscle soreness", best: "none", worst: "very sore" },
  { key: "stress", question: "Stress", best: "very relaxed", worst: "very stressed" },
  { key: "mood", question: "Mood", best: "very good", worst: "very low" },
] as const;

export type WellnessItemKey = (typeof WELLNESS_ITEMS)[number]["key"];

export const STIFFNESS_QUESTION = { question: "Back stiffness right now", best: "none", worst: "very stiff" } as const;

/** "12/25": a Hooper sum as people read it (5 best, 25 worst). */
export const hooperText = (sum: number) => `${sum}/25`;
