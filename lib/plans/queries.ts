import "server-only";
import { countsForLoad, loadMinutes } from "@/lib/sessions/daily-load";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { assertCoachOf, assertCoachOfAthlete, canViewAthlete, coachedSquadIds, staffSquadIds, type Viewer } from "@/lib/auth/permissions";
import { addDays, dateOnly, todayIn, toDbDate } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { buildCalendarGrid, type CalendarGrid, type CalendarView } from "@/lib/plans/calendar";
import { comparePlannedVsDone, type DoneForMatch, type PlanComparison } from "@/lib/plans/planned-vs-done";
import { storedTemplateSessionsSchema, type TemplateSession } from "@/lib/plans/schemas";
import { readWorkoutSteps } from "@/lib/plans/workout-schemas";
import type { WorkoutSteps } from "@/lib/plans/workout-steps";
import { readReasonParts } from "@/lib/plans/reason";
import type { EngineMessage } from "@/lib/training-load/types";

export type PlannedRow = {
  id: string;
  date: string;
  type: string;
  subType: string | null;
  title: string | null;
  durationMin: number;
  distanceKm: number | null;
  targetRpe: number | null;
  description: string | null;
  /** The structured workout, or null for a session described in words only. */
  steps: WorkoutSteps | null;
  origin: string;
  flagId: string | null;
  /** Why it was planned, in English (older rows have only this). */
  reason: string | null;
  /** Why it was planned, as engine message parts worded in the reader's language (lib/plans/reason.ts). */
  reasonParts: EngineMessage[] | null;
  squadName: string;
  updatedAt: Date;
  /** On hold after a red-flag report: shown as held everywhere (struck through, cancelled in calendars). */
  held: boolean;
};

/** A planned session with the ids a coach's calendar needs to link and match it. */
export type PlannedDetailRow = PlannedRow & { squadId: string; athleteId: string; completedSessionId: string | null };

const plannedSelect = {
  id: true,
  squadId: true,
  athleteId: true,
  date: true,
  type: true,
  subType: true,
  title: true,
  durationMin: true,
  distanceKm: true,
  targetRpe: true,
  description: true,
  steps: true,
  origin: true,
  flagId: true,
  reason: true,
  reasonParts: true,
  completedSessionId: true,
  updatedAt: true,
  holdId: true,
  squad: { select: { name: true } },
} as const;

async function findPlanned(where: Prisma.PlannedSessionWhereInput): Promise<PlannedDetailRow[]> {
  const rows = await db().plannedSession.findMany({
    where,
    orderBy: [{ date: "asc" }, { createdAt: "asc" }],
    select: plannedSelect,
  });
  return rows.map(({ squad, holdId, steps, reasonParts, ...r }) => ({
    ...r,
    reasonParts: readReasonParts(reasonParts),
    date: dateOnly(r.date),
    steps: readWorkoutSteps(steps),
    squadName: squad.name,
    held: holdId !== null,
  }));
}

/** Planned sessions of one athlete between two dates (both included), for the athlete or their coaches. */
export async function listPlannedSessions(viewer: Viewer, athleteId: string, from: string, to: string): Promise<PlannedDetailRow[]> {
  const prisma = db();
  if (!(await canViewAthlete(prisma, viewer, athleteId))) throw new NotFoundError("Athlete not found");
  return listPlannedSessionsUnchecked(athleteId, from, to, viewer.id === athleteId ? undefined : staffSquadIds(viewer));
}

/**
 * The same read for callers that proved access another way (the calendar feed's secret token).
 * `squadIds` narrows to squads a coach shares with the athlete.
 */
export async function listPlannedSessionsUnchecked(
  athleteId: string,
  from: string,
  to: string,
  squadIds?: string[],
): Promise<PlannedDetailRow[]> {
  return findPlanned({
    athleteId,
    date: { gte: toDbDate(from), lte: toDbDate(to) },
    ...(squadIds ? { squadId: { in: squadIds } } : {}),
    // Plans of squads the athlete has left are no longer theirs to follow.
    squad: { memberships: { some: { userId: athleteId, role: "ATHLETE" } } },
  });
}

/**
 * One planned session of an athlete, for callers that proved access another way (an export route that
 * checked the viewer); the same squad rules as listPlannedSessionsUnchecked.
 */
