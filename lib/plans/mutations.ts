import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { assertCoachOfAthlete, coachedSquadIds, type Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { toDbDate } from "@/lib/dates";
import { movePlannedSessionSchema, plannedSessionSchema } from "@/lib/plans/schemas";
import { getPlanningView } from "@/lib/plans/planning";
import { suggestionToPlannedSession, type Suggestion } from "@/lib/training-load";

const MODE_FROM_ENGINE: Record<string, "CYCLING" | "SWIMMING" | "ELLIPTICAL" | "AQUA_JOGGING"> = {
  cycling: "CYCLING",
  swimming: "SWIMMING",
  elliptical: "ELLIPTICAL",
  "aqua-jogging": "AQUA_JOGGING",
};

export async function createPlannedSession(viewer: Viewer, squadId: string, athleteId: string, input: unknown) {
  const data = parseWith(plannedSessionSchema, input);
  await assertCoachOfAthlete(db(), viewer, squadId, athleteId);
  return db().$transaction(async (tx) => {
    const created = await tx.plannedSession.create({
      data: {
        squadId,
        athleteId,
        date: toDbDate(data.date),
        type: data.type,
        subType: data.subType,
        title: data.title,
        durationMin: data.durationMin,
        distanceKm: data.distanceKm,
        targetRpe: data.targetRpe,
        description: data.description,
        origin: "COACH",
        createdById: viewer.id,
      },
      select: { id: true },
    });
    await recordAudit({ actorId: viewer.id, squadId, subjectUserId: athleteId, action: "plan.add", entity: "PlannedSession", entityId: created.id }, tx);
    return created;
  });
}

/** A planned session of a squad the viewer coaches, or NotFoundError. */
async function findCoachedPlanned(viewer: Viewer, plannedId: string) {
  const row = await db().plannedSession.findFirst({
    where: { id: plannedId, squadId: { in: coachedSquadIds(viewer) } },
    select: { id: true, squadId: true, athleteId: true },
  });
  if (!row) throw new NotFoundError("Planned session not found");
  return row;
}

export async function movePlannedSession(viewer: Viewer, input: unknown): Promise<void> {
  const { plannedId, date } = parseWith(movePlannedSessionSchema, input);
  const row = await findCoachedPlanned(viewer, plannedId);
  await db().$transaction(async (tx) => {
    await tx.plannedSession.update({ where: { id: row.id }, data: { date: toDbDate(date) } });
    await recordAudit({ actorId: viewer.id, squadId: row.squadId, subjectUserId: row.athleteId, action: "plan.move", entity: "PlannedSession", entityId: row.id }, tx);
  });
}

export async function deletePlannedSession(viewer: Viewer, plannedId: string): Promise<void> {
  const row = await findCoachedPlanned(viewer, plannedId);
  await db().$transaction(async (tx) => {
    await tx.plannedSession.delete({ where: { id: row.id } });
    await recordAudit({ actorId: viewer.id, squadId: row.squadId, subjectUserId: row.athleteId, action: "plan.delete", entity: "PlannedSession", entityId: row.id }, tx);
  });
}

function describe(s: Suggestion): string | null {
  if (s.exercises?.length) return s.exercises.map((e) => e.name).join(", ");
  if (s.limits?.maxRunKm) return `Keep the run at or under ${s.limits.maxRunKm.toFixed(1)} km.`;
  return null;
}

/**
 * Adds one of the engine's current suggestions to the plan, looked up again on the server by its id,
 * so the session keeps the flag and reason that caused it and nothing in it comes from the form.
 */
export async function addSuggestedSession(viewer: Viewer, squadId: string, athleteId: string, suggestionId: string) {
  const view = await getPlanningView(viewer, squadId, athleteId);
  const suggestion = view.suggestions.find((s) => s.id === suggestionId);
  if (!suggestion) {
    throw new ValidationError("That suggestion no longer applies; the list has been refreshed.", {});
  }
  const session = suggestionToPlannedSession(suggestion, suggestion.id);
  if (!session) throw new ValidationError("This suggestion is advice, not a session to plan.", {});
  return db().$transaction(async (tx) => {
    // A substitution or a trimmed run takes the place of the planned run it names.
    if (suggestion.replacesSessionId) {
      await tx.plannedSession.deleteMany({ where: { id: suggestion.replacesSessionId, squadId, athleteId } });
    }
    const created = await tx.plannedSession.create({
      data: {
        squadId,
        athleteId,
        date: toDbDate(session.date),
        type: session.type,
        subType: suggestion.crossTrainingMode ? MODE_FROM_ENGINE[suggestion.crossTrainingMode] ?? "OTHER" : null,
        title: null,
        durationMin: session.durationMin,
        distanceKm: session.distanceKm ?? null,
        targetRpe: session.rpe ?? null,
        description: describe(suggestion),
        origin: "SUGGESTION",
        flagId: suggestion.flagId,
        reason: suggestion.reason,
        createdById: viewer.id,
      },
      select: { id: true },
    });
    await recordAudit(
      { actorId: viewer.id, squadId, subjectUserId: athleteId, action: "plan.add-suggestion", entity: "PlannedSession", entityId: created.id, meta: { flagId: suggestion.flagId } },
      tx,
    );
    return created;
  });
}
