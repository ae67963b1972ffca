import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getOwnSession, listOwnShoes } from "@/lib/sessions/queries";
import { updateSessionAction } from "@/lib/sessions/actions";
import { NotFoundError } from "@/lib/errors";
import { SessionForm } from "@/lib/ui/session-form";
import { distanceFieldValue, formatDuration } from "@/lib/units";
import { currentLocale } from "@/lib/i18n/server";
import { reviewReasonLabel } from "@/lib/imports/review-reasons";
import { DeleteSessionButton } from "./delete-session-button";
import { ConfirmFiguresButton } from "./confirm-figures-button";
import { listCommentThreads } from "@/lib/athletes/comments";
import { CommentThreads } from "@/lib/ui/comment-threads";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sessions");
  return { title: t("editTitle") };
}

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
  const locale = await currentLocale();
  const t = await getTranslations("sessions");
  const names = await getTranslations("sessionTypes");
  const [session, shoes, comments] = await Promise.all([
    getOwnSession(viewer, sessionId, locale).catch((e) => {
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
        <Link href="/athlete/sessions">{t("back")}</Link>
      </p>
      <h1>{t("editTitle")}</h1>
      {session.enteredBy ? <p className="muted">{t("enteredFor", { name: session.enteredBy })}</p> : null}
      {session.reviewReason ? (
        <div className="notice notice-warn" role="status">
          <p>
            <strong>{t("needsLookTitle")}</strong> {t("needsLookBody", { reason: reviewReasonLabel(names, session.reviewReason) })}
          </p>
          <ConfirmFiguresButton sessionId={session.id} />
        </div>
      ) : null}
      {confirmed && !session.reviewReason ? (
        <p className="notice notice-ok" role="status">
          {t("confirmed")}
        </p>
      ) : null}
      {session.countedNote ? (
        <p className="muted">
          {t("countedStays", { note: session.countedNote })}
        </p>
      ) : null}
      <div className="card">
        <SessionForm
          action={updateSessionAction}
          unit={viewer.unitPreference}
          shoes={shoes}
          submitLabel={t("saveChanges")}
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
          <h2 id="session-comments-heading">{t("commentsHeading")}</h2>
          <CommentThreads threads={comments} timeZone={viewer.timeZone} audience="athlete" />
        </section>
      ) : null}
      <DeleteSessionButton sessionId={session.id} />
    </div>
  );
}
