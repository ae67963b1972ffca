import "server-only";
import { db } from "@/lib/db";
import { ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { recordAudit } from "@/lib/audit";
import { assertCoachOf, assertCoachOfAthlete, isAthlete, type Viewer } from "@/lib/auth/permissions";
import { getPlannedSessionUnchecked, listPlannedSessions, listPlannedSessionsUnchecked, type PlannedDetailRow } from "@/lib/plans/queries";
import { isIdShaped } from "@/lib/input-schemas";
import { HELD_REASON } from "@/lib/safety/labels";
import { addDays, dateOnly, toDbDate } from "@/lib/dates";
import { computeDailyMetrics } from "@/lib/training-load";
import type { ExportRange } from "./schemas";
import type { ExportPlanRow } from "./plan-csv";
import type { HistoryDay } from "./history-csv";

export type PlanExport = {
  /** Whose plan: the athlete's name, or the squad's for a whole squad. */
  subject: string;
  squadName: string | null;
  /** True when the rows belong to several athletes and each must say whose it is. */
  multiAthlete: boolean;
  rows: ExportPlanRow[];
};

type Context = { format: string; now?: Date };

/**
 * A squad's plan, or one of its athletes', for a coach of the squad. Other viewers, and athletes who
 * are not in the squad, get NotFoundError. Each athlete whose plan leaves the app gets an audit entry.
 */
export async function getSquadPlanExport(
  viewer: Viewer,
  squadId: string,
  range: ExportRange & { athleteId?: string },
  context: Context,
): Promise<PlanExport> {
  const prisma = db();
  assertCoachOf(viewer, squadId);
  if (range.athleteId) await assertCoachOfAthlete(prisma, viewer, squadId, range.athleteId);
  const squad = await prisma.squad.findUnique({
    where: { id: squadId },
    select: {
      name: true,
      memberships: {
        where: { role: "ATHLETE", ...(range.athleteId ? { userId: range.athleteId } : {}) },
        select: { user: { select: { id: true, name: true } } },
      },
    },
  });
  if (!squad) throw new NotFoundError("Squad not found");
  const athletes = squad.memberships.map((m) => m.user).sort((a, b) => a.name.localeCompare(b.name));
  // Only this squad's sessions: a coach of two squads exports each squad's plan on its own.
  const perAthlete = await Promise.all(
    athletes.map(async (a) =>
      (await listPlannedSessionsUnchecked(a.id, range.from, range.to, [squadId])).map((r) => ({ ...r, athleteId: a.id, athleteName: a.name })),
    ),
  );
  const order = new Map(athletes.map((a, i) => [a.id, i]));
  const rows = perAthlete.flat().sort((x, y) => (x.date === y.date ? order.get(x.athleteId)! - order.get(y.athleteId)! : x.date < y.date ? -1 : 1));

  await prisma.$transaction(async (tx) => {
    for (const a of athletes) {
      await recordAudit(
        {
          actorId: viewer.id,
          squadId,
          subjectUserId: a.id,
          action: "export.plan",
          meta: { from: range.from, to: range.to, format: context.format, scope: range.athleteId ? "athlete" : "squad" },
        },
        tx,
      );
    }
  });
  const single = range.athleteId ? athletes[0] : undefined;
  return { subject: single ? single.name : squad.name, squadName: squad.name, multiAthlete: !single, rows };
}

/** The signed-in athlete's own plan, from every squad they belong to. */
export async function getOwnPlanExport(viewer: Viewer, range: ExportRange, context: Context): Promise<PlanExport> {
  // Coaches have no plan of their own; the answer is the same as for any page that is not theirs.
  if (!isAthlete(viewer)) throw new NotFoundError("Plan not found");
  const rows = await listPlannedSessions(viewer, viewer.id, range.from, range.to);
  await recordAudit({
    actorId: viewer.id,
    subjectUserId: viewer.id,
    action: "export.plan",
    meta: { from: range.from, to: range.to, format: context.format, scope: "self" },
  });
  const squads = [...new Set(rows.map((r) => r.squadName))];
  return {
    subject: viewer.name,
    squadName: squads.length === 1 ? squads[0] : null,
    multiAthlete: false,
    rows: rows.map((r) => ({ ...r, athleteId: viewer.id, athleteName: viewer.name })),
  };
}

// ---------------------------------------------------------------- workouts for a watch

/** One planned session, or the sessions of the week from a Monday. */
export type WorkoutSelection = { plannedId: string } | { monday: string };

export type WorkoutExport = { athleteName: string; sessions: PlannedDetailRow[] };

/**
 * The sessions a workout file is made of. A held session is not sent to a watch, where it would look
 * like any other workout: asked for alone it is refused with the reason, and a week leaves it out.
 */
async function readWorkouts(athleteId: string, selection: WorkoutSelection, squadIds?: string[]): Promise<PlannedDetailRow[]> {
  if ("plannedId" in selection) {
    const row = isIdShaped(selection.plannedId) ? await getPlannedSessionUnchecked(athleteId, selection.plannedId, squadIds) : null;
    if (!row) throw new NotFoundError("Planned session not found");
    if (row.held) throw new ConflictError(`${HELD_REASON} It is not sent to a watch while it is on hold.`);
    return [row];
  }
  const rows = (await listPlannedSessionsUnchecked(athleteId, selection.monday, addDays(selection.monday, 6), squadIds)).filter((r) => !r.held);
  if (rows.length === 0) {
    throw new ValidationError("Nothing planned that week can go to a watch: no session is planned, or every one is on hold.", {
      week: ["No session to export that week"],
    });
  }
  return rows;
}

const workoutAuditMeta = (selection: WorkoutSelection, scope: string) =>
  "plannedId" in selection
    ? { format: "fit", scope, plannedId: selection.plannedId }
    : { format: "zip", scope, from: selection.monday, to: addDays(selection.monday, 6) };

/** Workouts of an athlete of the squad, for a coach of the squad: only this squad's sessions. */
export async function getSquadWorkoutExport(viewer: Viewer, squadId: string, athleteId: string, selection: WorkoutSelection): Promise<WorkoutExport> {
  const prisma = db();
  assertCoachOf(viewer, squadId);
  await assertCoachOfAthlete(prisma, viewer, squadId, athleteId);
  const sessions = await readWorkouts(athleteId, selection, [squadId]);
  const athlete = await prisma.user.findUniqueOrThrow({ where: { id: athleteId }, select: { name: true } });
  await recordAudit({ actorId: viewer.id, squadId, subjectUserId: athleteId, action: "export.plan", meta: workoutAuditMeta(selection, "athlete") });
  return { athleteName: athlete.name, sessions };
}

/** The signed-in athlete's own workouts, from every squad they train with. */
export async function getOwnWorkoutExport(viewer: Viewer, selection: WorkoutSelection): Promise<WorkoutExport> {
  if (!isAthlete(viewer)) throw new NotFoundError("Plan not found");
  const sessions = await readWorkouts(viewer.id, selection);
  await recordAudit({ actorId: viewer.id, subjectUserId: viewer.id, action: "export.plan", meta: workoutAuditMeta(selection, "self") });
  return { athleteName: viewer.name, sessions };
}

export type HistoryExport = { athleteName: string; squadName: string; days: HistoryDay[] };

// The 28-day mean needs 27 days before the first exported day to have a value on it.
const WARM_UP_DAYS = 27;

const round = (x: number | null, digits: number) => (x === null ? null : Math.round(x * 10 ** digits) / 10 ** digits);

const ZONE_ORDER = ["CERVICAL", "DORSAL", "LUMBAR"];

/**
 * Checks, before the export's parameters are read, that the viewer coaches a squad the athlete is in
 * (NotFoundError otherwise): outsiders learn nothing, not even whether their parameters were valid.
 */
export async function assertCanExportHistory(viewer: Viewer, squadId: string, athleteId: string): Promise<void> {
  await assertCoachOfAthlete(db(), viewer, squadId, athleteId);
}

/**
 * One row per day of an athlete's load (from the kept daily totals, with the same metrics as the
 * athlete page) and back pain, for a coach of a squad the athlete is in.
 */
export async function getHistoryExport(viewer: Viewer, squadId: string, athleteId: string, range: ExportRange): Promise<HistoryExport> {
  const prisma = db();
  await assertCoachOfAthlete(prisma, viewer, squadId, athleteId);
  const loadFrom = addDays(range.from, -WARM_UP_DAYS);
  const [athlete, squad, dailyLoads, pain, ostrc] = await Promise.all([
    prisma.user.findUniqueOrThrow({ where: { id: athleteId }, select: { name: true } }),
    prisma.squad.findUniqueOrThrow({ where: { id: squadId }, select: { name: true } }),
    prisma.dailyLoad.findMany({
      where: { userId: athleteId, localDate: { gte: toDbDate(loadFrom), lte: toDbDate(range.to) } },
      select: { localDate: true, sessionCount: true, srpeAu: true, durationMin: true, runKm: true },
      orderBy: { localDate: "asc" },
    }),
    prisma.backPainReport.findMany({
      where: { userId: athleteId, localDate: { gte: toDbDate(range.from), lte: toDbDate(range.to) } },
      select: { localDate: true, zone: true, nrs: true },
    }),
    prisma.ostrcResponse.findMany({
      where: { userId: athleteId, localDate: { gte: toDbDate(range.from), lte: toDbDate(range.to) } },
      select: { localDate: true, severity: true },
    }),
  ]);

  // A zero on the first warm-up day makes every exported day have a value, as on the athlete page.
  const metrics = computeDailyMetrics(
    [{ date: loadFrom, load: 0 }, ...dailyLoads.map((d) => ({ date: dateOnly(d.localDate), load: d.srpeAu }))],
    { to: range.to },
  );
  const totals = new Map(dailyLoads.map((d) => [dateOnly(d.localDate), d]));

  const worstPain = new Map<string, { nrs: number; zones: Set<string> }>();
  for (const p of pain) {
    const date = dateOnly(p.localDate);
    const day = worstPain.get(date);
    if (!day || p.nrs > day.nrs) worstPain.set(date, { nrs: p.nrs, zones: new Set([p.zone]) });
    else if (p.nrs === day.nrs) day.zones.add(p.zone);
  }
  const ostrcByDate = new Map<string, number>();
  for (const o of ostrc) {
    const date = dateOnly(o.localDate);
    ostrcByDate.set(date, Math.max(ostrcByDate.get(date) ?? 0, o.severity));
  }

  await recordAudit({
    actorId: viewer.id,
    squadId,
    subjectUserId: athleteId,
    action: "export.history",
    meta: { from: range.from, to: range.to, format: "csv" },
  });

  const days = metrics
    .filter((m) => m.date >= range.from)
    .map((m): HistoryDay => {
      const t = totals.get(m.date);
      const p = worstPain.get(m.date);
      return {
        date: m.date,
        sessions: t?.sessionCount ?? 0,
        loadAu: round(m.load, 1)!,
        durationMin: round(t?.durationMin ?? 0, 1)!,
        runKm: round(t?.runKm ?? 0, 2)!,
        acuteMean7: round(m.acuteLoad7, 1),
        chronicMean28: round(m.chronicLoad28, 1),
        acwrEwma: round(m.acwrEwma, 2),
        monotony: round(m.monotony, 2),
        painNrs: p?.nrs ?? null,
        painZones: p ? [...p.zones].sort((a, b) => ZONE_ORDER.indexOf(a) - ZONE_ORDER.indexOf(b)) : [],
        ostrcSeverity: ostrcByDate.get(m.date) ?? null,
      };
    });
  return { athleteName: athlete.name, squadName: squad.name, days };
}