export async function getPlannedSessionUnchecked(athleteId: string, plannedId: string, squadIds?: string[]): Promise<PlannedDetailRow | null> {
  const [row] = await findPlanned({
    id: plannedId,
    athleteId,
    ...(squadIds ? { squadId: { in: squadIds } } : {}),
    squad: { memberships: { some: { userId: athleteId, role: "ATHLETE" } } },
  });
  return row ?? null;
}

// ---------------------------------------------------------------- calendars and planned vs done

export type DoneRow = DoneForMatch & { athleteId: string };

/** Sessions done by some athletes between two dates (both included). */
async function readDone(athleteIds: string[], from: string, to: string): Promise<DoneRow[]> {
  if (athleteIds.length === 0 || from > to) return [];
  const sessions = await db().trainingSession.findMany({
    where: { userId: { in: athleteIds }, localDate: { gte: toDbDate(from), lte: toDbDate(to) }, ...countsForLoad },
    orderBy: [{ localDate: "asc" }, { startTime: "asc" }, { createdAt: "asc" }],
    select: { id: true, userId: true, localDate: true, type: true, subType: true, durationMin: true, movingMin: true, distanceKm: true, rpe: true },
  });
  return sessions.map((s) => ({
    id: s.id,
    athleteId: s.userId,
    date: dateOnly(s.localDate),
    type: s.type,
    subType: s.subType,
    durationMin: loadMinutes(s),
    distanceKm: s.distanceKm,
    rpe: s.rpe,
  }));
}

export type AthleteCalendar = {
  athlete: { id: string; name: string };
  /** Today in the athlete's time zone: days up to it show what was done. */
  today: string;
  grid: CalendarGrid;
  planned: PlannedDetailRow[];
  done: DoneRow[];
  comparison: PlanComparison;
};

/**
 * One athlete's plan for a week or a month as its coach sees it: the planned sessions of every squad
 * the coach shares with the athlete, what was done on the days up to today, and planned against done.
 */
export async function getAthleteCalendar(
  viewer: Viewer,
  squadId: string,
  athleteId: string,
  period: { view: CalendarView; start: string },
  now = new Date(),
): Promise<AthleteCalendar> {
  const prisma = db();
  await assertCoachOfAthlete(prisma, viewer, squadId, athleteId);
  const user = await prisma.user.findUnique({ where: { id: athleteId }, select: { id: true, name: true, timeZone: true } });
  if (!user) throw new NotFoundError("Athlete not found");
  const today = todayIn(user.timeZone, now);
  const grid = buildCalendarGrid(period.view, period.start);
  const lastDone = grid.lastShown < today ? grid.lastShown : today;
  const [planned, done] = await Promise.all([
    listPlannedSessionsUnchecked(athleteId, grid.firstShown, grid.lastShown, coachedSquadIds(viewer)),
    readDone([athleteId], grid.firstShown, lastDone),
  ]);
  return {
    athlete: { id: user.id, name: user.name },
    today,
    grid,
    planned,
    done,
    comparison: comparePlannedVsDone({ from: grid.firstShown, to: grid.lastShown, today, planned, done }),
  };
}

export type WeekCopyPreview = {
  /** Sessions of the week that a copy would create again next week (held ones are not copied). */
  toCopy: number;
  /** Sessions already planned next week, which stay alongside the copies. */
  alreadyThere: number;
  /** An active red-flag hold: nothing can be copied until it is cleared and released. */
  held: boolean;
};

/** What "Copy this week to next week" would do for one athlete of a squad the viewer coaches. */
export async function getWeekCopyPreview(viewer: Viewer, squadId: string, athleteId: string, monday: string): Promise<WeekCopyPreview> {
  const prisma = db();
  await assertCoachOfAthlete(prisma, viewer, squadId, athleteId);
  const week = (from: string) => ({ gte: toDbDate(from), lte: toDbDate(addDays(from, 6)) });
  const [toCopy, alreadyThere, hold] = await Promise.all([
    prisma.plannedSession.count({ where: { squadId, athleteId, holdId: null, date: week(monday) } }),
    prisma.plannedSession.count({ where: { squadId, athleteId, date: week(addDays(monday, 7)) } }),
    prisma.planHold.findFirst({ where: { athleteId, clearanceId: null, releasedAt: null }, select: { id: true } }),
  ]);
  return { toCopy, alreadyThere, held: hold !== null };
}

export type SquadWeekRow = {
  athlete: { id: string; name: string };
  today: string;
  planned: PlannedDetailRow[];
  done: DoneRow[];
  comparison: PlanComparison;
};

export type SquadWeek = { squad: { id: string; name: string }; grid: CalendarGrid; rows: SquadWeekRow[] };

