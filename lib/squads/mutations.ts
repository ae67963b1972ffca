import "server-only";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit";
import { AppError, ConflictError, NotFoundError } from "@/lib/errors";
import { assertCoachOf, coachedSquadIds, isSquadOwner, type Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { acceptInvitationSchema } from "@/lib/accounts/schemas";
import { isUniqueViolation } from "@/lib/accounts/mutations";
import { createInvitationSchema, removeMemberSchema, revokeInvitationSchema } from "@/lib/squads/schemas";
import { hashToken, newToken } from "@/lib/tokens";
import { getRecentRemoval, UNDO_REMOVAL_MINUTES } from "@/lib/squads/queries";
import type { Prisma } from "@/lib/generated/prisma/client";

export const INVITATION_TTL_DAYS = 7;

export class InvitationUnusableError extends AppError {
  constructor(message = "This invitation link can no longer be used.") {
    super(message, "invitation_unusable", 410);
  }
}

/** Creates a single-use invitation; the token is returned once and only its hash is kept. */
export async function createInvitation(
  viewer: Viewer,
  input: unknown,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date; invitationId: string }> {
  const data = parseWith(createInvitationSchema, input);
  assertCoachOf(viewer, data.squadId);
  // Staff read every athlete's health data: only the head coach brings them in.
  if (data.role !== "ATHLETE" && !isSquadOwner(viewer, data.squadId)) {
    throw new AppError("Only the squad's head coach can invite assistant coaches and clinicians.", "forbidden", 403);
  }
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
  const invitation = await db().$transaction(async (tx) => {
    const created = await tx.invitation.create({
      data: {
        squadId: data.squadId,
        role: data.role,
        note: data.note,
        tokenHash: hashToken(token),
        createdById: viewer.id,
        expiresAt,
      },
      select: { id: true },
    });
    await recordAudit(
      { actorId: viewer.id, squadId: data.squadId, action: "invitation.create", entity: "Invitation", entityId: created.id },
      tx,
    );
    return created;
  });
  return { token, expiresAt, invitationId: invitation.id };
}

export async function revokeInvitation(viewer: Viewer, input: unknown): Promise<void> {
  const { invitationId } = parseWith(revokeInvitationSchema, input);
  const prisma = db();
  const invitation = await prisma.invitation.findFirst({
    where: { id: invitationId, squadId: { in: coachedSquadIds(viewer) } },
    select: { id: true, squadId: true },
  });
  if (!invitation) throw new NotFoundError("Invitation not found");
  await prisma.$transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { id: invitation.id, usedAt: null, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    await recordAudit(
      {
        actorId: viewer.id,
        squadId: invitation.squadId,
        action: "invitation.revoke",
        entity: "Invitation",
        entityId: invitation.id,
      },
      tx,
    );
  });
}

/**
 * Marks the invitation used inside the caller's transaction. The conditional update is what makes
 * a link single-use: of two concurrent accepts only one matches `usedAt: null`.
 */
async function claimInvitation(tx: Prisma.TransactionClient, token: string, userId: string | null, now: Date) {
  const invitation = await tx.invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    select: { id: true, squadId: true, role: true },
  });
  if (!invitation) throw new InvitationUnusableError();
  const claimed = await tx.invitation.updateMany({
    // A link to claim an athlete profile is used only by lib/managed-athletes, never to join as someone new.
    where: { id: invitation.id, usedAt: null, revokedAt: null, expiresAt: { gt: now }, claimUserId: null },
    data: { usedAt: now, usedById: userId },
  });
  if (claimed.count !== 1) throw new InvitationUnusableError();
  return invitation;
}

/** A new person accepts: creates the account and the membership, or nothing at all. */
export async function acceptInvitationAsNewUser(
  input: unknown,
  now = new Date(),
): Promise<{ userId: string; squadId: string; email: string }> {
  const data = parseWith(acceptInvitationSchema, input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db().$transaction(async (tx) => {
      const claimed = await claimInvitation(tx, data.token, null, now);
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, passwordHash },
        select: { id: true },
      });
      const invitation = await tx.invitation.update({
        where: { id: claimed.id },
        data: { usedById: user.id },
        select: { id: true, squadId: true, role: true },
      });
      await tx.membership.create({ data: { userId: user.id, squadId: invitation.squadId, role: invitation.role } });
      if (invitation.role === "ATHLETE") await tx.athleteProfile.create({ data: { userId: user.id } });
      await recordAudit(
        {
          actorId: user.id,
          squadId: invitation.squadId,
          subjectUserId: user.id,
          action: "invitation.accept",
          entity: "Invitation",
          entityId: invitation.id,
        },
        tx,
      );
      return { userId: user.id, squadId: invitation.squadId, email: data.email };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        "An account with this email already exists. Log in first, then open the invitation link again.",
        "email",
      );
    }
    throw error;
  }
}

