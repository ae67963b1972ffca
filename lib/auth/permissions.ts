import { cache } from "react";
import type { Prisma, PrismaClient, Role } from "@/lib/generated/prisma/client";
import { knownTimeZone } from "@/lib/dates";
import { NotFoundError } from "@/lib/errors";

export type ViewerMembership = { squadId: string; squadName: string; role: Role; isOwner: boolean };

export type Viewer = {
  id: string;
  email: string;
  name: string;
  timeZone: string;
  unitPreference: "KM" | "MI";
  /** The language the person chose ("en" or "es"), or null to follow their browser (lib/i18n/config.ts). */
  locale: string | null;
  memberships: ViewerMembership[];
  /** The session this viewer signed in with (absent for scripts and tests acting on someone's behalf). */
  sessionId?: string;
  /**
   * Whether the person has an athlete profile: every athlete has one from joining their first squad, and
   * keeps it (with all their data) when a squad removes them or they have none at the moment.
   */
  hasAthleteProfile: boolean;
};

/**
 * Loads the viewer behind a session cookie: null when the session row is gone (logged out, "log out
 * everywhere", password changed), expired, or belongs to someone else, or when the user is gone or is an
 * athlete kept by a coach without a login.
 * Every page and action starts here: one statement for the session row (a primary-key lookup), the
 * user, their memberships and squad names.
 */
export async function loadViewerForSession(prisma: PrismaClient, userId: string, sessionId: string): Promise<Viewer | null> {
  return queryViewer(prisma, userId, sessionId);
}

/** Loads a person as a viewer without a session (scripts and tests acting on their behalf). */
export async function loadViewer(prisma: PrismaClient, userId: string): Promise<Viewer | null> {
  return queryViewer(prisma, userId, null);
}

async function queryViewer(prisma: PrismaClient, userId: string, sessionId: string | null): Promise<Viewer | null> {
  const rows = await prisma.$queryRaw<
    {
      id: string;
      email: string;
      name: string;
      timeZone: string;
      unitPreference: Viewer["unitPreference"];
      locale: string | null;
      memberships: ViewerMembership[];
      hasAthleteProfile: boolean;
    }[]
  >`SELECT u."id", u."email", u."name", u."timeZone", u."unitPreference"::text AS "unitPreference", u."locale",
           EXISTS (SELECT 1 FROM "AthleteProfile" p WHERE p."userId" = u."id") AS "hasAthleteProfile",
           COALESCE(json_agg(json_build_object('squadId', m."squadId", 'squadName', s."name", 'role', m."role", 'isOwner', m."isOwner")
                             ORDER BY m."createdAt", m."id") FILTER (WHERE m."id" IS NOT NULL), '[]'::json) AS "memberships"
    FROM "User" u
    LEFT JOIN "Membership" m ON m."userId" = u."id"
    LEFT JOIN "Squad" s ON s."id" = m."squadId"
    WHERE u."id" = ${userId}
      AND (${sessionId}::text IS NULL OR (u."hasLogin" AND EXISTS (
        SELECT 1 FROM "AuthSession" a WHERE a."id" = ${sessionId}::text AND a."userId" = u."id" AND a."expiresAt" > now())))
    GROUP BY u."id"`;
  const user = rows[0];
  if (!user) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    // Written by the settings form as a zone the runtime knows; anything else stored reads as UTC.
    timeZone: knownTimeZone(user.timeZone),
    unitPreference: user.unitPreference,
    locale: user.locale,
    memberships: user.memberships,
    hasAthleteProfile: user.hasAthleteProfile,
    ...(sessionId ? { sessionId } : {}),
  };
}

export const isCoach = (viewer: Viewer) => viewer.memberships.some((m) => m.role === "COACH");
/**
 * Squad staff: coaches, and clinicians (physiotherapists, doctors) who read the squad's health data and
 * record clearances and comments, but never change plans, thresholds or membership.
 */
export const isStaffRole = (role: Role) => role === "COACH" || role === "CLINICIAN";
export const isStaff = (viewer: Viewer) => viewer.memberships.some((m) => isStaffRole(m.role));
/**
 * Athletes: members of a squad as athletes, and people who were and keep their own training data while in
 * no squad (removed, or between squads). Only their own pages open for them.
 */
export const isAthlete = (viewer: Viewer) => viewer.hasAthleteProfile || viewer.memberships.some((m) => m.role === "ATHLETE");
/** An athlete who is in no squad at the moment. */
export const isAthleteWithoutSquad = (viewer: Viewer) => isAthlete(viewer) && !viewer.memberships.some((m) => m.role === "ATHLETE");

export const coachedSquadIds = (viewer: Viewer) =>
  viewer.memberships.filter((m) => m.role === "COACH").map((m) => m.squadId);

export const staffSquadIds = (viewer: Viewer) =>
  viewer.memberships.filter((m) => isStaffRole(m.role)).map((m) => m.squadId);

/** Whether the viewer coaches the squad or is one of its clinicians. */
export function canStaffSquad(viewer: Viewer, squadId: string): boolean {
  return viewer.memberships.some((m) => m.squadId === squadId && isStaffRole(m.role));
}

