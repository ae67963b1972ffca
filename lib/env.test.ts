import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("environment validation", () => {
  it("accepts an empty environment with defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SESSION_MAX_AGE_HOURS).toBe(12);
    expect(env.LOGIN_MAX_FAILURES_PER_ACCOUNT).toBe(5);
  });

  it("treats empty strings as unset", () => {
    expect(parseEnv({ DATABASE_URL: "", AUTH_SECRET: "" }).DATABASE_URL).toBeUndefined();
  });

  it("names every wrong variable in one message", () => {
    let message = "";
    try {
      parseEnv({ DATABASE_URL: "mysql://x", AUTH_SECRET: "short", SESSION_MAX_AGE_HOURS: "0" });
    } catch (error) {
      expect(error).toBeInstanceOf(EnvError);
      message = (error as Error).message;
    }
    expect(message).toContain("DATABASE_URL: must be a postgresql:// connection URL");
    expect(message).toContain("AUTH_SECRET: must be at least 32 characters");
    expect(message).toContain("SESSION_MAX_AGE_HOURS");
  });
});
