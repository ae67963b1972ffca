import type { PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Password-guess throttling that a stranger cannot turn against the account's owner.
 *
 * Three counters, kept in Postgres so every app process sees the same numbers, each for a window:
 * - per (account, address): `maxPerPair` failures, then that address may not try this account again
 *   until the window ends;
 * - per address: `maxPerIp` failures across all accounts (password spraying), then the address waits;
 * - per account: past `accountCeiling` failures from anywhere, addresses that have already failed on this
 *   account must wait a delay that doubles with every further failure (5 s, 10 s, 20 s … at most the
 *   window). An address that has not failed on the account is never held back by the account's counter,
 *   so the owner signing in from their own device still gets in while strangers are being throttled.
 *
 * Attempts are counted before the password is checked (a burst of simultaneous guesses cannot all slip in
 * under a limit); a correct password gives its attempt back. Logins and the password re-checks of
 * signed-in people (change password, delete account) share the counters: they guess the same secret.
 */
export type LoginLimits = { maxPerPair: number; accountCeiling: number; maxPerIp: number; windowMinutes: number };

const FIRST_DELAY_SECONDS = 5;

const norm = (email: string) => email.trim().toLowerCase();
export const accountKey = (email: string) => `login:acct:${norm(email)}`;
export const pairKey = (email: string, ip: string) => `login:pair:${norm(email)}|${ip}`;
export const ipKey = (ip: string) => `login:ip:${ip}`;

export type Counter = { count: number; windowStart: Date; updatedAt: Date };
export type Counters = { account?: Counter; pair?: Counter; ip?: Counter };

/**
 * Seconds until this address may try this account again (0: it may try now). Pure: the counters are the
 * ones of the current window (older ones are ignored here as in the database).
 */
export function retryAfterSeconds(counters: Counters, limits: LoginLimits, now: Date): number {
  const windowMs = limits.windowMinutes * 60_000;
  const live = (c: Counter | undefined) => (c && c.windowStart.getTime() > now.getTime() - windowMs ? c : undefined);
  const account = live(counters.account);
  const pair = live(counters.pair);
  const ip = live(counters.ip);
  let waitMs = 0;
  const until = (c: Counter) => c.windowStart.getTime() + windowMs - now.getTime();
  if (ip && ip.count >= limits.maxPerIp) waitMs = Math.max(waitMs, until(ip));
  if (pair && pair.count >= limits.maxPerPair) waitMs = Math.max(waitMs, until(pair));
  if (account && pair && pair.count > 0 && account.count >= limits.accountCeiling) {
    const doublings = Math.min(30, account.count - limits.accountCeiling);
    const delayMs = Math.min(windowMs, FIRST_DELAY_SECONDS * 1000 * 2 ** doublings);
    waitMs = Math.max(waitMs, account.updatedAt.getTime() + delayMs - now.getTime());
  }
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
}

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw" | "rateLimit">;

async function readCounters(prisma: Db, email: string, ip: string): Promise<Counters> {
  const rows = await prisma.rateLimit.findMany({
    where: { key: { in: [accountKey(email), pairKey(email, ip), ipKey(ip)] } },
    select: { key: true, count: true, windowStart: true, updatedAt: true },
  });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return { account: byKey.get(accountKey(email)), pair: byKey.get(pairKey(email, ip)), ip: byKey.get(ipKey(ip)) };
}

/** Counts one attempt on all three counters in one statement and returns them after it. */
async function countAttempt(prisma: Db, email: string, ip: string, windowMinutes: number): Promise<Counters> {
  const keys = [accountKey(email), pairKey(email, ip), ipKey(ip)];
  const rows = await prisma.$queryRaw<{ key: string; count: number; windowStart: Date; updatedAt: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart", "updatedAt")
    SELECT k, 1, now(), now() FROM unnest(${keys}::text[]) AS k
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(mins => ${windowMinutes}::int)
                     THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(mins => ${windowMinutes}::int)
                     THEN now() ELSE "RateLimit"."windowStart" END,
      "updatedAt" = now()
    RETURNING "key", "count", "windowStart", "updatedAt"`;
  const byKey = new Map(rows.map((r) => [r.key, { ...r, count: Number(r.count) }]));
  return { account: byKey.get(keys[0]), pair: byKey.get(keys[1]), ip: byKey.get(keys[2]) };
}

/**
 * Before a password is checked: 0 when the attempt may go ahead (and is then counted), else the seconds
 * to wait (and nothing is counted: a refused attempt checks no password).
 */
export async function beginPasswordAttempt(
  prisma: Db,
  email: string,
  ip: string,
  limits: LoginLimits,
  now = new Date(),
): Promise<number> {
  const wait = retryAfterSeconds(await readCounters(prisma, email, ip), limits, now);
  if (wait > 0) return wait;
  const after = await countAttempt(prisma, email, ip, limits.windowMinutes);
  // Simultaneous attempts: the ones counted past a limit are refused as if they had come after it.
  const pairOver = (after.pair?.count ?? 0) > limits.maxPerPair;
  const ipOver = (after.ip?.count ?? 0) > limits.maxPerIp;
  if (pairOver || ipOver) return limits.windowMinutes * 60;
  return 0;
}

/** After a correct password: the account and this address's tries on it start afresh; the address gets its attempt back. */
export async function passwordAttemptSucceeded(prisma: Db, email: string, ip: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key: { in: [accountKey(email), pairKey(email, ip)] } } });
  await prisma.$executeRaw`UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${ipKey(ip)}`;
}

/** "5 minutes", "40 seconds": a wait in words. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * Counts one action per address in a window (sign-ups): true when it may go ahead. Every attempt counts,
 * whatever its outcome, so the form cannot be used to test which emails have accounts at speed.
 */
export async function takeAddressAllowance(
  prisma: Db,
  action: string,
  ip: string,
  max: number,
  windowMinutes: number,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const key = `${action}:ip:${ip}`;
  const rows = await prisma.$queryRaw<{ count: number; windowStart: Date }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart", "updatedAt")
    VALUES (${key}, 1, now(), now())
    ON CONFLICT ("key") DO UPDATE SET
      "count" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(mins => ${windowMinutes}::int)
                     THEN 1 ELSE "RateLimit"."count" + 1 END,
      "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(mins => ${windowMinutes}::int)
                     THEN now() ELSE "RateLimit"."windowStart" END,
      "updatedAt" = now()
    RETURNING "count", "windowStart"`;
  const row = rows[0];
  const count = Number(row?.count ?? 0);
  if (count <= max) return { allowed: true, retryAfterSeconds: 0 };
  const waitMs = (row?.windowStart.getTime() ?? Date.now()) + windowMinutes * 60_000 - Date.now();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}
