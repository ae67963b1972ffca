import "server-only";
import type { Prisma } from "@/lib/generated/prisma/client";
import type { NotificationKind } from "@/lib/generated/prisma/enums";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { notificationIdSchema } from "@/lib/notifications/schemas";
import { ownAlerts } from "@/lib/notifications/queries";
import { mailSettings } from "@/lib/notifications/outbox";
import type { MailSettings } from "@/lib/notifications/settings";
import {
  athleteAlertTitle,
  isAppPath,
  recipientLocale,
  renderAlertEmail,
  staffAlertTitle,
  type AthleteAlertKind,
  type EmailReader,
  type StaffAlertKind,
} from "@/lib/notifications/messages";

export { kickOutbox } from "@/lib/notifications/outbox";

type Tx = Prisma.TransactionClient;

type NewAlert = {
  userId: string;
  /** Null for an athlete kept without a login: the alert waits in their inbox, and no email is sent. */
  toAddress: string | null;
  kind: NotificationKind;
  squadId: string;
  athleteId: string;
  title: string;
  link: string;
  dedupeKey: string;
  /** The recipient's language and zone: the title is already in that language; the email follows it. */
  reader: EmailReader;
};

/** The fields of a recipient's user row that their alerts are written with. */
const READER_FIELDS = { email: true, locale: true, timeZone: true } as const;

function readerOf(user: { locale: string | null; timeZone: string }): EmailReader {
  return { locale: recipientLocale(user.locale), timeZone: user.timeZone };
}

/**
 * Writes alerts that do not exist yet (same dedupeKey = same event and recipient, so a retried save never
 * doubles one) and, when email is configured, one outbox email for each alert written now. Answers how
 * many alerts were new.
 */
async function insertAlerts(tx: Tx, alerts: NewAlert[], settings: MailSettings | null): Promise<number> {
  if (alerts.length === 0) return 0;
  for (const alert of alerts) {
    if (!isAppPath(alert.link)) throw new Error(`An alert must link to a page of the app, not "${alert.link}"`);
  }
  const created = await tx.notification.createManyAndReturn({
    data: alerts.map((a) => ({
      userId: a.userId,
      kind: a.kind,
      squadId: a.squadId,
      athleteId: a.athleteId,
      title: a.title,
      link: a.link,
      dedupeKey: a.dedupeKey,
    })),
    skipDuplicates: true,
    select: { id: true, dedupeKey: true },
  });
  if (settings && created.length > 0) {
    const byKey = new Map(alerts.map((a) => [a.dedupeKey, a]));
    const at = new Date();
    await tx.outboxEmail.createMany({
      data: created.flatMap((n) => {
        const alert = byKey.get(n.dedupeKey);
        return alert?.toAddress ? [{ notificationId: n.id, toAddress: alert.toAddress, ...renderAlertEmail(alert.kind, alert.link, settings.appUrl, alert.reader, { at }) }] : [];
      }),
    });
  }
  return created.length;
}

/**
 * Inside the transaction that saves a report: alerts every coach and clinician of every squad in which the
 * athlete is an athlete, once per person (a coach of two of the athlete's squads gets one alert, linking
 * through the squad they joined first). Call `kickOutbox()` after the commit.
 */
export async function alertStaffOfReport(
  tx: Tx,
  input: { athleteId: string; reportId: string; kind: Exclude<StaffAlertKind, "CLEARED" | "REPLY"> },
  settings: MailSettings | null = mailSettings(),
): Promise<{ created: number }> {
  return alertStaff(tx, { athleteId: input.athleteId, kind: input.kind, dedupePrefix: `report:${input.reportId}:${input.kind}` }, settings);
}

/**
 * Inside the transaction that records a clearance: tells the athlete's squads' staff, but the person who
 * recorded it, that the athlete was cleared and the held plan waits for a coach's release.
 */
export async function alertStaffOfClearance(
  tx: Tx,
  input: { athleteId: string; clearanceId: string; recordedById: string },
  settings: MailSettings | null = mailSettings(),
): Promise<{ created: number }> {
  return alertStaff(
    tx,
    { athleteId: input.athleteId, kind: "CLEARED", dedupePrefix: `cleared:${input.clearanceId}`, exceptUserId: input.recordedById },
    settings,
  );
}

