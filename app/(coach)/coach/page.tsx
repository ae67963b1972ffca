import Link from "next/link";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { listCoachSquads } from "@/lib/squads/queries";
import { formatDate } from "@/lib/dates";
import { CreateSquadForm } from "./create-squad-form";
import { getSquadTriage, type AthleteStatus } from "@/lib/squads/overview";
import { SEVERITY_TEXT } from "@/lib/ui/flag-list";


function WeeklyLoad({ status }: { status: AthleteStatus | undefined }) {
  return status ? <>{`${status.weekLoadAu} / ${status.chronicWeekLoadAu} AU`}</> : <>–</>;
}

function StatusBadge({ status }: { status: AthleteStatus | undefined }) {
  if (!status?.worst || status.worst === "info") return <span className="muted">No concern</span>;
  return (
    <span className={status.worst === "caution" ? "badge" : "badge badge-danger"}>{SEVERITY_TEXT[status.worst]}</span>
  );
}

export const metadata: Metadata = { title: "Squads" };

export default async function CoachHomePage() {
  const viewer = await requireViewer();
  const squads = await listCoachSquads(viewer);
  const triage = new Map(
    await Promise.all(squads.map(async (s) => [s.id, await getSquadTriage(viewer, s.id)] as const)),
  );
  // One status per athlete and squad, looked up by key rather than searched for in each row.
  const statusOf = new Map(
    [...triage].flatMap(([squadId, list]) => list.map((t) => [`${squadId}:${t.id}`, t] as const)),
  );
  return (
    <>
      <h1>Your squads</h1>
      {squads.map((squad) => (
        <section key={squad.id} className="card" aria-labelledby={`squad-${squad.id}`}>
          <div className="row" style={{ justifyContent: "space-between" }}>
            <h2 id={`squad-${squad.id}`} style={{ margin: 0 }}>
              {squad.name}
            </h2>
            <Link href={`/coach/squads/${squad.id}`}>Manage squad and invitations</Link>
          </div>
          <NeedsAttention squadId={squad.id} statuses={triage.get(squad.id) ?? []} />
          {squad.athletes.length === 0 ? (
            <p className="muted">
              No athletes yet. <Link href={`/coach/squads/${squad.id}`}>Invite your first athlete</Link>.
            </p>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="visually-hidden">Athletes of {squad.name} with their last activity</caption>
                <thead>
                  <tr>
                    <th scope="col">Athlete</th>
                    <th scope="col">Status</th>
                    <th scope="col">Load this week / weekly average (4 weeks)</th>
                    <th scope="col">Last session</th>
                    <th scope="col">Last back-pain report</th>
                  </tr>
                </thead>
                <tbody>
                  {squad.athletes.map((a) => (
                    <tr key={a.id}>
                      <td>
                        <Link href={`/coach/squads/${squad.id}/athletes/${a.id}`}>{a.name}</Link>
                      </td>
                      <td>
                        <StatusBadge status={statusOf.get(`${squad.id}:${a.id}`)} />
                      </td>
                      <td>
                        <WeeklyLoad status={statusOf.get(`${squad.id}:${a.id}`)} />
                      </td>
                      <td>{a.lastSessionDate ? formatDate(a.lastSessionDate) : <span className="muted">none yet</span>}</td>
                      <td>
                        {a.lastPainReportDate ? formatDate(a.lastPainReportDate) : <span className="muted">none</span>}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </section>
      ))}
      <section className="card" aria-labelledby="new-squad">
        <h2 id="new-squad" style={{ marginTop: 0 }}>
          Start another squad
        </h2>
        <CreateSquadForm />
      </section>
    </>
  );
}

/** Athletes with an active referral, warning or caution, worst first, each with the flag that leads. */
function NeedsAttention({ squadId, statuses }: { squadId: string; statuses: AthleteStatus[] }) {
  const flagged = statuses.filter((s) => s.worst && s.worst !== "info");
  if (flagged.length === 0) return <p className="muted">Nobody needs attention today.</p>;
  return (
    <div>
      <h3>Needs attention</h3>
      <ol className="triage-list">
        {flagged.map((s) => {
          const lead = s.flags[0];
          return (
            <li key={s.id} className={`card flag flag-${s.worst}`}>
              <p style={{ margin: 0 }}>
                <StatusBadge status={s} />{" "}
                <Link href={`/coach/squads/${squadId}/athletes/${s.id}`}>
                  <strong>{s.name}</strong>
                </Link>{" "}
                <span className="muted">
                  {s.flags.filter((f) => f.severity !== "info").length} active flag
                  {s.flags.filter((f) => f.severity !== "info").length === 1 ? "" : "s"}
                </span>
              </p>
              {lead ? <p style={{ margin: "0.25rem 0 0" }}>{lead.explanation}</p> : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}
