import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { addDays, dateOnly, todayIn, toDbDate } from "@/lib/dates";
import { shownTiming } from "@/lib/sessions/display-time";
import type { Locale } from "@/lib/i18n/config";

export type SessionRow = {
  id: string;
  /** The day the session counts on (localDate). */
  date: string;
  /** The start's day in the viewer's zone (the counted day without a start time); shown with `startTime`. */
  shownDate: string;
  /** "HH:MM" of the start in the viewer's zone. */
  startTime: string | null;
  /** Why the session counts on another day than `shownDate`, when it does. */
  countedNote: string | null;
  type: string;
  subType: string | null;
  durationMin: number;
  /** Moving time, when the source recorded one; load counts it instead of durationMin. */
  movingMin: number | null;
  distanceKm: number | null;
  elevationGainM: number | null;
  rpe: number | null;
  avgHr: number | null;
  surface: string | null;
  shoeId: string | null;
  shoeName: string | null;
  source: string;
  notes: string | null;
  /** Why the import marked the figures for a look (lib/imports/plausibility.ts); such a session does not count. */
  reviewReason: string | null;
  /** The coach who logged it for the athlete; null when the athlete did. */
  enteredBy: string | null;
};

const sessionSelect = {
  id: true,
  localDate: true,
  startTime: true,
  timeZone: true,
  type: true,
  subType: true,
  durationMin: true,
  movingMin: true,
  distanceKm: true,
  elevationGainM: true,
  rpe: true,
  avgHr: true,
  surface: true,
  shoeId: true,
  source: true,
  notes: true,
  reviewReason: true,
  shoe: { select: { name: true } },
  enteredBy: { select: { name: true } },
} as const;

type SelectedSession = {
  id: string;
  localDate: Date;
  startTime: Date | null;
  timeZone: string | null;
  type: string;
  subType: string | null;
  durationMin: number;
  movingMin: number | null;
  distanceKm: number | null;
  elevationGainM: number | null;
  rpe: number | null;
  avgHr: number | null;
  surface: string | null;
  shoeId: string | null;
  source: string;
  notes: string | null;
  reviewReason: string | null;
  shoe: { name: string } | null;
  enteredBy: { name: string } | null;
};

function toRow(s: SelectedSession, timeZone: string, locale: Locale = "en"): SessionRow {
  return {
    id: s.id,
    ...shownTiming(s, timeZone, "your", locale),
    type: s.type,
    subType: s.subType,
    durationMin: s.durationMin,
    movingMin: s.movingMin,
    distanceKm: s.distanceKm,
    elevationGainM: s.elevationGainM,
    rpe: s.rpe,
    avgHr: s.avgHr,
    surface: s.surface,
    shoeId: s.shoeId,
    shoeName: s.shoe?.name ?? null,
    source: s.source,
    notes: s.notes,
    reviewReason: s.reviewReason,
    enteredBy: s.enteredBy?.name ?? null,
  };
}

/** The viewer's own sessions of the last `days` days, newest first. */
export async function listOwnSessions(viewer: Viewer, days = 42, now = new Date()): Promise<SessionRow[]> {
  const today = todayIn(viewer.timeZone, now);
  const rows = await db().trainingSession.findMany({
    where: { userId: viewer.id, localDate: { gte: toDbDate(addDays(today, -(days - 1))), lte: toDbDate(today) } },
    select: sessionSelect,
    orderBy: [{ localDate: "desc" }, { startTime: "desc" }, { createdAt: "desc" }],
  });
  return rows.map((s) => toRow(s, viewer.timeZone));
}

export async function getOwnSession(viewer: Viewer, sessionId: string, locale: Locale = "en"): Promise<SessionRow> {
  const s = await db().trainingSession.findFirst({ where: { id: sessionId, userId: viewer.id }, select: sessionSelect });
  if (!s) throw new NotFoundError("Session not found");
  return toRow(s, viewer.timeZone, locale);
}

export type ShoeRow = { id: string; name: string; brand: string | null; km: number; retired: boolean; startedOn: string | null };

/** The viewer's shoes with the distance run in each (what was run before adding it included). */
export async function listOwnShoes(viewer: Viewer): Promise<ShoeRow[]> {
  return listShoesOf(viewer.id);
}

/** An athlete's shoes, for a caller that has checked the viewer may log sessions for them. */
export async function listShoesOf(userId: string): Promise<ShoeRow[]> {
  const prisma = db();
  const [shoes, sums] = await Promise.all([
    prisma.shoe.findMany({
      where: { userId },
      orderBy: [{ retiredAt: { sort: "asc", nulls: "first" } }, { createdAt: "desc" }],
      select: { id: true, name: true, brand: true, initialKm: true, retiredAt: true, startedOn: true },
    }),
    prisma.trainingSession.groupBy({
      by: ["shoeId"],
      where: { userId, type: "RUN", shoeId: { not: null } },
      _sum: { distanceKm: true },
    }),
  ]);
  const km = new Map(sums.map((s) => [s.shoeId, s._sum.distanceKm ?? 0]));
  return shoes.map((s) => ({
    id: s.id,
    name: s.name,
    brand: s.brand,
    km: Math.round((s.initialKm + (km.get(s.id) ?? 0)) * 10) / 10,
    retired: s.retiredAt !== null,
    startedOn: s.startedOn ? dateOnly(s.startedOn) : null,
  }));
}
