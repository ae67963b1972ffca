import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { addDays, dateOnly } from "@/lib/dates";
import { rebuildDailyLoads } from "@/lib/sessions/daily-load";
import { translatorFor } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/config";
import { bulkChangeSchema, type BulkChange } from "@/lib/sessions/schemas";

/** Touched days closer than this are rebuilt as one range: fewer round trips, same totals. */
const MERGE_GAP_DAYS = 14;

/**
 * Sorted, merged day ranges covering `days` ("YYYY-MM-DD"): days at most `gap` days apart share a range.
 * Rebuilding the days in between is harmless (totals come from the sessions), and one range per cluster
 * keeps a change spread over years from rebuilding every day in between.
 */
export function dayRanges(days: Iterable<string>, gap = MERGE_GAP_DAYS): [string, string][] {
  const sorted = [...new Set(days)].sort();
  const ranges: [string, string][] = [];
  for (const day of sorted) {
    const last = ranges[ranges.length - 1];
    if (last && day <= addDays(last[1], gap)) last[1] = day;
    else ranges.push([day, day]);
  }
  return ranges;
}

type Target = { id: string; localDate: Date; type: string };

type Plan = {
  change: BulkChange;
  /** The viewer's own sessions among those named. */
  own: Target[];
  /** Those the change applies to: runs only for shoes and surfaces. */
  targets: Target[];
  shoeName: string | null;
};

async function planChange(tx: Pick<Prisma.TransactionClient, "trainingSession" | "shoe">, viewer: Viewer, change: BulkChange): Promise<Plan> {
  // Someone else's ids are treated as missing: they are neither changed nor counted, nor told apart.
  const own = await tx.trainingSession.findMany({
    where: { id: { in: change.ids }, userId: viewer.id },
    select: { id: true, localDate: true, type: true },
  });
  if (own.length === 0) throw new NotFoundError("None of the selected sessions was found: reload the page and try again.");
  const runsOnly = change.op === "shoe" || change.op === "surface";
  const targets = runsOnly ? own.filter((s) => s.type === "RUN") : own;
  if (targets.length === 0) {
    throw new ValidationError("None of the selected sessions is a run: shoes and surfaces are kept for runs.");
  }
  let shoeName: string | null = null;
  if (change.op === "shoe" && change.shoeId) {
    const shoe = await tx.shoe.findFirst({ where: { id: change.shoeId, userId: viewer.id }, select: { name: true } });
    if (!shoe) throw new ValidationError("Please correct the highlighted fields.", { shoeId: ["Choose one of your shoes"] });
    shoeName = shoe.name;
  }
  return { change, own, targets, shoeName };
}

/** The words of a bulk change in the reader's language: the question, its button and the outcome. */
function wording(plan: Plan, locale: Locale) {
  const t = translatorFor(locale, "sessions");
  const surfaces = translatorFor(locale, "sessionTypes");
  const { change, targets } = plan;
  const count = targets.length;
  const others = plan.own.length - count;
  const leftAlone = others > 0 ? t("q.leftAlone", { count: others }) : "";
  const surface = change.op === "surface" && change.surface ? surfaces(`surfaces.${change.surface}`) : "";
  const shoe = plan.shoeName ?? "";
  switch (change.op) {
    case "rpe":
      return { question: t("q.rpe", { rpe: change.rpe, count }), confirmLabel: t("confirm.sessions", { count }), outcome: t("done.rpe", { rpe: change.rpe, count }) };
    case "shoe":
      return change.shoeId
        ? { question: t("q.shoe", { shoe, count }) + leftAlone, confirmLabel: t("confirm.runs", { count }), outcome: t("done.shoe", { shoe, count }) }
        : { question: t("q.noShoe", { count }) + leftAlone, confirmLabel: t("confirm.runs", { count }), outcome: t("done.noShoe", { count }) };
    case "surface":
      return change.surface
        ? { question: t("q.surface", { surface, count }) + leftAlone, confirmLabel: t("confirm.runs", { count }), outcome: t("done.surface", { surface, count }) }
        : { question: t("q.noSurface", { count }) + leftAlone, confirmLabel: t("confirm.runs", { count }), outcome: t("done.noSurface", { count }) };
    case "delete":
      return { question: t("q.delete", { count }), confirmLabel: t("confirm.delete", { count }), outcome: t("done.delete", { count }) };
  }
}

/** Checks a bulk change and says what it would do, changing nothing. */
export async function previewBulkChange(
  viewer: Viewer,
  input: unknown,
  locale: Locale = "en",
): Promise<{ question: string; confirmLabel: string; count: number; change: BulkChange }> {
  const change = parseWith(bulkChangeSchema, input);
  const plan = await planChange(db(), viewer, change);
  const count = plan.targets.length;
  const { question, confirmLabel } = wording(plan, locale);
  // Only the sessions the change applies to go on to the confirmation: what it shows is what happens.
  return { question, confirmLabel, count, change: { ...change, ids: plan.targets.map((s) => s.id) } };
}

/**
 * Applies a bulk change to the viewer's own sessions among those named, in one transaction with the
 * daily totals of the touched days and an audit entry. Ids of other people's sessions change nothing.
 */
export async function applyBulkChange(viewer: Viewer, input: unknown, locale: Locale = "en"): Promise<{ message: string; count: number }> {
  const change = parseWith(bulkChangeSchema, input);
  return db().$transaction(
    async (tx) => {
      const plan = await planChange(tx, viewer, change);
      const ids = plan.targets.map((s) => s.id);
      const where = { id: { in: ids }, userId: viewer.id };
      // Sessions a coach entered: the coach sees that the athlete changed or deleted them.
      const entered = await tx.trainingSession.findMany({ where: { ...where, enteredById: { not: null } }, select: { id: true } });
      if (entered.length && change.op !== "delete") {
        await tx.trainingSession.updateMany({ where: { id: { in: entered.map((s) => s.id) } }, data: { athleteEditedAt: new Date() } });
      }
      if (change.op === "delete") await tx.trainingSession.deleteMany({ where });
      else if (change.op === "rpe") await tx.trainingSession.updateMany({ where, data: { rpe: change.rpe } });
      else if (change.op === "shoe") await tx.trainingSession.updateMany({ where, data: { shoeId: change.shoeId } });
      else await tx.trainingSession.updateMany({ where, data: { surface: change.surface } });
      // Shoes do not enter the daily totals; everything else here does.
      if (change.op !== "shoe") {
        for (const [from, to] of dayRanges(plan.targets.map((s) => dateOnly(s.localDate)))) {
          await rebuildDailyLoads(tx, viewer.id, from, to);
        }
      }
      const meta: Prisma.InputJsonObject =
        change.op === "delete"
          ? { count: ids.length }
          : { count: ids.length, field: change.op, value: change.op === "rpe" ? change.rpe : change.op === "shoe" ? change.shoeId : change.surface };
      await recordAudit(
        {
          actorId: viewer.id,
          subjectUserId: viewer.id,
          action: change.op === "delete" ? "session.bulk-delete" : "session.bulk-update",
          entity: "TrainingSession",
          meta,
        },
        tx,
      );
      if (change.op === "delete") {
        for (const s of entered) {
          await recordAudit({ actorId: viewer.id, subjectUserId: viewer.id, action: "session.delete", entity: "TrainingSession", entityId: s.id }, tx);
        }
      }
      return { message: wording(plan, locale).outcome, count: ids.length };
    },
    { timeout: 30_000 },
  );
}
