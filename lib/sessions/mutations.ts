import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { athleteOfSquad, type Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { dateOnly, todayIn, toDbDate, zonedTimeToInstant } from "@/lib/dates";
import { sessionWhen } from "@/lib/sessions/display-time";
import { rebuildDailyLoads } from "@/lib/sessions/daily-load";
import { sessionFormSchema, shoeFormSchema, type SessionInput } from "@/lib/sessions/schemas";

/** The athlete a session is logged for: the viewer, or an athlete of a squad the viewer coaches. */
type SessionOwner = { id: string; timeZone: string };

async function checkSessionInput(tx: Prisma.TransactionClient, owner: SessionOwner, data: SessionInput, now: Date, ownShoes = true) {
  if (data.date > todayIn(owner.timeZone, now)) {
    throw new ValidationError("Please correct the highlighted fields.", {
      date: ["This date is in the future: plan it instead of logging it"],
    });
  }
  if (data.shoeId) {
    const shoe = await tx.shoe.findFirst({ where: { id: data.shoeId, userId: owner.id }, select: { retiredAt: true } });
    if (!shoe) {
      throw new ValidationError("Please correct the highlighted fields.", {
        shoeId: [ownShoes ? "Choose one of your shoes" : "Choose one of the athlete's shoes"],
      });
    }
  }
}

function sessionData(owner: SessionOwner, data: SessionInput) {
  return {
    localDate: toDbDate(data.date),
    startTime: data.startTime ? zonedTimeToInstant(data.date, data.startTime, owner.timeZone) : null,
    timeZone: data.startTime ? owner.timeZone : null,
    type: data.type,
    subType: data.subType,
    durationMin: data.durationMin,
    distanceKm: data.distanceKm,
    elevationGainM: data.elevationGainM,
    rpe: data.rpe,
    avgHr: data.avgHr,
    surface: data.surface,
    shoeId: data.shoeId,
    notes: data.notes,
  };
}

/** Logs one of the viewer's own sessions and refreshes that day's totals in the same transaction. */
export async function createSession(viewer: Viewer, input: unknown, now = new Date()): Promise<{ id: string }> {
  return createSessionOf(viewer, viewer, input, now);
}

/**
 * A coach logs a session for an athlete of their squad: the same form and rules as the athlete's own
 * (the athlete's calendar day and shoes), stored as entered by the coach and audited with both.
 */
export async function createSessionForAthlete(
  viewer: Viewer,
  squadId: string,
  athleteId: string,
  input: unknown,
  now = new Date(),
): Promise<{ id: string }> {
  const athlete = await athleteOfSquad(db(), viewer, squadId, athleteId, "coach");
  return createSessionOf(viewer, athlete, input, now, squadId);
}

async function createSessionOf(actor: Viewer, owner: SessionOwner, input: unknown, now: Date, squadId?: string): Promise<{ id: string }> {
  const data = parseWith(sessionFormSchema, input);
  const byOther = actor.id !== owner.id;
  return db().$transaction(async (tx) => {
    await checkSessionInput(tx, owner, data, now, !byOther);
    const created = await tx.trainingSession.create({
      data: { userId: owner.id, source: "MANUAL", enteredById: byOther ? actor.id : null, ...sessionData(owner, data) },
      select: { id: true },
    });
    await rebuildDailyLoads(tx, owner.id, data.date, data.date);
    await recordAudit(
      {
        actorId: actor.id,
        subjectUserId: owner.id,
        squadId,
        action: "session.create",
        entity: "TrainingSession",
        entityId: created.id,
        meta: byOther ? { enteredFor: owner.id } : undefined,
      },
      tx,
    );
    return created;
  });
}

export async function updateSession(viewer: Viewer, sessionId: string, input: unknown, now = new Date()): Promise<void> {
  const data = parseWith(sessionFormSchema, input);
  await db().$transaction(async (tx) => {
    const existing = await tx.trainingSession.findFirst({
      where: { id: sessionId, userId: viewer.id },
      select: { localDate: true, startTime: true, timeZone: true, durationMin: true, movingMin: true, enteredById: true },
    });
    if (!existing) throw new NotFoundError("Session not found");
    await checkSessionInput(tx, viewer, data, now);
    const before = dateOnly(existing.localDate);
    // The form shows the start in the viewer's zone, which after a move can be another day than the one the
    // session counts on; saved with that day and time unchanged, the session keeps its day, instant and zone.
    const shown = sessionWhen({ localDate: before, startTime: existing.startTime, timeZone: existing.timeZone }, viewer.timeZone);
    const sameStart = existing.startTime !== null && data.date === shown.date && data.startTime === shown.time;
    const fields = sessionData(viewer, data);
    const update = sameStart
      ? { ...fields, localDate: existing.localDate, startTime: existing.startTime, timeZone: existing.timeZone }
      : fields;
    // Saving the form is the athlete's word on the figures: a session marked for a look counts again.
    await tx.trainingSession.update({
      where: { id: sessionId },
      data: {
        ...update,
        ...timeFields(existing, data.durationMin),
        reviewReason: null,
        // The coach who entered it sees that the athlete changed it.
        ...(existing.enteredById ? { athleteEditedAt: now } : {}),
      },
    });
    const after = dateOnly(update.localDate);
    await rebuildDailyLoads(tx, viewer.id, before, before);
    if (before !== after) await rebuildDailyLoads(tx, viewer.id, after, after);
    await recordAudit(
      { actorId: viewer.id, subjectUserId: viewer.id, action: "session.update", entity: "TrainingSession", entityId: sessionId },
      tx,
    );
  });
}

/**
 * The stored times after an edit. The form's duration is the time that counts: for a session with a
 * recorded moving time that is the moving time, so an unchanged value (shown to the whole minute) keeps
 * both times as they were, and a new one replaces the moving time, the elapsed time staying at least as long.
 */
export function timeFields(existing: { durationMin: number; movingMin: number | null }, entered: number): { durationMin: number; movingMin: number | null } {
  if (existing.movingMin === null) return { durationMin: entered, movingMin: null };
  if (Math.round(existing.movingMin) === Math.round(entered)) return { durationMin: existing.durationMin, movingMin: existing.movingMin };
  return { durationMin: Math.max(existing.durationMin, entered), movingMin: entered };
}

/** The athlete says an imported session's figures, marked for a look, are right: it counts for load again. */
export async function confirmSessionFigures(viewer: Viewer, sessionId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const existing = await tx.trainingSession.findFirst({
      where: { id: sessionId, userId: viewer.id },
      select: { localDate: true, reviewReason: true },
    });
    if (!existing) throw new NotFoundError("Session not found");
    if (existing.reviewReason === null) return;
    await tx.trainingSession.update({ where: { id: sessionId }, data: { reviewReason: null } });
    const day = dateOnly(existing.localDate);
    await rebuildDailyLoads(tx, viewer.id, day, day);
    await recordAudit(
      {
        actorId: viewer.id,
        subjectUserId: viewer.id,
        action: "session.confirm",
        entity: "TrainingSession",
        entityId: sessionId,
        meta: { reviewReason: existing.reviewReason },
      },
      tx,
    );
  });
}

