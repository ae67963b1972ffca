import "server-only";
import pg from "pg";
import { Prisma } from "@/lib/generated/prisma/client";
import { db, type Db } from "@/lib/db";
import { env } from "@/lib/env";
import { addDays, todayIn } from "@/lib/dates";
import { resolveThresholds } from "@/lib/training-load";
import { computeStatuses } from "@/lib/squads/overview";
import { statusViewKey } from "@/lib/squads/status-cache";
import { codeVersion, pruneViews, writeViews } from "@/lib/computed-views/store";

// The refresh queue: triggers write a "StatusRefresh" row for every athlete whose data version moves (and
// whose thresholds or memberships change) and notify 'status_refresh'. Every app process of every instance
// listens and drains it as the outbox is drained: a row is claimed with a row lock (SKIP LOCKED) and a lease,
// the athlete's statuses are computed for every squad they are in, for their today and their tomorrow, and
// kept; the row goes unless it was asked for again meanwhile (that ends the lease, so it is drained again).
// The database's clock decides leases, in UTC as Prisma stores timestamps.
const NOW = Prisma.sql`(now() AT TIME ZONE 'UTC')`;
const LEASE_SECONDS = 60;
const BATCH = 25;

/**
 * Computes and keeps the squad statuses of these athletes, in every squad they are an athlete of, for
 * their local today and tomorrow: a new day starts warm (a status is a function of the data and the day,
 * so tomorrow's computed today is tomorrow's answer while the data stays the same).
 */
export async function refreshAthletes(prisma: Db, userIds: string[], now = new Date()): Promise<number> {
  if (userIds.length === 0) return 0;
  const rows = await prisma.$queryRaw<
    { squadId: string; squadThresholds: Prisma.JsonObject | null; thresholds: Prisma.JsonObject | null; userId: string; timeZone: string; dataVersion: number }[]
  >`
    SELECT m."squadId", s."thresholds" AS "squadThresholds", m."thresholds", u."id" AS "userId", u."timeZone", u."dataVersion"
    FROM "Membership" m JOIN "Squad" s ON s."id" = m."squadId" JOIN "User" u ON u."id" = m."userId"
    WHERE m."userId" = ANY(${userIds}::text[]) AND m."role" = 'ATHLETE'`;
  const members = rows.flatMap((r) => {
    const today = todayIn(r.timeZone, now);
    const thresholds = resolveThresholds(r.squadThresholds ?? undefined, r.thresholds ?? undefined);
    return [today, addDays(today, 1)].map((asOf) => ({
      user: { id: r.userId },
      asOf,
      thresholds,
      view: statusViewKey(r.squadId, r.userId, asOf, r.dataVersion, thresholds),
    }));
  });
  if (members.length === 0) return 0;
  const computed = await computeStatuses(members, now, prisma);
  await writeViews(
    prisma,
    members.map((m, i) => ({ ...m.view, value: computed[i] })),
  );
  return members.length;
}

/** Claims up to `limit` athletes due a refresh; answers them and the lease that marks the claim. */
async function claim(prisma: Db, limit: number): Promise<{ userIds: string[]; lease: string | null }> {
  const rows = await prisma.$queryRaw<{ userId: string; lease: string }[]>`
    WITH due AS (
      SELECT "userId" FROM "StatusRefresh"
      WHERE "lockedUntil" IS NULL OR "lockedUntil" <= ${NOW}
      ORDER BY "requestedAt"
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED
    )
    UPDATE "StatusRefresh" r SET "lockedUntil" = date_trunc('milliseconds', now() AT TIME ZONE 'UTC') + make_interval(secs => ${LEASE_SECONDS}::float8)
    FROM due WHERE r."userId" = due."userId"
    RETURNING r."userId", to_char(r."lockedUntil", 'YYYY-MM-DD HH24:MI:SS.MS') AS "lease"`;
  return { userIds: rows.map((r) => r.userId), lease: rows[0]?.lease ?? null };
}

export type RefreshDrain = { athletes: number; statuses: number };

/**
 * Refreshes every athlete due, a batch at a time. Safe in any number of processes at once. A batch that
 * fails stays queued and is tried again when its lease runs out.
 */
export async function drainStatusRefresh(options: { prisma?: Db; now?: () => Date; limit?: number } = {}): Promise<RefreshDrain> {
  const prisma = options.prisma ?? db();
  const limit = options.limit ?? 10_000;
  const result: RefreshDrain = { athletes: 0, statuses: 0 };
  while (result.athletes < limit) {
    const { userIds, lease } = await claim(prisma, Math.min(BATCH, limit - result.athletes));
    if (userIds.length === 0 || lease === null) break;
    result.statuses += await refreshAthletes(prisma, userIds, options.now?.() ?? new Date());
    result.athletes += userIds.length;
    await prisma.$executeRaw`DELETE FROM "StatusRefresh" WHERE "userId" = ANY(${userIds}::text[]) AND "lockedUntil" = ${lease}::timestamp(3)`;
  }
  return result;
}

