import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getCoachAthleteView } from "@/lib/athletes/coach-view";
import { NotFoundError } from "@/lib/errors";
import { AthleteSummaryView } from "@/lib/ui/athlete-summary";
import { ProfileFacts } from "@/lib/ui/profile-facts";
import { FlagPanelView } from "@/lib/ui/flag-panel";
import { TrainingCharts } from "@/lib/ui/training-charts-section";
import { listCommentTargets } from "@/lib/comments/queries";
import { listCommentThreads } from "@/lib/athletes/comments";
import { CommentThreads } from "@/lib/ui/comment-threads";
import { formatDate, formatDateTime } from "@/lib/dates";
import { formatDistance, formatDuration } from "@/lib/units";
import { ZONE_LABELS } from "@/lib/pain/labels";
import { SESSION_TYPE_LABELS } from "@/lib/sessions/labels";
import { CommentOpener } from "./comment-form";
import { AthleteExports } from "@/lib/ui/export-links";
import { todayIn } from "@/lib/dates";
import { parseChartRange } from "@/lib/athletes/schemas";
import { canCoachSquad } from "@/lib/auth/permissions";
import { SafetyPanel } from "@/lib/ui/safety-panel";

export const metadata: Metadata = { title: "Athlete" };

export default async function CoachAthletePage({
  params,
  searchParams,
}: {
  params: Promise<{ squadId: string; athleteId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { squadId, athleteId } = await params;
  const viewer = await requireViewer();
  const range = parseChartRange(await searchParams, todayIn(viewer.timeZone));
  // Each query checks access itself, so they can all run at once.
  const [view, targets, comments] = await Promise.all([
    getCoachAthleteView(viewer, squadId, athleteId, range.range),
    listCommentTargets(viewer, squadId, athleteId),
    listCommentThreads(viewer, athleteId, { take: 20 }),
  ]).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  // Clinicians read and record clearances and comments; plans, thresholds and exports are the coaches'.
  const coach = canCoachSquad(viewer, squadId);
  return (
    <>
      <p>{coach ? <Link href={`/coach/squads/${squadId}`}>← {view.squadName}</Link> : <Link href="/coach">← {view.squadName}</Link>}</p>
      <h1>{view.profile.name}</h1>
      <SafetyPanel
        flags={view.training.flags}
        record={view.safety}
        squadId={squadId}
        athleteId={athleteId}
        today={view.training.asOf}
        canRelease={coach}
        viewerName={viewer.name}
        viewerIsClinician={!coach}
        timeZone={viewer.timeZone}
      />
      {coach ? (
        <p>
          <Link className="button" href={`/coach/squads/${squadId}/athletes/${athleteId}/plan`}>
            Plan the next weeks
          </Link>
        </p>
      ) : null}
      <p className="page-links">
        <Link href={`/coach/squads/${squadId}/athletes/${athleteId}/log`}>
          {coach ? "Log a session or a back-pain report" : "Report back pain"} for {view.profile.name}
        </Link>
        {" · "}
        {coach ? (
          <>
            <Link href={`/coach/squads/${squadId}/athletes/${athleteId}/thresholds`}>Thresholds for this athlete</Link>
            {" · "}
            <Link href={`/coach/squads/${squadId}/athletes/${athleteId}/account`}>Login and data</Link>
            {" · "}
          </>
        ) : null}
        <a href="#comment-heading">Comment on reports and sessions</a>
      </p>
      <FlagPanelView panel={view.flagPanel} squadId={squadId} athleteId={athleteId} timeZone={viewer.timeZone} unit={viewer.unitPreference} canPlan={coach} />
      <AthleteSummaryView summary={view.summary} unit={viewer.unitPreference} />
      <TrainingCharts
        training={view.training}
        unit={viewer.unitPreference}
        range={range}
        entryLinks={coach ? { log: `/coach/squads/${squadId}/athletes/${athleteId}/log`, import: `/coach/squads/${squadId}/athletes/${athleteId}/import` } : null}
      />
      <h2>Profile</h2>
      <div className="card">
        <ProfileFacts profile={view.profile} />
      </div>
      <section aria-labelledby="comment-heading">
        <h2 id="comment-heading">Recent reports and sessions to comment on</h2>
        <p className="muted">The athlete sees your comments on their home page and can reply to them.</p>
        <div className="comment-targets">
          <div>
            <h3>Pain reports</h3>
            {targets.painReports.length === 0 ? (
              <p className="muted">No pain reports yet.</p>
            ) : (
              <ul className="comment-target-list">
                {targets.painReports.map((r) => {
                  const title = `${ZONE_LABELS[r.zone]} pain ${r.nrs}/10, ${formatDate(r.date)}`;
                  return (
                    <li key={r.id} className="card">
                      <p className="comment-target-title">
                        <strong>{title}</strong>
                        {r.commentCount ? <span className="badge">{r.commentCount} comment{r.commentCount === 1 ? "" : "s"}</span> : null}
                      </p>
                      {r.notes ? <p className="muted comment-target-notes">{r.notes}</p> : null}
                      <EnteredBy name={r.enteredBy} changedAt={r.athleteEditedAt} viewerName={viewer.name} timeZone={viewer.timeZone} />
                      <CommentOpener squadId={squadId} athleteId={athleteId} target="painReport" targetId={r.id} label={`Comment on: ${title}`} />
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
          <div>
            <h3>Sessions</h3>
            {targets.sessions.length === 0 ? (
              <p className="muted">No sessions yet.</p>
            ) : (
              <ul className="comment-target-list">
                {targets.sessions.map((s) => {
                  const title = [
                    SESSION_TYPE_LABELS[s.type],
                    formatDuration(s.durationMin),
                    s.distanceKm ? formatDistance(s.distanceKm, viewer.unitPreference) : null,
                    s.rpe !== null ? `RPE ${s.rpe}` : null,
                    `${formatDate(s.shownDate)}${s.startTime ? ` ${s.startTime}` : ""}`,
                  ]
                    .filter(Boolean)
                    .join(", ");
                  return (
                    <li key={s.id} className="card">
                      <p className="comment-target-title">
                        <strong>{title}</strong>
                        {s.commentCount ? <span className="badge">{s.commentCount} comment{s.commentCount === 1 ? "" : "s"}</span> : null}
                      </p>
                      {s.countedNote ? <p className="muted comment-target-notes">{s.countedNote}</p> : null}
                      <EnteredBy name={s.enteredBy} changedAt={s.athleteEditedAt} viewerName={viewer.name} timeZone={viewer.timeZone} />
                      <CommentOpener squadId={squadId} athleteId={athleteId} target="session" targetId={s.id} label={`Comment on: ${title}`} />
                    </li>
                  );
                })}
              </ul>
            )}
          </div>
        </div>
        <h3 id="comments">Comments and replies</h3>
        {comments.length === 0 ? (
          <p className="muted">No comments yet.</p>
        ) : (
          <CommentThreads threads={comments} timeZone={viewer.timeZone} audience="staff" />
        )}
      </section>
      {coach ? <AthleteExports squadId={squadId} athleteId={athleteId} today={todayIn(viewer.timeZone)} /> : null}
    </>
  );
}

/** Who entered a session or report for the athlete, and whether the athlete changed it since. */
function EnteredBy({ name, changedAt, viewerName, timeZone }: { name: string | null; changedAt: Date | null; viewerName: string; timeZone: string }) {
  if (!name) return null;
  return (
    <p className="muted comment-target-notes">
      Entered by {name === viewerName ? "you" : name}
      {changedAt ? `; changed by the athlete, ${formatDateTime(changedAt, timeZone)}` : ""}
    </p>
  );
}
