import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/errors";
import { assertStaffOfAthlete, athleteSquads, staffSquadIds, type Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { createCommentSchema, replyToCommentSchema } from "@/lib/comments/schemas";
import { alertStaffOfReply, kickOutbox, notifyAthlete } from "@/lib/notifications/mutations";

/**
 * A coach's comment on a session or pain report of an athlete of their squad. The target must belong to
 * that athlete: ids posted from a form are not trusted, and any mismatch answers as not found. The
 * athlete is alerted in the same transaction.
 */
export async function createComment(viewer: Viewer, input: unknown): Promise<{ id: string }> {
  const data = parseWith(createCommentSchema, input);
  const prisma = db();
  await assertStaffOfAthlete(prisma, viewer, data.squadId, data.athleteId);
  const saved = await prisma.$transaction(async (tx) => {
    if (data.sessionId) {
      const session = await tx.trainingSession.findFirst({ where: { id: data.sessionId, userId: data.athleteId }, select: { id: true } });
      if (!session) throw new NotFoundError("Session not found");
    }
    if (data.painReportId) {
      const report = await tx.backPainReport.findFirst({ where: { id: data.painReportId, userId: data.athleteId }, select: { id: true } });
      if (!report) throw new NotFoundError("Report not found");
    }
    const created = await tx.coachComment.create({
      data: {
        squadId: data.squadId,
        athleteId: data.athleteId,
        authorId: viewer.id,
        sessionId: data.sessionId ?? null,
        painReportId: data.painReportId ?? null,
        body: data.body,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: viewer.id,
        squadId: data.squadId,
        subjectUserId: data.athleteId,
        action: "comment.create",
        entity: "CoachComment",
        entityId: created.id,
        meta: data.sessionId ? { sessionId: data.sessionId } : { painReportId: data.painReportId ?? null },
      },
      tx,
    );
    // The athlete's home lists the comments from their squad's staff.
    await notifyAthlete(tx, { athleteId: data.athleteId, kind: "COMMENT", squadId: data.squadId, entityId: created.id, link: "/athlete" });
    return created;
  });
  kickOutbox();
  return saved;
}

/**
 * A reply in a comment's thread: the athlete answering a comment on their own session or report, or a
 * coach or clinician of the comment's squad answering back. The reply keeps the thread's squad, athlete
 * and target. A comment the viewer may not see, or one of a squad the athlete has left, is not found.
 * An athlete's reply alerts the staff who wrote in the thread; a staff answer alerts the athlete.
 */
export async function replyToComment(viewer: Viewer, input: unknown): Promise<{ id: string }> {
  const data = parseWith(replyToCommentSchema, input);
  const prisma = db();
  const answered = await prisma.coachComment.findFirst({
    where: { id: data.commentId, OR: [{ athleteId: viewer.id }, { squadId: { in: staffSquadIds(viewer) } }] },
    select: { id: true, squadId: true, athleteId: true, sessionId: true, painReportId: true },
  });
  if (!answered) throw new NotFoundError("Comment not found");
  const byAthlete = answered.athleteId === viewer.id;
  if (byAthlete) {
    // The staff of a squad the athlete has left no longer see them: a reply there would go unread.
    if (!(await athleteSquads(prisma, viewer.id)).some((s) => s.squadId === answered.squadId)) throw new NotFoundError("Comment not found");
  } else {
    await assertStaffOfAthlete(prisma, viewer, answered.squadId, answered.athleteId);
  }
  const target = { sessionId: answered.sessionId, painReportId: answered.painReportId };
  const saved = await prisma.$transaction(async (tx) => {
    const created = await tx.coachComment.create({
      data: { squadId: answered.squadId, athleteId: answered.athleteId, authorId: viewer.id, ...target, replyToId: answered.id, body: data.body },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: viewer.id,
        squadId: answered.squadId,
        subjectUserId: answered.athleteId,
        action: "comment.reply",
        entity: "CoachComment",
        entityId: created.id,
        meta: { replyToId: answered.id, ...(target.sessionId ? { sessionId: target.sessionId } : { painReportId: target.painReportId }) },
      },
      tx,
    );
    const anchor = `#comment-${created.id}`;
    if (byAthlete) {
      const authors = await tx.coachComment.findMany({
        where: { squadId: answered.squadId, athleteId: answered.athleteId, ...threadOf(answered), authorId: { not: null } },
        distinct: ["authorId"],
        select: { authorId: true },
      });
      await alertStaffOfReply(tx, {
        athleteId: answered.athleteId,
        squadId: answered.squadId,
        replyId: created.id,
        link: `/coach/squads/${answered.squadId}/athletes/${answered.athleteId}${anchor}`,
        threadAuthorIds: authors.flatMap((a) => (a.authorId ? [a.authorId] : [])),
      });
    } else {
      const page = target.sessionId ? `/athlete/sessions/${target.sessionId}` : target.painReportId ? `/athlete/pain/${target.painReportId}` : "/athlete";
      await notifyAthlete(tx, { athleteId: answered.athleteId, kind: "COMMENT", squadId: answered.squadId, entityId: created.id, link: `${page}${anchor}` });
    }
    return created;
  });
  kickOutbox();
  return saved;
}

/** The comments of one thread: those on the same session or report; a comment on neither is its own. */
function threadOf(comment: { id: string; sessionId: string | null; painReportId: string | null }) {
  if (comment.sessionId) return { sessionId: comment.sessionId };
  if (comment.painReportId) return { painReportId: comment.painReportId };
  return { id: comment.id };
}
