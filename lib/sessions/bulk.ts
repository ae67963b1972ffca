import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { addDays, dateOnly } from "@/lib/dates";
import { rebuildDailyLoads } from "@/lib/sessions/daily-load";
import { SURFACE_LABELS } from "@/lib/sessions/labels";
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

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

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

function leftAlone(plan: Plan): string {
  const others = plan.own.length - plan.targets.length;
  return others > 0 ? ` ${plural(others, "other selected session")} ${others === 1 ? "is not a run and stays" : "are not runs and stay"} as ${others === 1 ? "it is" : "they are"}.` : "";
}

/** The question the page asks before the change: what changes, on how many sessions. */
function question(plan: Plan): string {
  const { change, targets } = plan;
  switch (change.op) {
    case "rpe":
      return `Set RPE ${change.rpe} on ${plural(targets.length, "session")}?`;
    case "shoe":
      return (change.shoeId ? `Set the shoe “${plan.shoeName}” on ${plural(targets.length, "run")}?` : `Remove the shoe from ${plural(targets.length, "run")}?`) + leftAlone(plan);
    case "surface":
      return (change.surface ? `Set the surface ${SURFACE_LABELS[change.surface]} on ${plural(targets.length, "run")}?` : `Remove the surface from ${plural(targets.length, "run")}?`) + leftAlone(plan);
    case "delete":
      return `Delete ${plural(targets.length, "session")}? This cannot be undone.`;
  }
}

function outcome(plan: Plan): string {
  const { change, targets } = plan;
  switch (change.op) {
    case "rpe":
      return `RPE ${change.rpe} set on ${plural(targets.length, "session")}.`;
    case "shoe":
      return change.shoeId ? `Shoe “${plan.shoeName}” set on ${plural(targets.length, "run")}.` : `Shoe removed from ${plural(targets.length, "run")}.`;
    case "surface":
      return change.surface ? `Surface ${SURFACE_LABELS[change.surface]} set on ${plural(targets.length, "run")}.` : `Surface removed from ${plural(targets.length, "run")}.`;
    case "delete":
      return `${plural(targets.length, "session")} deleted.`.replace(/^./, (c) => c.toUpperCase());
  }
}

/** Checks a bulk change and says what it would do, changing nothing. */
export async function previewBulkChange(
  viewer: Viewer,
  input: unknown,
): Promise<{ question: string; confirmLabel: string; count: number; change: BulkChange }> {
  const change = parseWith(bulkChangeSchema, input);
  const plan = await planChange(db(), viewer, change);
  const count = plan.targets.length;
  const confirmLabel =
    change.op === "delete" ? `Delete ${plural(count, "session")}` : `Change ${plural(count, change.op === "rpe" ? "session" : "run")}`;
  // Only the sessions the change applies to go on to the confirmation: what it shows is what happens.
  return { question: question(plan), confirmLabel, count, change: { ...change, ids: plan.targets.map((s) => s.id) } };
}

/**
 * Applies a bulk change to the viewer's own sessions among those named, in one transaction with the
 * daily totals of the touched days and an audit entry. Ids of other people's sessions change nothing.
 */
export async function applyBulkChange(viewer: Viewer, input: unknown): Promise<{ message: string; count: number }> {
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
      return { message: outcome(plan), count: ids.length };
    },
    { timeout: 30_000 },
  );
}
