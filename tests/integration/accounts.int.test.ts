import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { changePassword, createCoachAccount } from "@/lib/accounts/mutations";
import { loadViewer } from "@/lib/auth/permissions";
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
    await changePassword(viewer, {
      currentPassword: TEST_PASSWORD,
      newPassword: "a brand new password",
      confirmPassword: "a brand new password",
    });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(await verifyPassword(row.passwordHash, "a brand new password")).toBe(true);
    expect(row.sessionVersion).toBe(1);
    expect(await loadViewer(db(), user.id, 0)).toBeNull();
    expect(await loadViewer(db(), user.id, 1)).not.toBeNull();
    expect(await db().auditLog.count({ where: { action: "account.password-changed", actorId: user.id } })).toBe(1);
  });
});
