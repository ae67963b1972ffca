import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { dateOnly } from "@/lib/dates";
import { sessionWhen } from "@/lib/sessions/display-time";
import type { Prisma } from "@/lib/generated/prisma/client";
import { athleteSquads, canStaffSquad, canViewAthlete, staffSquadIds, type Viewer } from "@/lib/auth/permissions";

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
    about: aboutText(r, viewer.timeZone),
  }));
}

type Target = {
  session: { type: string; localDate: Date; startTime: Date | null; timeZone: string | null } | null;
  painReport: { zone: string; localDate: Date } | null;
};

/** What a comment is on, in words: "run session of 2026-06-14 07:30", "lumbar pain report of 2026-06-14". */
function aboutText(target: Target, viewerZone: string): string | null {
  if (target.session) return `${target.session.type.toLowerCase().replace("_", "-")} session of ${sessionOn(target.session, viewerZone)}`;
  if (target.painReport) return `${target.painReport.zone.toLowerCase()} pain report of ${dateOnly(target.painReport.localDate)}`;
  return null;
}

export type ThreadEntry = {
  id: string;
  body: string;
  createdAt: Date;
  author: string;
  /** Written by the athlete the thread is about (a reply to their staff). */
  byAthlete: boolean;
  /** Written by the viewer: no reply form under one's own words. */
  mine: boolean;
  isReply: boolean;
};

/** What a thread is on, for the page to say in the reader's language; dates and time in the viewer's zone. */
export type CommentTarget =
  | { kind: "session"; type: string; date: string; time: string | null }
  | { kind: "painReport"; zone: string; date: string }
  | null;

function targetOf(target: Target, viewerZone: string): CommentTarget {
  if (target.session) {
    const when = sessionWhen(
      { localDate: dateOnly(target.session.localDate), startTime: target.session.startTime, timeZone: target.session.timeZone },
      viewerZone,
    );
    return { kind: "session", type: target.session.type, date: when.date, time: when.time ?? null };
  }
  if (target.painReport) return { kind: "painReport", zone: target.painReport.zone, date: dateOnly(target.painReport.localDate) };
  return null;
}

export type CommentThread = {
  /** The thread's first comment. */
  id: string;
  squadId: string;
  about: string | null;
  target: CommentTarget;
  sessionId: string | null;
  painReportId: string | null;
  /** Oldest first. */
  entries: ThreadEntry[];
  /** Whether the viewer may answer in it: the athlete, or staff of its squad, while the athlete is in that squad. */
  canReply: boolean;
};

// A thread is a conversation about one session or report: far fewer comments than this in practice.
const THREAD_ROWS_CAP = 500;

/**
 * The comments on an athlete's sessions and reports as threads, the most recently active first: one
 * thread per squad and session or report (the staff's comments and the athlete's replies, oldest first),
 * and one per comment on neither with its replies. The athlete reads all of theirs; staff those of the
 * squads they staff. `sessionId` or `painReportId` narrows to the threads on that one.
 */
export async function listCommentThreads(
  viewer: Viewer,
  athleteId: string,
  options: { take?: number; sessionId?: string; painReportId?: string } = {},
): Promise<CommentThread[]> {
  const prisma = db();
  if (!(await canViewAthlete(prisma, viewer, athleteId))) throw new NotFoundError("Athlete not found");
  const own = viewer.id === athleteId;
  const take = options.take ?? 10;
  const where: Prisma.CoachCommentWhereInput = {
    athleteId,
    ...(own ? {} : { squadId: { in: staffSquadIds(viewer) } }),
    ...(options.sessionId ? { sessionId: options.sessionId } : {}),
    ...(options.painReportId ? { painReportId: options.painReportId } : {}),
  };
  const latest = await prisma.coachComment.groupBy({
    by: ["squadId", "sessionId", "painReportId"],
    where,
    _max: { createdAt: true },
    orderBy: { _max: { createdAt: "desc" } },
    take,
  });
  if (latest.length === 0) return [];
  const [rows, squads] = await Promise.all([
    prisma.coachComment.findMany({
      where: { ...where, OR: latest.map((g) => ({ squadId: g.squadId, sessionId: g.sessionId, painReportId: g.painReportId })) },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: THREAD_ROWS_CAP,
      select: {
        id: true,
        body: true,
        createdAt: true,
        squadId: true,
        sessionId: true,
        painReportId: true,
        replyToId: true,
        authorId: true,
        author: { select: { name: true } },
        session: { select: { type: true, localDate: true, startTime: true, timeZone: true } },
        painReport: { select: { zone: true, localDate: true } },
      },
    }),
    athleteSquads(prisma, athleteId),
  ]);
  const inSquad = new Set(squads.map((s) => s.squadId));
  const byId = new Map(rows.map((r) => [r.id, r]));
  const threadKey = (r: (typeof rows)[number]): string => {
    if (r.sessionId || r.painReportId) return `${r.squadId}:${r.sessionId ?? ""}:${r.painReportId ?? ""}`;
    let root = r;
    const seen = new Set<string>();
    while (root.replyToId && byId.has(root.replyToId) && !seen.has(root.id)) {
      seen.add(root.id);
      root = byId.get(root.replyToId)!;
    }
    return root.id;
  };
  const threads = new Map<string, CommentThread>();
  // Oldest first, so each thread starts with its first comment; threads come out newest activity first below.
  for (const r of [...rows].reverse()) {
    const key = threadKey(r);
    let thread = threads.get(key);
    if (!thread) {
      thread = {
        id: r.id,
        squadId: r.squadId,
        about: aboutText(r, viewer.timeZone),
        target: targetOf(r, viewer.timeZone),
        sessionId: r.sessionId,
        painReportId: r.painReportId,
        entries: [],
        canReply: inSquad.has(r.squadId) && (own || canStaffSquad(viewer, r.squadId)),
      };
      threads.set(key, thread);
    }
    const byAthlete = r.authorId === athleteId;
    thread.entries.push({
      id: r.id,
      body: r.body,
      createdAt: r.createdAt,
      author: r.author?.name ?? (byAthlete ? "The athlete" : "A former coach"),
      byAthlete,
      mine: r.authorId === viewer.id,
      isReply: r.replyToId !== null,
    });
  }
  const lastAt = (t: CommentThread) => t.entries[t.entries.length - 1].createdAt.getTime();
  return [...threads.values()].sort((a, b) => lastAt(b) - lastAt(a)).slice(0, take);
}
