import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { toDbDate } from "@/lib/dates";
import { profileSchema } from "@/lib/profiles/schemas";

/** Athletes edit only their own profile; there is no id to pass, so there is none to guess. */
export async function updateOwnProfile(viewer: Viewer, input: unknown): Promise<void> {
  const data = parseWith(profileSchema, input);
  const values = { ...data, birthDate: data.birthDate ? toDbDate(data.birthDate) : null };
  await db().$transaction(async (tx) => {
    await tx.athleteProfile.upsert({
      where: { userId: viewer.id },
      create: { userId: viewer.id, ...values },
      update: values,
    });
    await recordAudit({ actorId: viewer.id, subjectUserId: viewer.id, action: "profile.update" }, tx);
  });
}
