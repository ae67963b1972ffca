import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { assertCoachOf, type Viewer } from "@/lib/auth/permissions";
import { hashToken } from "@/lib/tokens";
import type { Prisma, Role } from "@/lib/generated/prisma/client";

export type InvitationStatus = "pending" | "used" | "expired" | "revoked";

export function invitationStatus(
  inv: { usedAt: Date | null; revokedAt: Date | null; expiresAt: Date },
  now = new Date(),
): InvitationStatus {
  if (inv.usedAt) return "used";
  if (inv.revokedAt) return "revoked";
  if (inv.expiresAt <= now) return "expired";
  return "pending";
}

export type SquadDetail = {
  id: string;
  name: string;
  isOwner: boolean;
  /** The squad asks its athletes for the daily wellness check-in. */
  wellnessCheckIn: boolean;
  /** `email` is null for an athlete kept without a login (their placeholder address is never shown). */
  members: { userId: string; name: string; email: string | null; hasLogin: boolean; role: Role; isOwner: boolean; joinedAt: Date }[];
  invitations: {
    id: string;
    role: Role;
    note: string | null;
    createdAt: Date;
    expiresAt: Date;
    status: InvitationStatus;
    usedBy: string | null;
    /** A link for an athlete kept without a login to set up their own. */
    claim: boolean;
  }[];
};

export async function getSquadForCoach(viewer: Viewer, squadId: string, now = new Date()): Promise<SquadDetail> {
  assertCoachOf(viewer, squadId);
  const squad = await db().squad.findUnique({
    where: { id: squadId },
    select: {
      id: true,
      name: true,
      wellnessCheckIn: true,
      memberships: {
        select: {
          role: true,
          isOwner: true,
          createdAt: true,
          user: { select: { id: true, name: true, email: true, hasLogin: true } },
        },
        orderBy: [{ role: "asc" }, { user: { name: "asc" } }],
      },
      invitations: {
        select: {
          id: true,
          role: true,
          note: true,
          createdAt: true,
          expiresAt: true,
          usedAt: true,
          revokedAt: true,
          claimUserId: true,
          usedBy: { select: { name: true } },
        },
        orderBy: { createdAt: "desc" },
        take: 50,
      },
    },
  });
  if (!squad) throw new NotFoundError("Squad not found");
  return {
    id: squad.id,
    name: squad.name,
    isOwner: viewer.memberships.some((m) => m.squadId === squadId && m.isOwner),
    wellnessCheckIn: squad.wellnessCheckIn,
    members: squad.memberships.map((m) => ({
      userId: m.user.id,
      name: m.user.name,
      email: m.user.hasLogin ? m.user.email : null,
      hasLogin: m.user.hasLogin,
      role: m.role,
      isOwner: m.isOwner,
      joinedAt: m.createdAt,
    })),
    invitations: squad.invitations.map((inv) => ({
      id: inv.id,
      role: inv.role,
      note: inv.note,
      createdAt: inv.createdAt,
      expiresAt: inv.expiresAt,
      status: invitationStatus(inv, now),
      usedBy: inv.usedBy?.name ?? null,
      claim: inv.claimUserId !== null,
    })),
  };
}

export type InvitationView =
  | { status: "pending"; squadName: string; role: Role; expiresAt: Date }
  | { status: "used" | "expired" | "revoked" | "unknown" }
  // A link to claim an athlete profile a coach keeps without a login: its own page handles it.
  | { status: "claim" };

/** What the invitation page may show about a token: nothing beyond the squad's name, and only while usable. */
export async function getInvitationByToken(token: string, now = new Date()): Promise<InvitationView> {
  if (token.length < 20 || token.length > 200) return { status: "unknown" };
  const inv = await db().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { role: true, expiresAt: true, usedAt: true, revokedAt: true, claimUserId: true, squad: { select: { name: true } } },
  });
  if (!inv) return { status: "unknown" };
  if (inv.claimUserId) return { status: "claim" };
  const status = invitationStatus(inv, now);
  if (status !== "pending") return { status };
  return { status, squadName: inv.squad.name, role: inv.role, expiresAt: inv.expiresAt };
}

/** How long after a removal its coach can still undo it. */
export const UNDO_REMOVAL_MINUTES = 15;

export type RecentRemoval = {
  name: string;
  /** Still within the undo window, and not back in the squad since. */
  undoable: boolean;
  role: Role;
  joinedAt?: Date;
  thresholds?: Prisma.InputJsonValue;
};

/**
 * This viewer's latest removal of `userId` from `squadId`, read from the audit log (which keeps the
 * membership's role, join date and thresholds); null when there is none or the person is back in the squad.
 */
export async function getRecentRemoval(viewer: Viewer, squadId: string, userId: string, now = new Date()): Promise<RecentRemoval | null> {
  assertCoachOf(viewer, squadId);
  const prisma = db();
  const entry = await prisma.auditLog.findFirst({
    where: { squadId, subjectUserId: userId, actorId: viewer.id, action: "squad.remove-member" },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, meta: true },
  });
  if (!entry) return null;
  const [member, user] = await Promise.all([
    prisma.membership.findFirst({ where: { squadId, userId }, select: { id: true } }),
    prisma.user.findFirst({ where: { id: userId }, select: { name: true } }),
  ]);
  if (member || !user) return null;
  const meta = entry.meta && typeof entry.meta === "object" && !Array.isArray(entry.meta) ? entry.meta : {};
  return {
    name: user.name,
    undoable: now.getTime() - entry.createdAt.getTime() <= UNDO_REMOVAL_MINUTES * 60_000,
    role: meta.role === "COACH" || meta.role === "CLINICIAN" ? meta.role : "ATHLETE",
    joinedAt: typeof meta.joinedAt === "string" ? new Date(meta.joinedAt) : undefined,
    thresholds: meta.thresholds && typeof meta.thresholds === "object" ? (meta.thresholds as Prisma.InputJsonValue) : undefined,
  };
}