export async function deleteSession(viewer: Viewer, sessionId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    const existing = await tx.trainingSession.findFirst({
      where: { id: sessionId, userId: viewer.id },
      select: { localDate: true },
    });
    if (!existing) throw new NotFoundError("Session not found");
    await tx.trainingSession.delete({ where: { id: sessionId } });
    const day = dateOnly(existing.localDate);
    await rebuildDailyLoads(tx, viewer.id, day, day);
    await recordAudit(
      { actorId: viewer.id, subjectUserId: viewer.id, action: "session.delete", entity: "TrainingSession", entityId: sessionId },
      tx,
    );
  });
}

export async function createShoe(viewer: Viewer, input: unknown): Promise<{ id: string }> {
  const data = parseWith(shoeFormSchema, input);
  return db().shoe.create({
    data: { userId: viewer.id, ...data, startedOn: data.startedOn ? toDbDate(data.startedOn) : null },
    select: { id: true },
  });
}

/** Retires (or brings back) one of the viewer's shoes; retired shoes stop counting towards wear flags. */
export async function setShoeRetired(viewer: Viewer, shoeId: string, retired: boolean, now = new Date()): Promise<void> {
  const result = await db().shoe.updateMany({
    where: { id: shoeId, userId: viewer.id },
    data: { retiredAt: retired ? now : null },
  });
  if (result.count !== 1) throw new NotFoundError("Shoe not found");
}
