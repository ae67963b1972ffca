import {
  evaluateFlags,
  RED_FLAG_SYMPTOMS,
  type EngineClearance,
  type EnginePainReport,
  type VisceralSource,
} from "@/lib/training-load";
import type { FormState } from "@/lib/forms";

export type TriageLevel = "none" | "clinician" | "emergency";

/** What the athlete is told right after a report, derived from the engine's `red-flag` rule. */
export type PainTriage = {
  level: TriageLevel;
  symptoms: { id: string; label: string; emergency: boolean }[];
  /**
   * Possible sources to discuss with a doctor: the heart and the aorta with chest pain, the nerves of the
   * lower back with the neurological emergencies, the organs that can refer pain to the reported area.
   */
  visceralSources: VisceralSource[];
  /** Date of the earliest red-flag report not yet cleared (the referral runs from it); null when none. */
  since: string | null;
};

/** A pain form's state: the usual form state plus the triage of the report just saved. */
export type PainFormState = FormState & { triage?: PainTriage };

/**
 * The triage of one report, through the same engine rule that raises the coach's referral flag, so the
 * athlete and the coach never read different verdicts. With `history` (the athlete's red-flag reports
 * since the last clearance, and the clearances), the verdict is the referral as it stands after this
 * report: an emergency reported earlier and not yet cleared stays an emergency.
 */
export function triageOf(
  report: EnginePainReport,
  history: { painReports?: EnginePainReport[]; clearances?: EngineClearance[] } = {},
): PainTriage {
  const painReports = [...(history.painReports ?? []), report];
  const asOf = painReports.reduce((latest, r) => (r.date > latest ? r.date : latest), report.date);
  const flag = evaluateFlags({ asOf, sessions: [], painReports, clearances: history.clearances ?? [] }).find(
    (f) => f.id === "red-flag",
  );
  if (!flag?.triage) return { level: "none", symptoms: [], visceralSources: [], since: null };
  const { triage } = flag;
  return {
    level: triage.emergency ? "emergency" : "clinician",
    symptoms: triage.symptoms.map((id) => {
      const s = RED_FLAG_SYMPTOMS.find((x) => x.id === id);
      return { id, label: s?.label ?? id, emergency: s?.emergency ?? false };
    }),
    visceralSources: triage.visceralSources,
    since: triage.firstReportDate,
  };
}
