import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { canViewAthlete, type Viewer } from "@/lib/auth/permissions";
import { dateOnly } from "@/lib/dates";
import type { PrismaClient } from "@/lib/generated/prisma/client";
import type { PainZone } from "@/lib/pain/labels";
import type { ClearanceKind } from "@/lib/safety/labels";

/** A stored pain report as the engine's inputs are read from it. */
export type ReferralReportRow = {
  userId: string;
  localDate: string;
  zone: PainZone;
  subArea: string | null;
  nrs: number;
  redFlags: string[];
  mechanical: boolean | null;
};

export type ReferralHistory = {
  /** Red-flag reports dated before the window the caller reads anyway, that no clearance has ended. */
  openReports: ReferralReportRow[];
  /** Every clearance's date, oldest first. */
  clearances: { date: string }[];
};

/**
 * What keeps a red flag alive beyond the pain window every view reads: a red flag lasts until a clearance
 * dated on or after its report, however long ago the report was. For each athlete, the red-flag reports
 * (a symptom answered yes, or pain that does not change with movement) dated before `before` and after
 * their latest clearance, and their clearances' dates. Two indexed statements for any number of athletes.
 */
export async function readReferralHistory(prisma: PrismaClient, athleteIds: string[], before: string): Promise<Map<string, ReferralHistory>> {
  const out = new Map<string, ReferralHistory>(athleteIds.map((id) => [id, { openReports: [], clearances: [] }]));
  if (athleteIds.length === 0) return out;
  const [reports, clearances] = await Promise.all([
    prisma.$queryRaw<ReferralReportRow[]>`
      SELECT r."userId", to_char(r."localDate", 'YYYY-MM-DD') AS "localDate", r."zone"::text AS "zone", r."subArea", r."nrs", r."redFlags", r."mechanical"
      FROM "BackPainReport" r
      WHERE r."userId" = ANY(${athleteIds}::text[]) AND r."localDate" < ${before}::date
        AND (cardinality(r."redFlags") > 0 OR r."mechanical" = false)
        AND r."localDate" > COALESCE((SELECT max(c."clearedOn") FROM "Clearance" c WHERE c."userId" = r."userId"), '-infinity'::date)
      ORDER BY r."localDate", r."reportedAt"`,
    prisma.$queryRaw<{ userId: string; date: string }[]>`
      SELECT "userId", to_char("clearedOn", 'YYYY-MM-DD') AS "date"
      FROM "Clearance" WHERE "userId" = ANY(${athleteIds}::text[])
      ORDER BY "clearedOn"`,
  ]);
  for (const r of reports) out.get(r.userId)?.openReports.push(r);
  for (const c of clearances) out.get(c.userId)?.clearances.push({ date: c.date });
  return out;
}

export type HoldState = "active" | "cleared" | "released";

export type PlanHoldRow = {
  id: string;
  startDate: string;
  emergency: boolean;
  state: HoldState;
  /** Planned sessions still held by it, in every squad. */
  heldSessions: number;
  releasedAt: string | null;
  releasedBy: string | null;
};

export type ClearanceRow = {
  id: string;
  clearedOn: string;
  clinicianName: string;
  clinicianKind: ClearanceKind;
  note: string;
  recordedBy: string | null;
  recordedAt: string;
};

export type SafetyRecord = { holds: PlanHoldRow[]; clearances: ClearanceRow[] };

/**
 * An athlete's plan holds and clearances, newest first, for the athlete or their squads' staff. Notes are
 * shown to the athlete too: they are the record of their own care.
 */
export async function getSafetyRecord(viewer: Viewer, athleteId: string): Promise<SafetyRecord> {
  const prisma = db();
  if (!(await canViewAthlete(prisma, viewer, athleteId))) throw new NotFoundError("Athlete not found");
  const [holds, clearances] = await Promise.all([
    prisma.planHold.findMany({
      where: { athleteId },
      orderBy: [{ startDate: "desc" }, { createdAt: "desc" }],
      take: 50,
      select: {
        id: true,
        startDate: true,
        emergency: true,
        clearanceId: true,
        releasedAt: true,
        releasedBy: { select: { name: true } },
        _count: { select: { sessions: true } },
      },
    }),
    prisma.clearance.findMany({
      where: { userId: athleteId },
      orderBy: [{ clearedOn: "desc" }, { createdAt: "desc" }],
      take: 50,
      select: { id: true, clearedOn: true, clinicianName: true, clinicianKind: true, note: true, createdAt: true, recordedBy: { select: { name: true } } },
    }),
  ]);
  return {
    holds: holds.map((h) => ({
      id: h.id,
      startDate: dateOnly(h.startDate),
      emergency: h.emergency,
      state: h.releasedAt ? "released" : h.clearanceId ? "cleared" : "active",
      heldSessions: h._count.sessions,
      releasedAt: h.releasedAt?.toISOString() ?? null,
      releasedBy: h.releasedBy?.name ?? null,
    })),
    clearances: clearances.map((c) => ({
      id: c.id,
      clearedOn: dateOnly(c.clearedOn),
      clinicianName: c.clinicianName,
      clinicianKind: c.clinicianKind,
      note: c.note,
      recordedBy: c.recordedBy?.name ?? null,
      recordedAt: c.createdAt.toISOString(),
    })),
  };
}
