import "server-only";
import { db } from "@/lib/db";
import { assertStaffOfAthlete, type Viewer } from "@/lib/auth/permissions";
import { dateOnly } from "@/lib/dates";
import { shownTiming } from "@/lib/sessions/display-time";
import { loadMinutes } from "@/lib/sessions/daily-load";
import type { PainZone } from "@/lib/pain/labels";
import type { SESSION_TYPES } from "@/lib/sessions/labels";

export type CommentTargets = {
  painReports: {
    id: string;
    date: string;
    zone: PainZone;
    nrs: number;
    notes: string | null;
    commentCount: number;
    /** Who entered it for the athlete (null: the athlete), and when the athlete changed it since. */
    enteredBy: string | null;
    athleteEditedAt: Date | null;
  }[];
  sessions: {
    id: string;
    /** The day the session counts on; `shownDate` and `startTime` are its start in the viewer's zone. */
    date: string;
    shownDate: string;
    startTime: string | null;
    countedNote: string | null;
    type: (typeof SESSION_TYPES)[number]; durationMin: number; distanceKm: number | null; rpe: number | null; commentCount: number;
    enteredBy: string | null;
    athleteEditedAt: Date | null;
  }[];
};

/** An athlete's latest pain reports and sessions, for a coach of their squad to comment on. */
export async function listCommentTargets(viewer: Viewer, squadId: string, athleteId: string, take = 10): Promise<CommentTargets> {
  const prisma = db();
  await assertStaffOfAthlete(prisma, viewer, squadId, athleteId);
  const [reports, sessions] = await Promise.all([
    prisma.backPainReport.findMany({
      where: { userId: athleteId },
      orderBy: [{ localDate: "desc" }, { reportedAt: "desc" }],
      take,
      select: {
        id: true,
        localDate: true,
        zone: true,
        nrs: true,
        notes: true,
        athleteEditedAt: true,
        enteredBy: { select: { name: true } },
        _count: { select: { comments: { where: { squadId } } } },
      },
    }),
    prisma.trainingSession.findMany({
      where: { userId: athleteId },
      orderBy: [{ localDate: "desc" }, { createdAt: "desc" }],
      take,
      select: {
        id: true,
        localDate: true,
        startTime: true,
        timeZone: true,
        type: true,
        durationMin: true,
        movingMin: true,
        distanceKm: true,
        rpe: true,
        athleteEditedAt: true,
        enteredBy: { select: { name: true } },
        _count: { select: { comments: { where: { squadId } } } },
      },
    }),
  ]);
  return {
    painReports: reports.map((r) => ({
      id: r.id,
      date: dateOnly(r.localDate),
      zone: r.zone,
      nrs: r.nrs,
      notes: r.notes,
      commentCount: r._count.comments,
      enteredBy: r.enteredBy?.name ?? null,
      athleteEditedAt: r.athleteEditedAt,
    })),
    sessions: sessions.map((s) => {
      return {
        id: s.id,
        ...shownTiming(s, viewer.timeZone, "the athlete's"),
        type: s.type,
        durationMin: loadMinutes(s),
        distanceKm: s.distanceKm,
        rpe: s.rpe,
        commentCount: s._count.comments,
        enteredBy: s.enteredBy?.name ?? null,
        athleteEditedAt: s.athleteEditedAt,
      };
    }),
  };
}
