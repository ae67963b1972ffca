import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { ValidationError } from "@/lib/errors";
import { assertCoachOfAthlete, assertStaffOfAthlete, coachedSquadIds, type Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { formatDate, todayIn, toDbDate } from "@/lib/dates";
import type { Prisma } from "@/lib/generated/prisma/client";
import { clearanceSchema, releaseHoldSchema } from "@/lib/safety/schemas";
import { lockPlanHold, openReferralUnchecked } from "@/lib/safety/queries";
import { alertStaffOfClearance, kickOutbox, notifyAthlete } from "@/lib/notifications/mutations";

/**
 * Holds an athlete's plan from a red-flag report's date on, inside the transaction that stores the report
 * (which holds the athlete's plan-hold lock):
 * every planned session from that day, in every squad, is marked held (never deleted), and sessions planned
 * later on held days are held as they are written (database trigger `PlannedSession_hold`).
 */
export async function holdPlanForReport(
  tx: Prisma.TransactionClient,
  hold: { athleteId: string; reportId: string; date: string; emergency: boolean },
): Promise<{ holdId: string; heldSessions: number }> {
  const created = await tx.planHold.create({
    data: { athleteId: hold.athleteId, reportId: hold.reportId, startDate: toDbDate(hold.date), emergency: hold.emergency },
    select: { id: true },
  });
  const { count } = await tx.plannedSession.updateMany({
    where: { athleteId: hold.athleteId, date: { gte: toDbDate(hold.date) }, holdId: null },
    data: { holdId: created.id },
  });
  return { holdId: created.id, heldSessions: count };
}

/**
 * Records a clinician's clearance of an athlete after a red-flag report: who cleared them (name and kind),
 * on which day, and what was said. It ends every referral reported on or before that day (the engine's
 * `red-flag` rule reads the clearances) and marks their holds cleared; the held sessions stay held until a
 * coach releases them. Coaches and clinicians of the athlete's squad may record one; anyone else gets not
 * found. The athlete is told in their inbox.
 */
export async function recordClearance(viewer: Viewer, input: unknown, now = new Date()): Promise<{ id: string; holdsCleared: number }> {
  const data = parseWith(clearanceSchema, input);
  const prisma = db();
  await assertStaffOfAthlete(prisma, viewer, data.squadId, data.athleteId);
  const athlete = await prisma.user.findUniqueOrThrow({ where: { id: data.athleteId }, select: { timeZone: true } });
  if (data.clearedOn > todayIn(athlete.timeZone, now)) {
    throw new ValidationError("Please correct the highlighted fields.", { clearedOn: ["This date is in the future"] });
  }
  const result = await prisma.$transaction(async (tx) => {
    // Ordered with the athlete's reports: two staff clearing at once cannot both see the referral open, and a
    // report written meanwhile is either answered by this clearance or reopens the referral.
    const at = await lockPlanHold(tx, data.athleteId);
    const open = await openReferralUnchecked(tx, data.athleteId);
    if (!open) {
      throw new ValidationError("There is no open referral to clear: no red-flag report is waiting for a clearance.", {});
    }
    if (data.clearedOn < open.since) {
      throw new ValidationError("Please correct the highlighted fields.", {
        clearedOn: [`A clearance is dated on or after the report it answers (${formatDate(open.since)})`],
      });
    }
    // The emergency symptoms need a medical examination: only a doctor's clearance ends such a referral.
    if (open.emergency && data.clinicianKind !== "DOCTOR") {
      throw new ValidationError("Please correct the highlighted fields.", {
        clinicianKind: ["An emergency referral ends only with a doctor's clearance: record the doctor who examined the athlete"],
      });
    }
    const created = await tx.clearance.create({
      data: {
        createdAt: at,
        userId: data.athleteId,
        squadId: data.squadId,
        clearedOn: toDbDate(data.clearedOn),
        clinicianName: data.clinicianName,
        clinicianKind: data.clinicianKind,
        note: data.note,
        recordedById: viewer.id,
      },
      select: { id: true },
    });
    const { count } = await tx.planHold.updateMany({
      where: { athleteId: data.athleteId, clearanceId: null, releasedAt: null, startDate: { lte: toDbDate(data.clearedOn) } },
      data: { clearanceId: created.id },
    });
    await recordAudit(
      {
        actorId: viewer.id,
        squadId: data.squadId,
        subjectUserId: data.athleteId,
        action: "clearance.record",
        entity: "Clearance",
        entityId: created.id,
        // Who cleared and when; the note stays in the clearance itself.
        meta: { clearedOn: data.clearedOn, clinicianKind: data.clinicianKind, holdsCleared: count },
      },
      tx,
    );
    await notifyAthlete(tx, {
      athleteId: data.athleteId,
      kind: "CLEARANCE",
      squadId: data.squadId,
      entityId: created.id,
      link: "/athlete",
    });
    // The coaches release the held plan: they hear of the clearance at once.
    await alertStaffOfClearance(tx, { athleteId: data.athleteId, clearanceId: created.id, recordedById: viewer.id });
    return { id: created.id, holdsCleared: count };
  });
  kickOutbox();
  return result;
}

/**
 * Releases the held sessions of an athlete's cleared holds in the squads the coach coaches: one action
 * after a clearance. While a referral is still open nothing is released. A hold whose sessions are all
 * released (or replanned) is marked released.
 */
export async function releaseHeldPlan(viewer: Viewer, input: unknown, now = new Date()): Promise<{ released: number }> {
  const data = parseWith(releaseHoldSchema, input);
  const prisma = db();
  await assertCoachOfAthlete(prisma, viewer, data.squadId, data.athleteId);
  return prisma.$transaction(async (tx) => {
    await lockPlanHold(tx, data.athleteId);
    const holds = await tx.planHold.findMany({
      where: { athleteId: data.athleteId, releasedAt: null },
      select: { id: true, clearanceId: true },
    });
    if (holds.some((h) => h.clearanceId === null)) {
      throw new ValidationError("The plan stays on hold until a clinician's clearance is recorded.", {});
    }
    if (holds.length === 0) throw new ValidationError("Nothing in this plan is on hold.", {});
    const ids = holds.map((h) => h.id);
    const { count } = await tx.plannedSession.updateMany({
      where: { athleteId: data.athleteId, holdId: { in: ids }, squadId: { in: coachedSquadIds(viewer) } },
      data: { holdId: null },
    });
    // A hold ends once none of its sessions is held in a squad the athlete still belongs to.
    await tx.planHold.updateMany({
      where: {
        id: { in: ids },
        sessions: { none: { squad: { memberships: { some: { userId: data.athleteId, role: "ATHLETE" } } } } },
      },
      data: { releasedAt: now, releasedById: viewer.id },
    });
    await recordAudit(
      { actorId: viewer.id, squadId: data.squadId, subjectUserId: data.athleteId, action: "plan.release", entity: "PlanHold", meta: { sessions: count } },
      tx,
    );
    return { released: count };
  });
}