/**
 * Queues every athlete whose statuses for their local tomorrow are not kept for their current data and
 * this build (a new day, a new release, a database restored from a backup), and prunes what no request
 * reads any more. Cheap when everything is kept: one probe of the primary key per membership.
 */
export async function sweepStatuses(prisma: Db = db()): Promise<number> {
  const queued = await prisma.$executeRaw`
    INSERT INTO "StatusRefresh" ("userId", "requestedAt")
    SELECT DISTINCT m."userId", ${NOW}
    FROM "Membership" m JOIN "User" u ON u."id" = m."userId"
    WHERE m."role" = 'ATHLETE' AND NOT EXISTS (
      SELECT 1 FROM "ComputedView" c
      WHERE c."userId" = m."userId" AND c."squadId" = m."squadId" AND c."key" LIKE 'status|%'
        AND c."asOf" = (now() AT TIME ZONE u."timeZone")::date + 1
        AND c."dataVersion" = u."dataVersion" AND c."codeVersion" = ${codeVersion()})
    ON CONFLICT ("userId") DO NOTHING`;
  await pruneViews(prisma);
  return queued;
}

/** started: settles when the first sweep and drain have ended (whether or not they succeeded). */
export type StatusRefresher = { kick(): void; stop(): Promise<void>; started: Promise<void> };

// The queue is also looked at every minute (a notification missed while reconnecting, a lease run out),
// and swept every ten (a new local day somewhere).
const POLL_MS = 60_000;
const SWEEP_MS = 10 * 60_000;

/**
 * This process's refresh loop: drains when notified, on start, and every minute; sweeps on start and
 * every ten minutes. Never throws: a failed drain is logged and tried again.
 */
export function createStatusRefresher(options: { prisma?: Db; databaseUrl: string }): StatusRefresher {
  const prisma = options.prisma ?? db();
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  let listener: pg.Client | null = null;
  let lastSweep = 0;

  const run = (): void => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      try {
        if (Date.now() - lastSweep >= SWEEP_MS) {
          lastSweep = Date.now();
          await sweepStatuses(prisma);
        }
        await drainStatusRefresh({ prisma });
      } catch (error) {
        console.error("Squad statuses could not be refreshed:", error);
      }
    })().finally(() => {
      running = null;
      if (again) {
        again = false;
        run();
      }
    });
  };

  const listen = async (): Promise<void> => {
    if (stopped) return;
    const client = new pg.Client({ connectionString: options.databaseUrl });
    client.on("notification", run);
    client.on("error", (error) => {
      console.warn("Squad status notifications: connection lost, reconnecting:", error.message);
      listener = null;
      void client.end().catch(() => undefined);
      setTimeout(() => void listen(), 5_000).unref();
    });
    try {
      await client.connect();
      await client.query("LISTEN status_refresh");
      listener = client;
      // Never the reason a process stays alive.
      (client as unknown as { connection?: { stream?: { unref?: () => void } } }).connection?.stream?.unref?.();
      run();
    } catch (error) {
      console.warn("Squad status notifications: cannot listen, polling only:", (error as Error).message);
      void client.end().catch(() => undefined);
      setTimeout(() => void listen(), 30_000).unref();
    }
  };

  const timer = setInterval(run, POLL_MS);
  timer.unref();
  run();
  const started = running ?? Promise.resolve();
  void listen();

  return {
    started,
    kick: run,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await listener?.end().catch(() => undefined);
      await running;
    },
  };
}

// One loop per server process, kept on globalThis so a development reload does not start a second.
// backboneWarmUp is what scripts/serve.mjs waits for before a worker takes connections.
const globalForRefresh = globalThis as unknown as { backboneStatusRefresher?: StatusRefresher | null; backboneWarmUp?: Promise<void> };

/**
 * Starts this process's refresh loop (instrumentation.ts), once. Needs DATABASE_URL. Its first sweep and
 * drain compute what this build has not kept yet (every status, after a release), and the server's
 * workers wait for it before taking requests, so that no request is the one that computes them.
 */
export function startStatusRefresher(): void {
  if (globalForRefresh.backboneStatusRefresher !== undefined) return;
  const url = env().DATABASE_URL;
  const refresher = url ? createStatusRefresher({ databaseUrl: url }) : null;
  globalForRefresh.backboneStatusRefresher = refresher;
  if (refresher) globalForRefresh.backboneWarmUp = refresher.started;
}
