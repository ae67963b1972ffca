import "server-only";
import type { z } from "zod";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { assertCoachOf, assertCoachOfAthlete, coachedSquadIds, type Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { addDays, dateOnly, toDbDate } from "@/lib/dates";
import {
  applyTemplateSchema,
  copyWeekSchema,
  createTemplateSchema,
  movePlannedSessionSchema,
  plannedSessionSchema,
  saveWeekAsTemplateSchema,
  templateRefSchema,
  undoCopyWeekSchema,
  updatePlannedSessionSchema,
} from "@/lib/plans/schemas";
import { readTemplateSessions } from "@/lib/plans/queries";
import { lockPlanHold } from "@/lib/safety/queries";
import { expandTemplate, notYetPlanned, weekAsTemplate } from "@/lib/plans/templates";
import { getPlanningView } from "@/lib/plans/planning";
import { templateReasonParts } from "@/lib/plans/reason";
import { engineText, type EngineText } from "@/lib/i18n/engine-text";
import { currentLocale } from "@/lib/i18n/server";
import { trimRunsToCaps, type RunCaps, type TrimmedRun } from "@/lib/plans/run-caps";
import { suggestionToPlannedSession, type Suggestion } from "@/lib/training-load";

const MODE_FROM_ENGINE: Record<string, "CYCLING" | "SWIMMING" | "ELLIPTICAL" | "AQUA_JOGGING"> = {
  cycling: "CYCLING",
  swimming: "SWIMMING",
  elliptical: "ELLIPTICAL",
  "aqua-jogging": "AQUA_JOGGING",
};

/** The fields a coach types for a planned session, as stored. */
function typedFields(data: z.infer<typeof plannedSessionSchema>) {
  return {
    date: toDbDate(data.date),
    type: data.type,
    subType: data.subType,
    title: data.title,
    durationMin: data.durationMin,
    distanceKm: data.distanceKm,
    targetRpe: data.targetRpe,
    description: data.description,
    ...(data.steps === undefined ? {} : { steps: data.steps === null ? Prisma.DbNull : (data.steps as Prisma.InputJsonArray) }),
  };
}

export async function createPlannedSession(viewer: Viewer, squadId: string, athleteId: string, input: unknown) {
  const data = parseWith(plannedSessionSchema, input);
  await assertCoachOfAthlete(db(), viewer, squadId, athleteId);
  return db().$transaction(async (tx) => {
    const created = await tx.plannedSession.create({
      data: {
        squadId,
        athleteId,
        ...typedFields(data),
        origin: "COACH",
        createdById: viewer.id,
      },
      select: { id: true, holdId: true },
    });
    await recordAudit({ actorId: viewer.id, squadId, subjectUserId: athleteId, action: "plan.add", entity: "PlannedSession", entityId: created.id }, tx);
    // A session planned on a held day is held as it is written (see the PlanHold trigger).
    return { id: created.id, held: created.holdId !== null };
  });
}

/** A planned session of a squad the viewer coaches, or NotFoundError. */
async function findCoachedPlanned(viewer: Viewer, plannedId: string) {
  const row = await db().plannedSession.findFirst({
    where: { id: plannedId, squadId: { in: coachedSquadIds(viewer) } },
    select: { id: true, squadId: true, athleteId: true, date: true },
  });
  if (!row) throw new NotFoundError("Planned session not found");
  return row;
}

export const PLAN_HELD_MESSAGE =
  "This plan is on hold after a red-flag report: nothing can be moved or copied until a clinician's clearance is recorded and the plan released.";

/**
 * Refuses a change to an athlete's plan while a red-flag hold is active (not cleared, not released). Takes
 * the athlete's plan-hold lock first, so a hold written at the same moment is seen.
 */
async function assertPlanNotHeld(tx: Prisma.TransactionClient, athleteId: string): Promise<void> {
  await lockPlanHold(tx, athleteId);
  const active = await tx.planHold.findFirst({ where: { athleteId, clearanceId: null, releasedAt: null }, select: { id: true } });
  if (active) throw new ValidationError(PLAN_HELD_MESSAGE, {});
}

/**
 * Moves a planned session to another day (the date form and drag and drop both come here). A move to the
 * day it is already on changes nothing and records nothing. While the plan is held nothing moves.
 */
export async function movePlannedSession(viewer: Viewer, input: unknown): Promise<{ moved: boolean }> {
  const { plannedId, date } = parseWith(movePlannedSessionSchema, input);
  const row = await findCoachedPlanned(viewer, plannedId);
  if (dateOnly(row.date) === date) return { moved: false };
  await db().$transaction(async (tx) => {
    await assertPlanNotHeld(tx, row.athleteId);
    // A move replans the session: it leaves a cleared hold.
    await tx.plannedSession.update({ where: { id: row.id }, data: { date: toDbDate(date), holdId: null } });
    await recordAudit(
      {
        actorId: viewer.id,
        squadId: row.squadId,
        subjectUserId: row.athleteId,
        action: "plan.move",
        entity: "PlannedSession",
        entityId: row.id,
        meta: { from: dateOnly(row.date), to: date },
      },
      tx,
    );
  });
  return { moved: true };
}

export type CopyWeekResult = { copiedIds: string[]; alreadyThere: number; nextMonday: string };

/**
 * Copies what is planned for one athlete, in this squad, in the week that starts on `monday`, to the same
 * weekdays of the next week, in one transaction with its audit entry. Sessions already planned next week
 * stay: the copies go alongside them, and the answer says how many were there. Held sessions are not
 * copied, and nothing is copied while the plan is held.
 */
export async function copyWeekToNextWeek(viewer: Viewer, squadId: string, athleteId: string, input: unknown): Promise<CopyWeekResult> {
  const { monday } = parseWith(copyWeekSchema, input);
  await assertCoachOfAthlete(db(), viewer, squadId, athleteId);
  const nextMonday = addDays(monday, 7);
  return db().$transaction(async (tx) => {
    await assertPlanNotHeld(tx, athleteId);
    const source = await tx.plannedSession.findMany({
      where: { squadId, athleteId, holdId: null, date: { gte: toDbDate(monday), lte: toDbDate(addDays(monday, 6)) } },
      orderBy: [{ date: "asc" }, { createdAt: "asc" }],
      select: { date: true, type: true, subType: true, title: true, durationMin: true, distanceKm: true, targetRpe: true, surface: true, description: true, steps: true },
    });
    if (source.length === 0) {
      throw new ValidationError("Nothing is planned that week, so there is nothing to copy.", {});
    }
    const alreadyThere = await tx.plannedSession.count({
      where: { squadId, athleteId, date: { gte: toDbDate(nextMonday), lte: toDbDate(addDays(nextMonday, 6)) } },
    });
    const copiedIds: string[] = [];
    for (const s of source) {
      const created = await tx.plannedSession.create({
        data: {
          squadId,
          athleteId,
          date: toDbDate(addDays(dateOnly(s.date), 7)),
          type: s.type,
          subType: s.subType,
          title: s.title,
          durationMin: s.durationMin,
          distanceKm: s.distanceKm,
          targetRpe: s.targetRpe,
          surface: s.surface,
          description: s.description,
          steps: s.steps === null ? Prisma.DbNull : (s.steps as Prisma.InputJsonValue),
          origin: "COACH",
          createdById: viewer.id,
        },
        select: { id: true },
      });
      copiedIds.push(created.id);
    }
    await recordAudit(
      {
        actorId: viewer.id,
        squadId,
        subjectUserId: athleteId,
        action: "plan.copy-week",
        entity: "PlannedSession",
        meta: { fromWeek: monday, toWeek: nextMonday, sessions: copiedIds.length, alreadyThere },
      },
      tx,
    );
    return { copiedIds, alreadyThere, nextMonday };
  });
}

/**
 * Undoes a copy: removes the sessions it created that are still in this athlete's plan in this squad,
 * in one transaction with its audit entry. Ids outside that plan are ignored.
 */
export async function undoCopyWeek(viewer: Viewer, squadId: string, athleteId: string, input: unknown): Promise<{ removed: number }> {
  const { plannedIds } = parseWith(undoCopyWeekSchema, input);
  await assertCoachOfAthlete(db(), viewer, squadId, athleteId);
  return db().$transaction(async (tx) => {
    const { count } = await tx.plannedSession.deleteMany({ where: { id: { in: plannedIds }, squadId, athleteId } });
    if (count > 0) {
      await recordAudit(
        { actorId: viewer.id, squadId, subjectUserId: athleteId, action: "plan.copy-week-undo", entity: "PlannedSession", meta: { sessions: count } },
        tx,
      );
    }
    return { removed: count };
  });
}

/**
 * Changes every field a coach typed for a planned session. Where it came from (a suggestion with its
 * flag and reason, a template) stays recorded: the edit adjusts the session, not why it was planned.
 */
export async function updatePlannedSession(viewer: Viewer, input: unknown): Promise<{ id: string; date: string }> {
  const { plannedId, ...data } = parseWith(updatePlannedSessionSchema, input);
  const row = await findCoachedPlanned(viewer, plannedId);
  // A plan left behind by an athlete who has since left the squad is no longer theirs to follow.
  await assertCoachOfAthlete(db(), viewer, row.squadId, row.athleteId);
  await db().$transaction(async (tx) => {
    // An edit replans the session: it leaves a cleared hold; while a referral is open the hold trigger
    // holds it again.
    await tx.plannedSession.update({
      where: { id: row.id },
      data: { ...typedFields(data), holdId: null },
    });
    await recordAudit({ actorId: viewer.id, squadId: row.squadId, subjectUserId: row.athleteId, action: "plan.update", entity: "PlannedSession", entityId: row.id }, tx);
  });
  return { id: row.id, date: data.date };
}

export async function deletePlannedSession(viewer: Viewer, plannedId: string): Promise<void> {
  const row = await findCoachedPlanned(viewer, plannedId);
  await db().$transaction(async (tx) => {
    await tx.plannedSession.delete({ where: { id: row.id } });
    await recordAudit({ actorId: viewer.id, squadId: row.squadId, subjectUserId: row.athleteId, action: "plan.delete", entity: "PlannedSession", entityId: row.id }, tx);
  });
}

/**
 * The session's description, written once in the language of the person adding it (like any description
 * they type): the exercises, or a trimmed run's cap.
 */
function describe(s: Suggestion, words: EngineText): string | null {
  if (s.exercises?.length) return s.exercises.map((e) => words.exercise(e).name).join(", ");
  if (s.limits?.maxRunKm) return words.suggestionWords("keepRunUnder", { km: words.distance(s.limits.maxRunKm) });
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
  const words = engineText(await currentLocale());
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
        description: describe(suggestion, words),
        origin: "SUGGESTION",
        flagId: suggestion.flagId,
        // The English words for older readers and the audit trail; the parts for every reader's language.
        reason: engineText("en").suggestionReason(suggestion.reason),
        reasonParts: suggestion.reason as unknown as Prisma.InputJsonValue,
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

// ---------------------------------------------------------------- templates

export async function createPlanTemplate(viewer: Viewer, squadId: string, input: unknown): Promise<{ id: string; sessionCount: number }> {
  const data = parseWith(createTemplateSchema, input);
  assertCoachOf(viewer, squadId);
  return db().$transaction(async (tx) => {
    const created = await tx.planTemplate.create({ data: { squadId, name: data.name, sessions: data.sessions }, select: { id: true } });
    await recordAudit(
      { actorId: viewer.id, squadId, action: "plan.template-create", entity: "PlanTemplate", entityId: created.id, meta: { name: data.name, sessions: data.sessions.length } },
      tx,
    );
    return { id: created.id, sessionCount: data.sessions.length };
  });
}

/**
 * Replaces a template's name and sessions. Sessions already planned from it stay as they were: they are
 * the athletes' plans now, edited one by one.
 */
export async function updatePlanTemplate(viewer: Viewer, squadId: string, input: unknown): Promise<{ id: string; sessionCount: number }> {
  // Whose template it is comes first: an outsider learns nothing from a validation message.
  const { templateId } = parseWith(templateRefSchema, input);
  const template = await findSquadTemplate(viewer, squadId, templateId);
  const data = parseWith(createTemplateSchema, input);
  return db().$transaction(async (tx) => {
    await tx.planTemplate.update({ where: { id: template.id }, data: { name: data.name, sessions: data.sessions } });
    await recordAudit(
      {
        actorId: viewer.id,
        squadId,
        action: "plan.template-update",
        entity: "PlanTemplate",
        entityId: template.id,
        meta: { name: data.name, ...(data.name !== template.name ? { previousName: template.name } : {}), sessions: data.sessions.length },
      },
      tx,
    );
    return { id: template.id, sessionCount: data.sessions.length };
  });
}

/** A template made of what is planned for one athlete, in this squad, in the week that starts on `monday`. */
export async function saveWeekAsTemplate(viewer: Viewer, squadId: string, athleteId: string, input: unknown) {
  const { name, monday } = parseWith(saveWeekAsTemplateSchema, input);
  await assertCoachOfAthlete(db(), viewer, squadId, athleteId);
  const planned = await db().plannedSession.findMany({
    where: { squadId, athleteId, date: { gte: toDbDate(monday), lte: toDbDate(addDays(monday, 6)) } },
    orderBy: [{ date: "asc" }, { createdAt: "asc" }],
    select: { date: true, type: true, subType: true, durationMin: true, distanceKm: true, targetRpe: true, title: true },
  });
  const sessions = weekAsTemplate(planned.map((p) => ({ ...p, date: dateOnly(p.date) })), monday);
  if (sessions.length === 0) {
    throw new ValidationError("Nothing is planned that week, so there is nothing to save.", { monday: ["Nothing is planned that week"] });
  }
  return db().$transaction(async (tx) => {
    const created = await tx.planTemplate.create({ data: { squadId, name, sessions }, select: { id: true } });
    await recordAudit(
      {
        actorId: viewer.id,
        squadId,
        subjectUserId: athleteId,
        action: "plan.template-create",
        entity: "PlanTemplate",
        entityId: created.id,
        meta: { name, sessions: sessions.length, fromWeek: monday },
      },
      tx,
    );
    return { id: created.id, sessionCount: sessions.length };
  });
}

async function findSquadTemplate(viewer: Viewer, squadId: string, templateId: string) {
  assertCoachOf(viewer, squadId);
  const template = await db().planTemplate.findFirst({ where: { id: templateId, squadId }, select: { id: true, name: true, sessions: true } });
  if (!template) throw new NotFoundError("Template not found");
  return template;
}

export async function deletePlanTemplate(viewer: Viewer, squadId: string, input: unknown): Promise<void> {
  const { templateId } = parseWith(templateRefSchema, input);
  const template = await findSquadTemplate(viewer, squadId, templateId);
  await db().$transaction(async (tx) => {
    await tx.planTemplate.delete({ where: { id: template.id } });
    await recordAudit({ actorId: viewer.id, squadId, action: "plan.template-delete", entity: "PlanTemplate", entityId: template.id, meta: { name: template.name } }, tx);
  });
}

/**
 * Plans a template's sessions for several athletes of the squad from a Monday on, in one transaction:
 * every athlete gets each session of the template that is not already in their plan (see notYetPlanned)
 * or, on any problem, nobody gets anything.
 */
export async function applyPlanTemplate(
  viewer: Viewer,
  squadId: string,
  input: unknown,
): Promise<{ sessionsAdded: number; sessionsAlreadyPlanned: number; athleteCount: number; templateName: string }> {
  const data = parseWith(applyTemplateSchema, input);
  const template = await findSquadTemplate(viewer, squadId, data.templateId);
  const athleteIds = [...new Set(data.athleteIds)];
  const members = await db().membership.findMany({
    where: { squadId, role: "ATHLETE", userId: { in: athleteIds } },
    select: { userId: true },
  });
  if (members.length !== athleteIds.length) {
    throw new ValidationError("Choose only athletes of this squad; nothing was planned.", {
      athleteIds: ["Some of the chosen people are not athletes of this squad"],
    });
  }
  const sessions = expandTemplate(readTemplateSessions(template.sessions), data.startDate);
  if (sessions.length === 0) throw new ValidationError("This template has no sessions to plan.", { templateId: ["This template has no sessions"] });
  const reasonParts = templateReasonParts(template.name);
  const reason = engineText("en").suggestionReason(reasonParts);
  return db().$transaction(async (tx) => {
    // One apply at a time per squad, so two at once (a second coach, a second tab) cannot both find a
    // session missing and both add it.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`plan-template-apply:${squadId}`}))`;
    // What is already planned in this squad over the template's days is not planned again, so applying a
    // template twice, or over sessions planned by hand, does not double a week.
    const existing = await tx.plannedSession.findMany({
      where: { squadId, athleteId: { in: athleteIds }, date: { gte: toDbDate(sessions[0].date), lte: toDbDate(sessions[sessions.length - 1].date) } },
      select: { athleteId: true, date: true, type: true, subType: true, durationMin: true, distanceKm: true, targetRpe: true, title: true },
    });
    const toAdd = athleteIds.map((athleteId) => ({
      athleteId,
      sessions: notYetPlanned(
        sessions,
        existing.filter((p) => p.athleteId === athleteId).map((p) => ({ ...p, date: dateOnly(p.date) })),
      ),
    }));
    const { count } = await tx.plannedSession.createMany({
      data: toAdd.flatMap(({ athleteId, sessions: added }) =>
        added.map((s) => ({
          squadId,
          athleteId,
          date: toDbDate(s.date),
          type: s.type,
          subType: s.subType,
          title: s.title,
          durationMin: s.durationMin,
          distanceKm: s.distanceKm,
          targetRpe: s.targetRpe,
          origin: "TEMPLATE" as const,
          reason,
          reasonParts: reasonParts as unknown as Prisma.InputJsonValue,
          createdById: viewer.id,
        })),
      ),
    });
    for (const { athleteId, sessions: added } of toAdd) {
      if (added.length === 0) continue;
      await recordAudit(
        {
          actorId: viewer.id,
          squadId,
          subjectUserId: athleteId,
          action: "plan.template-apply",
          entity: "PlanTemplate",
          entityId: template.id,
          meta: { name: template.name, startDate: data.startDate, sessions: added.length },
        },
        tx,
      );
    }
    return {
      sessionsAdded: count,
      sessionsAlreadyPlanned: athleteIds.length * sessions.length - count,
      athleteCount: athleteIds.length,
      templateName: template.name,
    };
  });
}

// ---------------------------------------------------------------- caps

/** The caps of a suggestion that can be applied, without the ones it does not set. */
function capsOf(s: Suggestion): RunCaps {
  const caps: RunCaps = {};
  for (const key of ["maxRunKm", "maxWeekRunKm", "maxRunMin"] as const) {
    const value = s.limits?.[key];
    if (typeof value === "number" && Number.isFinite(value) && value > 0) caps[key] = value;
  }
  return caps;
}

/**
 * Applies the caps of one of the engine's current suggestions to this squad's plan: every planned run of
 * the next 7 days above a cap is shortened to it, distance and duration together (see trimRunsToCaps), in
 * one transaction with its audit entry. The suggestion is looked up again on the server by its id, so the
 * caps never come from the form; the days are the engine's (the 7 after today), so the plan ends where the
 * suggestion said.
 */
export async function applySuggestedCaps(
  viewer: Viewer,
  squadId: string,
  athleteId: string,
  suggestionId: string,
  now = new Date(),
): Promise<{ trimmed: TrimmedRun[] }> {
  const view = await getPlanningView(viewer, squadId, athleteId, now);
  const suggestion = view.suggestions.find((s) => s.id === suggestionId);
  if (!suggestion) {
    throw new ValidationError("That suggestion no longer applies; the list has been refreshed.", {});
  }
  const caps = capsOf(suggestion);
  if (Object.keys(caps).length === 0) throw new ValidationError("This suggestion sets no cap to apply to the plan.", {});
  const from = addDays(view.asOf, 1);
  const to = addDays(view.asOf, 7);
  return db().$transaction(async (tx) => {
    // One trim at a time per athlete: a double submit finds the runs already trimmed.
    await lockPlanHold(tx, athleteId);
    const runs = await tx.plannedSession.findMany({
      where: { squadId, athleteId, type: "RUN", date: { gte: toDbDate(from), lte: toDbDate(to) } },
      orderBy: [{ date: "asc" }, { createdAt: "asc" }],
      select: { id: true, date: true, distanceKm: true, durationMin: true },
    });
    const trimmed = trimRunsToCaps(
      runs.map((r) => ({ ...r, date: dateOnly(r.date) })),
      caps,
    );
    for (const t of trimmed) {
      await tx.plannedSession.update({ where: { id: t.id }, data: { distanceKm: t.toKm, durationMin: t.toMin } });
    }
    if (trimmed.length > 0) {
      await recordAudit(
        {
          actorId: viewer.id,
          squadId,
          subjectUserId: athleteId,
          action: "plan.apply-cap",
          entity: "PlannedSession",
          meta: { flagId: suggestion.flagId, caps, runs: trimmed },
        },
        tx,
      );
    }
    return { trimmed };
  });
}
