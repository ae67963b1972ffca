// When an email that could not be sent is tried again. Pure, so the schedule has known answers.

/** Attempts before an email is given up as FAILED (its last error stays on the row). */
export const MAX_ATTEMPTS = 10;

/** The first retry waits this long; each further one twice as long as the one before, up to an hour. */
export const FIRST_RETRY_SECONDS = 30;
export const MAX_RETRY_SECONDS = 3600;

/**
 * How long a sender holds a claimed email before another may take it. Longer than one send can last
 * (connection, greeting and socket timeouts below), so two senders never hold the same row at once.
 */
export const LEASE_SECONDS = 120;

/** nodemailer's timeouts, in milliseconds: their sum stays well under the lease. */
export const SMTP_TIMEOUTS = { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 } as const;

export type FailureOutcome = { status: "PENDING"; retryInSeconds: number } | { status: "FAILED" };

/** What follows a failed attempt, given how many attempts have been made so far (this one included). */
export function afterFailure(attempts: number): FailureOutcome {
  if (attempts >= MAX_ATTEMPTS) return { status: "FAILED" };
  const exponent = Math.max(0, attempts - 1);
  return { status: "PENDING", retryInSeconds: Math.min(MAX_RETRY_SECONDS, FIRST_RETRY_SECONDS * 2 ** exponent) };
}

/**
 * The error kept on the row for whoever looks into a delivery: the SMTP reply or the network error, short,
 * on one line. Credentials never appear in it: nodemailer's errors do not carry the connection URL.
 */
export function describeSendError(error: unknown): string {
  if (!(error instanceof Error)) return String(error).slice(0, 500);
  const details = error as Error & { code?: unknown; responseCode?: unknown; response?: unknown };
  const parts = [
    typeof details.code === "string" ? details.code : null,
    typeof details.responseCode === "number" ? `SMTP ${details.responseCode}` : null,
    typeof details.response === "string" ? details.response : error.message,
  ].filter(Boolean);
  return parts.join(": ").replace(/\s+/g, " ").trim().slice(0, 500);
}
