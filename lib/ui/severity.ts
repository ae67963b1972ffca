import type { Flag, Severity } from "@/lib/training-load";
import { isEmergency } from "@/lib/athletes/flag-history";

/** A flag's severity in words. */
export const SEVERITY_TEXT = { referral: "See a clinician", warning: "Warning", caution: "Caution", info: "Note" } as const;

export const EMERGENCY_TEXT = "Emergency";

/** The badge of a flag: "Emergency" for an emergency referral, else its severity in words. */
export function flagBadge(flag: Pick<Flag, "id" | "triage" | "severity">): { text: string; className: string } {
  // An emergency referral ("seek emergency care now") is shown apart from, and above, an ordinary one.
  if (isEmergency(flag)) return { text: EMERGENCY_TEXT, className: "badge badge-emergency" };
  return { text: SEVERITY_TEXT[flag.severity], className: dangerous(flag.severity) ? "badge badge-danger" : "badge" };
}

const dangerous = (s: Severity) => s === "referral" || s === "warning";
