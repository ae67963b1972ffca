import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { beginPasswordAttempt, describeWait, passwordAttemptSucceeded, type LoginLimits } from "@/lib/auth/rate-limit";
import { RateLimitError } from "@/lib/errors";

export function loginLimits(): LoginLimits {
  const e = env();
  return {
    maxPerPair: e.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP,
    accountCeiling: e.LOGIN_MAX_FAILURES_PER_ACCOUNT,
    maxPerIp: e.LOGIN_MAX_FAILURES_PER_IP,
    windowMinutes: e.LOGIN_WINDOW_MINUTES,
  };
}

export const tooManyAttemptsMessage = (seconds: number) =>
  `Too many wrong passwords. For your safety, try again in ${describeWait(seconds)}.`;

/** Who is guessing: the client's address, and whether the browser has logged in to the account before. */
export type PasswordClient = { ip: string; knownDevice: boolean };

export const UNKNOWN_CLIENT: PasswordClient = { ip: "unknown", knownDevice: false };

/**
 * A signed-in person's password re-check (change password, delete account), throttled as logins are and
 * on the same counters. Throws RateLimitError while the address is paused; `check` runs only otherwise.
 */
export async function recheckPassword(email: string, client: PasswordClient, check: () => Promise<boolean>): Promise<boolean> {
  const prisma = db();
  const wait = await beginPasswordAttempt(prisma, email, client.ip, loginLimits(), { knownDevice: client.knownDevice });
  if (wait > 0) throw new RateLimitError(tooManyAttemptsMessage(wait));
  const ok = await check();
  if (ok) await passwordAttemptSucceeded(prisma, email, client.ip);
  return ok;
}
