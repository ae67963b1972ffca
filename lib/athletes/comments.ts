import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { dateOnly } from "@/lib/dates";
import { sessionWhen } from "@/lib/sessions/display-time";
import { canViewAthlete, staffSquadIds, type Viewer } from "@/lib/auth/permissions";

export type CommentRow = { id: string; body: string; createdAt: Date; author: string; about: string | null };

/** A commented session's day, with its start time when it has one, both in the viewer's zone. */
function sessionOn(session: { localDate: Date; startTime: Date | null; timeZone: string | null }, viewerZone: string): string {
  const when = sessionWhen({ localDate: dateOnly(session.localDate), startTime: session.startTime, timeZone: session.timeZone }, viewerZone);
  return when.time ? `${when.date} ${when.time}` : when.date;
}

/** Coach comments on an athlete's sessions and reports, newest first. */
export async function listCommentsForAthlete(viewer: Viewer, athleteId: string, take = 10): Promise<CommentRow[]> {
  const prisma = db();
  if (!(await canViewAthlete(prisma, viewer, athleteId))) throw new NotFoundError("Athlete not found");
  const rows = await prisma.coachComment.findMany({
    where: {
      athleteId,
      ...(viewer.id === athleteId ? {} : { squadId: { in: staffSquadIds(viewer) } }),
    },
    orderBy: { createdAt: "desc" },
    take,
    select: {
      id: true,
      body: true,
      createdAt: true,
      author: { select: { name: true } },
      session: { select: { type: true, localDate: true, startTime: true, timeZone: true } },
      painReport: { select: { zone: true, localDate: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    createdAt: r.createdAt,
    author: r.author?.name ?? "A former coach",
    about: r.session
      ? `${r.session.type.toLowerCase().replace("_", "-")} session of ${sessionOn(r.session, viewer.timeZone)}`
      : r.painReport
        ? `${r.painReport.zone.toLowerCase()} pain report of ${r.painReport.localDate.toISOString().slice(0, 10)}`
        : null,
  }));
}
