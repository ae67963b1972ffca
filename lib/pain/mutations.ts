import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { ValidationError } from "@/lib/errors";
import { athleteOfSquad, type Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { addDays, todayIn, toDbDate } from "@/lib/dates";
import { evaluateFlags, SEVERE_PAIN_RULE, type EnginePainReport } from "@/lib/training-load";
import { painReportSchema } from "@/lib/pain/schemas";
import { toEnginePainReport } from "@/lib/pain/queries";
import { triageOf, type PainTriage } from "@/lib/pain/triage";
import { holdPlanForReport } from "@/lib/safety/mutations";
import { lockPlanHold, readReferralHistoryUnchecked } from "@/lib/safety/queries";
import { alertStaffOfReport, kickOutbox } from "@/lib/notifications/mutations";

/**
 * Stores one of the viewer's own back-pain reports and answers with its triage, in one transaction with
 * what the report sets off: a red-flag report holds the plan from its date on and alerts every coach and
 * clinician of the athlete's squads at once (as an emergency while any open referral is one); severe pain
 * without a red flag alerts them too. The athlete's plan-hold lock orders the report with clearances (a
 * clearance answers only the reports written before it). Email goes out after the commit and never fails
 * the save.
 */
export async function createPainReport(
  viewer: Viewer,
  input: unknown,
  now = new Date(),
): Promise<{ id: string; triage: PainTriage }> {
  return createPainReportOf(viewer, viewer, input, now);
}

/**
 * A coach or clinician of the athlete's squad reports back pain for the athlete (told at the track, on the
 * phone): the same form, triage, plan hold and alerts as the athlete's own report, stored as entered by them.
 */
export async function createPainReportForAthlete(
  viewer: Viewer,
  squadId: string,
  athleteId: string,
  input: unknown,
  now = new Date(),
): Promise<{ id: string; triage: PainTriage }> {
  const athlete = await athleteOfSquad(db(), viewer, squadId, athleteId, "staff");
  return createPainReportOf(viewer, athlete, input, now, squadId);
}

async function createPainReportOf(
  actor: Viewer,
  owner: { id: string; timeZone: string },
  input: unknown,
  now: Date,
  squadId?: string,
): Promise<{ id: string; triage: PainTriage }> {
  const byOther = actor.id !== owner.id;
  const data = parseWith(painReportSchema, input);
  if (data.date > todayIn(owner.timeZone, now)) {
    throw new ValidationError("Please correct the highlighted fields.", { date: ["This date is in the future"] });
  }
  // What this report says, whatever came before: the athlete is always told.
  const report = toEnginePainReport({ ...data, localDate: data.date });
  const triage = triageOf(report);
  const created = await db().$transaction(async (tx) => {
    const at = await lockPlanHold(tx, owner.id);
    const row = await tx.backPainReport.create({
      data: {
        userId: owner.id,
        localDate: toDbDate(data.date),
        reportedAt: now,
        createdAt: at,
        zone: data.zone,
        subArea: data.subArea,
        side: data.side,
        nrs: data.nrs,
        timing: data.timing,
        triggerPoint: data.triggerPoint,
        redFlags: data.redFlags,
        mechanical: data.mechanical,
        notes: data.notes,
        enteredById: byOther ? actor.id : null,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: actor.id,
        subjectUserId: owner.id,
        squadId,
        action: "pain.report",
        entity: "BackPainReport",
        entityId: row.id,
        // Symptom ids only: the audit log must not copy the athlete's free-text notes.
        meta: byOther ? { redFlags: data.redFlags, enteredFor: owner.id } : { redFlags: data.redFlags },
      },
      tx,
    );
    const history = await referralInputs(tx, owner.id, row.id, data.date);
    if (triage.level !== "none") {
      // The referral as it stands with this report: an emergency still open keeps the hold an emergency.
      const standing = triageOf(report, history);
      const emergency = triage.level === "emergency" || standing.level === "emergency";
      await holdPlanForReport(tx, { athleteId: owner.id, reportId: row.id, date: data.date, emergency });
      await alertStaffOfReport(tx, { athleteId: owner.id, reportId: row.id, kind: emergency ? "EMERGENCY" : "REFERRAL" });
    } else if (data.nrs >= SEVERE_PAIN_RULE.persistentNrs && isSeverePain(report, history)) {
      // Only a report that is itself part of the severe pain alerts: a mild one sent while an older 8/10 is
      // still in the window does not call the staff again.
      await alertStaffOfReport(tx, { athleteId: owner.id, reportId: row.id, kind: "SEVERE_PAIN" });
    }
    return row;
  });
  kickOutbox();
  return { id: created.id, triage };
}

/**
 * The engine's pain inputs around a report's day, the report itself left out: the four weeks before it,
 * the red-flag reports no clearance has ended however old, and the standing clearances.
 */
async function referralInputs(
  tx: Prisma.TransactionClient,
  athleteId: string,
  reportId: string,
  date: string,
): Promise<{ painReports: EnginePainReport[]; clearances: { date: string }[] }> {
  const from = addDays(date, -27);
  const [recent, referrals] = await Promise.all([
    tx.backPainReport.findMany({
      where: { userId: athleteId, id: { not: reportId }, localDate: { gte: toDbDate(from), lte: toDbDate(date) } },
      select: { localDate: true, zone: true, subArea: true, nrs: true, redFlags: true, mechanical: true },
      orderBy: [{ localDate: "asc" }, { reportedAt: "asc" }],
    }),
    readReferralHistoryUnchecked(tx, [athleteId], from),
  ]);
  const { openReports, clearances } = referrals.get(athleteId)!;
  return { painReports: [...openReports, ...recent].map(toEnginePainReport), clearances };
}

/** Whether the engine's `severe-back-pain` rule holds on the report's day, with the report and its history. */
function isSeverePain(report: EnginePainReport, history: { painReports: EnginePainReport[]; clearances: { date: string }[] }): boolean {
  return evaluateFlags({
    asOf: report.date,
    sessions: [],
    painReports: [...history.painReports, report],
    clearances: history.clearances,
  }).some((f) => f.id === "severe-back-pain");
}