/** A signed-in person accepts with their existing account. */
export async function acceptInvitationAsViewer(viewer: Viewer, token: string, now = new Date()) {
  try {
    return await db().$transaction(async (tx) => {
      const invitation = await claimInvitation(tx, token, viewer.id, now);
      await tx.membership.create({ data: { userId: viewer.id, squadId: invitation.squadId, role: invitation.role } });
      if (invitation.role === "ATHLETE") {
        await tx.athleteProfile.upsert({ where: { userId: viewer.id }, create: { userId: viewer.id }, update: {} });
      }
      await recordAudit(
        {
          actorId: viewer.id,
          squadId: invitation.squadId,
          subjectUserId: viewer.id,
          action: "invitation.accept",
          entity: "Invitation",
          entityId: invitation.id,
        },
        tx,
      );
      return { squadId: invitation.squadId, role: invitation.role };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("You are already a member of this squad.");
    throw error;
  }
}

/**
 * Removes an athlete (or, for the head coach, an assistant coach or clinician) from a squad; returns their
 * name, for the coach's confirmation. The person keeps their account and all their data (an athlete keeps
 * their profile, so their own pages still open with no squad); the squad's staff simply lose access to it.
 */
export async function removeMember(viewer: Viewer, input: unknown): Promise<{ name: string }> {
  const { squadId, userId } = parseWith(removeMemberSchema, input);
  assertCoachOf(viewer, squadId);
  const prisma = db();
  const membership = await prisma.membership.findFirst({
    where: { squadId, userId },
    select: { id: true, role: true, isOwner: true, thresholds: true, createdAt: true, user: { select: { name: true, hasLogin: true } } },
  });
  if (!membership) throw new NotFoundError("Member not found");
  // Removed, an athlete without a login would keep data that nobody could reach or delete.
  if (!membership.user.hasLogin) {
    throw new AppError(
      `${membership.user.name} has no login: delete them from their "Login and data" page instead, or send them a link to set up their login first.`,
      "conflict",
      409,
    );
  }
  if (membership.isOwner || userId === viewer.id) {
    throw new AppError("The head coach cannot be removed from the squad.", "forbidden", 403);
  }
  if (membership.role !== "ATHLETE" && !isSquadOwner(viewer, squadId)) {
    throw new AppError("Only the head coach can remove an assistant coach or a clinician.", "forbidden", 403);
  }
  await prisma.$transaction(async (tx) => {
    await tx.membership.delete({ where: { id: membership.id } });
    await recordAudit(
      {
        actorId: viewer.id,
        squadId,
        subjectUserId: userId,
        action: "squad.remove-member",
        // Enough to put the membership back as it was, should the coach undo the removal.
        meta: { role: membership.role, joinedAt: membership.createdAt.toISOString(), thresholds: membership.thresholds ?? null },
      },
      tx,
    );
  });
  return { name: membership.user.name };
}

/** Puts back a membership this viewer removed a few minutes ago, as it was. */
export async function undoRemoveMember(viewer: Viewer, input: unknown, now = new Date()): Promise<{ name: string }> {
  const { squadId, userId } = parseWith(removeMemberSchema, input);
  const removal = await getRecentRemoval(viewer, squadId, userId, now);
  if (!removal?.undoable) {
    throw new AppError(
      `This removal can no longer be undone (only within ${UNDO_REMOVAL_MINUTES} minutes). Send them a new invitation instead.`,
      "conflict",
      409,
    );
  }
  if (removal.role !== "ATHLETE" && !isSquadOwner(viewer, squadId)) {
    throw new AppError("Only the head coach can remove an assistant coach or a clinician.", "forbidden", 403);
  }
  try {
    await db().$transaction(async (tx) => {
      await tx.membership.create({
        data: { squadId, userId, role: removal.role, thresholds: removal.thresholds, createdAt: removal.joinedAt },
      });
      await recordAudit({ actorId: viewer.id, squadId, subjectUserId: userId, action: "squad.restore-member", meta: { role: removal.role } }, tx);
    });
  } catch (error) {
    if (isUniqueViolation(error)) return { name: removal.name };
    throw error;
  }
  return { name: removal.name };
}
