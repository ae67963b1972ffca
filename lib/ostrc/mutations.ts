import "server-only";
import { db } from "@/lib/db";
import { recordAudit } from "@/lib/audit";
import type { Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { todayIn, toDbDate } from "@/lib/dates";
import { scoreOstrc } from "@/lib/training-load";
import { ostrcCheckInSchema, weekStartOf } from "@/lib/ostrc/schemas";
import type { OstrcAreaScore } from "@/lib/ostrc/queries";

/**
 * Saves the viewer's OSTRC-O2 answers for the current week (Monday-based, in their time zone), one row
 * per back area. Answering again in the same week replaces that week's answers.
 */
export async function submitOstrcCheckIn(
  viewer: Viewer,
  input: unknown,
  now = new Date(),
): Promise<{ weekStart: string; areas: OstrcAreaScore[] }> {
  const areas = parseWith(ostrcCheckInSchema, input).map((a) => ({ ...a, ...scoreOstrc(a) }));
  const today = todayIn(viewer.timeZone, now);
  const weekStart = weekStartOf(today);
  await db().$transaction(async (tx) => {
    for (const a of areas) {
      const answers = { q1: a.q1, q2: a.q2, q3: a.q3, q4: a.q4, severity: a.severity, substantial: a.substantial };
      await tx.ostrcResponse.upsert({
        where: { userId_weekStart_zone: { userId: viewer.id, weekStart: toDbDate(weekStart), zone: a.zone } },
        create: { userId: viewer.id, weekStart: toDbDate(weekStart), localDate: toDbDate(today), zone: a.zone, ...answers },
        update: { localDate: toDbDate(today), ...answers },
      });
    }
    await recordAudit(
      {
        actorId: viewer.id,
        subjectUserId: viewer.id,
        action: "ostrc.submit",
        entity: "OstrcResponse",
        meta: { weekStart, severity: Object.fromEntries(areas.map((a) => [a.zone, a.severity])) },
      },
      tx,
    );
  });
  return { weekStart, areas };
}
