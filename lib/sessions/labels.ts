// Session types, modes, surfaces and their words, without the form's validation: the session and plan
// forms in the browser read these.

export const SESSION_TYPES = ["RUN", "CROSS_TRAINING", "CORE", "STRENGTH", "MOBILITY", "OTHER"] as const;
export const CROSS_TRAINING_MODES = ["CYCLING", "SWIMMING", "ELLIPTICAL", "AQUA_JOGGING", "ROWING", "OTHER"] as const;
export const SURFACES = ["ASPHALT", "TRACK", "TRAIL", "GRASS", "SAND", "TREADMILL", "MIXED"] as const;

export const SESSION_TYPE_LABELS: Record<(typeof SESSION_TYPES)[number], string> = {
  RUN: "Run",
  CROSS_TRAINING: "Cross-training",
  CORE: "Core",
  STRENGTH: "Strength",
  MOBILITY: "Mobility / stretching",
  OTHER: "Other",
};

export const MODE_LABELS: Record<(typeof CROSS_TRAINING_MODES)[number], string> = {
  CYCLING: "Cycling",
  SWIMMING: "Swimming",
  ELLIPTICAL: "Elliptical",
  AQUA_JOGGING: "Aqua jogging",
  ROWING: "Rowing",
  OTHER: "Other",
};

export const SURFACE_LABELS: Record<(typeof SURFACES)[number], string> = {
  ASPHALT: "Asphalt",
  TRACK: "Track",
  TRAIL: "Trail / earth",
  GRASS: "Grass",
  SAND: "Sand / beach",
  TREADMILL: "Treadmill",
  MIXED: "Mixed",
};

/** Foster's CR-10 scale, rated about 30 minutes after the session. */
export const CR10_LABELS = [
  "Rest",
  "Very, very easy",
  "Easy",
  "Moderate",
  "Somewhat hard",
  "Hard",
  "Hard +",
  "Very hard",
  "Very hard +",
  "Very hard ++",
  "Maximal",
] as const;

/** A translator of the catalogue's `sessionTypes` namespace (keys "types.RUN", "modes.CYCLING"). */
export type SessionTypeWords = (key: string) => string;

/**
 * What kind a session is in words: its cross-training mode when it has one, else its type; in the
 * reader's language with a translator, in English without (files that leave the app: CSV, FIT, iCalendar).
 */
export function sessionKind(type: string, subType: string | null | undefined, words?: SessionTypeWords): string {
  if (subType) return words ? words(`modes.${subType}`) : (MODE_LABELS[subType as keyof typeof MODE_LABELS] ?? subType);
  return words ? words(`types.${type}`) : (SESSION_TYPE_LABELS[type as keyof typeof SESSION_TYPE_LABELS] ?? type);
}
