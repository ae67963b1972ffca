import { evaluateFlags, RED_FLAG_SYMPTOMS, type EnginePainReport, type VisceralSource } from "@/lib/training-load";
import type { FormState } from "@/lib/forms";

export type TriageLevel = "none" | "clinician" | "emergency";

/** What the athlete is told right after a report, derived from the engine's `red-flag` rule. */
export type PainTriage = {
  level: TriageLevel;
  symptoms: { id: string; label: string; emergency: boolean }[];
  /** Organs that can refer pain to the reported area: possible sources to discuss with a doctor. */
  visceralSources: VisceralSource[];
};

/** A pain form's state: the usual form state plus the triage of the report just saved. */
export type PainFormState = FormState & { triage?: PainTriage };

/**
 * The triage of one report, through the same engine rule that raises the coach's referral flag, so the
 * athlete and the coach never read different verdicts.
 */
export function triageOf(report: EnginePainReport): PainTriage {
  const flag = evaluateFlags({ asOf: report.date, sessions: [], painReports: [report] }).find((f) => f.id === "red-flag");
  if (!flag?.triage) return { level: "none", symptoms: [], visceralSources: [] };
  const { triage } = flag;
  return {
    level: triage.emergency ? "emergency" : "clinician",
    symptoms: triage.symptoms.map((id) => {
      const s = RED_FLAG_SYMPTOMS.find((x) => x.id === id);
      return { id, label: s?.label ?? id, emergency: s?.emergency ?? false };
    }),
    visceralSources: triage.visceralSources,
  };
}
