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

/** Counts one failed login against the account and the address, atomically per key. */
export async function recordLoginFailure(
  prisma: PrismaClient,
  email: string,
  ip: string,
  limits: LoginLimits,
): Promise<void> {
  for (const key of [accountKey(email), ipKey(ip)]) {
    await prisma.$executeRaw`
      INSERT INTO "RateLimit" ("key", "count", "windowStart", "updatedAt")
      VALUES (${key}, 1, now(), now())
      ON CONFLICT ("key") DO UPDATE SET
        "count" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(mins => ${limits.windowMinutes}::int)
                       THEN 1 ELSE "RateLimit"."count" + 1 END,
        "windowStart" = CASE WHEN "RateLimit"."windowStart" <= now() - make_interval(mins => ${limits.windowMinutes}::int)
                       THEN now() ELSE "RateLimit"."windowStart" END,
        "updatedAt" = now()`;
  }
}

export async function clearAccountFailures(prisma: PrismaClient, email: string): Promise<void> {
  await prisma.rateLimit.deleteMany({ where: { key: accountKey(email) } });
}
