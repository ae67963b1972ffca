import type { Prisma } from "@/lib/generated/prisma/client";
import { insertJson } from "@/lib/db-bulk";
import { knownTimeZone } from "@/lib/dates";
import { rebuildDailyLoads } from "@/lib/sessions/daily-load";
import { choiceOf, keyOfSession } from "@/lib/imports/sport-choices";
import { importedSessionRow, measuredFields, remapSession, rememberedChoices } from "@/lib/imports/store";
import type { ParsedSession } from "@/lib/imports/types";
import { externalIdOf, sessionOfActivity, SOURCE_OF } from "@/lib/sync/mapping";
import type { ProviderActivity, ProviderId } from "@/lib/sync/providers/types";

// An activity that starts within this many minutes of a stored session, with a distance within this share
// of it, is that session (a file import or a manual entry of the same run).
const SAME_START_MIN = 3;
const SAME_DISTANCE_SHARE = 0.05;
const SAME_DURATION_SHARE = 0.05;

type Tx = Prisma.TransactionClient;

type Stored = { id: string; source: string; externalId: string | null; contentHash: string | null; startTime: Date | null; durationMin: number; distanceKm: number | null };

/** The stored sessions an activity could be: same external id, same content hash, or a start near it. */
async function candidates(tx: Tx, userId: string, sessions: ParsedSession[]): Promise<Stored[]> {
  if (sessions.length === 0) return [];
  const starts = sessions.map((s) => Date.parse(s.startTime ?? `${s.date}T00:00:00Z`)).sort((a, b) => a - b);
  const from = new Date(starts[0] - SAME_START_MIN * 60_000 - 1);
  const to = new Date(starts.at(-1)! + SAME_START_MIN * 60_000 + 1);
  return tx.$queryRaw<Stored[]>`
    SELECT "id", "source"::text AS "source", "externalId", "contentHash", "startTime", "durationMin", "distanceKm"
    FROM "TrainingSession"
    WHERE "userId" = ${userId}
      AND ("externalId" = ANY(${sessions.map((s) => s.externalId).filter((x): x is string => Boolean(x))}::text[])
        OR "contentHash" = ANY(${sessions.map((s) => s.contentHash).filter((x): x is string => Boolean(x))}::text[])
        OR ("startTime" >= ${from} AND "startTime" <= ${to}))`;
}

/** Whether a stored session with another id is the same activity: start within 3 minutes, similar distance. */
function sameActivity(s: ParsedSession, r: Stored): boolean {
  if (r.contentHash && r.contentHash === s.contentHash) return true;
  if (!s.startTime || !r.startTime) return false;
  if (Math.abs(r.startTime.getTime() - Date.parse(s.startTime)) > SAME_START_MIN * 60_000) return false;
  if (s.distanceKm && r.distanceKm) return Math.abs(r.distanceKm - s.distanceKm) <= SAME_DISTANCE_SHARE * Math.max(s.distanceKm, r.distanceKm);
  if (!s.distanceKm && !r.distanceKm) return Math.abs(r.durationMin - s.durationMin) <= SAME_DURATION_SHARE * Math.max(s.durationMin, 1);
  return false;
}

const sameKey = (s: ParsedSession, r: Stored) => r.externalId !== null && r.externalId === s.externalId && r.source === s.source;

/** The sessions as the athlete's remembered sport choices make them; null where they chose to skip the sport. */
async function applyRememberedChoices(tx: Tx, userId: string, sessions: ParsedSession[]): Promise<(ParsedSession | null)[]> {
  const remembered = await rememberedChoices(tx, userId);
  return sessions.map((s) => {
    const choice = remembered.get(keyOfSession(s)) ?? choiceOf({ type: s.type, subType: s.subType });
    return choice === "SKIP" ? null : remapSession(s, choice);
  });
}

export type AddResult = { added: number; skipped: number };

/**
 * Stores a page of activities as new sessions of one import batch, inside the caller's transaction: the
 * same mapping, sport choices, plausibility and content hash as an uploaded file; an activity already
 * stored (same external id, same content hash, or a session starting within 3 minutes with a similar
 * distance) or of a sport the athlete skips is counted as skipped. Daily totals of the days touched follow.
 */
