import { describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/env";
import { syncSettingsFrom } from "@/lib/sync/settings";

describe("environment validation", () => {
  it("accepts an empty environment with defaults", () => {
    const env = parseEnv({});
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.SESSION_MAX_AGE_HOURS).toBe(12);
    expect(env.LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP).toBe(5);
    expect(env.HTTP_COMPRESSION).toBe("on");
  });

  it("accepts HTTP_COMPRESSION on or off only", () => {
    expect(parseEnv({ HTTP_COMPRESSION: "off" }).HTTP_COMPRESSION).toBe("off");
    expect(() => parseEnv({ HTTP_COMPRESSION: "gzip" })).toThrow(/HTTP_COMPRESSION: must be "on" or "off"/);
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

describe("sync configuration", () => {
  const key = "q".repeat(43) + "=";
  const strava = { STRAVA_CLIENT_ID: "12345", STRAVA_CLIENT_SECRET: "s".repeat(40), STRAVA_VERIFY_TOKEN: "verify-me-please" };

  it("is off by default, with the real hosts as base addresses", () => {
    const env = parseEnv({});
    expect(syncSettingsFrom(env)).toEqual({
      tokenKey: null,
      previousTokenKeys: [],
      strava: null,
      intervals: null,
      intervalsBaseUrl: "https://intervals.icu",
    });
    expect(env.STRAVA_BASE_URL).toBe("https://www.strava.com");
  });

  it("refuses to start with a provider configured and no token key", () => {
    expect(() => parseEnv(strava)).toThrow(/SYNC_TOKEN_KEY: is required when a sync provider is configured/);
    expect(() => parseEnv({ INTERVALS_CLIENT_ID: "77", INTERVALS_CLIENT_SECRET: "x".repeat(20) })).toThrow(/SYNC_TOKEN_KEY/);
  });

  it("refuses a malformed token key whether or not a provider is configured", () => {
    for (const bad of ["short", "q".repeat(42), "z".repeat(64), "a".repeat(63), "q".repeat(60)]) {
      expect(() => parseEnv({ SYNC_TOKEN_KEY: bad }), bad).toThrow(/SYNC_TOKEN_KEY: must be 32 bytes/);
    }
    expect(() => parseEnv({ SYNC_TOKEN_KEY: key, SYNC_TOKEN_KEY_PREVIOUS: `${key},nope` })).toThrow(/SYNC_TOKEN_KEY_PREVIOUS/);
  });

  it("accepts base64, base64url and hex keys of 32 bytes", () => {
    expect(syncSettingsFrom(parseEnv({ SYNC_TOKEN_KEY: key })).tokenKey?.length).toBe(32);
    expect(syncSettingsFrom(parseEnv({ SYNC_TOKEN_KEY: "-_".repeat(21) + "A" })).tokenKey?.length).toBe(32);
    expect(syncSettingsFrom(parseEnv({ SYNC_TOKEN_KEY: "0f".repeat(32) })).tokenKey).toEqual(Buffer.alloc(32, 0x0f));
  });

  it("needs the client id and secret together, and a verify token for Strava", () => {
    expect(() => parseEnv({ SYNC_TOKEN_KEY: key, STRAVA_CLIENT_ID: "12345" })).toThrow(/STRAVA_CLIENT_SECRET: is required when STRAVA_CLIENT_ID is set/);
    expect(() => parseEnv({ SYNC_TOKEN_KEY: key, INTERVALS_CLIENT_SECRET: "x".repeat(20) })).toThrow(/INTERVALS_CLIENT_ID/);
    expect(() => parseEnv({ SYNC_TOKEN_KEY: key, STRAVA_CLIENT_ID: "12345", STRAVA_CLIENT_SECRET: "s".repeat(40) })).toThrow(/STRAVA_VERIFY_TOKEN/);
    expect(() => parseEnv({ ...strava, SYNC_TOKEN_KEY: key, STRAVA_CLIENT_ID: "abc" })).toThrow(/STRAVA_CLIENT_ID: must be the numeric Client ID/);
  });

  it("configures the providers and accepts only http(s) base addresses", () => {
    const settings = syncSettingsFrom(
      parseEnv({ ...strava, SYNC_TOKEN_KEY: key, STRAVA_BASE_URL: "http://127.0.0.1:4010/", INTERVALS_CLIENT_ID: "77", INTERVALS_CLIENT_SECRET: "x".repeat(20) }),
    );
    expect(settings.strava).toEqual({ clientId: "12345", clientSecret: "s".repeat(40), verifyToken: "verify-me-please", baseUrl: "http://127.0.0.1:4010", subscriptionId: null });
    expect(syncSettingsFrom(parseEnv({ ...strava, SYNC_TOKEN_KEY: key, STRAVA_SUBSCRIPTION_ID: "120475" })).strava?.subscriptionId).toBe(120475);
    expect(() => parseEnv({ ...strava, SYNC_TOKEN_KEY: key, STRAVA_SUBSCRIPTION_ID: "sub-1" })).toThrow(/STRAVA_SUBSCRIPTION_ID/);
    expect(settings.intervals).toMatchObject({ clientId: "77", baseUrl: "https://intervals.icu", webhookSecret: null });
    for (const bad of ["ftp://strava.example", "javascript:alert(1)", "strava.com", "https://x.example/?a=1"]) {
      expect(() => parseEnv({ STRAVA_BASE_URL: bad }), bad).toThrow(/STRAVA_BASE_URL/);
      expect(() => parseEnv({ INTERVALS_BASE_URL: bad }), bad).toThrow(/INTERVALS_BASE_URL/);
    }
  });

  it("leaves personal Intervals.icu API keys available with only a token key", () => {
    const settings = syncSettingsFrom(parseEnv({ SYNC_TOKEN_KEY: key }));
    expect(settings.intervals).toBeNull();
    expect(settings.tokenKey).not.toBeNull();
    expect(settings.intervalsBaseUrl).toBe("https://intervals.icu");
  });
});
