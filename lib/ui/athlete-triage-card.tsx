import Link from "next/link";
import type { Flag } from "@/lib/training-load";
import { formatDate } from "@/lib/dates";

/** Who to see and how urgently, as the heading of a triage card. */
export function TriageHeading({ emergency, id, tabIndex }: { emergency: boolean; id: string; tabIndex?: number }) {
  return (
    <h2 id={id} tabIndex={tabIndex}>
      <span aria-hidden="true" className="triage-icon">
        !
      </span>{" "}
      {emergency ? "Seek emergency care now" : "See a clinician"}
    </h2>
  );
}

/**
 * The first thing an athlete with an open referral sees on their home page: who to see and how urgently,
 * and that the plan waits. The symptoms themselves are on the report's own page, not repeated here.
 */
export function AthleteTriageCard({ referral, heldSessions }: { referral: Flag; heldSessions: number }) {
  const emergency = referral.triage?.emergency === true;
  // The referral runs from its first report not yet cleared.
  const since = referral.triage?.firstReportDate ?? referral.date;
  return (
    <section className={`triage ${emergency ? "triage-emergency" : "triage-clinician"}`} aria-labelledby="home-triage-heading">
      <TriageHeading emergency={emergency} id="home-triage-heading" />
      {emergency ? (
        <p>
          <strong>Call your local emergency number or go to the nearest emergency department now</strong>, if you have not
          already. What you reported on {formatDate(since)} can be a sign of a condition that needs urgent treatment.
        </p>
      ) : (
        <p>
          <strong>Book an appointment with a doctor or physiotherapist soon</strong> and show them your report of{" "}
          {formatDate(since)}. What you reported needs a medical check before you train again.
        </p>
      )}
      <p>
        Your training plan is on hold from {formatDate(since)}
        {heldSessions > 0 ? ` (${heldSessions} planned session${heldSessions === 1 ? "" : "s"} this week)` : ""} until a clinician
        clears you. Your coaches have been told. When you have been seen, your coach or your squad&apos;s clinician records the
        clearance.
      </p>
      <p>
        <Link href="/athlete/pain">Your reports</Link>
      </p>
    </section>
  );
}
