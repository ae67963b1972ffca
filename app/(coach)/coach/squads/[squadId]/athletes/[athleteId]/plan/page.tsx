import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { getPlanningView, PLAN_WEEKS } from "@/lib/plans/planning";
import { plannedSessionTitle } from "@/lib/calendar/ics";
import { addDays, formatDate } from "@/lib/dates";
import { FlagList } from "@/lib/ui/flag-list";
import { ProjectionChart } from "@/lib/ui/charts/projection-chart";
import { AddPlannedSessionForm, AddSuggestionButton, PlannedItemControls } from "./plan-forms";

export const metadata: Metadata = { title: "Plan" };

export default async function PlanPage({ params }: { params: Promise<{ squadId: string; athleteId: string }> }) {
  const { squadId, athleteId } = await params;
  const viewer = await requireViewer();
  const view = await getPlanningView(viewer, squadId, athleteId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const days = Array.from({ length: PLAN_WEEKS * 7 }, (_, i) => addDays(view.asOf, i + 1));
  const hidden = { squadId, athleteId };
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}/athletes/${athleteId}`}>← Athlete</Link>
      </p>
      <h1>Plan the next {PLAN_WEEKS} weeks</h1>

      <section aria-labelledby="suggestions-heading">
        <h2 id="suggestions-heading">Suggested by the active flags</h2>
        {view.suggestions.length === 0 ? (
          <p className="muted">No suggestions: nothing flagged calls for a change.</p>
        ) : (
          <ul style={{ listStyle: "none", padding: 0 }}>
            {view.suggestions.map((s) => (
              <li key={s.id} className="card">
                <p style={{ margin: 0 }}>
                  <strong>
                    {formatDate(s.date)}: {s.type.replace("-", " ")}
                    {s.durationMin ? `, ${s.durationMin} min` : ""}
                    {s.rpe != null ? ` at RPE ${s.rpe}` : ""}
                    {s.crossTrainingMode ? ` (${s.crossTrainingMode.replace("-", " ")})` : ""}
                  </strong>{" "}
                  <span className="badge">{s.flagId}</span>
                </p>
                <p style={{ margin: "0.25rem 0" }}>{s.reason}</p>
                {s.exercises?.length ? (
                  <p className="muted" style={{ margin: 0 }}>
                    {s.exercises.map((e) => `${e.name} (${e.prescription})`).join("; ")}
                  </p>
                ) : null}
                {s.type !== "rest" && s.type !== "assessment" ? <AddSuggestionButton {...hidden} suggestionId={s.id} /> : null}
              </li>
            ))}
          </ul>
        )}
      </section>

      <ProjectionChart data={view.projection} />

      <section aria-labelledby="projected-flags">
        <h2 id="projected-flags">Flags this plan would raise</h2>
        <FlagList flags={view.projectedFlags} audience="coach" />
      </section>

      <section aria-labelledby="plan-heading">
        <h2 id="plan-heading">The plan</h2>
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Planned sessions day by day</caption>
            <thead>
              <tr>
                <th scope="col">Day</th>
                <th scope="col">Planned</th>
              </tr>
            </thead>
            <tbody>
              {days.map((day) => {
                const items = view.planned.filter((p) => p.date === day);
                return (
                  <tr key={day}>
                    <th scope="row">{formatDate(day)}</th>
                    <td>
                      {items.length === 0 ? <span className="muted">–</span> : null}
                      {items.map((p) => (
                        <div key={p.id} className="planned-item">
                          <span>
                            {plannedSessionTitle(p)}
                            {p.origin === "SUGGESTION" ? <span className="badge">{p.flagId ?? "suggested"}</span> : null}
                          </span>
                          {p.reason ? <div className="muted">{p.reason}</div> : null}
                          <PlannedItemControls plannedId={p.id} date={p.date} label={plannedSessionTitle(p)} />
                        </div>
                      ))}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section className="card" aria-labelledby="add-heading">
        <h2 id="add-heading" style={{ marginTop: 0 }}>
          Add a session
        </h2>
        <AddPlannedSessionForm {...hidden} unit={viewer.unitPreference} defaultDate={addDays(view.asOf, 1)} />
      </section>
    </>
  );
}
