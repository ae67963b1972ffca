// Runs once when a server process starts (Next's instrumentation hook).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  // Every process drains the queue of squad statuses to recompute after writes, and sweeps for a new
  // local day, so that the first overview after a start, a write or midnight is read, not computed.
  const { startStatusRefresher } = await import("@/lib/computed-views/refresh");
  startStatusRefresher();
  // The sync worker picks up jobs left queued by a restart (a backfill in progress, webhook events not yet
  // processed) without waiting for a page to wake it.
  try {
    const { resumeSync } = await import("@/lib/sync/runtime");
    resumeSync();
  } catch (error) {
    console.error("Sync worker could not be started:", error);
  }
}
