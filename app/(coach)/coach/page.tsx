import Link from "next/link";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { listCoachSquads } from "@/lib/squads/queries";
import { formatDate } from "@/lib/dates";
import { CreateSquadForm } from "./create-squad-form";

export const metadata: Metadata = { title: "Squads" };

export default async function CoachHomePage() {
  const viewer = await requireViewer();
  const squads = await listCoachSquads(viewer);
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
