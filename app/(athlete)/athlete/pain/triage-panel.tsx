import { useTranslations } from "next-intl";
import type { PainTriage } from "@/lib/pain/triage";
import { isEmergencySymptom, symptomName } from "@/lib/pain/labels";

type Props = {
  triage: PainTriage;
  /** Where the pain is, in words ("Lower back, centre"). */
  area: string;
  nrs: number;
  headingId: string;
  /** Lets a caller move focus to the heading when the result appears. */
  focusable?: boolean;
  /** Who reads it: the athlete ("you"), or a coach or clinician who entered the report for the athlete. */
  audience?: "athlete" | "staff";
};

/**
 * What a report means for the athlete. With a warning sign: who to see and how urgently, and the organs
 * that can refer pain to the area as questions for a doctor; never a diagnosis, never training advice.
 * Works as a server component (the report's page) and in the browser (the form's result).
 */
export function TriagePanel({ triage, area, nrs, headingId, focusable, audience = "athlete" }: Props) {
  const t = useTranslations("pain");
  const tt = useTranslations("pain.triage");
  const tab = focusable ? -1 : undefined;
  const who = audience === "staff" ? "Staff" : "Athlete";
  if (triage.level === "none") {
    return (
      <section className="triage triage-ok" aria-labelledby={headingId}>
        <h2 id={headingId} tabIndex={tab}>
          {audience === "staff" ? tt("savedForAthlete") : tt("sentToCoach")}
        </h2>
        <p>{tt("noSigns", { area, nrs })}</p>
        <p className="muted">{tt(`realChange${who}`)}</p>
      </section>
    );
  }
  const emergency = triage.level === "emergency";
  return (
    <section className={`triage ${emergency ? "triage-emergency" : "triage-clinician"}`} aria-labelledby={headingId}>
      <h2 id={headingId} tabIndex={tab}>
        <span aria-hidden="true" className="triage-icon">
          !
        </span>{" "}
        {emergency ? tt("seekEmergency") : tt("seeClinician")}
      </h2>
      {emergency ? (
        <p>
          <strong>{tt(`emergencyAction${who}`)}</strong> {tt(`emergencyWhy${who}`)}
        </p>
      ) : (
        <p>
          <strong>{tt(`clinicianAction${who}`)}</strong> {tt(`clinicianWhy${who}`)}
        </p>
      )}
      <ul>
        {triage.symptoms.map((s) => (
          <li key={s.id}>{symptomName(t, s.id, s.label)}</li>
        ))}
      </ul>
      {triage.visceralSources.length > 0 ? (
        <>
          <h3>{tt(`sourcesHeading${who}`)}</h3>
          <p>{tt(`sourcesIntro${who}`, { area: area.toLocaleLowerCase() })}</p>
          <ul className="organ-list">
            {triage.visceralSources.map((v) => (
              <li key={v.id}>
                <strong>{v.organ.charAt(0).toUpperCase() + v.organ.slice(1)}</strong> — {v.area}
              </li>
            ))}
          </ul>
          <p>
            <strong>{tt("notDiagnosis")}</strong> {tt(`onlyClinician${who}`)}
          </p>
        </>
      ) : null}
      <p className="muted">{tt(`footer${who}`)}</p>
    </section>
  );
}

/** A short verdict for a report in a list: words, not only a colour. */
export function RedFlagBadge({ redFlags }: { redFlags: string[] }) {
  const t = useTranslations("pain");
  if (redFlags.length === 0) return <span className="muted">{t("badgeNone")}</span>;
  return redFlags.some(isEmergencySymptom) ? (
    <span className="badge badge-danger">{t("badgeEmergency")}</span>
  ) : (
    <span className="badge badge-danger">{t("badgeClinician")}</span>
  );
}
