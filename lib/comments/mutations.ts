import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { NotFoundError } from "@/lib/errors";
import { assertStaffOfAthlete, type Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { createCommentSchema } from "@/lib/comments/schemas";
import { kickOutbox, notifyAthlete } from "@/lib/notifications/mutations";

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
