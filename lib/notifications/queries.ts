import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/permissions";
import { mailSettings, resumeOutbox } from "@/lib/notifications/outbox";

/** The header shows "99+" past this: the count stays one short index read however full the inbox is. */
export const UNREAD_COUNT_CAP = 99;

/**
 * The viewer's own alerts, of the squads they still belong to: alerts of a squad they left go with their
 * access to it, since their titles name its athletes.
 */
export function ownAlerts(viewer: Viewer): Prisma.NotificationWhereInput {
  return { userId: viewer.id, squadId: { in: viewer.memberships.map((m) => m.squadId) } };
}

/** Whether alerts also go out by email (SMTP_URL is set). */
export function emailAlertsEnabled(): boolean {
  return mailSettings() !== null;
}

/** The number of the viewer's unread alerts, up to UNREAD_COUNT_CAP + 1. */
export async function countUnreadNotifications(viewer: Viewer): Promise<number> {
  // Every signed-in page asks for this count, so the first page a process serves also resumes the
  // sending of emails left pending when it (or another process) stopped.
  resumeOutbox();
  if (viewer.memberships.length === 0) return 0;
  return db().notification.count({ where: { ...ownAlerts(viewer), readAt: null }, take: UNREAD_COUNT_CAP + 1 });
}

/** The number of the viewer's unread alerts of one kind (a coach's unread replies), up to UNREAD_COUNT_CAP + 1. */
export async function countUnreadOfKind(viewer: Viewer, kind: NotificationKind): Promise<number> {
  if (viewer.memberships.length === 0) return 0;
  return db().notification.count({ where: { ...ownAlerts(viewer), kind, readAt: null }, take: UNREAD_COUNT_CAP + 1 });
}

export type InboxItem = { id: string; kind: NotificationKind; title: string; link: string; createdAt: Date; read: boolean };

export type Inbox = { items: InboxItem[]; unread: number; more: boolean };

/** The viewer's alerts, newest first, with how many are unread. */
export async function listNotifications(viewer: Viewer, take = 50): Promise<Inbox> {
  if (viewer.memberships.length === 0) return { items: [], unread: 0, more: false };
  const where = ownAlerts(viewer);
  const [rows, unread] = await Promise.all([
    db().notification.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: take + 1,
      select: { id: true, kind: true, title: true, link: true, createdAt: true, readAt: true },
    }),
    db().notification.count({ where: { ...where, readAt: null } }),
  ]);
  return {
    items: rows.slice(0, take).map((r) => ({ id: r.id, kind: r.kind, title: r.title, link: r.link, createdAt: r.createdAt, read: r.readAt !== null })),
    unread,
    more: rows.length > take,
  };
}
