import "server-only";
import { z } from "zod";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { AppError, ValidationError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { verifyPassword } from "@/lib/auth/password";
import { recheckPassword, UNKNOWN_CLIENT, type PasswordClient } from "@/lib/auth/password-attempts";
import { parseWith } from "@/lib/forms";

export const deleteAccountSchema = z.object({
  password: z.string().min(1, "Enter your password").max(200),
  confirm: z.string().refine((v) => v.trim().toUpperCase() === "DELETE", "Type DELETE to confirm"),
});

/**
 * Deletes the account and everything it owns (sessions, reports, check-ins, profile, shoes, plans
 * made for it). The audit log keeps a row that the account was deleted, without its health data.
 * A coach who is the only coach of a squad with other members must hand it over first; a head coach
 * with assistants hands the squad to the longest-serving one.
 */
export async function deleteOwnAccount(viewer: Viewer, input: unknown, client: PasswordClient = UNKNOWN_CLIENT): Promise<void> {
  const data = parseWith(deleteAccountSchema, input);
  const prisma = db();
  const user = await prisma.user.findUnique({ where: { id: viewer.id }, select: { passwordHash: true } });
  if (!user || !(await recheckPassword(viewer.email, client, () => verifyPassword(user.passwordHash, data.password)))) {
    throw new ValidationError("Please correct the highlighted fields.", { password: ["That is not your password"] });
  }
  await prisma.$transaction(async (tx) => {
    const coached = await tx.membership.findMany({
      where: { userId: viewer.id, role: "COACH" },
      select: {
        squadId: true,
        isOwner: true,
        squad: { select: { name: true, memberships: { select: { id: true, userId: true, role: true }, orderBy: { createdAt: "asc" } } } },
      },
    });
    const emptySquads: string[] = [];
    const promotions: string[] = [];
    for (const m of coached) {
      const others = m.squad.memberships.filter((x) => x.userId !== viewer.id);
      const nextCoach = others.find((x) => x.role === "COACH");
      if (others.length === 0) emptySquads.push(m.squadId);
      else if (m.isOwner && nextCoach) promotions.push(nextCoach.id);
      else if (!nextCoach) {
        throw new AppError(
          `You are the only coach of ${m.squad.name}. Invite another coach or remove its members before deleting your account.`,
          "conflict",
          409,
        );
      }
    }
    await tx.squad.deleteMany({ where: { id: { in: emptySquads } } });
    // The longest-serving assistant becomes head coach, so someone can still manage the squad.
    await tx.membership.updateMany({ where: { id: { in: promotions } }, data: { isOwner: true } });
    // Alerts to staff about this athlete name them; the account's own alerts go with the user row.
    await tx.notification.deleteMany({ where: { athleteId: viewer.id } });
    await tx.user.delete({ where: { id: viewer.id } });
    await recordAudit({ actorId: null, subjectUserId: viewer.id, action: "account.delete", meta: { squadsDeleted: emptySquads.length } }, tx);
  });
}
