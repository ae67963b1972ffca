import "server-only";
import { db } from "@/lib/db";
import { openTokens, sealTokens } from "@/lib/sync/crypto";
import { providerClient } from "@/lib/sync/providers";
import { syncSettings } from "@/lib/sync/settings";
import { drainSyncQueue, type SyncDeps } from "@/lib/sync/worker";

/** The real provider clients and token seal of this process. */
export const syncDeps: SyncDeps = { client: (id) => providerClient(id), seal: (t) => sealTokens(t), open: (s) => openTokens(s) };

/** Whether any sync can run here: a token key, hence at least Intervals.icu personal keys. */
export function syncEnabled(): boolean {
  try {
    return syncSettings().tokenKey !== null;
  } catch {
    return false;
  }
}

// Like the alert outbox sender (lib/notifications/outbox.ts): one loop per server process, kicked when work
// is queued, looking again every few seconds while anything is pending and at least every 30 seconds.
const BUSY_POLL_MS = 2_000;
const IDLE_POLL_MS = 30_000;

type Worker = { kick(): void; stop(): Promise<void> };

export function createSyncWorker(deps: SyncDeps = syncDeps): Worker {
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;
  const schedule = (ms: number) => {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = null;
      run();
    }, ms);
    timer.unref();
  };
  const run = () => {
    if (running) {
      again = true;
      return;
    }
    running = (async () => {
      let next: number | null = null;
      try {
        const result = await drainSyncQueue({ prisma: db(), deps });
        next = result.nextDueInSeconds;
      } catch (error) {
        // The database could not be reached: try again later; pages never wait on this.
        console.error("Sync queue could not be drained:", error);
        next = 5;
      }
      if (again) {
        again = false;
        schedule(0);
      } else schedule(next === null ? IDLE_POLL_MS : Math.min(IDLE_POLL_MS, Math.max(BUSY_POLL_MS, next * 1000)));
    })().finally(() => {
      running = null;
    });
  };
  return {
    kick: () => schedule(0),
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

const globalForSync = globalThis as unknown as { backboneSyncWorker?: Worker | null };

/** Wakes this process's sync worker (starting it on first use); does nothing when sync is off. Never throws. */
export function kickSync(): void {
  try {
    if (globalForSync.backboneSyncWorker === undefined) globalForSync.backboneSyncWorker = syncEnabled() ? createSyncWorker() : null;
    globalForSync.backboneSyncWorker?.kick();
  } catch (error) {
    console.error("Sync worker could not be started:", error);
  }
}

/** Starts the worker if it is not running yet, so queued work left by a restart goes on. */
export function resumeSync(): void {
  if (globalForSync.backboneSyncWorker !== undefined) return;
  kickSync();
}
