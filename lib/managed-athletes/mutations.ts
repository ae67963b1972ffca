import "server-only";
import { randomUUID } from "node:crypto";
import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { recordAudit } from "@/lib/audit";
import { AppError, ConflictError, ValidationError } from "@/lib/errors";
import { assertCoachOf, type Viewer } from "@/lib/auth/permissions";
import { assertManagedAthleteOf } from "@/lib/managed-athletes/queries";
import { parseWith } from "@/lib/forms";
import { toDbDate } from "@/lib/dates";
import { isUniqueViolation } from "@/lib/accounts/mutations";
import { INVITATION_TTL_DAYS, InvitationUnusableError } from "@/lib/squads/mutations";
import { hashToken, newToken } from "@/lib/tokens";
import {
  claimProfileSchema,
  createManagedAthleteSchema,
  deleteManagedAthleteSchema,
  managedAthleteSchema,
  PLACEHOLDER_EMAIL_DOMAIN,
} from "@/lib/managed-athletes/schemas";

/**
 * A password hash no password verifies against: not an argon2 string, so verification fails at once (and
 * login never gets that far: lib/auth/credentials.ts refuses athletes without a login first).
 */
const NO_PASSWORD_HASH = "!";

/** An address that is unique (a random UUID) and can never receive mail; the claim form refuses its domain. */
const placeholderEmail = () => `no-login+${randomUUID()}@${PLACEHOLDER_EMAIL_DOMAIN}`;

/**
 * An athlete the coach keeps without a login: a user who cannot log in (placeholder email and password
 * hash), with a profile and a membership of the squad, in the coach's time zone and units until they claim it.
 */
export async function createManagedAthlete(viewer: Viewer, input: unknown): Promise<{ athleteId: string; name: string }> {
  const data = parseWith(createManagedAthleteSchema, input);
  assertCoachOf(viewer, data.squadId);
  return db().$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        email: placeholderEmail(),
        name: data.name,
        passwordHash: NO_PASSWORD_HASH,
        hasLogin: false,
        timeZone: viewer.timeZone,
        unitPreference: viewer.unitPreference,
        profile: {
          create: {
            birthDate: data.birthDate ? toDbDate(data.birthDate) : null,
            sex: data.sex,
            heightCm: data.heightCm,
            weightKg: data.weightKg,
          },
        },
        memberships: { create: { squadId: data.squadId, role: "ATHLETE" } },
      },
      select: { id: true, name: true },
    });
    await recordAudit(
      { actorId: viewer.id, squadId: data.squadId, subjectUserId: user.id, action: "athlete.create-managed", entity: "User", entityId: user.id },
      tx,
    );
    return { athleteId: user.id, name: user.name };
  });
}

/**
 * A single-use link with which the athlete sets up their own login for the profile. Only the newest link
 * works: earlier pending ones are revoked. The token is returned once and only its hash is kept.
 */
export async function createClaimInvitation(
  viewer: Viewer,
  input: unknown,
  now = new Date(),
): Promise<{ token: string; expiresAt: Date; invitationId: string }> {
  const { squadId, athleteId } = parseWith(managedAthleteSchema, input);
  const athlete = await assertManagedAthleteOf(viewer, squadId, athleteId);
  const token = newToken();
  const expiresAt = new Date(now.getTime() + INVITATION_TTL_DAYS * 86_400_000);
  const invitation = await db().$transaction(async (tx) => {
    await tx.invitation.updateMany({
      where: { claimUserId: athlete.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
      data: { revokedAt: now },
    });
    const created = await tx.invitation.create({
      data: {
        squadId,
        role: "ATHLETE",
        note: athlete.name,
        tokenHash: hashToken(token),
        createdById: viewer.id,
        claimUserId: athlete.id,
        expiresAt,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: viewer.id,
        squadId,
        subjectUserId: athlete.id,
        action: "invitation.create",
        entity: "Invitation",
        entityId: created.id,
        meta: { claim: true },
      },
      tx,
    );
    return created;
  });
  return { token, expiresAt, invitationId: invitation.id };
}

/**
 * The person behind a claim link becomes the athlete: the same user row takes their email, name and
 * password and can log in from then on, so every session, report and plan stays theirs. Both updates are
 * conditional (the link unused, the profile still without a login), so of two simultaneous claims, by
 * one link or two, exactly one succeeds and the other changes nothing.
 */
export async function claimProfile(input: unknown, now = new Date()): Promise<{ userId: string; email: string }> {
  const data = parseWith(claimProfileSchema, input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db().$transaction(async (tx) => {
      const invitation = await tx.invitation.findUnique({
        where: { tokenHash: hashToken(data.token) },
        select: { id: true, squadId: true, claimUserId: true },
      });
      if (!invitation?.claimUserId) throw new InvitationUnusableError();
      const userId = invitation.claimUserId;
      const used = await tx.invitation.updateMany({
        where: { id: invitation.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } },
        data: { usedAt: now, usedById: userId },
      });
      if (used.count !== 1) throw new InvitationUnusableError();
      const claimed = await tx.user.updateMany({
        where: { id: userId, hasLogin: false },
        data: { email: data.email, name: data.name, passwordHash, hasLogin: true },
      });
      if (claimed.count !== 1) throw new InvitationUnusableError();
      await tx.invitation.updateMany({ where: { claimUserId: userId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
      await recordAudit(
        { actorId: userId, squadId: invitation.squadId, subjectUserId: userId, action: "athlete.claim", entity: "Invitation", entityId: invitation.id },
        tx,
      );
      return { userId, email: data.email };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ConflictError(
        "An account with this email already exists: log in with it, or use another email here. This link only sets up a new login.",
        "email",
      );
    }
    throw error;
  }
}

/**
 * Deletes an athlete the coach keeps without a login, and everything recorded about them, as deleting
 * one's own account does. The coach types the athlete's name to confirm. Once the athlete has claimed
 * their profile only they can delete it; the delete is conditional, so a claim at the same moment wins.
 */
export async function deleteManagedAthlete(viewer: Viewer, input: unknown): Promise<{ name: string }> {
  const { squadId, athleteId, confirm } = parseWith(deleteManagedAthleteSchema, input);
  const athlete = await assertManagedAthleteOf(viewer, squadId, athleteId);
  if (confirm.toLocaleLowerCase() !== athlete.name.trim().toLocaleLowerCase()) {
    throw new ValidationError("Please correct the highlighted fields.", { confirm: [`That is not the athlete's name: type ${athlete.name}`] });
  }
  await db().$transaction(async (tx) => {
    // Alerts to staff about this athlete name them.
    await tx.notification.deleteMany({ where: { athleteId } });
    const deleted = await tx.user.deleteMany({ where: { id: athleteId, hasLogin: false } });
    if (deleted.count !== 1) {
      throw new AppError(`${athlete.name} has their own login now: only they can do this, from their settings.`, "forbidden", 403);
    }
    await recordAudit({ actorId: viewer.id, squadId, subjectUserId: athleteId, action: "account.delete", meta: { by: "coach" } }, tx);
  });
  return { name: athlete.name };
}
