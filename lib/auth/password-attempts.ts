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

/**
 * A signed-in person's password re-check (change password, delete account), throttled as logins are and
 * on the same counters. Throws RateLimitError while the address is paused; `check` runs only otherwise.
 */
export async function recheckPassword(email: string, ip: string, check: () => Promise<boolean>): Promise<boolean> {
  const prisma = db();
  const wait = await beginPasswordAttempt(prisma, email, ip, loginLimits());
  if (wait > 0) throw new RateLimitError(tooManyAttemptsMessage(wait));
  const ok = await check();
  if (ok) await passwordAttemptSucceeded(prisma, email, ip);
  return ok;
}
