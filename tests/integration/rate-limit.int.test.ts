import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { beginPasswordAttempt, passwordAttemptSucceeded, retryAfterSeconds, takeAddressAllowance } from "@/lib/auth/rate-limit";
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

  it("lets the owner in from a clean address while many addresses hammer the account past its ceiling", async () => {
    for (let a = 1; a <= 4; a++) for (let i = 0; i < 3; i++) await fail("owner@x.test", `10.1.0.${a}`);
    // Past the account's ceiling of 6, an address that has failed waits a growing delay (the third and fourth
    // addresses got one try each before it): 8 guesses in all, not 12 …
    const row = await db().rateLimit.findUniqueOrThrow({ where: { key: "login:acct:owner@x.test" } });
    expect(row.count).toBe(8);
    expect(await fail("owner@x.test", "10.1.0.1")).toBeGreaterThan(0);
    // … the owner's own address does not.
    expect(await fail("owner@x.test", "198.51.100.4")).toBe(0);
    await passwordAttemptSucceeded(db(), "owner@x.test", "198.51.100.4");
    expect(await db().rateLimit.count({ where: { key: "login:acct:owner@x.test" } })).toBe(0);
    // The strangers' own pauses stay.
    expect(await fail("owner@x.test", "10.1.0.2")).toBeGreaterThan(0);
  });

  it("grows the account's delay with every failure past the ceiling", () => {
    const now = new Date("2026-12-07T12:00:00Z");
    const c = (count: number) => ({ count, windowStart: new Date(now.getTime() - 60_000), updatedAt: now });
    const at = (n: number) => retryAfterSeconds({ account: c(n), pair: c(1) }, limits, now);
    expect(at(5)).toBe(0);
    expect(at(6)).toBe(5);
    expect(at(7)).toBe(10);
    expect(at(8)).toBe(20);
    expect(at(40)).toBe(15 * 60);
    // No failure from this address: no delay, however high the account's count.
    expect(retryAfterSeconds({ account: c(40) }, limits, now)).toBe(0);
  });

  it("pauses an address that sprays many accounts", async () => {
    for (let i = 0; i < 8; i++) expect(await fail(`u${i}@x.test`, "10.2.2.2")).toBe(0);
    expect(await fail("fresh@x.test", "10.2.2.2")).toBeGreaterThan(0);
    expect(await fail("fresh@x.test", "10.2.2.3")).toBe(0);
  });

  it("refuses the attempts of a simultaneous burst that land past the limit", async () => {
    const results = await Promise.all(Array.from({ length: 10 }, () => fail("burst@x.test", "10.9.9.9")));
    expect(results.filter((w) => w === 0)).toHaveLength(3);
    const row = await db().rateLimit.findUniqueOrThrow({ where: { key: "login:pair:burst@x.test|10.9.9.9" } });
    expect(row.count).toBe(10);
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
      expect(await changePassword(viewer, wrong, "203.0.113.5").catch((e) => e)).toBeInstanceOf(ValidationError);
    }
    const error = await changePassword(viewer, { ...wrong, currentPassword: TEST_PASSWORD }, "203.0.113.5").catch((e) => e);
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
      await deleteOwnAccount(viewer, { password: "wrong guess", confirm: "DELETE" }, "203.0.113.6").catch(() => null);
    }
    const error = await deleteOwnAccount(viewer, { password: TEST_PASSWORD, confirm: "DELETE" }, "203.0.113.6").catch((e) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(await db().user.count({ where: { id: user.id } })).toBe(1);
  });
});
