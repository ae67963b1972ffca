import "server-only";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { requestIp } from "@/lib/auth/request-ip";
import { describeWait, takeAddressAllowance } from "@/lib/auth/rate-limit";
import { RateLimitError } from "@/lib/errors";

/**
 * Sign-ups per client address and window (SIGNUP_MAX_PER_IP in SIGNUP_WINDOW_MINUTES). Every attempt
 * counts, so the form's "an account with this email already exists" cannot be used to test emails at speed.
 */
export async function throttleSignUp(): Promise<void> {
  const ip = await requestIp();
  const { allowed, retryAfterSeconds } = await takeAddressAllowance(db(), "signup", ip, env().SIGNUP_MAX_PER_IP, env().SIGNUP_WINDOW_MINUTES);
  if (!allowed) {
    throw new RateLimitError(`Too many sign-ups from your network. Please try again in ${describeWait(retryAfterSeconds)}.`);
  }
}

/**
 * Claims of an athlete profile per client address, with sign-up's limits in a window of their own: a claim
 * also sets up a login, and its "an account with this email already exists" would otherwise test emails.
 */
export async function throttleClaim(): Promise<void> {
  const ip = await requestIp();
  const { allowed, retryAfterSeconds } = await takeAddressAllowance(db(), "claim", ip, env().SIGNUP_MAX_PER_IP, env().SIGNUP_WINDOW_MINUTES);
  if (!allowed) {
    throw new RateLimitError(`Too many attempts from your network. Please try again in ${describeWait(retryAfterSeconds)}.`);
  }
}
