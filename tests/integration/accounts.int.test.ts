import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changePassword, createCoachAccount } from "@/lib/accounts/mutations";
import { loadViewerForSession } from "@/lib/auth/permissions";
import { closeAllSessions, closeSession, openSession } from "@/lib/auth/sessions";
import { verifyPassword } from "@/lib/auth/password";
import { ConflictError, ValidationError } from "@/lib/errors";
import { TEST_PASSWORD, createUser, viewerOf } from "./factories";

const signUp = { name: "Ana Coach", email: "Ana@Example.test", password: "long enough pw", squadName: "Track Tuesdays" };

describe("coach sign-up", () => {
  it("creates the account, its first squad and the owner membership together", async () => {
    const { userId, squadId } = await createCoachAccount(signUp);
    const user = await db().user.findUniqueOrThrow({ where: { id: userId }, include: { memberships: true } });
    expect(user.email).toBe("ana@example.test");
    expect(user.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(user.passwordHash, signUp.password)).toBe(true);
    expect(user.memberships).toEqual([expect.objectContaining({ squadId, role: "COACH", isOwner: true })]);
    expect((await db().squad.findUniqueOrThrow({ where: { id: squadId } })).name).toBe("Track Tuesdays");
  });

  it("refuses a taken email and writes nothing", async () => {
    await createCoachAccount(signUp);
    await expect(createCoachAccount({ ...signUp, squadName: "Another" })).rejects.toBeInstanceOf(ConflictError);
    expect(await db().user.count()).toBe(1);
    expect(await db().squad.count()).toBe(1);
  });

  it("names each invalid field and writes nothing", async () => {
    const error = await createCoachAccount({ name: "", email: "nope", password: "short", squadName: "x" }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(Object.keys((error as ValidationError).fieldErrors).sort()).toEqual(["email", "name", "password", "squadName"]);
    expect(await db().user.count()).toBe(0);
  });
});

describe("password change", () => {
  it("requires the current password", async () => {
    const user = await createUser();
    const viewer = await viewerOf(user.id);
    const error = await changePassword(viewer, {
      currentPassword: "wrong password",
      newPassword: "a brand new password",
      confirmPassword: "a brand new password",
    }).catch((e) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).fieldErrors.currentPassword).toBeDefined();
  });

  it("rejects a mismatched confirmation", async () => {
    const user = await createUser();
    const error = await changePassword(await viewerOf(user.id), {
      currentPassword: TEST_PASSWORD,
      newPassword: "a brand new password",
      confirmPassword: "something else entirely",
    }).catch((e) => e);
    expect((error as ValidationError).fieldErrors.confirmPassword).toEqual(["The two new passwords differ"]);
  });

  it("stores the new hash and ends sessions issued before the change", async () => {
    const user = await createUser();
    const viewer = await viewerOf(user.id);
    const ours = await openSession(db(), user.id, { maxAgeSeconds: 3600 });
    const elsewhere = await openSession(db(), user.id, { maxAgeSeconds: 3600 });
    expect(await loadViewerForSession(db(), user.id, elsewhere)).not.toBeNull();
    await changePassword(viewer, {
      currentPassword: TEST_PASSWORD,
      newPassword: "a brand new password",
      confirmPassword: "a brand new password",
    });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, "a brand new password")).toBe(true);
    expect(await loadViewerForSession(db(), user.id, ours)).toBeNull();
    expect(await loadViewerForSession(db(), user.id, elsewhere)).toBeNull();
    expect(await db().authSession.count({ where: { userId: user.id } })).toBe(0);
    expect(await db().auditLog.count({ where: { action: "account.password-changed", actorId: user.id } })).toBe(1);
  });
});

describe("server-side sessions", () => {
  it("accept a cookie only while its row exists, is unexpired and is the person's", async () => {
    const a = await createUser();
    const b = await createUser();
    const sid = await openSession(db(), a.id, { maxAgeSeconds: 3600, ip: "203.0.113.1", userAgent: "Test\u0000Agent" });
    expect((await loadViewerForSession(db(), a.id, sid))?.sessionId).toBe(sid);
    // Another person's session id does not sign anyone in as them.
    expect(await loadViewerForSession(db(), b.id, sid)).toBeNull();
    expect(await loadViewerForSession(db(), a.id, "made-up")).toBeNull();
    const row = await db().authSession.findUniqueOrThrow({ where: { id: sid } });
    expect(row.userAgent).toBe("TestAgent");
    await db().authSession.update({ where: { id: sid }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await loadViewerForSession(db(), a.id, sid)).toBeNull();
  });

  it("end one at a time (log out) or all at once (log out everywhere)", async () => {
    const a = await createUser();
    const one = await openSession(db(), a.id, { maxAgeSeconds: 3600 });
    const two = await openSession(db(), a.id, { maxAgeSeconds: 3600 });
    await closeSession(db(), one);
    expect(await loadViewerForSession(db(), a.id, one)).toBeNull();
    expect(await loadViewerForSession(db(), a.id, two)).not.toBeNull();
    const three = await openSession(db(), a.id, { maxAgeSeconds: 3600 });
    expect(await closeAllSessions(db(), a.id)).toBe(2);
    expect(await loadViewerForSession(db(), a.id, two)).toBeNull();
    expect(await loadViewerForSession(db(), a.id, three)).toBeNull();
  });
});
