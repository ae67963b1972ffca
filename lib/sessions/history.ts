import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Viewer } from "@/lib/auth/permissions";
import { sessionWhen } from "@/lib/sessions/display-time";
import type { Locale } from "@/lib/i18n/config";
import { loadMinutesSql } from "@/lib/sessions/daily-load";
import { escapeLike, HISTORY_PAGE_SIZE, type HistoryQuery } from "@/lib/sessions/history-params";

export type HistoryRow = {
  id: string;
  /** The day shown: the start's day in the viewer's zone (see sessionWhen), else the stored day. */
  date: string;
  startTime: string | null;
  /** Set when the session counts on another day than the one shown (the zone changed since). */
  countedNote: string | null;
  type: string;
  subType: string | null;
  /** The minutes that count: moving time when the source recorded one. */
  durationMin: number;
  distanceKm: number | null;
  rpe: number | null;
  /** rpe x those minutes in AU; null without an RPE. */
  loadAu: number | null;
  surface: string | null;
  shoeName: string | null;
  source: string;
  notes: string | null;
  reviewReason: string | null;
  /** The coach who logged it for the athlete; null when the athlete did. */
  enteredBy: string | null;
};

export type SessionHistory = {
  rows: HistoryRow[];
  /** The page shown: the one asked for, or the last one when that lies past the end. */
  page: number;
  pageCount: number;
  pageSize: number;
  /** Totals of every session the filters keep, not only of this page. */
  totals: { sessions: number; distanceKm: number; durationMin: number };
};

function whereClause(viewer: Viewer, q: HistoryQuery): Prisma.Sql {
  const parts: Prisma.Sql[] = [Prisma.sql`s."userId" = ${viewer.id}`];
  if (q.from) parts.push(Prisma.sql`s."localDate" >= ${q.from}::date`);
  if (q.to) parts.push(Prisma.sql`s."localDate" <= ${q.to}::date`);
  if (q.type) parts.push(Prisma.sql`s."type" = ${q.type}::"SessionType"`);
  if (q.source) parts.push(Prisma.sql`s."source" = ${q.source}::"SessionSource"`);
  if (q.shoeId) parts.push(Prisma.sql`s."shoeId" = ${q.shoeId}`);
  if (q.q) parts.push(Prisma.sql`s."notes" ILIKE ${`%${escapeLike(q.q)}%`} ESCAPE '\\'`);
  if (q.review) parts.push(Prisma.sql`s."reviewReason" IS NOT NULL`);
  return Prisma.join(parts, " AND ");
}

// The minutes a session counts for, on the aliased table.
const MINUTES = loadMinutesSql("s");

function orderClause(q: HistoryQuery): Prisma.Sql {
  const dir = q.dir === "asc" ? Prisma.sql`ASC` : Prisma.sql`DESC`;
  // Sessions logged without a start time sort after the timed ones of their day, either way round.
  const byDate = q.dir === "asc"
    ? Prisma.sql`s."localDate" ASC, s."startTime" ASC NULLS FIRST, s."createdAt" ASC, s.id ASC`
    : Prisma.sql`s."localDate" DESC, s."startTime" DESC NULLS LAST, s."createdAt" DESC, s.id DESC`;
  const newestFirst = Prisma.sql`s."localDate" DESC, s."startTime" DESC NULLS LAST, s."createdAt" DESC, s.id DESC`;
  switch (q.sort) {
    case "date":
      return byDate;
    // Sessions without the figure come last whichever way the column is sorted.
    case "distance":
      return Prisma.sql`s."distanceKm" ${dir} NULLS LAST, ${newestFirst}`;
    case "duration":
      return Prisma.sql`${MINUTES} ${dir}, ${newestFirst}`;
    case "load":
      return Prisma.sql`(s."rpe" * ${MINUTES}) ${dir} NULLS LAST, ${newestFirst}`;
  }
}

type RawRow = {
  id: string;
  localDate: string;
  startTime: Date | string | null;
  timeZone: string | null;
  type: string;
  subType: string | null;
  durationMin: number;
  distanceKm: number | null;
  rpe: number | null;
  surface: string | null;
  shoeName: string | null;
  source: string;
  notes: string | null;
  reviewReason: string | null;
  enteredBy: string | null;
};

async function pageOf(viewer: Viewer, q: HistoryQuery, where: Prisma.Sql, page: number, locale: Locale): Promise<HistoryRow[]> {
  const rows = await db().$queryRaw<RawRow[]>`
    SELECT s.id, to_char(s."localDate", 'YYYY-MM-DD') AS "localDate", s."startTime", s."timeZone", s."type"::text AS "type",
           s."subType"::text AS "subType", ${MINUTES} AS "durationMin", s."distanceKm", s."rpe", s."surface"::text AS "surface",
           sh."name" AS "shoeName", s."source"::text AS "source", s."notes", s."reviewReason", eb."name" AS "enteredBy"
    FROM "TrainingSession" s
    LEFT JOIN "Shoe" sh ON sh.id = s."shoeId"
    LEFT JOIN "User" eb ON eb.id = s."enteredById"
    WHERE ${where}
    ORDER BY ${orderClause(q)}
    LIMIT ${HISTORY_PAGE_SIZE} OFFSET ${(page - 1) * HISTORY_PAGE_SIZE}`;
  return rows.map((r) => {
    const when = sessionWhen({ localDate: r.localDate, startTime: r.startTime ? new Date(r.startTime) : null, timeZone: r.timeZone }, viewer.timeZone, "your", locale);
    return {
      id: r.id,
      date: when.date,
      startTime: when.time,
      countedNote: when.countedNote,
      type: r.type,
      subType: r.subType,
      durationMin: r.durationMin,
      distanceKm: r.distanceKm,
      rpe: r.rpe,
      loadAu: r.rpe == null ? null : Math.round(r.rpe * r.durationMin),
      surface: r.surface,
      shoeName: r.shoeName,
      source: r.source,
      notes: r.notes,
      reviewReason: r.reviewReason,
      enteredBy: r.enteredBy,
    };
  });
}

/**
 * One page of the viewer's own sessions with the filters, sort and page of `query`, and the totals of
 * every session the filters keep, its notes in `locale`. A page past the end answers with the last page.
 */
export async function listSessionHistory(viewer: Viewer, query: HistoryQuery, locale: Locale = "en"): Promise<SessionHistory> {
  const where = whereClause(viewer, query);
  // The page and the totals go out together; only a page past the end costs a second round trip.
  const [rows, [totals]] = await Promise.all([
    pageOf(viewer, query, where, query.page, locale),
    db().$queryRaw<{ sessions: number; distanceKm: number; durationMin: number }[]>`
      SELECT count(*)::int AS sessions, coalesce(sum(s."distanceKm"), 0)::float8 AS "distanceKm",
             coalesce(sum(${MINUTES}), 0)::float8 AS "durationMin"
      FROM "TrainingSession" s
      WHERE ${where}`,
  ]);
  const pageCount = Math.max(1, Math.ceil(totals.sessions / HISTORY_PAGE_SIZE));
  const page = Math.min(query.page, pageCount);
  return {
    rows: page === query.page ? rows : await pageOf(viewer, query, where, page, locale),
    page,
    pageCount,
    pageSize: HISTORY_PAGE_SIZE,
    totals,
  };
}