/** A squad's week: each athlete's planned sessions of this squad, and what each did up to their today. */
export async function getSquadWeek(viewer: Viewer, squadId: string, start: string, now = new Date()): Promise<SquadWeek> {
  assertCoachOf(viewer, squadId);
  const prisma = db();
  const squad = await prisma.squad.findUnique({
    where: { id: squadId },
    select: {
      id: true,
      name: true,
      memberships: {
        where: { role: "ATHLETE" },
        orderBy: { user: { name: "asc" } },
        select: { user: { select: { id: true, name: true, timeZone: true } } },
      },
    },
  });
  if (!squad) throw new NotFoundError("Squad not found");
  const grid = buildCalendarGrid("week", start);
  const athletes = squad.memberships.map((m) => m.user);
  const ids = athletes.map((a) => a.id);
  const [planned, done] = await Promise.all([
    ids.length ? findPlanned({ squadId, athleteId: { in: ids }, date: { gte: toDbDate(grid.start), lte: toDbDate(grid.end) } }) : [],
    readDone(ids, grid.start, grid.end),
  ]);
  return {
    squad: { id: squad.id, name: squad.name },
    grid,
    rows: athletes.map((a) => {
      const today = todayIn(a.timeZone, now);
      const mine = planned.filter((p) => p.athleteId === a.id);
      const sessions = done.filter((d) => d.athleteId === a.id && d.date <= today);
      return {
        athlete: { id: a.id, name: a.name },
        today,
        planned: mine,
        done: sessions,
        comparison: comparePlannedVsDone({ from: grid.start, to: grid.end, today, planned: mine, done: sessions }),
      };
    }),
  };
}

/** A planned session the viewer may edit, reached through one athlete of one squad they coach. */
export async function getPlannedSessionForEdit(viewer: Viewer, squadId: string, athleteId: string, plannedId: string) {
  const prisma = db();
  await assertCoachOfAthlete(prisma, viewer, squadId, athleteId);
  const [row] = await findPlanned({ id: plannedId, athleteId, squadId: { in: coachedSquadIds(viewer) } });
  if (!row) throw new NotFoundError("Planned session not found");
  const athlete = await prisma.user.findUniqueOrThrow({ where: { id: athleteId }, select: { name: true } });
  return { planned: row, athleteName: athlete.name };
}

// ---------------------------------------------------------------- templates

export type PlanTemplateRow = { id: string; name: string; createdAt: Date; sessions: TemplateSession[] };

/** A stored template's sessions; rows written before a rule changed are dropped rather than break the page. */
export function readTemplateSessions(value: Prisma.JsonValue): TemplateSession[] {
  const parsed = storedTemplateSessionsSchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

export async function listPlanTemplates(viewer: Viewer, squadId: string): Promise<PlanTemplateRow[]> {
  assertCoachOf(viewer, squadId);
  const rows = await db().planTemplate.findMany({
    where: { squadId },
    orderBy: [{ name: "asc" }, { createdAt: "asc" }],
    select: { id: true, name: true, createdAt: true, sessions: true },
  });
  return rows.map((r) => ({ ...r, sessions: readTemplateSessions(r.sessions) }));
}

/** One template of the squad, for editing; NotFoundError unless the viewer coaches the squad it belongs to. */
export async function getPlanTemplate(viewer: Viewer, squadId: string, templateId: string): Promise<PlanTemplateRow & { squadName: string }> {
  assertCoachOf(viewer, squadId);
  const row = await db().planTemplate.findFirst({
    where: { id: templateId, squadId },
    select: { id: true, name: true, createdAt: true, sessions: true, squad: { select: { name: true } } },
  });
  if (!row) throw new NotFoundError("Template not found");
  return { id: row.id, name: row.name, createdAt: row.createdAt, sessions: readTemplateSessions(row.sessions), squadName: row.squad.name };
}

/** The squad's name and athletes, for choosing whom a template applies to. */
export async function listSquadAthletesForPlanning(viewer: Viewer, squadId: string) {
  assertCoachOf(viewer, squadId);
  const squad = await db().squad.findUnique({
    where: { id: squadId },
    select: {
      id: true,
      name: true,
      memberships: { where: { role: "ATHLETE" }, orderBy: { user: { name: "asc" } }, select: { user: { select: { id: true, name: true } } } },
    },
  });
  if (!squad) throw new NotFoundError("Squad not found");
  return { squad: { id: squad.id, name: squad.name }, athletes: squad.memberships.map((m) => m.user) };
}
