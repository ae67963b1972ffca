// Profile options and their words, without the form's validation: the profile form in the browser
// reads these.

export const SEX_OPTIONS = ["UNDISCLOSED", "FEMALE", "MALE", "OTHER"] as const;
export const FOOTPRINT_OPTIONS = ["UNASSESSED", "NEUTRAL", "PRONATOR", "SUPINATOR"] as const;
export const POSTURE_OPTIONS = ["DESK", "STANDING", "LIFTING"] as const;
export const CURVATURE_OPTIONS = [
  "CERVICAL_HYPERLORDOSIS",
  "LUMBAR_HYPERLORDOSIS",
  "DORSAL_HYPERKYPHOSIS",
  "SCOLIOSIS",
] as const;

export const LABELS = {
  sex: { UNDISCLOSED: "Prefer not to say", FEMALE: "Female", MALE: "Male", OTHER: "Other" },
  footprintType: {
    UNASSESSED: "Not assessed yet",
    NEUTRAL: "Neutral",
    PRONATOR: "Pronator",
    SUPINATOR: "Supinator",
  },
  postureLoad: { DESK: "Desk work", STANDING: "Standing for hours", LIFTING: "Heavy lifting" },
  curvatureFindings: {
    CERVICAL_HYPERLORDOSIS: "Cervical hyperlordosis",
    LUMBAR_HYPERLORDOSIS: "Lumbar hyperlordosis",
    DORSAL_HYPERKYPHOSIS: "Dorsal hyperkyphosis",
    SCOLIOSIS: "Scoliosis",
  },
} as const;
