import type { Flag, Severity } from "@/lib/training-load";
import { isEmergency } from "@/lib/athletes/flag-history";
import { engineText, type EngineText } from "@/lib/i18n/engine-text";

/** A flag's severity in English words (the catalogue's "severity" namespace has every language). */
export const SEVERITY_TEXT = { referral: "See a clinician", warning: "Warning", caution: "Caution", info: "Note" } as const;

export const EMERGENCY_TEXT = "Emergency";

/** The badge of a flag: "Emergency" for an emergency referral, else its severity, in the reader's words. */
export function flagBadge(
  flag: Pick<Flag, "id" | "triage" | "severity">,
  words: EngineText = engineText("en"),
): { text: string; className: string } {
  // An emergency referral ("seek emergency care now") is shown apart from, and above, an ordinary one.
  if (isEmergency(flag)) return { text: words.severity("emergency"), className: "badge badge-emergency" };
  return { text: words.severity(flag.severity), className: dangerous(flag.severity) ? "badge badge-danger" : "badge" };
}

const dangerous = (s: Severity) => s === "referral" || s === "warning";
