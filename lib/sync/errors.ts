/**
 * What went wrong with a connection, stored as a code on it and shown in words in the athlete's language
 * (the "sync" catalogue's error keys).
 */
export const SYNC_ERROR_CODES = ["needs_reconnect", "provider_unavailable", "rate_limited", "scope_missing"] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];

export const isSyncErrorCode = (v: unknown): v is SyncErrorCode => typeof v === "string" && (SYNC_ERROR_CODES as readonly string[]).includes(v);

/** The provider refused the tokens even after a refresh: the athlete must connect again. */
export class NeedsReconnectError extends Error {
  constructor() {
    super("The provider refused this connection's tokens");
    this.name = "NeedsReconnectError";
  }
}

/** The job's lease ran out and another worker took it: this worker's outcome does not count. */
export class StaleJobError extends Error {
  constructor() {
    super("The sync job was claimed again by another worker");
    this.name = "StaleJobError";
  }
}
