import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getAthleteLogin } from "@/lib/managed-athletes/queries";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/dates";
import { ClaimLinkForm, DeleteManagedAthleteForm } from "./account-forms";

export const metadata: Metadata = { title: "Login and data" };

export default async function AthleteAccountPage({ params }: { params: Promise<{ squadId: string; athleteId: string }> }) {
  const { squadId, athleteId } = await params;
  const viewer = await requireViewer();
  const athlete = await getAthleteLogin(viewer, squadId, athleteId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const base = `/coach/squads/${squadId}/athletes/${athleteId}`;
  return (
    <div className="narrow">
      <p>
        <Link href={base}>← {athlete.name}</Link>
      </p>
      <h1>Login and data of {athlete.name}</h1>
      {athlete.hasLogin ? (
        <p>
          {athlete.name} has their own login. Only they can download or delete their data, from their account settings.
        </p>
      ) : (
        <>
          <p>
            <span className="badge">No login</span> {athlete.name} does not log in: you and the squad&apos;s other coaches
            keep their training for them.
          </p>
          <section className="card" aria-labelledby="claim-heading">
            <h2 id="claim-heading" style={{ marginTop: 0 }}>
              Let {athlete.name} log in
            </h2>
            <p className="muted">
              The link lets {athlete.name} choose an email and a password. Everything logged for them stays, and from then
              on it is their account. It works once, expires after 7 days, and a new link replaces the old one. There is
              no email: copy the link and send it yourself.
            </p>
            {athlete.pendingClaimExpiresAt ? (
              <p>A link is waiting to be used until {formatDateTime(athlete.pendingClaimExpiresAt, viewer.timeZone)}.</p>
            ) : null}
            <ClaimLinkForm squadId={squadId} athleteId={athleteId} />
          </section>
          <section className="card" aria-labelledby="data-heading">
            <h2 id="data-heading" style={{ marginTop: 0 }}>
              Their data
            </h2>
            <p>
              <a href={`/api/exports/squads/${squadId}/athletes/${athleteId}/personal-data`} download>
                Download all of {athlete.name}&apos;s data
              </a>{" "}
              (a zip with a complete JSON file and spreadsheets of their sessions, pain reports, check-ins, shoes and plan),
              for example when they ask for it.
            </p>
            <h3>Delete {athlete.name}</h3>
            <p>
              This removes {athlete.name} and their sessions, pain reports, check-ins, profile and plan for good. A record
              that you deleted them stays in the squad&apos;s audit log. Once they have their own login, only they can do this.
            </p>
            <DeleteManagedAthleteForm squadId={squadId} athleteId={athleteId} name={athlete.name} />
          </section>
        </>
      )}
    </div>
  );
}
