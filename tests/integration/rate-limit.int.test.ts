import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  accountDelaySeconds,
  beginPasswordAttempt,
  passwordAttemptSucceeded,
  retryAfterSeconds,
  takeAddressAllowance,
  throttleAddress,
} from "@/lib/auth/rate-limit";
import { changePassword } from "@/lib/accounts/mutations";
import { deleteOwnAccount } from "@/lib/account-data/delete";
import { RateLimitError, ValidationError } from "@/lib/errors";
import { TEST_PASSWORD, createUser, viewerOf } from "./factories";

const limits = { maxPerPair: 3, accountCeiling: 6, maxPerIp: 8, windowMinutes: 15 };
const fail = (email: string, ip: string) => beginPasswordAttempt(db(), email, ip, limits);

describe("login throttling a stranger cannot turn against the owner", () => {
  it("pauses the address that keeps failing on an account, not the account", async () => {
    for (let i = 0; i < 3; i++) expect(await fail("a@x.test", "10.0.0.1")).toBe(0);
    const wait = await fail("a@x.test", "10.0.0.1");
    expect(wait).toBeGreaterThan(14 * 60);
    expect(wait).toBeLessThanOrEqual(15 * 60);
    // The owner, from an address that has not failed, still gets to check the password.
    expect(await fail("a@x.test", "192.0.2.50")).toBe(0);
  });

  it("past the account's ceiling, takes one try at a time from devices it does not know, whatever their address", async () => {
    // Strangers spread over 200 addresses, one try each.
    const results: number[] = [];
    for (let a = 1; a <= 200; a++) results.push(await fail("owner@x.test", `10.1.${Math.floor(a / 250)}.${a % 250}`));
    // The ceiling's 6 tries, then the account waits 5 s before the next: 6 guesses, not 200.
    expect(results.filter((w) => w === 0)).toHaveLength(6);
    const row = await db().rateLimit.findUniqueOrThrow({ where: { key: "login:acct:owner@x.test" } });
    expect(row.count).toBe(6);
    expect(row.lockedUntil!.getTime() - row.windowStart.getTime()).toBeGreaterThanOrEqual(4000);
    // The owner on a new device waits too …
    expect(await fail("owner@x.test", "198.51.100.4")).toBeGreaterThan(0);
    // … but not on a device that has logged in to the account before, even after a typo from home.
    expect(await beginPasswordAttempt(db(), "owner@x.test", "198.51.100.4", limits, { knownDevice: true })).toBe(0);
    expect(await beginPasswordAttempt(db(), "owner@x.test", "198.51.100.4", limits, { knownDevice: true })).toBe(0);
    await passwordAttemptSucceeded(db(), "owner@x.test", "198.51.100.4");
    // The owner's success does not hand strangers a fresh set of guesses while the delay runs.
    expect(await fail("owner@x.test", "10.7.7.7")).toBeGreaterThan(0);
  });

  it("lets exactly one of simultaneous tries through when the account's delay runs out", async () => {
    for (let a = 1; a <= 6; a++) await fail("gate@x.test", `10.3.0.${a}`);
    await db().$executeRaw`UPDATE "RateLimit" SET "lockedUntil" = now() - interval '1 second' WHERE "key" = 'login:acct:gate@x.test'`;
    const results = await Promise.all([1, 2, 3, 4, 5].map((a) => fail("gate@x.test", `10.4.0.${a}`)));
    expect(results.filter((w) => w === 0)).toHaveLength(1);
    // And the next delay is twice the first.
    const row = await db().rateLimit.findUniqueOrThrow({ where: { key: "login:acct:gate@x.test" } });
    expect(row.count).toBe(7);
    expect(row.lockedUntil!.getTime() - Date.now()).toBeGreaterThan(8000);
  });

  it("grows the account's delay with every try past the ceiling, up to the window", () => {
    expect(accountDelaySeconds(5, limits)).toBe(0);
    expect(accountDelaySeconds(6, limits)).toBe(5);
    expect(accountDelaySeconds(7, limits)).toBe(10);
    expect(accountDelaySeconds(8, limits)).toBe(20);
    expect(accountDelaySeconds(40, limits)).toBe(15 * 60);
    const now = new Date("2026-12-07T12:00:00Z");
    const c = (count: number, lockedFor: number | null) => ({
      count,
      windowStart: new Date(now.getTime() - 60_000),
      lockedUntil: lockedFor === null ? null : new Date(now.getTime() + lockedFor * 1000),
    });
    expect(retryAfterSeconds({ account: c(7, 10) }, limits, now)).toBe(10);
    expect(retryAfterSeconds({ account: c(7, 10) }, limits, now, true)).toBe(0);
    expect(retryAfterSeconds({ account: c(3, null) }, limits, now)).toBe(0);
  });

  it("counts an IPv6 client by its /64", async () => {
    expect(throttleAddress("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(throttleAddress("2001:0db8:0001:0002:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(throttleAddress("::1")).toBe("0:0:0:0::/64");
    expect(throttleAddress("203.0.113.9")).toBe("203.0.113.9");
    for (let i = 0; i < 8; i++) expect(await fail(`v6-${i}@x.test`, `2001:db8:1:2::${i + 1}`)).toBe(0);
    expect(await fail("v6-next@x.test", "2001:db8:1:2:ffff::9")).toBeGreaterThan(0);
    expect(await fail("v6-next@x.test", "2001:db8:1:3::1")).toBe(0);
  });

  it("pauses an address that sprays many accounts", async () => {
    for (let i = 0; i < 8; i++) expect(await fail(`u${i}@x.test`, "10.2.2.2")).toBe(0);
    expect(await fail("fresh@x.test", "10.2.2.2")).toBeGreaterThan(0);
    expect(await fail("fresh@x.test", "10.2.2.3")).toBe(0);
  });

  it("refuses the attempts of a simultaneous burst that land past the limit", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => fail("burst@x.test", "10.9.9.9")));
    expect(results.filter((w) => w === 0)).toHaveLength(3);
    // Every try that got past the account's gate was counted against the address, refused ones included.
    const row = await db().rateLimit.findUniqueOrThrow({ where: { key: "login:pair:burst@x.test|10.9.9.9" } });
    expect(row.count).toBeGreaterThan(3);
  });

  it("lets the address try again once the window has passed", async () => {
    for (let i = 0; i < 3; i++) await fail("d@x.test", "10.3.3.3");
    expect(await fail("d@x.test", "10.3.3.3")).toBeGreaterThan(0);
    await db().$executeRaw`UPDATE "RateLimit" SET "windowStart" = "windowStart" - interval '16 minutes', "updatedAt" = "updatedAt" - interval '16 minutes'`;
    expect(await fail("d@x.test", "10.3.3.3")).toBe(0);
  });

  it("counts sign-ups per address whatever their outcome", async () => {
    for (let i = 0; i < 3; i++) expect((await takeAddressAllowance(db(), "signup", "10.5.5.5", 3, 60)).allowed).toBe(true);
    const refused = await takeAddressAllowance(db(), "signup", "10.5.5.5", 3, 60);
    expect(refused.allowed).toBe(false);
    expect(refused.retryAfterSeconds).toBeGreaterThan(59 * 60);
    expect((await takeAddressAllowance(db(), "signup", "10.5.5.6", 3, 60)).allowed).toBe(true);
  });
});

