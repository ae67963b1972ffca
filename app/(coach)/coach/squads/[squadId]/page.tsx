import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getSquadForCoach } from "@/lib/squads/queries";
import { NotFoundError } from "@/lib/errors";
import { formatDate, formatDateTime, dateOnly } from "@/lib/dates";
import { AthleteMembersTable, InviteForm, RemoveMemberButton, RevokeInvitationButton, WellnessSettingForm } from "./squad-forms";
import { AddManagedAthleteForm } from "./managed-athlete-form";
import { SquadPlanExport } from "@/lib/ui/export-links";
import { todayIn } from "@/lib/dates";

export const metadata: Metadata = { title: "Squad" };

export default async function SquadPage({ params }: { params: Promise<{ squadId: string }> }) {
  const { squadId } = await params;
  const viewer = await requireViewer();
  const squad = await getSquadForCoach(viewer, squadId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const athletes = squad.members.filter((m) => m.role === "ATHLETE");
  const coaches = squad.members.filter((m) => m.role === "COACH");
  const clinicians = squad.members.filter((m) => m.role === "CLINICIAN");
  return (
    <>
      <p>
        <Link href="/coach">← All squads</Link>
      </p>
      <h1>{squad.name}</h1>
      <p className="page-links">
        <Link href={`/coach/squads/${squad.id}/plan`}>Squad plan</Link>
        {" · "}
        <Link href={`/coach/squads/${squad.id}/log`}>Training log</Link>
        {" · "}
        <Link href={`/coach/squads/${squad.id}/plan/templates`}>Plan templates</Link>
        {" · "}
        <Link href={`/coach/squads/${squad.id}/thresholds`}>Flag thresholds</Link>
        {" · "}
        <Link href={`/coach/squads/${squad.id}/audit`}>Audit log</Link>
      </p>
      <section className="card" aria-labelledby="invite-heading">
        <h2 id="invite-heading" style={{ marginTop: 0 }}>
          Invite someone
        </h2>
        <p className="muted">
          Each link works once and expires after 7 days. There is no email: copy the link and send it yourself.
        </p>
        <InviteForm squadId={squad.id} canInviteCoaches={squad.isOwner} />
      </section>

      <section className="card" aria-labelledby="add-athlete-heading">
        <h2 id="add-athlete-heading" style={{ marginTop: 0 }}>
          Add an athlete without an account
        </h2>
        <p className="muted">
          For an athlete who does not use Backbone themselves: you log their training. Later you can send them a
          link to set up their own login, and everything logged so far becomes theirs.
        </p>
        <AddManagedAthleteForm squadId={squad.id} />
      </section>
      <section className="card" aria-labelledby="wellness-heading">
        <h2 id="wellness-heading" style={{ marginTop: 0 }}>
          Daily wellness check-in: {squad.wellnessCheckIn ? "on" : "off"}
        </h2>
        <p className="muted">
          When it is on, athletes rate their sleep, fatigue, muscle soreness, stress and mood (1 to 5) and their back stiffness
          (0 to 10) once a day, in about 15 seconds. Their answers show in your squad overview and their trends, and two days
          in a row well above an athlete&apos;s own usual raise a caution.
        </p>
        {squad.isOwner ? (
          <WellnessSettingForm squadId={squad.id} enabled={squad.wellnessCheckIn} />
        ) : (
          <p className="muted">The head coach turns it on or off.</p>
        )}
      </section>

      <h2>Athletes ({athletes.length})</h2>
      {athletes.length === 0 ? (
        <p className="muted">No athletes yet.</p>
      ) : (
        <AthleteMembersTable
          squadId={squad.id}
          rows={athletes.map((m) => ({ userId: m.userId, name: m.name, email: m.email, joined: formatDate(dateOnly(m.joinedAt)) }))}
        />
      )}

      <h2>Coaches</h2>
      <ul>
        {coaches.map((m) => (
          <li key={m.userId}>
            {m.name} {m.isOwner ? <span className="badge">head coach</span> : <span className="badge">assistant</span>}
            {!m.isOwner && squad.isOwner ? <RemoveMemberButton squadId={squad.id} userId={m.userId} name={m.name} /> : null}
          </li>
        ))}
      </ul>

      <h2>Clinicians</h2>
      <p className="muted">Physiotherapists and doctors read every athlete&apos;s health data and record clearances; they cannot change plans or the squad.</p>
      {clinicians.length === 0 ? (
        <p className="muted">No clinician yet. The head coach can invite one.</p>
      ) : (
        <ul>
          {clinicians.map((m) => (
            <li key={m.userId}>
              {m.name} <span className="badge">clinician</span>
              {squad.isOwner ? <RemoveMemberButton squadId={squad.id} userId={m.userId} name={m.name} /> : null}
            </li>
          ))}
        </ul>
      )}

      <h2>Invitations</h2>
      {squad.invitations.length === 0 ? (
        <p className="muted">No invitations yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">For</th>
                <th scope="col">Role</th>
                <th scope="col">Status</th>
                <th scope="col">Expires</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {squad.invitations.map((inv) => (
                <tr key={inv.id}>
                  <td>{inv.note ?? <span className="muted">—</span>}</td>
                  <td>
                    {inv.role === "COACH" ? "Assistant coach" : inv.role === "CLINICIAN" ? "Clinician" : "Athlete"}
                    {inv.claim ? " (set up their login)" : null}
                  </td>
                  <td>
                    <span className="badge">{inv.status}</span>
                    {inv.usedBy ? ` by ${inv.usedBy}` : null}
                  </td>
                  <td>{formatDateTime(inv.expiresAt, viewer.timeZone)}</td>
                  <td>{inv.status === "pending" ? <RevokeInvitationButton invitationId={inv.id} /> : null}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      <SquadPlanExport squadId={squad.id} athletes={athletes.map((m) => ({ id: m.userId, name: m.name }))} today={todayIn(viewer.timeZone)} />
    </>
  );
}
