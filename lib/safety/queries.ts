import "server-only";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { canViewAthlete, staffSquadIds, type Viewer } from "@/lib/auth/permissions";
import { dateOnly } from "@/lib/dates";
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import type { PainZone } from "@/lib/pain/labels";
import { EMERGENCY_SYMPTOM_IDS } from "@/lib/training-load";
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
  /** The dates of the clearances that stand, oldest first. */
  clearances: { date: string }[];
};

/** A red-flag report (alias r): a symptom answered yes, or pain that does not change with movement. */
const RED_FLAG_REPORT = Prisma.sql`(cardinality(r."redFlags") > 0 OR r."mechanical" = false)`;

/**
 * The clearances of some athletes that stand. A clearance answers the red-flag reports that existed when it
 * was recorded: a red-flag report written after it (both stamped under the athlete's plan-hold lock) but
 * dated on or before its day is news it never answered, so that clearance no longer counts and the referral
 * is open again until a new one. Rows: "userId", "clearedOn".
 */
function standingClearances(athleteIds: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    SELECT c."userId", c."clearedOn" FROM "Clearance" c
    WHERE c."userId" = ANY(${athleteIds}::text[]) AND NOT EXISTS (
      SELECT 1 FROM "BackPainReport" r
      WHERE r."userId" = c."userId" AND ${RED_FLAG_REPORT} AND r."localDate" <= c."clearedOn" AND r."createdAt" > c."createdAt")`;
}

type SqlClient = Pick<PrismaClient, "$queryRaw">;

/**
 * What keeps a red flag alive beyond the pain window every view reads: a red flag lasts until a clearance
 * dated on or after its report, however long ago the report was. For each athlete, the red-flag reports
 * dated before `before` that no standing clearance before `before` has ended (a later clearance is among the
 * clearances, so a day-by-day evaluation sees the referral end on its day), and the standing clearances'
 * dates. Not scoped to a viewer: callers check access first. Two indexed statements for any number of
 * athletes.
 */
export async function readReferralHistoryUnchecked(client: SqlClient, athleteIds: string[], before: string): Promise<Map<string, ReferralHistory>> {
  const out = new Map<string, ReferralHistory>(athleteIds.map((id) => [id, { openReports: [], clearances: [] }]));
  if (athleteIds.length === 0) return out;
  const ids = Prisma.sql`${athleteIds}`;
  const [reports, clearances] = await Promise.all([
    client.$queryRaw<ReferralReportRow[]>`
      WITH standing AS (${standingClearances(ids)})
      SELECT r."userId", to_char(r."localDate", 'YYYY-MM-DD') AS "localDate", r."zone"::text AS "zone", r."subArea", r."nrs", r."redFlags", r."mechanical"
      FROM "BackPainReport" r
      WHERE r."userId" = ANY(${athleteIds}::text[]) AND r."localDate" < ${before}::date AND ${RED_FLAG_REPORT}
        AND r."localDate" > COALESCE((SELECT max(s."clearedOn") FROM standing s WHERE s."userId" = r."userId" AND s."clearedOn" < ${before}::date), '-infinity'::date)
      ORDER BY r."localDate", r."reportedAt"`,
    client.$queryRaw<{ userId: string; date: string }[]>`
      SELECT s."userId", to_char(s."clearedOn", 'YYYY-MM-DD') AS "date" FROM (${standingClearances(ids)}) s
      ORDER BY s."clearedOn"`,
  ]);
  for (const r of reports) out.get(r.userId)?.openReports.push(r);
  for (const c of clearances) out.get(c.userId)?.clearances.push({ date: c.date });
  return out;
}

/**
 * An athlete's open referral: the date of the earliest red-flag report no standing clearance has ended, and
 * whether any open report carries an emergency symptom; null when none is open.
 */
export async function openReferralUnchecked(client: SqlClient, athleteId: string): Promise<{ since: string; emergency: boolean } | null> {
  const ids = Prisma.sql`${[athleteId]}`;
  const [row] = await client.$queryRaw<{ since: string | null; emergency: boolean | null }[]>`
    WITH standing AS (${standingClearances(ids)})
    SELECT to_char(min(r."localDate"), 'YYYY-MM-DD') AS "since", bool_or(r."redFlags" && ${[...EMERGENCY_SYMPTOM_IDS]}::text[]) AS "emergency"
    FROM "BackPainReport" r
    WHERE r."userId" = ${athleteId} AND ${RED_FLAG_REPORT}
      AND r."localDate" > COALESCE((SELECT max(s."clearedOn") FROM standing s), '-infinity'::date)`;
  return row?.since ? { since: row.since, emergency: row.emergency === true } : null;
}

/**
 * Serialises what decides an athlete's plan hold (a red-flag report, a clearance, a release) and, shared,
 * every write of a planned session (the hold trigger takes it too): a session planned while a hold is
 * being written waits for it, and the other way round. Returns the database clock after the lock, the
 * order in which reports and clearances happened.
 */
export async function lockPlanHold(tx: SqlClient, athleteId: string): Promise<Date> {
  const [row] = await tx.$queryRaw<{ at: Date }[]>`
    SELECT clock_timestamp() AS "at" FROM (SELECT pg_advisory_xact_lock(hashtext(${`plan-hold:${athleteId}`}))) l`;
  return row.at;
}

export type HoldState = "active" | "cleared" | "released";

export type PlanHoldRow = {
  id: string;
  startDate: string;
  emergency: boolean;
  state: HoldState;
  /** Planned sessions still held by it: in the viewer's squads, or every squad for the athlete. */
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
  // Staff count the sessions of their own squads, which are the ones they see and a coach can release.
  const sessionScope = viewer.id === athleteId ? {} : { squadId: { in: staffSquadIds(viewer) } };
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
        _count: { select: { sessions: { where: sessionScope } } },
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
