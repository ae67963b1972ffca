import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { canViewAthlete, type Viewer } from "@/lib/auth/permissions";
import { dateOnly, toDbDate } from "@/lib/dates";
import type { EnginePainReport } from "@/lib/training-load";
import { engineZone, type PainZone } from "@/lib/pain/labels";
import { triageOf, type PainTriage } from "@/lib/pain/triage";

export type PainReportRow = {
  id: string;
  date: string;
  zone: PainZone;
  subArea: string | null;
  side: string | null;
  nrs: number;
  timing: string | null;
  triggerPoint: boolean;
  redFlags: string[];
  mechanical: boolean | null;
  notes: string | null;
  /** The coach or clinician who reported it for the athlete; null when the athlete did. */
  enteredBy: string | null;
};

const painSelect = {
  id: true,
  localDate: true,
  zone: true,
  subArea: true,
  side: true,
  nrs: true,
  timing: true,
  triggerPoint: true,
  redFlags: true,
  mechanical: true,
  notes: true,
  enteredBy: { select: { name: true } },
} as const;

type SelectedPain = {
  id: string;
  localDate: Date;
  zone: PainZone;
  subArea: string | null;
  side: string | null;
  nrs: number;
  timing: string | null;
  triggerPoint: boolean;
  redFlags: string[];
  mechanical: boolean | null;
  notes: string | null;
  enteredBy: { name: string } | null;
};

function toRow(r: SelectedPain): PainReportRow {
  return {
    id: r.id,
    date: dateOnly(r.localDate),
    zone: r.zone,
    subArea: r.subArea,
    side: r.side,
    nrs: r.nrs,
    timing: r.timing,
    triggerPoint: r.triggerPoint,
    redFlags: r.redFlags,
    mechanical: r.mechanical,
    notes: r.notes,
    enteredBy: r.enteredBy?.name ?? null,
  };
}

/** A stored report in the engine's shape (zones in lower case, dates as calendar strings). */
export function toEnginePainReport(row: {
  localDate: Date | string;
  zone: PainZone;
  subArea: string | null;
  nrs: number;
  redFlags: string[];
  mechanical: boolean | null;
}): EnginePainReport {
  return {
    date: typeof row.localDate === "string" ? row.localDate : dateOnly(row.localDate),
    zone: engineZone(row.zone),
    subArea: row.subArea,
    nrs: row.nrs,
    redFlags: row.redFlags,
    mechanical: row.mechanical,
  };
}

/** The viewer's own reports, newest first. */
export async function listOwnPainReports(viewer: Viewer, limit = 10): Promise<PainReportRow[]> {
  const rows = await db().backPainReport.findMany({
    where: { userId: viewer.id },
    select: painSelect,
    orderBy: [{ localDate: "desc" }, { reportedAt: "desc" }],
    take: limit,
  });
  return rows.map(toRow);
}

/** One of the viewer's own reports with the triage it gave. */
export async function getOwnPainReport(viewer: Viewer, reportId: string): Promise<PainReportRow & { triage: PainTriage }> {
  const row = await db().backPainReport.findFirst({ where: { id: reportId, userId: viewer.id }, select: painSelect });
  if (!row) throw new NotFoundError("Report not found");
  return { ...toRow(row), triage: triageOf(toEnginePainReport(row)) };
}

/**
 * An athlete's reports dated from..to (calendar days, both included) in the engine's shape, for the
 * athlete or a coach of one of their squads; anyone else gets NotFoundError.
 */
export async function listPainReportsForEngine(viewer: Viewer, athleteId: string, from: string, to: string): Promise<EnginePainReport[]> {
  const prisma = db();
  if (!(await canViewAthlete(prisma, viewer, athleteId))) throw new NotFoundError("Athlete not found");
  const rows = await prisma.backPainReport.findMany({
    where: { userId: athleteId, localDate: { gte: toDbDate(from), lte: toDbDate(to) } },
    select: { localDate: true, zone: true, subArea: true, nrs: true, redFlags: true, mechanical: true },
    orderBy: [{ localDate: "asc" }, { reportedAt: "asc" }],
  });
  return rows.map(toEnginePainReport);
}
