import type { PrismaClient, Role } from "@/lib/generated/prisma/client";
import { NotFoundError } from "@/lib/errors";

export type ViewerMembership = { squadId: string; squadName: string; role: Role; isOwner: boolean };

export type Viewer = {
  id: string;
  email: string;
  name: string;
  timeZone: string;
  unitPreference: "KM" | "MI";
  memberships: ViewerMembership[];
};

/** Loads a viewer for a session; null when the user is gone or the session predates a password change. */
export async function loadViewer(
  prisma: PrismaClient,
  userId: string,
  sessionVersion: number,
): Promise<Viewer | null> {
  const user = await prisma.user.findUnique({
    where: { id: userId },
    select: {
      id: true,
      email: true,
      name: true,
      timeZone: true,
      unitPreference: true,
      sessionVersion: true,
      memberships: {
        select: { squadId: true, role: true, isOwner: true, squad: { select: { name: true } } },
        orderBy: { createdAt: "asc" },
      },
    },
  });
  if (!user || user.sessionVersion !== sessionVersion) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    timeZone: user.timeZone,
    unitPreference: user.unitPreference,
    memberships: user.memberships.map((m) => ({
      squadId: m.squadId,
      squadName: m.squad.name,
      role: m.role,
      isOwner: m.isOwner,
    })),
  };
}

export const isCoach = (viewer: Viewer) => viewer.memberships.some((m) => m.role === "COACH");
export const isAthlete = (viewer: Viewer) => viewer.memberships.some((m) => m.role === "ATHLETE");

export const coachedSquadIds = (viewer: Viewer) =>
  viewer.memberships.filter((m) => m.role === "COACH").map((m) => m.squadId);

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
  const membership = await prisma.membership.findFirst({
    where: { squadId, userId: athleteId, role: "ATHLETE" },
    select: { id: true },
  });
  if (!membership) throw new NotFoundError("Athlete not found");
}

/** Whether the viewer may read an athlete's data: their own, or an athlete in a squad they coach. */
export async function canViewAthlete(prisma: PrismaClient, viewer: Viewer, athleteId: string): Promise<boolean> {
  if (viewer.id === athleteId) return true;
  const squadIds = coachedSquadIds(viewer);
  if (squadIds.length === 0) return false;
  const found = await prisma.membership.findFirst({
    where: { userId: athleteId, role: "ATHLETE", squadId: { in: squadIds } },
    select: { id: true },
  });
  return found !== null;
}