async function alertStaff(
  tx: Tx,
  input: { athleteId: string; kind: StaffAlertKind; dedupePrefix: string; exceptUserId?: string },
  settings: MailSettings | null,
): Promise<{ created: number }> {
  const athlete = await tx.user.findUnique({ where: { id: input.athleteId }, select: { name: true } });
  if (!athlete) return { created: 0 };
  const staff = await tx.membership.findMany({
    where: {
      role: { in: ["COACH", "CLINICIAN"] },
      userId: { notIn: [input.athleteId, ...(input.exceptUserId ? [input.exceptUserId] : [])] },
      squad: { memberships: { some: { userId: input.athleteId, role: "ATHLETE" } } },
    },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { userId: true, squadId: true, user: { select: READER_FIELDS } },
  });
  const alerts = new Map<string, NewAlert>();
  for (const member of staff) {
    if (alerts.has(member.userId)) continue;
    alerts.set(member.userId, {
      userId: member.userId,
      toAddress: member.user.email,
      kind: input.kind,
      squadId: member.squadId,
      athleteId: input.athleteId,
      title: staffAlertTitle(input.kind, athlete.name, recipientLocale(member.user.locale)),
      link: `/coach/squads/${member.squadId}/athletes/${input.athleteId}`,
      dedupeKey: `${input.dedupePrefix}:${member.userId}`,
      reader: readerOf(member.user),
    });
  }
  return { created: await insertAlerts(tx, [...alerts.values()], settings) };
}

/**
 * Inside the transaction that saves an athlete's reply to a comment: alerts the squad's coaches and
 * clinicians who wrote in the thread (`threadAuthorIds`), or every one of them when none of those is
 * staff of the squad any more, so a reply never goes unread. The alert names the athlete, never the
 * reply. Call `kickOutbox()` after the commit.
 */
export async function alertStaffOfReply(
  tx: Tx,
  input: { athleteId: string; squadId: string; replyId: string; link: string; threadAuthorIds: string[] },
  settings: MailSettings | null = mailSettings(),
): Promise<{ created: number }> {
  const athlete = await tx.user.findUnique({ where: { id: input.athleteId }, select: { name: true } });
  if (!athlete) return { created: 0 };
  const staff = await tx.membership.findMany({
    where: { squadId: input.squadId, role: { in: ["COACH", "CLINICIAN"] }, userId: { not: input.athleteId } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: { userId: true, user: { select: READER_FIELDS } },
  });
  const inThread = staff.filter((m) => input.threadAuthorIds.includes(m.userId));
  const alerts = (inThread.length ? inThread : staff).map(
    (member): NewAlert => ({
      userId: member.userId,
      toAddress: member.user.email,
      kind: "REPLY",
      squadId: input.squadId,
      athleteId: input.athleteId,
      title: staffAlertTitle("REPLY", athlete.name, recipientLocale(member.user.locale)),
      link: input.link,
      dedupeKey: `reply:${input.replyId}:${member.userId}`,
      reader: readerOf(member.user),
    }),
  );
  return { created: await insertAlerts(tx, alerts, settings) };
}

/**
 * Inside the transaction that records a comment to an athlete or a clearance of theirs: alerts the athlete,
 * once per event (`entityId` is the comment's or the clearance's id). Call `kickOutbox()` after the commit.
 */
export async function notifyAthlete(
  tx: Tx,
  input: { athleteId: string; kind: AthleteAlertKind; squadId: string; entityId: string; link: string },
  settings: MailSettings | null = mailSettings(),
): Promise<{ created: number }> {
  const athlete = await tx.user.findUnique({ where: { id: input.athleteId }, select: { ...READER_FIELDS, hasLogin: true } });
  if (!athlete) return { created: 0 };
  const alert: NewAlert = {
    userId: input.athleteId,
    toAddress: athlete.hasLogin ? athlete.email : null,
    kind: input.kind,
    squadId: input.squadId,
    athleteId: input.athleteId,
    title: athleteAlertTitle(input.kind, recipientLocale(athlete.locale)),
    link: input.link,
    dedupeKey: `${input.kind.toLowerCase()}:${input.entityId}:${input.athleteId}`,
    reader: readerOf(athlete),
  };
  return { created: await insertAlerts(tx, [alert], settings) };
}

/**
 * Marks one of the viewer's own alerts read and answers the page it links to. Anyone else's alert, or
 * one of a squad the viewer has left, is not found and stays as it was.
 */
export async function markNotificationRead(viewer: Viewer, input: unknown, now = new Date()): Promise<{ link: string }> {
  const { notificationId } = parseWith(notificationIdSchema, input);
  const prisma = db();
  const where = { ...ownAlerts(viewer), id: notificationId };
  const alert = await prisma.notification.findFirst({ where, select: { link: true, readAt: true } });
  if (!alert) throw new NotFoundError("Alert not found");
  if (!alert.readAt) await prisma.notification.updateMany({ where: { ...where, readAt: null }, data: { readAt: now } });
  return { link: isAppPath(alert.link) ? alert.link : "/inbox" };
}

/** Marks every unread alert of the viewer read; answers how many there were. */
export async function markAllNotificationsRead(viewer: Viewer, now = new Date()): Promise<{ count: number }> {
  if (viewer.memberships.length === 0) return { count: 0 };
  const { count } = await db().notification.updateMany({ where: { ...ownAlerts(viewer), readAt: null }, data: { readAt: now } });
  return { count };
}
