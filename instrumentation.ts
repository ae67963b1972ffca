// Runs once when a server process starts: the sync worker picks up jobs left queued by a restart (a
// backfill in progress, webhook events not yet processed) without waiting for a page to wake it.
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  try {
    const { resumeSync } = await import("@/lib/sync/runtime");
    resumeSync();
  } catch (error) {
    console.error("Sync worker could not be started:", error);
  }
}
