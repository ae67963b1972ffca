import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { canViewAthlete, staffSquadIds, type Viewer } from "@/lib/auth/permissions";

export type CommentRow = { id: string; body: string; createdAt: Date; author: string; about: string | null };

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
      session: { select: { type: true, localDate: true } },
      painReport: { select: { zone: true, localDate: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    body: r.body,
    createdAt: r.createdAt,
    author: r.author?.name ?? "A former coach",
    about: r.session
      ? `${r.session.type.toLowerCase().replace("_", "-")} session of ${r.session.localDate.toISOString().slice(0, 10)}`
      : r.painReport
        ? `${r.painReport.zone.toLowerCase()} pain report of ${r.painReport.localDate.toISOString().slice(0, 10)}`
        : null,
  }));
}
