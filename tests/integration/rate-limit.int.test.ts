import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { loginRetryAfterMinutes, recordLoginAttempt, recordLoginSuccess } from "@/lib/auth/rate-limit";

const limits = { maxPerAccount: 3, maxPerIp: 5, windowMinutes: 15 };

describe("login throttling", () => {
  it("pauses an account after its failures, whatever the address", async () => {
    for (const ip of ["10.0.0.1", "10.0.0.2", "10.0.0.3"]) await recordLoginAttempt(db(), "a@x.test", ip, limits);
    expect(await loginRetryAfterMinutes(db(), "a@x.test", "10.0.0.9", limits)).toBe(15);
    expect(await loginRetryAfterMinutes(db(), "b@x.test", "10.0.0.9", limits)).toBe(0);
  });

  it("pauses an address that tries many accounts", async () => {
    for (let i = 0; i < 5; i++) await recordLoginAttempt(db(), `u${i}@x.test`, "10.1.1.1", limits);
    expect(await loginRetryAfterMinutes(db(), "fresh@x.test", "10.1.1.1", limits)).toBeGreaterThan(0);
    expect(await loginRetryAfterMinutes(db(), "fresh@x.test", "10.1.1.2", limits)).toBe(0);
  });

  it("stays below the limit until it is reached, and counts concurrent failures exactly", async () => {
    await Promise.all([1, 2].map(() => recordLoginAttempt(db(), "c@x.test", "10.2.2.2", limits)));
    expect(await loginRetryAfterMinutes(db(), "c@x.test", "10.2.2.3", limits)).toBe(0);
    const row = await db().rateLimit.findUniqueOrThrow({ where: { key: "login:acct:c@x.test" } });
    expect(row.count).toBe(2);
    await recordLoginAttempt(db(), "c@x.test", "10.2.2.2", limits);
    expect(await loginRetryAfterMinutes(db(), "c@x.test", "10.2.2.3", limits)).toBeGreaterThan(0);
  });

  it("gives each of many simultaneous attempts its own count, so a burst cannot slip under the limit", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => recordLoginAttempt(db(), "burst@x.test", "10.9.9.9", limits)));
    expect(results.map((r) => r.account).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it("lets the account in again once the window has passed", async () => {
    for (let i = 0; i < 3; i++) await recordLoginAttempt(db(), "d@x.test", "10.3.3.3", limits);
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await loginRetryAfterMinutes(db(), "d@x.test", "10.3.3.4", limits, later)).toBe(0);
  });

  it("forgets an account's failures after a successful login", async () => {
    for (let i = 0; i < 3; i++) await recordLoginAttempt(db(), "e@x.test", "10.4.4.4", limits);
    await recordLoginSuccess(db(), "e@x.test", "10.4.4.4");
    expect(await loginRetryAfterMinutes(db(), "e@x.test", "10.4.4.5", limits)).toBe(0);
  });
});
