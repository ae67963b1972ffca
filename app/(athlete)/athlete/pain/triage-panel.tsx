import type { PainTriage } from "@/lib/pain/triage";
import { isEmergencySymptom } from "@/lib/pain/labels";
import { TriageHeading } from "@/lib/ui/athlete-triage-card";

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

function Symptoms({ triage }: { triage: PainTriage }) {
  return (
    <ul>
      {triage.symptoms.map((s) => (
        <li key={s.id}>{s.label}</li>
      ))}
    </ul>
  );
}

/**
 * What a report means for the athlete. With a warning sign: who to see and how urgently, and the organs
 * that can refer pain to the area as questions for a doctor; never a diagnosis, never training advice.
 */
export function TriagePanel({ triage, area, nrs, headingId, focusable, audience = "athlete" }: Props) {
  const tab = focusable ? -1 : undefined;
  const staff = audience === "staff";
  if (triage.level === "none") {
    return (
      <section className="triage triage-ok" aria-labelledby={headingId}>
        <h2 id={headingId} tabIndex={tab}>
          {staff ? "Report saved for the athlete" : "Report sent to your coach"}
        </h2>
        <p>
          {area}, pain {nrs}/10. No warning signs were reported.
        </p>
        <p className="muted">
          {staff
            ? "A change of 2 points or more on the 0–10 scale is a real change: if the athlete's pain moves by that much, a new report is worth sending."
            : "A change of 2 points or more on the 0–10 scale is a real change: if your pain moves by that much, send a new report."}
        </p>
      </section>
    );
  }
  const emergency = triage.level === "emergency";
  return (
    <section className={`triage ${emergency ? "triage-emergency" : "triage-clinician"}`} aria-labelledby={headingId}>
      <TriageHeading emergency={emergency} id={headingId} tabIndex={tab} />
      {emergency ? (
        <p>
          <strong>
            {staff
              ? "The athlete should call the local emergency number or go to the nearest emergency department now."
              : "Call your local emergency number or go to the nearest emergency department now."}
          </strong>{" "}
          Together with back pain, what {staff ? "was" : "you"} reported can be a sign of a condition that needs urgent treatment:
        </p>
      ) : (
        <p>
          <strong>{staff ? "The athlete should book an appointment with a doctor soon" : "Book an appointment with a doctor soon"}</strong> and
          show them this report. Together with back pain, what {staff ? "was" : "you"} reported needs a medical check:
        </p>
      )}
      <Symptoms triage={triage} />
      {triage.visceralSources.length > 0 ? (
        <>
          <h3>{staff ? "Possible sources for the athlete to discuss with their doctor" : "Possible sources to discuss with your doctor"}</h3>
          <p>
            Together with what {staff ? "was" : "you"} reported, pain felt in this area ({area.toLowerCase()}) can come from somewhere other
            than the back&apos;s muscles and joints. Possible sources, each with what links it to {staff ? "the" : "your"} report:
          </p>
          <ul className="organ-list">
            {triage.visceralSources.map((v) => (
              <li key={v.organ}>
                <strong>{v.organ.charAt(0).toUpperCase() + v.organ.slice(1)}</strong> — {v.area}
              </li>
            ))}
          </ul>
          <p>
            <strong>This is not a diagnosis.</strong> Only a clinician who examines {staff ? "the athlete" : "you"} can tell where the pain comes
            from.
          </p>
        </>
      ) : null}
      <p className="muted">
        {staff
          ? "The athlete's plan is held from the report's day and every coach and clinician of their squads has been alerted."
          : "Your coach has received this report."}
      </p>
    </section>
  );
}

/** A short verdict for a report in a list: words, not only a colour. */
export function RedFlagBadge({ redFlags }: { redFlags: string[] }) {
  if (redFlags.length === 0) return <span className="muted">None</span>;
  return redFlags.some(isEmergencySymptom) ? (
    <span className="badge badge-danger">Emergency care</span>
  ) : (
    <span className="badge badge-danger">See a clinician</span>
  );
}