/** Throws NotFoundError unless the viewer coaches the squad or is one of its clinicians. */
export function assertStaffOf(viewer: Viewer, squadId: string): void {
  if (!canStaffSquad(viewer, squadId)) throw new NotFoundError("Squad not found");
}

/** As assertCoachOfAthlete, for coaches and clinicians of the squad. */
export async function assertStaffOfAthlete(prisma: PrismaClient, viewer: Viewer, squadId: string, athleteId: string): Promise<void> {
  assertStaffOf(viewer, squadId);
  if (!(await isAthleteOf(prisma, squadId, athleteId))) throw new NotFoundError("Athlete not found");
}

export function canCoachSquad(viewer: Viewer, squadId: string): boolean {
  return viewer.memberships.some((m) => m.squadId === squadId && m.role === "COACH");
}

export function isSquadOwner(viewer: Viewer, squadId: string): boolean {
  return viewer.memberships.some((m) => m.squadId === squadId && m.role === "COACH" && m.isOwner);
}

/** Throws NotFoundError unless the viewer coaches the squad. */
export function assertCoachOf(viewer: Viewer, squadId: string): void {
  if (!canCoachSquad(viewer, squadId)) throw new NotFoundError("Squad not found");
}

/**
 * The athlete's membership in a squad the viewer coaches; NotFoundError when the viewer does not
 * coach that squad or the user is not an athlete in it, so either case looks the same from outside.
 */
export async function assertCoachOfAthlete(
  prisma: PrismaClient,
  viewer: Viewer,
  squadId: string,
  athleteId: string,
): Promise<void> {
  assertCoachOf(viewer, squadId);
  if (!(await isAthleteOf(prisma, squadId, athleteId))) throw new NotFoundError("Athlete not found");
}

/**
 * An athlete of a squad the viewer staffs (coaches only, or coaches and clinicians), as staff who put data
 * in for them need it: one read for the check and the athlete. NotFoundError as assertCoachOfAthlete.
 */
export async function athleteOfSquad(
  prisma: PrismaClient,
  viewer: Viewer,
  squadId: string,
  athleteId: string,
  who: "coach" | "staff",
): Promise<{ id: string; name: string; timeZone: string }> {
  if (who === "coach") assertCoachOf(viewer, squadId);
  else assertStaffOf(viewer, squadId);
  const membership = await prisma.membership.findFirst({
    where: { squadId, userId: athleteId, role: "ATHLETE" },
    select: { user: { select: { id: true, name: true, timeZone: true } } },
  });
  if (!membership) throw new NotFoundError("Athlete not found");
  return membership.user;
}

/** A squad a user is an athlete in, with what the athlete's pages show and the engine needs of it. */
export type AthleteSquad = {
  squadId: string;
  squadName: string;
  /** The athlete's own flag thresholds in this squad, and the squad's (both partial, validated on write). */
  athleteThresholds: Prisma.JsonObject | null;
  squadThresholds: Prisma.JsonObject | null;
  /** The squad's coaches' names, first to join first. */
  coaches: string[];
  /** The squad asks its athletes for the daily wellness check-in. */
  wellnessCheckIn: boolean;
};

/**
 * The squads a user is an athlete in, oldest membership first. Access checks read it, and so do the
 * summary and the training view, which need the squads' names, coaches and thresholds: one statement.
 * A page's queries each check access to the same athlete; React's cache() makes that one read per
 * request (outside a server render it does not keep anything). No action changes a membership after
 * reading it, so a request never sees a stale answer. Callers show it only after an access check.
 */
export const athleteSquads = cache(
  (prisma: PrismaClient, athleteId: string): Promise<AthleteSquad[]> => prisma.$queryRaw<AthleteSquad[]>`
    SELECT m."squadId", s."name" AS "squadName", m."thresholds" AS "athleteThresholds", s."thresholds" AS "squadThresholds", s."wellnessCheckIn",
           COALESCE((SELECT json_agg(cu."name" ORDER BY cm."createdAt", cm."id")
                     FROM "Membership" cm JOIN "User" cu ON cu."id" = cm."userId"
                     WHERE cm."squadId" = m."squadId" AND cm."role" = 'COACH'), '[]'::json) AS "coaches"
    FROM "Membership" m JOIN "Squad" s ON s."id" = m."squadId"
    WHERE m."userId" = ${athleteId} AND m."role" = 'ATHLETE'
    ORDER BY m."createdAt", m."id"`,
);

const isAthleteOf = async (prisma: PrismaClient, squadId: string, athleteId: string) =>
  (await athleteSquads(prisma, athleteId)).some((s) => s.squadId === squadId);

async function staffsAthlete(prisma: PrismaClient, viewer: Viewer, athleteId: string): Promise<boolean> {
  const squadIds = staffSquadIds(viewer);
  if (squadIds.length === 0) return false;
  return (await athleteSquads(prisma, athleteId)).some((s) => squadIds.includes(s.squadId));
}

/**
 * Whether the viewer may read an athlete's data: their own, or an athlete in a squad they coach or are a
 * clinician of. Reading only: every write checks the role it needs.
 */
export async function canViewAthlete(prisma: PrismaClient, viewer: Viewer, athleteId: string): Promise<boolean> {
  if (viewer.id === athleteId) return true;
  return staffsAthlete(prisma, viewer, athleteId);
}
