import "server-only";
import { db } from "@/lib/db";
import { AppError, NotFoundError } from "@/lib/errors";
import { assertCoachOfAthlete, type Viewer } from "@/lib/auth/permissions";
import { invitationStatus } from "@/lib/squads/queries";
import { hashToken } from "@/lib/tokens";

/**
 * The athlete, when the viewer coaches their squad and the athlete still has no login: NotFoundError for
 * anyone else, and a refusal once the athlete has claimed the profile (then only they act on their data).
 */
export async function assertManagedAthleteOf(viewer: Viewer, squadId: string, athleteId: string): Promise<{ id: string; name: string }> {
  const prisma = db();
  await assertCoachOfAthlete(prisma, viewer, squadId, athleteId);
  const athlete = await prisma.user.findUnique({ where: { id: athleteId }, select: { id: true, name: true, hasLogin: true } });
  if (!athlete) throw new NotFoundError("Athlete not found");
  if (athlete.hasLogin) {
    throw new AppError(`${athlete.name} has their own login now: only they can do this, from their settings.`, "forbidden", 403);
  }
  return { id: athlete.id, name: athlete.name };
}

export type AthleteLoginView = {
  athleteId: string;
  name: string;
  squadName: string;
  hasLogin: boolean;
  /** The expiry of the claim link still waiting to be used, if there is one. */
  pendingClaimExpiresAt: Date | null;
};

/** Whether an athlete of a squad the viewer coaches has a login, and their claim link's state. */
export async function getAthleteLogin(viewer: Viewer, squadId: string, athleteId: string, now = new Date()): Promise<AthleteLoginView> {
  const prisma = db();
  await assertCoachOfAthlete(prisma, viewer, squadId, athleteId);
  const athlete = await prisma.user.findUnique({
    where: { id: athleteId },
    select: {
      id: true,
      name: true,
      hasLogin: true,
      claimInvitations: {
        where: { squadId, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        orderBy: { createdAt: "desc" },
        take: 1,
        select: { expiresAt: true },
      },
    },
  });
  if (!athlete) throw new NotFoundError("Athlete not found");
  return {
    athleteId: athlete.id,
    name: athlete.name,
    squadName: viewer.memberships.find((m) => m.squadId === squadId)?.squadName ?? "Squad",
    hasLogin: athlete.hasLogin,
    pendingClaimExpiresAt: athlete.hasLogin ? null : (athlete.claimInvitations[0]?.expiresAt ?? null),
  };
}

export type ClaimView =
  | { status: "pending"; squadName: string; name: string; expiresAt: Date }
  | { status: "used" | "expired" | "revoked" | "unknown" };

/** What the claim page may show about a token: the squad's and the athlete's names, only while usable. */
export async function getClaimByToken(token: string, now = new Date()): Promise<ClaimView> {
  if (token.length < 20 || token.length > 200) return { status: "unknown" };
  const inv = await db().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: {
      expiresAt: true,
      usedAt: true,
      revokedAt: true,
      squad: { select: { name: true } },
      claimUser: { select: { name: true, hasLogin: true } },
    },
  });
  if (!inv?.claimUser) return { status: "unknown" };
  const status = invitationStatus(inv, now);
  if (status !== "pending") return { status };
  if (inv.claimUser.hasLogin) return { status: "used" };
  return { status, squadName: inv.squad.name, name: inv.claimUser.name, expiresAt: inv.expiresAt };
}
