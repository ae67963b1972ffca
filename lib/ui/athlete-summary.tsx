import type { AthleteSummary, WindowSummary } from "@/lib/athletes/queries";
import { formatDate } from "@/lib/dates";
import { formatDistance, formatDuration, type Unit } from "@/lib/units";

const TYPE_LABELS: Record<string, string> = {
  RUN: "Run",
  CROSS_TRAINING: "Cross-training",
  CORE: "Core",
  STRENGTH: "Strength",
  MOBILITY: "Mobility",
  OTHER: "Other",
};

function WindowCard({ title, w, unit }: { title: string; w: WindowSummary; unit: Unit }) {
  return (
    <div className="card">
      <h3 style={{ marginTop: 0 }}>{title}</h3>
      <dl className="facts">
        <dt>Sessions</dt>
        <dd>{w.sessions}</dd>
        <dt>Running</dt>
        <dd>{formatDistance(w.runKm, unit)}</dd>
        <dt>Time</dt>
        <dd>{formatDuration(w.durationMin)}</dd>
        <dt>Load (sRPE)</dt>
        <dd>{Math.round(w.loadAu)} AU</dd>
      </dl>
    </div>
  );
}

export function AthleteSummaryView({ summary, unit }: { summary: AthleteSummary; unit: Unit }) {
  return (
    <>
      <div className="grid">
        <WindowCard title="Last 7 days" w={summary.last7} unit={unit} />
        <WindowCard title="Last 28 days" w={summary.last28} unit={unit} />
        <div className="card">
          <h3 style={{ marginTop: 0 }}>Last back-pain report</h3>
          {summary.lastPainReport ? (
            <p>
              {formatDate(summary.lastPainReport.date)}: {summary.lastPainReport.zone.toLowerCase()}, pain{" "}
              {summary.lastPainReport.nrs}/10
              {summary.lastPainReport.redFlag ? (
                <>
                  {" "}
                  {summary.lastPainReport.redFlag === "emergency" ? (
                    <span className="badge badge-emergency">Emergency</span>
                  ) : (
                    <span className="badge badge-danger">see a clinician</span>
                  )}
                </>
              ) : null}
            </p>
          ) : (
            <p className="muted">No reports.</p>
          )}
        </div>
      </div>
      <h2>Recent sessions</h2>
      {summary.recentSessions.length === 0 ? (
        <p className="muted">No sessions in the last 28 days.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Type</th>
                <th scope="col">Duration</th>
                <th scope="col">Distance</th>
                <th scope="col">RPE</th>
              </tr>
            </thead>
            <tbody>
              {summary.recentSessions.map((s) => (
                <tr key={s.id}>
                  <td>
                    {formatDate(s.shownDate)}
                    {s.startTime ? <span className="muted"> {s.startTime}</span> : null}
                    {s.countedNote ? <div className="muted">{s.countedNote}</div> : null}
                  </td>
                  <td>{TYPE_LABELS[s.type] ?? s.type}</td>
                  <td>{formatDuration(s.durationMin)}</td>
                  <td>{s.distanceKm != null ? formatDistance(s.distanceKm, unit) : "–"}</td>
                  <td>{s.rpe ?? <span className="muted">–</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
