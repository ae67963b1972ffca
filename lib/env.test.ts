import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";

describe("environment validation", () => {
  it("accepts an empty environment with defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SESSION_MAX_AGE_HOURS).toBe(12);
    expect(env.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP).toBe(5);
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

  it("checks the mail settings and the public address", () => {
    const env = parseEnv({ SMTP_URL: "smtp://user:pw@mail.example.org:587", AUTH_URL: "https://backbone.example.org", OUTBOX_POLL_SECONDS: "1" });
    expect(env).toMatchObject({ SMTP_URL: "smtp://user:pw@mail.example.org:587", OUTBOX_POLL_SECONDS: 1 });
    expect(parseEnv({}).OUTBOX_POLL_SECONDS).toBe(5);
    expect(parseEnv({ SMTP_URL: "smtps://mail.example.org" }).SMTP_URL).toBe("smtps://mail.example.org");
    expect(() => parseEnv({ SMTP_URL: "mail.example.org:25" })).toThrow(/SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/);
    expect(() => parseEnv({ AUTH_URL: "backbone.example.org" })).toThrow(/AUTH_URL/);
    expect(() => parseEnv({ OUTBOX_POLL_SECONDS: "0" })).toThrow(/OUTBOX_POLL_SECONDS/);
  });
});
