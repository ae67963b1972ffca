import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/permissions";
import { syncSettings } from "@/lib/sync/settings";
import { resumeSync } from "@/lib/sync/runtime";
import { providerOf } from "@/lib/sync/worker";
import { isCatchUp } from "@/lib/sync/connections";
import { syncedSessionsWhere } from "@/lib/sync/remove-sessions";
import { isSyncErrorCode, type SyncErrorCode } from "@/lib/sync/errors";
import type { ProviderId } from "@/lib/sync/providers/types";

export type ConnectionView = {
  provider: ProviderId;
  status: "ACTIVE" | "NEEDS_RECONNECT" | "DISCONNECTED";
  externalAthleteId: string;
  connectedAt: Date;
  lastSyncAt: Date | null;
  lastError: SyncErrorCode | null;
  /**
   * since: where a catch-up after a reconnection starts reading (a day before the last sync), null for a
   * backfill of whole months.
   */
  backfill: { status: string; months: number; since: Date | null; pages: number; added: number; skipped: number; waitMinutes: number };
  /** Activities given up on after repeated failures. */
  deadLetters: number;
  /** Sessions this connection brought in (what "remove them" on disconnecting would remove). */
  sessions: number;
};

export type SyncOverview = {
  /** Providers an athlete can connect here: OAuth ones configured, Intervals.icu API keys whenever sync has a key. */
  available: { strava: boolean; intervalsOAuth: boolean; intervalsKey: boolean };
  connections: ConnectionView[];
};

function available(): SyncOverview["available"] {
  try {
    const s = syncSettings();
    return { strava: Boolean(s.tokenKey && s.strava), intervalsOAuth: Boolean(s.tokenKey && s.intervals), intervalsKey: Boolean(s.tokenKey) };
  } catch {
    return { strava: false, intervalsOAuth: false, intervalsKey: false };
  }
}

/** Whole minutes until a backfill page may be read again (a rate limit), 0 when it is now or within a minute. */
const waitMinutes = (nextAt: Date | null, now: number) => (nextAt && nextAt.getTime() > now + 60_000 ? Math.ceil((nextAt.getTime() - now) / 60_000) : 0);

/** The viewer's own connections and what they may connect; an outage of a provider never slows this (no provider call). */
export async function getSyncOverview(viewer: Viewer): Promise<SyncOverview> {
  const avail = available();
  const now = Date.now();
  if (avail.intervalsKey) resumeSync();
  const rows = await db().syncConnection.findMany({
    where: { userId: viewer.id },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      provider: true,
      status: true,
      externalAthleteId: true,
      createdAt: true,
      lastSyncAt: true,
      lastError: true,
      backfillStatus: true,
      backfillMonths: true,
      backfillFrom: true,
      backfillUntil: true,
      backfillPages: true,
      backfillAdded: true,
      backfillSkipped: true,
      backfillNextAt: true,
      _count: { select: { jobs: { where: { status: "DEAD" } } } },
    },
  });
  const sessions = await Promise.all(rows.map((r) => db().trainingSession.count({ where: syncedSessionsWhere(viewer.id, providerOf(r.provider)) })));
  return {
    available: avail,
    connections: rows.map((r, i) => ({
      sessions: sessions[i],
      provider: providerOf(r.provider),
      status: r.status,
      externalAthleteId: r.externalAthleteId,
      connectedAt: r.createdAt,
      lastSyncAt: r.lastSyncAt,
      lastError: isSyncErrorCode(r.lastError) ? r.lastError : null,
      backfill: {
        status: r.backfillStatus,
        months: r.backfillMonths,
        since: isCatchUp(r.backfillFrom, r.backfillUntil, r.backfillMonths) ? r.backfillFrom : null,
        pages: r.backfillPages,
        added: r.backfillAdded,
        skipped: r.backfillSkipped,
        waitMinutes: waitMinutes(r.backfillNextAt, now),
      },
      deadLetters: r._count.jobs,
    })),
  };
}
