import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/env";
import { syncSettingsFrom } from "@/lib/sync/settings";
import { providerClientFrom } from "@/lib/sync/providers";
import { parseStravaRateLimits, stravaRetryAfterSeconds, stravaTimeZone } from "@/lib/sync/providers/strava";
import { intervalsAuthorization } from "@/lib/sync/providers/intervals";

const key = "0f".repeat(32);

describe("provider clients", () => {
  it("exist only when configured; Intervals.icu API keys need only the token key", () => {
    expect(providerClientFrom(syncSettingsFrom(parseEnv({})), "strava")).toBeNull();
    expect(providerClientFrom(syncSettingsFrom(parseEnv({})), "intervals")).toBeNull();
    const keyOnly = syncSettingsFrom(parseEnv({ SYNC_TOKEN_KEY: key }));
    expect(providerClientFrom(keyOnly, "strava")).toBeNull();
    const intervals = providerClientFrom(keyOnly, "intervals");
    expect(intervals?.id).toBe("intervals");
    expect(() => intervals?.authorizeUrl({ state: "s", redirectUri: "https://x.example/cb" })).toThrow(/No Intervals.icu OAuth app/);

    const full = syncSettingsFrom(
      parseEnv({ SYNC_TOKEN_KEY: key, STRAVA_CLIENT_ID: "123", STRAVA_CLIENT_SECRET: "s".repeat(40), STRAVA_VERIFY_TOKEN: "verify-token" }),
    );
    const strava = providerClientFrom(full, "strava");
    const url = new URL(strava!.authorizeUrl({ state: "abc", redirectUri: "https://backbone.example.org/cb" }));
    expect(url.origin + url.pathname).toBe("https://www.strava.com/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "123",
      redirect_uri: "https://backbone.example.org/cb",
      response_type: "code",
      approval_prompt: "auto",
      scope: "read,activity:read_all",
      state: "abc",
    });
  });

  it("reads Strava's zone, rate-limit headers and waits", () => {
    expect(stravaTimeZone("(GMT+01:00) Europe/Madrid")).toBe("Europe/Madrid");
    expect(stravaTimeZone("(GMT-08:00) America/Los_Angeles")).toBe("America/Los_Angeles");
    expect(stravaTimeZone("Europe/Madrid")).toBe("Europe/Madrid");
    expect(stravaTimeZone("(GMT+00:00) Not/AZone")).toBeNull();
    expect(stravaTimeZone(null)).toBeNull();

    // The read limits bind when they leave fewer requests than the overall ones.
    const headers = new Headers({
      "x-ratelimit-limit": "200,2000",
      "x-ratelimit-usage": "30,300",
      "x-readratelimit-limit": "100,1000",
      "x-readratelimit-usage": "20,200",
    });
    expect(parseStravaRateLimits(headers)).toEqual({ shortLimit: 100, shortUsage: 20, dailyLimit: 1000, dailyUsage: 200 });
    expect(parseStravaRateLimits(new Headers({ "x-ratelimit-limit": "600,30000", "x-ratelimit-usage": "1,2" }))).toEqual({
      shortLimit: 600,
      shortUsage: 1,
      dailyLimit: 30000,
      dailyUsage: 2,
    });
    expect(parseStravaRateLimits(new Headers({ "x-ratelimit-limit": "garbage", "x-ratelimit-usage": "1,2" }))).toEqual({
      shortLimit: null,
      shortUsage: null,
      dailyLimit: null,
      dailyUsage: null,
    });

    const spentShort = { shortLimit: 100, shortUsage: 100, dailyLimit: 1000, dailyUsage: 400 };
    expect(stravaRetryAfterSeconds(spentShort, new Date("2026-06-10T10:44:59.500Z"))).toBe(1);
    expect(stravaRetryAfterSeconds(spentShort, new Date("2026-06-10T10:45:00Z"))).toBe(900);
    expect(stravaRetryAfterSeconds({ ...spentShort, dailyUsage: 1000 }, new Date("2026-06-10T23:50:00Z"))).toBe(600);
  });

  it("authenticates Intervals.icu API keys with basic auth and OAuth tokens as bearer", () => {
    expect(intervalsAuthorization({ accessToken: "abc", kind: "api-key" })).toBe(`Basic ${Buffer.from("API_KEY:abc").toString("base64")}`);
    expect(intervalsAuthorization({ accessToken: "abc", kind: "oauth" })).toBe("Bearer abc");
  });
});
