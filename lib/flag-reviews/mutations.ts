import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { assertCoachOfAthlete, type Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { getTrainingView } from "@/lib/athletes/training";
import { reviewFlagSchema } from "@/lib/flag-reviews/schemas";
import { toDbDate } from "@/lib/dates";

export class StaleFlagError extends AppError {
  constructor() {
    super("This flag is no longer active (the data changed since the page was loaded). Reload to see today's flags.", "stale_flag", 409);
  }
}

/**
 * Acknowledges or resolves one of an athlete's active flags with a note. Only a flag active right now
 * can be reviewed: ids and dates posted from a form are checked against the engine, not trusted.
 */
export async function reviewFlag(viewer: Viewer, input: unknown, now = new Date()): Promise<{ id: string }> {
  const data = parseWith(reviewFlagSchema, input);
  const prisma = db();
  await assertCoachOfAthlete(prisma, viewer, data.squadId, data.athleteId);
  const { flags } = await getTrainingView(viewer, data.athleteId, 1, now);
  if (!flags.some((f) => f.id === data.flagId && f.date === data.flagDate)) throw new StaleFlagError();
  return prisma.$transaction(async (tx) => {
    const created = await tx.flagAcknowledgement.create({
      data: {
        squadId: data.squadId,
        athleteId: data.athleteId,
        flagId: data.flagId,
        flagDate: toDbDate(data.flagDate),
        status: data.status,
        note: data.note || null,
        byUserId: viewer.id,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: viewer.id,
        squadId: data.squadId,
        subjectUserId: data.athleteId,
        action: data.status === "RESOLVED" ? "flag.resolve" : "flag.acknowledge",
        entity: "FlagAcknowledgement",
        entityId: created.id,
        meta: { flagId: data.flagId, flagDate: data.flagDate },
      },
      tx,
    );
    return created;
  });
}
