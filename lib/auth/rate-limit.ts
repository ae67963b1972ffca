import type { PrismaClient } from "@/lib/generated/prisma/client";

export type LoginLimits = { maxPerAccount: number; maxPerIp: number; windowMinutes: number };

export const accountKey = (email: string) => `login:acct:${email.toLowerCase()}`;
export const ipKey = (ip: string) => `login:ip:${ip}`;

/**
 * Minutes until the caller may try again, or 0 when neither the account nor the address has used
 * up its failures in the current window. Counters live in Postgres so that every instance behind
 * a load balancer sees the same numbers.
 */
export async function loginRetryAfterMinutes(
  prisma: PrismaClient,
  email: string,
  ip: string,
  limits: LoginLimits,
  now = new Date(),
): Promise<number> {
  const windowStartMin = new Date(now.getTime() - limits.windowMinutes * 60_000);
  const rows = await prisma.rateLimit.findMany({
    where: { key: { in: [accountKey(email), ipKey(ip)] }, windowStart: { gt: windowStartMin } },
  });
  let waitMs = 0;
  for (const row of rows) {
    const max = row.key.startsWith("login:acct:") ? limits.maxPerAccount : limits.maxPerIp;
    if (row.count >= max) {
      const until = row.windowStart.getTime() + limits.windowMinutes * 60_000;
      waitMs = Math.max(waitMs, until - now.getTime());
    }
  }
  return waitMs > 0 ? Math.max(1, Math.ceil(waitMs / 60_000)) : 0;
}

/**
 * Counts one login attempt against the account and the address, atomically per key, and returns the
 * counts after it. Attempts are counted before the password is checked, so a burst of simultaneous
 * guesses cannot all slip in under the limit; a successful login gives its attempt back.
 */
export async function recordLoginAttempt(
  prisma: PrismaClient,
  email: string,
  ip: string,
  limits: LoginLimits,
): Promise<{ account: number; ip: number }> {
  const counts: number[] = [];
  for (const key of [accountKey(email), ipKey(ip)]) {
    const rows = await prisma.$queryRaw<{ count: number }[]>`
      INSERT INTO "RateLimit" ("key", "count", "windowStart", "updatedAt")
      VALUES (${key}, 1, now(), now())
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(mins => ${limits.windowMinutes}::int)
                       THEN 1 ELSE "RateLimit"."count" + 1 END,
        "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(mins => ${limits.windowMinutes}::int)
                       THEN now() ELSE "RateLimit"."windowStart" END,
        "updatedAt" = now()
      RETURNING "count"`;
    counts.push(Number(rows[0]?.count ?? 0));
  }
  return { account: counts[0], ip: counts[1] };
}

/** After a successful login: the account starts afresh and the address gets its attempt back. */
export async function recordLoginSuccess(prisma: PrismaClient, email: string, ip: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key: accountKey(email) } });
  await prisma.$executeRaw`UPDATE "RateLimit" SET "count" = GREATEST("count" - 1, 0) WHERE "key" = ${ipKey(ip)}`;
}