export async function addActivities(
  tx: Tx,
  user: { id: string; timeZone: string },
  activities: ProviderActivity[],
  batchId: string | null,
  now: Date,
): Promise<AddResult> {
  const parsed = activities.map((a) => sessionOfActivity(a, user.timeZone));
  const chosen = await applyRememberedChoices(tx, user.id, parsed);
  const wanted = chosen.flatMap((s, i) => (s ? [{ s, zone: zoneOf(activities[i], user.timeZone) }] : []));
  const stored = await candidates(tx, user.id, wanted.map((w) => w.s));
  const fresh: typeof wanted = [];
  const seen = new Set<string>();
  for (const w of wanted) {
    if (stored.some((r) => sameKey(w.s, r) || sameActivity(w.s, r))) continue;
    // The same activity twice in one page (a provider's paging that shifted) is stored once.
    if (w.s.externalId && seen.has(w.s.externalId)) continue;
    if (w.s.externalId) seen.add(w.s.externalId);
    fresh.push(w);
  }
  const stamp = now.toISOString();
  const added = await insertJson(
    tx,
    "TrainingSession",
    fresh.map((w) => importedSessionRow(w.s, { userId: user.id, batchId, enteredById: null, stamp, timeZone: w.zone })),
    { onConflictDoNothing: true },
  );
  if (fresh.length) {
    const dates = fresh.map((w) => w.s.date).sort();
    await rebuildDailyLoads(tx, user.id, dates[0], dates.at(-1));
  }
  return { added, skipped: activities.length - added };
}

const zoneOf = (a: ProviderActivity, fallback: string) => (a.timeZone && knownTimeZone(a.timeZone) === a.timeZone ? a.timeZone : knownTimeZone(fallback));

/**
 * Follows a changed activity: a session of it is updated (title, type, distance, times; the athlete's own
 * RPE, notes, shoe and surface stay), or created when none is stored yet and it is not a duplicate of a file
 * import or manual session. Returns what happened.
 */
export async function upsertActivity(
  tx: Tx,
  user: { id: string; timeZone: string },
  activity: ProviderActivity,
  now: Date,
): Promise<"created" | "updated" | "skipped"> {
  const externalId = externalIdOf(activity.provider, activity.externalId);
  const existing = await tx.trainingSession.findFirst({
    where: { userId: user.id, source: SOURCE_OF[activity.provider], externalId },
    select: { id: true, localDate: true, notes: true },
  });
  if (!existing) {
    const { added } = await addActivities(tx, user, [activity], null, now);
    return added ? "created" : "skipped";
  }
  const [s] = (await applyRememberedChoices(tx, user.id, [sessionOfActivity(activity, user.timeZone)])) as [ParsedSession | null];
  if (!s) return "skipped";
  // Another stored session may already hold the new figures' content hash (a file import of the same run).
  const clash = s.contentHash
    ? await tx.trainingSession.findFirst({ where: { userId: user.id, contentHash: s.contentHash, id: { not: existing.id } }, select: { id: true } })
    : null;
  await tx.trainingSession.update({
    where: { id: existing.id },
    data: {
      localDate: new Date(`${s.date}T00:00:00Z`),
      startTime: s.startTime ? new Date(s.startTime) : null,
      ...measuredFields(s),
      sourceSport: s.sourceSport ?? null,
      contentHash: clash ? null : (s.contentHash ?? null),
      reviewReason: s.reviewReason ?? null,
      timeZone: zoneOf(activity, user.timeZone),
      // The title fills the notes only while the athlete has written none.
      ...(existing.notes ? {} : { notes: s.name ?? null }),
    },
  });
  const days = [existing.localDate.toISOString().slice(0, 10), s.date].sort();
  await rebuildDailyLoads(tx, user.id, days[0], days[1]);
  return "updated";
}

/** Removes the session of a deleted activity, and rebuilds that day's totals. Returns whether there was one. */
export async function removeActivity(tx: Tx, userId: string, provider: ProviderId, id: string): Promise<boolean> {
  const existing = await tx.trainingSession.findFirst({
    where: { userId, source: SOURCE_OF[provider], externalId: externalIdOf(provider, id) },
    select: { id: true, localDate: true },
  });
  if (!existing) return false;
  await tx.trainingSession.delete({ where: { id: existing.id } });
  const day = existing.localDate.toISOString().slice(0, 10);
  await rebuildDailyLoads(tx, userId, day, day);
  return true;
}
