// Labels and limits of clearances, in a module of their own so forms load without the validation library.

export const CLEARANCE_KINDS = ["PHYSIOTHERAPIST", "DOCTOR", "OTHER"] as const;
export type ClearanceKind = (typeof CLEARANCE_KINDS)[number];

export const CLEARANCE_KIND_LABELS: Record<ClearanceKind, string> = {
  PHYSIOTHERAPIST: "Physiotherapist",
  DOCTOR: "Doctor",
  OTHER: "Other clinician",
};

export const CLINICIAN_NAME_MAX_LENGTH = 120;
export const CLEARANCE_NOTE_MAX_LENGTH = 2000;

/**
 * What a held session says wherever it is shown or exported. It names no symptom: calendars and exports
 * travel further than the app.
 */
export const HELD_REASON = "On hold until a clinician clears the return to training.";
