import Link from "next/link";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { listOwnSessions, listOwnShoes } from "@/lib/sessions/queries";
import { createSessionAction } from "@/lib/sessions/actions";
import { SessionForm } from "@/lib/ui/session-form";
import { SESSION_TYPE_LABELS, MODE_LABELS, SURFACE_LABELS } from "@/lib/sessions/labels";
import { formatDate, todayIn } from "@/lib/dates";
import { formatDistance, formatDuration } from "@/lib/units";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  const viewer = await requireViewer();
  const [sessions, shoes] = await Promise.all([listOwnSessions(viewer), listOwnShoes(viewer)]);
  return (
    <>
      <h1>Sessions</h1>
      {params.saved ? <p className="notice notice-ok">Session updated.</p> : null}
      {params.deleted ? <p className="notice notice-ok">Session deleted.</p> : null}
      <section className="card" aria-labelledby="log-heading">
        <h2 id="log-heading" style={{ marginTop: 0 }}>
          Log a session
        </h2>
        <SessionForm
          action={createSessionAction}
          unit={viewer.unitPreference}
          shoes={shoes}
          submitLabel="Save session"
          resetOnSuccess
          initial={{
            type: "RUN",
            subType: null,
            date: todayIn(viewer.timeZone),
            startTime: null,
            duration: "",
            distance: "",
            elevationGainM: null,
            rpe: null,
            avgHr: null,
            surface: null,
            shoeId: null,
            notes: null,
          }}
        />
        <p className="muted">
          Shoes are managed on <Link href="/athlete/shoes">your shoes page</Link>.
        </p>
      </section>
      <h2>Last 6 weeks</h2>
      {sessions.length === 0 ? (
        <p className="muted">No sessions yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Your sessions of the last six weeks</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Session</th>
                <th scope="col">Duration</th>
                <th scope="col">Distance</th>
                <th scope="col">RPE</th>
                <th scope="col" className="hide-narrow">Surface / shoe</th>
              </tr>
            </thead>
            <tbody>
              {sessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    {formatDate(s.shownDate)}
                    {s.startTime ? <span className="muted"> {s.startTime}</span> : null}
                    {s.countedNote ? <div className="muted">{s.countedNote}</div> : null}
                  </td>
                  <td>
                    <Link href={`/athlete/sessions/${s.id}`}>
                      {s.subType ? MODE_LABELS[s.subType as keyof typeof MODE_LABELS] : SESSION_TYPE_LABELS[s.type as keyof typeof SESSION_TYPE_LABELS]}
                    </Link>
                  </td>
                  <td>{formatDuration(s.durationMin)}</td>
                  <td>{s.distanceKm != null ? formatDistance(s.distanceKm, viewer.unitPreference) : "–"}</td>
                  <td>{s.rpe ?? <span className="muted">–</span>}</td>
                  <td className="hide-narrow">
                    {[s.surface ? SURFACE_LABELS[s.surface as keyof typeof SURFACE_LABELS] : null, s.shoeName].filter(Boolean).join(" · ") || "–"}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