describe("password re-checks are throttled like logins", () => {
  it("pauses change-password guesses after the per-address limit, even with the right password", async () => {
    const user = await createUser();
    const viewer = await viewerOf(user.id);
    const before = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    const wrong = { currentPassword: "not it at all", newPassword: "a brand new password", confirmPassword: "a brand new password" };
    for (let i = 0; i < 5; i++) {
      expect(await changePassword(viewer, wrong, { ip: "203.0.113.5", knownDevice: false }).catch((e) => e)).toBeInstanceOf(ValidationError);
    }
    const error = await changePassword(viewer, { ...wrong, currentPassword: TEST_PASSWORD }, { ip: "203.0.113.5", knownDevice: false }).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as Error).message).toMatch(/try again in 1[45] minutes/);
    // Nothing changed.
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.passwordHash).toBe(before.passwordHash);
  });

  it("pauses delete-account guesses the same way, and keeps the account", async () => {
    const user = await createUser();
    const viewer = await viewerOf(user.id);
    for (let i = 0; i < 5; i++) {
      await deleteOwnAccount(viewer, { password: "wrong guess", confirm: "DELETE" }, { ip: "203.0.113.6", knownDevice: false }).catch(() => null);
    }
    const error = await deleteOwnAccount(viewer, { password: TEST_PASSWORD, confirm: "DELETE" }, { ip: "203.0.113.6", knownDevice: false }).catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(await db().user.count({ where: { id: user.id } })).toBe(1);
  });
});
