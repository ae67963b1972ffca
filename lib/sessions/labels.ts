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
