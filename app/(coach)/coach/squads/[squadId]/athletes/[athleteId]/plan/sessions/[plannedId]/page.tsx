import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { getPlannedSessionForEdit } from "@/lib/plans/queries";
import { formatDate } from "@/lib/dates";
import { describeWorkout } from "@/lib/plans/workout-steps";
import { EditPlannedSessionForm } from "../../plan-forms";
import { textInUnit } from "@/lib/units";

export const metadata: Metadata = { title: "Edit planned session" };

export default async function EditPlannedSessionPage({ params }: { params: Promise<{ squadId: string; athleteId: string; plannedId: string }> }) {
  const { squadId, athleteId, plannedId } = await params;
  const viewer = await requireViewer();
  const { planned, athleteName } = await getPlannedSessionForEdit(viewer, squadId, athleteId, plannedId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const planHref = `/coach/squads/${squadId}/athletes/${athleteId}/plan`;
  return (
    <>
      <p>
        <Link href={`${planHref}?view=week&start=${planned.date}`}>← Plan for {athleteName}</Link>
      </p>
      <h1>Edit planned session</h1>
      <p>
        {athleteName}, {formatDate(planned.date)}
        {planned.origin === "SUGGESTION" ? (
          <>
            {" "}
            <span className="badge">Suggested: {planned.flagId ?? "engine"}</span>
          </>
        ) : null}
        {planned.origin === "TEMPLATE" ? (
          <>
            {" "}
            <span className="badge">Template</span>
          </>
        ) : null}
      </p>
      {planned.reason ? <p className="muted">Why it was planned: {textInUnit(planned.reason, viewer.unitPreference)}</p> : null}
      {planned.steps ? (
        <p>
          <strong>Workout:</strong> {describeWorkout(planned.steps, viewer.unitPreference)}
        </p>
      ) : null}
      {planned.held ? (
        <p className="muted">On hold: it is not sent to a watch until the hold is lifted.</p>
      ) : (
        <p>
          <a
            className="button button-secondary"
            href={`/api/exports/squads/${encodeURIComponent(squadId)}/athletes/${encodeURIComponent(athleteId)}/workouts/${encodeURIComponent(planned.id)}`}
            download
          >
            Download for a watch (.fit)
          </a>{" "}
          <span className="hint">A FIT workout file, for Garmin and other watches; save the changes first.</span>
        </p>
      )}
      <div className="card">
        <EditPlannedSessionForm plannedId={planned.id} unit={viewer.unitPreference} values={{
            type: planned.type,
            subType: planned.subType,
            date: planned.date,
            title: planned.title,
            durationMin: planned.durationMin,
            distanceKm: planned.distanceKm,
            targetRpe: planned.targetRpe,
            description: planned.description,
            steps: planned.steps,
          }}
          planHref={planHref} />
      </div>
    </>
  );
}
