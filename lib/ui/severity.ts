import type { Flag, Severity } from "@/lib/training-load";
import { SEVERITY_TEXT } from "@/lib/ui/flag-list";

/** An emergency referral ("seek emergency care now") is shown apart from, and above, an ordinary one. */
export const isEmergencyFlag = (flag: Pick<Flag, "id" | "triage">) => flag.id === "red-flag" && flag.triage?.emergency === true;

export const EMERGENCY_TEXT = "Emergency";

/** The badge of a flag: "Emergency" for an emergency referral, else its severity in words. */
export function flagBadge(flag: Pick<Flag, "id" | "triage" | "severity">): { text: string; className: string } {
  if (isEmergencyFlag(flag)) return { text: EMERGENCY_TEXT, className: "badge badge-emergency" };
  return { text: SEVERITY_TEXT[flag.severity], className: dangerous(flag.severity) ? "badge badge-danger" : "badge" };
}

const dangerous = (s: Severity) => s === "referral" || s === "warning";
