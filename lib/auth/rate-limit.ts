import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";

/**
 * Password-guess throttling that a stranger cannot turn against the account's owner.
 *
 * Three counters, kept in Postgres so every app process sees the same numbers, each for a window:
 * - per (account, address): `maxPerPair` failures, then that address may not try this account again until
 *   the window ends;
 * - per address: `maxPerIp` failures across all accounts (password spraying), then the address waits;
 * - per account: past `accountCeiling` tries from anywhere, the account takes one try at a time from
 *   devices it does not know, each after a delay that doubles (5 s, 10 s, 20 s … at most the window), so
 *   spreading guesses over many addresses does not multiply them.
 * A device the owner has logged in from before (lib/auth/device.ts) is never held back by the account's
 * counter: strangers hammering the account cannot keep its owner out.
 *
 * IPv6 clients are counted by their /64 (one customer's network), as a single host can take any address
 * in it. Attempts are counted before the password is checked, so a burst of simultaneous guesses cannot
 * all slip in under a limit; a correct password gives its attempt back. Logins and the password re-checks
 * of signed-in people (change password, delete account) share the counters: they guess the same secret.
 */
export type LoginLimits = { maxPerPair: number; accountCeiling: number; maxPerIp: number; windowMinutes: number };

const FIRST_DELAY_SECONDS = 5;

