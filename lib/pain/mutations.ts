import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import { ValidationError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { todayIn, toDbDate } from "@/lib/dates";
import { painReportSchema } from "@/lib/pain/schemas";
import { toEnginePainReport } from "@/lib/pain/queries";
import { triageOf, type PainTriage } from "@/lib/pain/triage";

/**
 * Stores one of the viewer's own back-pain reports and answers with its triage. Red flags reach the
 * coach through the engine's `red-flag` rule on the stored report, so nothing else is written here.
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
    return row;
  });
  return { id: created.id, triage: triageOf(toEnginePainReport({ ...data, localDate: data.date })) };
}
