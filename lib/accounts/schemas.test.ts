import { describe, expect, it } from "vitest";
import { changePasswordSchema, emailSchema, preferencesSchema, signUpSchema } from "@/lib/accounts/schemas";
import { safeCallbackUrl } from "@/lib/accounts/callback-url";

describe("account schemas", () => {
  it("normalises emails", () => {
    expect(emailSchema.parse("  Ana@Example.ORG ")).toBe("ana@example.org");
    expect(emailSchema.safeParse("not-an-email").success).toBe(false);
  });

  it("requires a 10-character password and a squad name at sign-up", () => {
    const result = signUpSchema.safeParse({ name: "A", email: "a@b.co", password: "123456789", squadName: "S" });
    expect(result.success).toBe(false);
    const fields = result.error!.issues.map((i) => i.path[0]).sort();
    expect(fields).toEqual(["password", "squadName"]);
  });

  it("checks that the new password is typed the same twice", () => {
    const result = changePasswordSchema.safeParse({
      currentPassword: "x",
      newPassword: "0123456789",
      confirmPassword: "0123456780",
    });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0].path).toEqual(["confirmPassword"]);
  });

  it("accepts real time zones only", () => {
    expect(preferencesSchema.safeParse({ unitPreference: "MI", timeZone: "America/New_York" }).success).toBe(true);
    expect(preferencesSchema.safeParse({ unitPreference: "KM", timeZone: "Mars/Olympus" }).success).toBe(false);
    expect(preferencesSchema.safeParse({ unitPreference: "LY", timeZone: "UTC" }).success).toBe(false);
  });
});

describe("post-login redirect", () => {
  it("follows only same-site paths", () => {
    expect(safeCallbackUrl("/coach/squads/1")).toBe("/coach/squads/1");
    expect(safeCallbackUrl("https://evil.example")).toBe("/");
    expect(safeCallbackUrl("//evil.example")).toBe("/");
    expect(safeCallbackUrl("/\\evil.example")).toBe("/");
    expect(safeCallbackUrl(undefined)).toBe("/");
  });
});