/** The part of an address that throttling counts: IPv4 as is, IPv6 by its /64. */
export function throttleAddress(ip: string): string {
  if (!ip.includes(":")) return ip;
  const bare = ip.split("%")[0].toLowerCase();
  const [head, tail] = bare.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const groups = bare.includes("::") ? [...left, ...Array(Math.max(0, 8 - left.length - right.length)).fill("0"), ...right] : left;
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/.test(g))) return ip;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":")}::/64`;
}

const norm = (email: string) => email.trim().toLowerCase();
export const accountKey = (email: string) => `login:acct:${norm(email)}`;
export const pairKey = (email: string, ip: string) => `login:pair:${norm(email)}|${throttleAddress(ip)}`;
export const ipKey = (ip: string) => `login:ip:${throttleAddress(ip)}`;

export type Counter = { count: number; windowStart: Date; lockedUntil: Date | null };
export type Counters = { account?: Counter; pair?: Counter; ip?: Counter };

/**
 * Seconds until this address (or device) may try this account again; 0: it may try now. Pure: counters
 * whose window has ended are ignored here as they are reset in the database.
 */
export function retryAfterSeconds(counters: Counters, limits: LoginLimits, now: Date, knownDevice = false): number {
  const windowMs = limits.windowMinutes * 60_000;
  const live = (c: Counter | undefined) => (c && c.windowStart.getTime() > now.getTime() - windowMs ? c : undefined);
  const account = live(counters.account);
  const pair = live(counters.pair);
  const ip = live(counters.ip);
  let waitMs = 0;
  const until = (c: Counter) => c.windowStart.getTime() + windowMs - now.getTime();
  if (ip && ip.count >= limits.maxPerIp) waitMs = Math.max(waitMs, until(ip));
  if (pair && pair.count >= limits.maxPerPair) waitMs = Math.max(waitMs, until(pair));
  if (account && !knownDevice && account.lockedUntil) waitMs = Math.max(waitMs, account.lockedUntil.getTime() - now.getTime());
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 1000)) : 0;
}

/** The account's delay after its n-th try in a window: none up to the ceiling, then doubling. */
export function accountDelaySeconds(count: number, limits: LoginLimits): number {
  if (count < limits.accountCeiling) return 0;
  return Math.min(limits.windowMinutes * 60, FIRST_DELAY_SECONDS * 2 ** Math.min(30, count - limits.accountCeiling));
}

type Db = Pick<PrismaClient, "$queryRaw" | "$executeRaw" | "rateLimit">;

async function readCounters(prisma: Db, email: string, ip: string): Promise<Counters> {
  const rows = await prisma.rateLimit.findMany({
    where: { key: { in: [accountKey(email), pairKey(email, ip), ipKey(ip)] } },
    select: { key: true, count: true, windowStart: true, lockedUntil: true },
  });
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return { account: byKey.get(accountKey(email)), pair: byKey.get(pairKey(email, ip)), ip: byKey.get(ipKey(ip)) };
}

/** Counts one try on a plain counter (pair, address, sign-ups) and returns it after the try. */
async function countOn(prisma: Db, key: string, windowMinutes: number): Promise<{ count: number; windowStart: Date }> {
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
  return { count: Number(rows[0]?.count ?? 0), windowStart: rows[0]?.windowStart ?? new Date() };
}

/**
 * Counts one try on the account. From a device the account does not know, past the ceiling, the try is
 * taken only when the account's delay has run out, and it sets the next delay: one statement, so of
 * simultaneous tries exactly one gets through. Returns false when the try was not taken.
 */
async function countOnAccount(prisma: Db, email: string, limits: LoginLimits, knownDevice: boolean): Promise<boolean> {
  const gated = !knownDevice;
  const expired = Prisma.sql`"RateLimit"."windowStart" <= now() - make_interval(mins => ${limits.windowMinutes}::int)`;
  // The account's count after this try, as the update below sets it.
  const n = Prisma.sql`(CASE WHEN ${expired} THEN 1 ELSE "RateLimit"."count" + 1 END)`;
  const firstDelay = gated ? accountDelaySeconds(1, limits) : 0;
  const rows = await prisma.$queryRaw<{ count: number }[]>`
    INSERT INTO "RateLimit" ("key", "count", "windowStart", "updatedAt", "lockedUntil")
    VALUES (${accountKey(email)}, 1, now(), now(), CASE WHEN ${firstDelay}::float8 > 0 THEN now() + make_interval(secs => ${firstDelay}::float8) END)
    ON CONFLICT ("key") DO UPDATE SET
      "count" = ${n},
      "windowStart" = CASE WHEN ${expired} THEN now() ELSE "RateLimit"."windowStart" END,
      "updatedAt" = now(),
      "lockedUntil" = CASE
        WHEN NOT ${gated} THEN "RateLimit"."lockedUntil"
        WHEN ${n} >= ${limits.accountCeiling}::int THEN now() + make_interval(secs => LEAST(${limits.windowMinutes * 60}::float8,
          ${FIRST_DELAY_SECONDS}::float8 * power(2, LEAST(30, ${n} - ${limits.accountCeiling}::int))))
        END
    WHERE NOT ${gated} OR "RateLimit"."lockedUntil" IS NULL OR "RateLimit"."lockedUntil" <= now() OR ${expired}
    RETURNING "count"`;
  return rows.length === 1;
}

/**
 * Before a password is checked: 0 when the attempt may go ahead (and is then counted), else the seconds
 * to wait (and nothing more is counted: a refused attempt checks no password).
 */
export async function beginPasswordAttempt(
  prisma: Db,
  email: string,
  ip: string,
  limits: LoginLimits,
  options: { knownDevice?: boolean; now?: Date } = {},
): Promise<number> {
  const knownDevice = options.knownDevice ?? false;
  const wait = retryAfterSeconds(await readCounters(prisma, email, ip), limits, options.now ?? new Date(), knownDevice);
  if (wait > 0) return wait;
  if (!(await countOnAccount(prisma, email, limits, knownDevice))) {
    // Another try took the account's turn a moment ago: wait for the next one.
    return retryAfterSeconds(await readCounters(prisma, email, ip), limits, new Date(), knownDevice) || FIRST_DELAY_SECONDS;
  }
  const pair = (await countOn(prisma, pairKey(email, ip), limits.windowMinutes)).count;
  const perIp = (await countOn(prisma, ipKey(ip), limits.windowMinutes)).count;
  // Simultaneous attempts: the ones counted past a limit are refused as if they had come after it.
  if (pair > limits.maxPerPair || perIp > limits.maxPerIp) return limits.windowMinutes * 60;
  return 0;
}

/**
 * After a correct password: this address's tries on the account start afresh and the address gets its
 * attempt back. The account's counter starts afresh only when no delay is running, so the owner logging
 * in does not hand strangers a new set of free guesses.
 */
export async function passwordAttemptSucceeded(prisma: Db, email: string, ip: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key: pairKey(email, ip) } });
  await prisma.rateLimit.deleteMany({ where: { key: accountKey(email), OR: [{ lockedUntil: null }, { lockedUntil: { lte: new Date() } }] } });
  await prisma.$executeRaw`UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${ipKey(ip)}`;
  await purgeStaleCounters(prisma);
}

let lastPurge = 0;

/** Counters untouched for a day are gone: at most once every ten minutes per process. */
async function purgeStaleCounters(prisma: Db): Promise<void> {
  if (Date.now() - lastPurge < 10 * 60_000) return;
  lastPurge = Date.now();
  await prisma.$executeRaw`DELETE FROM "RateLimit" WHERE "updatedAt" < now() - interval '1 day'`;
}

/** "5 minutes", "40 seconds": a wait in words. */
export function describeWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}

/**
 * Counts one action per address in a window (sign-ups): allowed when under `max`. Every attempt counts,
 * whatever its outcome, so the form cannot be used to test which emails have accounts at speed.
 */
export async function takeAddressAllowance(
  prisma: Db,
  action: string,
  ip: string,
  max: number,
  windowMinutes: number,
): Promise<{ allowed: boolean; retryAfterSeconds: number }> {
  const { count, windowStart } = await countOn(prisma, `${action}:ip:${throttleAddress(ip)}`, windowMinutes);
  if (count <= max) return { allowed: true, retryAfterSeconds: 0 };
  const waitMs = windowStart.getTime() + windowMinutes * 60_000 - Date.now();
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitMs / 1000)) };
}
