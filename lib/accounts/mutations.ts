import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { hashPassword, verifyPassword } from "@/lib/auth/password";
import { recheckPassword, UNKNOWN_CLIENT, type PasswordClient } from "@/lib/auth/password-attempts";
import { closeAllSessions } from "@/lib/auth/sessions";
import { recordAudit } from "@/lib/audit";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { changePasswordSchema, preferencesSchema, signUpSchema } from "@/lib/accounts/schemas";

export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002";
}

/** A new coach account with its first squad, owned by the coach. */
export async function createCoachAccount(input: unknown): Promise<{ userId: string; squadId: string }> {
  const data = parseWith(signUpSchema, input);
  const passwordHash = await hashPassword(data.password);
  try {
    return await db().$transaction(async (tx) => {
      const user = await tx.user.create({
        data: { email: data.email, name: data.name, passwordHash },
        select: { id: true },
      });
      const squad = await tx.squad.create({
        data: {
          name: data.squadName,
          createdById: user.id,
          memberships: { create: { userId: user.id, role: "COACH", isOwner: true } },
        },
        select: { id: true },
      });
      await recordAudit({ actorId: user.id, squadId: squad.id, action: "account.signup" }, tx);
      return { userId: user.id, squadId: squad.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError("An account with this email already exists.", "email");
    throw error;
  }
}

/** Changes the password and ends every other session of the account. */
export async function changePassword(viewer: Viewer, input: unknown, client: PasswordClient = UNKNOWN_CLIENT): Promise<void> {
  const data = parseWith(changePasswordSchema, input);
  const prisma = db();
  const user = await prisma.user.findUnique({ where: { id: viewer.id }, select: { passwordHash: true } });
  if (!user) throw new NotFoundError();
  if (!(await recheckPassword(viewer.email, client, () => verifyPassword(user.passwordHash, data.currentPassword)))) {
    throw new ValidationError("Please correct the highlighted fields.", {
      currentPassword: ["That is not your current password"],
    });
  }
  const passwordHash = await hashPassword(data.newPassword);
  await prisma.$transaction(async (tx) => {
    await tx.user.update({ where: { id: viewer.id }, data: { passwordHash } });
    // Every session, this one included, was opened with the old password.
    await closeAllSessions(tx, viewer.id);
    await recordAudit({ actorId: viewer.id, subjectUserId: viewer.id, action: "account.password-changed" }, tx);
  });
}

export async function updatePreferences(viewer: Viewer, input: unknown): Promise<void> {
  const data = parseWith(preferencesSchema, input);
  await db().user.update({ where: { id: viewer.id }, data });
}

export async function createSquad(viewer: Viewer, input: unknown): Promise<{ squadId: string }> {
  const { squadName } = parseWith(signUpSchema.pick({ squadName: true }), input);
  const squad = await db().squad.create({
    data: {
      name: squadName,
      createdById: viewer.id,
      memberships: { create: { userId: viewer.id, role: "COACH", isOwner: true } },
    },
    select: { id: true },
  });
  await recordAudit({ actorId: viewer.id, squadId: squad.id, action: "squad.create" });
  return { squadId: squad.id };
}
