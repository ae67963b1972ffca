import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/permissions";
import { hashToken, newToken } from "@/lib/tokens";
import { addDays, todayIn } from "@/lib/dates";
import { listPlannedSessionsUnchecked } from "@/lib/plans/queries";
import { buildPlanCalendar } from "@/lib/calendar/ics";
import type { Unit } from "@/lib/units";

// A feed carries recent history and the months ahead; calendar apps keep what they already fetched.
const FEED_PAST_DAYS = 30;
const FEED_FUTURE_DAYS = 180;

/** A new secret feed token for the viewer; any earlier one stops working. Shown once, stored hashed. */
export async function createFeedToken(viewer: Viewer, now = new Date()): Promise<string> {
  const token = newToken();
  await db().$transaction(async (tx) => {
    await tx.calendarFeedToken.updateMany({ where: { userId: viewer.id, revokedAt: null }, data: { revokedAt: now } });
    await tx.calendarFeedToken.create({ data: { userId: viewer.id, tokenHash: hashToken(token) } });
    await recordAudit({ actorId: viewer.id, subjectUserId: viewer.id, action: "calendar.feed-create" }, tx);
  });
  return token;
}

export async function revokeFeedTokens(viewer: Viewer, now = new Date()): Promise<void> {
  await db().$transaction(async (tx) => {
    await tx.calendarFeedToken.updateMany({ where: { userId: viewer.id, revokedAt: null }, data: { revokedAt: now } });
    await recordAudit({ actorId: viewer.id, subjectUserId: viewer.id, action: "calendar.feed-revoke" }, tx);
  });
}

export async function getFeedStatus(viewer: Viewer): Promise<{ active: boolean; createdAt: Date | null }> {
  const token = await db().calendarFeedToken.findFirst({
    where: { userId: viewer.id, revokedAt: null },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  return { active: token !== null, createdAt: token?.createdAt ?? null };
}

async function planCalendarFor(user: { id: string; name: string; timeZone: string; unitPreference: Unit }, host: string, now: Date) {
  const today = todayIn(user.timeZone, now);
  const rows = await listPlannedSessionsUnchecked(user.id, addDays(today, -FEED_PAST_DAYS), addDays(today, FEED_FUTURE_DAYS));
  return buildPlanCalendar(rows, { name: `Backbone plan – ${user.name}`, host, unit: user.unitPreference });
}

/** The feed behind a token, or null when the token is unknown or revoked (the handler answers 404). */
export async function calendarForToken(token: string, host: string, now = new Date()): Promise<string | null> {
  if (token.length < 20 || token.length > 200) return null;
  const row = await db().calendarFeedToken.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { revokedAt: true, user: { select: { id: true, name: true, timeZone: true, unitPreference: true } } },
  });
  if (!row || row.revokedAt) return null;
  return planCalendarFor(row.user, host, now);
}

/** The signed-in athlete's own plan as a one-off download. */
export async function calendarForViewer(viewer: Viewer, host: string, now = new Date()): Promise<string> {
  return planCalendarFor(viewer, host, now);
}
