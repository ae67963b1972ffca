import "server-only";
import { db } from "@/lib/db";
import { assertStaffOf, assertStaffOfAthlete, type Viewer } from "@/lib/auth/permissions";
import { addDays, dateOnly, toDbDate } from "@/lib/dates";
import { LONG_DATED_FLAGS, REVIEW_LOOKBACK_DAYS, type FlagReview } from "@/lib/flag-reviews/coverage";

const select = {
  id: true,
  athleteId: true,
  flagId: true,
  flagDate: true,
  status: true,
  note: true,
  createdAt: true,
  byUser: { select: { name: true } },
} as const;

function toReview(row: {
  id: string;
  flagId: string;
  flagDate: Date;
  status: "ACKNOWLEDGED" | "RESOLVED";
  note: string | null;
  createdAt: Date;
  byUser: { name: string } | null;
}): FlagReview {
  return {
    id: row.id,
    flagId: row.flagId,
    flagDate: dateOnly(row.flagDate),
    status: row.status,
    note: row.note,
    by: row.byUser?.name ?? "A former coach",
    at: row.createdAt.toISOString(),
  };
}

/** The reviews that can speak for the squad's athletes' flags of today, by athlete. */
export async function listOpenReviewsForSquad(viewer: Viewer, squadId: string, today: string): Promise<Map<string, FlagReview[]>> {
  assertStaffOf(viewer, squadId);
  const rows = await db().flagAcknowledgement.findMany({
    where: {
      squadId,
      OR: [{ flagDate: { gte: toDbDate(addDays(today, -REVIEW_LOOKBACK_DAYS)) } }, { flagId: { in: LONG_DATED_FLAGS } }],
    },
    select,
  });
  const out = new Map<string, FlagReview[]>();
  for (const row of rows) {
    const list = out.get(row.athleteId) ?? [];
    list.push(toReview(row));
    out.set(row.athleteId, list);
  }
  return out;
}

/** Every review of one athlete's flags in one squad, newest first: the history stays. */
export async function listFlagReviews(viewer: Viewer, squadId: string, athleteId: string, take = 200): Promise<FlagReview[]> {
  const prisma = db();
  await assertStaffOfAthlete(prisma, viewer, squadId, athleteId);
  const rows = await prisma.flagAcknowledgement.findMany({
    where: { squadId, athleteId },
    orderBy: { createdAt: "desc" },
    take,
    select,
  });
  return rows.map(toReview);
}
