import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { AppError, NotFoundError } from "@/lib/errors";
import { assertCoachOf, isAthlete, isSquadOwner, type Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { todayIn, toDbDate } from "@/lib/dates";
import { squadWellnessSettingSchema, wellnessCheckInSchema } from "@/lib/wellness/schemas";
import { isWellnessOnFor } from "@/lib/wellness/queries";

export class WellnessOffError extends AppError {
  constructor() {
    super("The daily check-in is off: none of your squads uses it. Nothing was saved.", "wellness_off", 409);
  }
}

/**
 * Saves the viewer's check-in for today (their time zone). One per day: answering again the same day
 * replaces the earlier answer, and `replaced` says so. Refused when none of their squads has it on.
 */
export async function submitWellness(
  viewer: Viewer,
  input: unknown,
  now = new Date(),
): Promise<{ date: string; hooper: number; replaced: boolean }> {
  if (!isAthlete(viewer)) throw new NotFoundError("Page not found");
  const answers = parseWith(wellnessCheckInSchema, input);
  if (!(await isWellnessOnFor(viewer.id))) throw new WellnessOffError();
  const date = todayIn(viewer.timeZone, now);
  const hooper = answers.sleep + answers.fatigue + answers.soreness + answers.stress + answers.mood;
  const replaced = await db().$transaction(async (tx) => {
    const key = { userId: viewer.id, localDate: toDbDate(date) };
    const before = await tx.wellnessEntry.findUnique({ where: { userId_localDate: key }, select: { id: true } });
    const saved = await tx.wellnessEntry.upsert({
      where: { userId_localDate: key },
      create: { ...key, ...answers },
      update: { ...answers, enteredById: null },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: viewer.id,
        subjectUserId: viewer.id,
        action: before ? "wellness.replace" : "wellness.submit",
        entity: "WellnessEntry",
        entityId: saved.id,
        meta: { date, hooper, backStiffness: answers.backStiffness },
      },
      tx,
    );
    return before !== null;
  });
  return { date, hooper, replaced };
}

/** The head coach turns the squad's daily check-in on or off. */
export async function setSquadWellnessCheckIn(viewer: Viewer, input: unknown): Promise<{ enabled: boolean }> {
  const { squadId, enabled } = parseWith(squadWellnessSettingSchema, input);
  assertCoachOf(viewer, squadId);
  if (!isSquadOwner(viewer, squadId)) {
    throw new AppError("Only the squad's head coach can turn the daily check-in on or off.", "forbidden", 403);
  }
  await db().$transaction(async (tx) => {
    await tx.squad.update({ where: { id: squadId }, data: { wellnessCheckIn: enabled } });
    await recordAudit({ actorId: viewer.id, squadId, action: "squad.wellness-check-in", entity: "Squad", entityId: squadId, meta: { enabled } }, tx);
  });
  return { enabled };
}
