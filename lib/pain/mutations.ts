import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { ValidationError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { addDays, dateOnly, todayIn, toDbDate } from "@/lib/dates";
import { evaluateFlags } from "@/lib/training-load";
import { painReportSchema } from "@/lib/pain/schemas";
import { toEnginePainReport } from "@/lib/pain/queries";
import { triageOf, type PainTriage } from "@/lib/pain/triage";
import { holdPlanForReport } from "@/lib/safety/mutations";
import { alertStaffOfReport, kickOutbox } from "@/lib/notifications/mutations";

/**
 * Stores one of the viewer's own back-pain reports and answers with its triage, in one transaction with
 * what the report sets off: a red-flag report holds the plan from its date on and alerts every coach and
 * clinician of the athlete's squads at once (as an emergency for the emergency symptoms); severe pain
 * without a red flag alerts them too. Email goes out after the commit and never fails the save.
 */
export async function createPainReport(
  viewer: Viewer,
  input: unknown,
  now = new Date(),
): Promise<{ id: string; triage: PainTriage }> {
  const data = parseWith(painReportSchema, input);
  if (data.date > todayIn(viewer.timeZone, now)) {
    throw new ValidationError("Please correct the highlighted fields.", { date: ["This date is in the future"] });
  }
  const triage = triageOf(toEnginePainReport({ ...data, localDate: data.date }));
  const created = await db().$transaction(async (tx) => {
    const row = await tx.backPainReport.create({
      data: {
        userId: viewer.id,
        localDate: toDbDate(data.date),
        reportedAt: now,
        zone: data.zone,
        subArea: data.subArea,
        side: data.side,
        nrs: data.nrs,
        timing: data.timing,
        triggerPoint: data.triggerPoint,
        redFlags: data.redFlags,
        mechanical: data.mechanical,
        notes: data.notes,
      },
      select: { id: true },
    });
    await recordAudit(
      {
        actorId: viewer.id,
        subjectUserId: viewer.id,
        action: "pain.report",
        entity: "BackPainReport",
        entityId: row.id,
        // Symptom ids only: the audit log must not copy the athlete's free-text notes.
        meta: { redFlags: data.redFlags },
      },
      tx,
    );
    if (triage.level !== "none") {
      await holdPlanForReport(tx, { athleteId: viewer.id, reportId: row.id, date: data.date, emergency: triage.level === "emergency" });
      await alertStaffOfReport(tx, { athleteId: viewer.id, reportId: row.id, kind: triage.level === "emergency" ? "EMERGENCY" : "REFERRAL" });
    } else if (await isSeverePain(tx, viewer.id, data.date)) {
      await alertStaffOfReport(tx, { athleteId: viewer.id, reportId: row.id, kind: "SEVERE_PAIN" });
    }
    return row;
  });
  kickOutbox();
  return { id: created.id, triage };
}

/**
 * Whether the engine's `severe-back-pain` rule holds on the report's day, with the reports it reads (the
 * four weeks up to that day, the report just written included) and the athlete's clearances.
 */
async function isSeverePain(tx: Prisma.TransactionClient, athleteId: string, date: string): Promise<boolean> {
  const [reports, clearances] = await Promise.all([
    tx.backPainReport.findMany({
      where: { userId: athleteId, localDate: { gte: toDbDate(addDays(date, -27)), lte: toDbDate(date) } },
      select: { localDate: true, zone: true, subArea: true, nrs: true, redFlags: true, mechanical: true },
      orderBy: [{ localDate: "asc" }, { reportedAt: "asc" }],
    }),
    tx.clearance.findMany({ where: { userId: athleteId }, select: { clearedOn: true } }),
  ]);
  return evaluateFlags({
    asOf: date,
    sessions: [],
    painReports: reports.map(toEnginePainReport),
    clearances: clearances.map((c) => ({ date: dateOnly(c.clearedOn) })),
  }).some((f) => f.id === "severe-back-pain");
}
