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
