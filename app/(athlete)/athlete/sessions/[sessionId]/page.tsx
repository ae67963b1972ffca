import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getOwnSession, listOwnShoes } from "@/lib/sessions/queries";
import { updateSessionAction } from "@/lib/sessions/actions";
import { NotFoundError } from "@/lib/errors";
import { SessionForm } from "@/lib/ui/session-form";
import { distanceFieldValue, formatDuration } from "@/lib/units";
import { reviewReasonText } from "@/lib/imports/plausibility";
import { DeleteSessionButton } from "./delete-session-button";
import { ConfirmFiguresButton } from "./confirm-figures-button";
import { listCommentThreads } from "@/lib/athletes/comments";
import { CommentThreads } from "@/lib/ui/comment-threads";

export const metadata: Metadata = { title: "Edit session" };

function durationText(minutes: number): string {
  const whole = Math.round(minutes);
  return whole >= 60 ? `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, "0")}` : String(whole);
}

export default async function EditSessionPage({
  params,
  searchParams,
}: {
  params: Promise<{ sessionId: string }>;
  searchParams: Promise<{ confirmed?: string }>;
}) {
  const { sessionId } = await params;
  const { confirmed } = await searchParams;
  const viewer = await requireViewer();
  const [session, shoes, comments] = await Promise.all([
    getOwnSession(viewer, sessionId).catch((e) => {
      if (e instanceof NotFoundError) notFound();
      throw e;
    }),
    listOwnShoes(viewer),
    listCommentThreads(viewer, viewer.id, { sessionId }),
  ]);
  const distance = session.distanceKm == null ? "" : distanceFieldValue(session.distanceKm, viewer.unitPreference);
  return (
    <div className="narrow">
      <p>
        <Link href="/athlete/sessions">← Sessions</Link>
      </p>
      <h1>Edit session</h1>
      {session.enteredBy ? <p className="muted">Entered for you by {session.enteredBy}. Your changes are yours to make; they see that you changed it.</p> : null}
      {session.reviewReason ? (
        <div className="notice notice-warn" role="status">
          <p>
            <strong>Needs a look:</strong> {reviewReasonText(session.reviewReason)}. This session was imported but does not count for your
            load until you correct its figures below and save, or confirm that they are right.
          </p>
          <ConfirmFiguresButton sessionId={session.id} />
        </div>
      ) : null}
      {confirmed && !session.reviewReason ? (
        <p className="notice notice-ok" role="status">
          Confirmed: this session now counts for your load.
        </p>
      ) : null}
      {session.countedNote ? (
        <p className="muted">
          {session.countedNote}. Its load stays on that day unless you change the date or the start time.
        </p>
      ) : null}
      <div className="card">
        <SessionForm
          action={updateSessionAction}
          unit={viewer.unitPreference}
          shoes={shoes}
          submitLabel="Save changes"
          initial={{
            ...session,
            date: session.shownDate,
            duration: durationText(session.movingMin ?? session.durationMin),
            movingTime: session.movingMin !== null ? { elapsedText: formatDuration(session.durationMin) } : undefined,
            distance,
          }}
        />
      </div>
      {comments.length ? (
        <section aria-labelledby="session-comments-heading">
          <h2 id="session-comments-heading">Comments from your coaches</h2>
          <CommentThreads threads={comments} timeZone={viewer.timeZone} audience="athlete" />
        </section>
      ) : null}
      <DeleteSessionButton sessionId={session.id} />
    </div>
  );
}
