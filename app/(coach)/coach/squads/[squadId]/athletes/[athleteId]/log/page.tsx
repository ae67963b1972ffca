import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { getCoachEntryPage, type EntryRow } from "@/lib/coach-entry/queries";
import { createSessionForAthleteAction } from "@/lib/sessions/actions";
import { createPainReportForAthleteAction } from "@/lib/pain/actions";
import { SessionForm } from "@/lib/ui/session-form";
import { blankSession } from "@/lib/sessions/blank-session";
import { PainReportForm } from "@/app/(athlete)/athlete/pain/pain-report-form";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Log for an athlete" };

function entryState(e: EntryRow, timeZone: string): string {
  if (e.state === "deleted") return e.changedAt ? `Deleted by the athlete, ${formatDateTime(e.changedAt, timeZone)}` : "Deleted";
  if (e.state === "changed") return `Changed by the athlete, ${formatDateTime(e.changedAt!, timeZone)}`;
  return "As you entered it";
}

/**
 * Staff put data in for an athlete who does not (a clipboard at the track, a phone call): a session with the
 * athlete's own form and rules, a back-pain report with the same triage, plan hold and alerts, or files.
 */
export default async function CoachLogPage({ params }: { params: Promise<{ squadId: string; athleteId: string }> }) {
  const { squadId, athleteId } = await params;
  const viewer = await requireViewer();
  const page = await getCoachEntryPage(viewer, squadId, athleteId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const { athlete } = page;
  const hidden = { squadId, athleteId };
  const base = `/coach/squads/${squadId}/athletes/${athleteId}`;
  return (
    <>
      <p>
        <Link href={base}>← {athlete.name}</Link>
      </p>
      <h1>Log for {athlete.name}</h1>
      <p className="muted">
        What you enter here is {athlete.name}&apos;s, as if they had logged it, and shows your name as who entered it. They can change or delete
        it; you see below when they do. Dates are {athlete.name}&apos;s calendar days ({athlete.timeZone}).
      </p>
      {page.canLogSessions ? (
        <section aria-labelledby="log-session-heading" className="card">
          <h2 id="log-session-heading">Log a session</h2>
          <SessionForm
            action={createSessionForAthleteAction}
            hiddenFields={hidden}
            unit={viewer.unitPreference}
            shoes={page.shoes}
            submitLabel="Save session"
            resetOnSuccess
            initial={blankSession(athlete.today)}
          />
          <p>
            <Link href={`${base}/import`}>Import activity files for {athlete.name}</Link>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="log-pain-heading" className="card">
        <h2 id="log-pain-heading">Report back pain</h2>
        <PainReportForm
          today={athlete.today}
          forAthlete={{ action: createPainReportForAthleteAction, fields: hidden, reportPath: null }}
        />
      </section>
      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">Your recent entries for {athlete.name}</h2>
        {page.entries.length === 0 ? (
          <p className="muted">Nothing entered yet.</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">What you entered for {athlete.name}, newest first, and what became of it</caption>
              <thead>
                <tr>
                  <th scope="col">Entered</th>
                  <th scope="col">What</th>
                  <th scope="col">Now</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.enteredAt, viewer.timeZone)}</td>
                    <td>{e.what ?? (e.kind === "session" ? "A session" : "A back-pain report")}</td>
                    <td>{entryState(e, viewer.timeZone)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
