import { createServer } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startIntervalsStandIn, type IntervalsStandIn } from "@/e2e/stand-ins/intervals";
import { createIntervalsClient, normalizeIntervalsAthleteId, type IntervalsClient } from "@/lib/sync/providers/intervals";
import { ProviderError, type TokenSet } from "@/lib/sync/providers/types";

const DAY = 24 * 3600 * 1000;
let standIn: IntervalsStandIn;
let client: IntervalsClient;
const clock = new Date("2026-06-10T10:07:30Z");

function makeClient(overrides: Partial<Parameters<typeof createIntervalsClient>[0]> = {}) {
  return createIntervalsClient({
    clientId: standIn.state.options.clientId,
    clientSecret: standIn.state.options.clientSecret,
    baseUrl: standIn.url,
    timeoutMs: 2000,
    ...overrides,
  });
}

async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ProviderError);
    return error as ProviderError;
  }
  throw new Error("expected a ProviderError");
}

async function consent(authorizeUrl: string, decision: "authorize" | "cancel"): Promise<URL> {
  const html = await (await fetch(authorizeUrl)).text();
  expect(html).toContain(">Authorize</button>");
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1], m[2].replace(/&amp;/g, "&"));
  form.set("decision", decision);
  const answer = await fetch(`${standIn.url}/oauth/accept`, { method: "POST", body: form, redirect: "manual" });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get("location") as string);
}

function apiKeyTokens(athlete: { id: string; apiKey: string }): TokenSet {
  return { accessToken: athlete.apiKey, refreshToken: null, expiresAt: null, scope: null, externalAthleteId: athlete.id, kind: "api-key" };
}

beforeEach(async () => {
  standIn = await startIntervalsStandIn({ now: () => clock });
  client = makeClient();
});

afterEach(async () => {
  await standIn.close();
});

describe("Intervals.icu client against the stand-in", () => {
  it("connects with OAuth through the consent page; tokens do not expire and cannot be refreshed", async () => {
    const athlete = standIn.state.addAthlete({ name: "Lucía" });
    const redirectUri = "http://localhost:3000/api/sync/intervals/callback";
    const url = client.authorizeUrl({ state: "s1", redirectUri });
    expect(new URL(url).searchParams.get("scope")).toBe("ACTIVITY:READ");
    const back = await consent(url, "authorize");
    expect(back.searchParams.get("state")).toBe("s1");
    const tokens = await client.exchangeCode({ code: back.searchParams.get("code") as string, redirectUri });
    expect(tokens).toEqual({
      accessToken: expect.any(String),
      refreshToken: null,
      expiresAt: null,
      scope: "ACTIVITY:READ",
      externalAthleteId: athlete.id,
      kind: "oauth",
    });
    expect((await providerError(client.exchangeCode({ code: back.searchParams.get("code") as string, redirectUri }))).kind).toBe("auth");
    expect((await client.listActivities(tokens, { after: new Date(clock.getTime() - DAY), before: clock, cursor: null, pageSize: 100 })).activities).toEqual([]);

    standIn.state.revokeTokens(athlete.id);
    const refused = await providerError(client.getActivity(tokens, "i1"));
    expect(refused).toMatchObject({ kind: "auth", status: 401 });
    expect((await providerError(client.refresh(tokens))).kind).toBe("auth");

    const cancelled = await consent(client.authorizeUrl({ state: "s2", redirectUri }), "cancel");
    expect(cancelled.searchParams.get("error")).toBe("access_denied");

    const keyOnly = makeClient({ clientId: null, clientSecret: null });
    expect(() => keyOnly.authorizeUrl({ state: "x", redirectUri })).toThrow(ProviderError);
  });

  it("checks a personal API key against its athlete", async () => {
    const athlete = standIn.state.addAthlete();
    const other = standIn.state.addAthlete();
    const keyOnly = makeClient({ clientId: null, clientSecret: null });
    expect(await keyOnly.connectApiKey({ athleteId: athlete.id.slice(1), apiKey: athlete.apiKey })).toEqual(apiKeyTokens(athlete));
    expect((await providerError(keyOnly.connectApiKey({ athleteId: athlete.id, apiKey: "wrongwrongwrong" }))).kind).toBe("auth");
    expect((await providerError(keyOnly.connectApiKey({ athleteId: other.id, apiKey: athlete.apiKey }))).kind).toBe("auth");
    expect((await providerError(keyOnly.connectApiKey({ athleteId: "me", apiKey: athlete.apiKey }))).kind).toBe("auth");
    expect(normalizeIntervalsAthleteId("2049151")).toBe("i2049151");
    expect(normalizeIntervalsAthleteId("x1")).toBeNull();
  });

  it("walks date windows through 500 activities, each once and oldest first, skipping Strava stubs", async () => {
    const athlete = standIn.state.addAthlete();
    const made = standIn.state.addActivities(athlete.id, 500, clock);
    standIn.state.addActivity(athlete.id, { start_date: "2026-03-01T08:00:00Z", source: "STRAVA" });
    const tokens = apiKeyTokens(athlete);
    const after = new Date(clock.getTime() - 600 * DAY);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await client.listActivities(tokens, { after, before: clock, cursor, pageSize: 200 });
      seen.push(...page.activities.map((a) => a.externalId));
      cursor = page.next;
      pages++;
    } while (cursor && pages < 100);
    expect(pages).toBe(20); // 600 days in 30-day windows
    expect(standIn.state.count(/\/activities\?/)).toBe(20);
    expect(seen).toEqual(made.map((a) => a.id));

    // Resuming from a cursor continues where the window left off.
    const from = new Date(made[0].start_date);
    const first = await client.listActivities(tokens, { after: from, before: clock, cursor: null, pageSize: 200 });
    const second = await client.listActivities(tokens, { after: from, before: clock, cursor: first.next, pageSize: 200 });
    expect(first.activities.length).toBeGreaterThanOrEqual(29);
    expect(second.activities[0].startTime.getTime()).toBeGreaterThanOrEqual(Number(first.next));
    expect(second.activities[0].externalId).toBe(made[first.activities.length].id);
  });

  it("maps an activity into SI units with its zone and RPE; a deleted one or a stub is null", async () => {
    const athlete = standIn.state.addAthlete();
    const a = standIn.state.addActivity(athlete.id, {
      start_date: "2026-06-09T22:30:00Z",
      type: "TrailRun",
      name: "Night trail",
      distance: 15000.5,
      elapsed_time: 5400,
      moving_time: 5100,
      total_elevation_gain: 600,
      average_heartrate: 140,
      icu_rpe: 6,
      timezone: "Europe/Madrid",
    });
    const tokens = apiKeyTokens(athlete);
    expect(await client.getActivity(tokens, a.id)).toEqual({
      provider: "intervals",
      externalId: a.id,
      name: "Night trail",
      sport: "TrailRun",
      startTime: new Date("2026-06-09T22:30:00Z"),
      timeZone: "Europe/Madrid",
      elapsedSeconds: 5400,
      movingSeconds: 5100,
      distanceMeters: 15000.5,
      elevationGainMeters: 600,
      averageHeartRate: 140,
      perceivedExertion: 6,
      isPrivate: false,
      updatedAt: null,
    });
    // Local date 2026-06-10 in Madrid, UTC date 2026-06-09: the window by UTC instant still finds it.
    const page = await client.listActivities(tokens, { after: new Date("2026-06-09T22:00:00Z"), before: new Date("2026-06-09T23:00:00Z"), cursor: null, pageSize: 10 });
    expect(page.activities.map((x) => x.externalId)).toEqual([a.id]);

    standIn.state.deleteActivity(a.id);
    expect(await client.getActivity(tokens, a.id)).toBeNull();
    const stub = standIn.state.addActivity(athlete.id, { start_date: "2026-06-01T08:00:00Z", source: "STRAVA" });
    expect(await client.getActivity(tokens, stub.id)).toBeNull();
  });

  it("turns 429, 5xx, garbage and oversize answers into provider errors", async () => {
    const athlete = standIn.state.addAthlete();
    standIn.state.addActivities(athlete.id, 3, clock);
    const tokens = apiKeyTokens(athlete);
    const window = { after: new Date(clock.getTime() - 10 * DAY), before: clock, cursor: null, pageSize: 50 };

    standIn.state.rateLimitNext(1, 120);
    expect(await providerError(client.listActivities(tokens, window))).toMatchObject({ kind: "rate-limit", retryAfterSeconds: 120, status: 429 });
    standIn.state.rateLimitNext(1);
    expect((await providerError(client.listActivities(tokens, window))).retryAfterSeconds).toBe(60);

    standIn.state.inject({ status: 502, body: "Bad Gateway" });
    expect(await providerError(client.listActivities(tokens, window))).toMatchObject({ kind: "unavailable", status: 502 });
    standIn.state.inject({ status: 200, body: "{]" });
    expect((await providerError(client.listActivities(tokens, window))).message).toMatch(/not JSON/);
    standIn.state.inject({ status: 200, body: JSON.stringify([{ id: {}, type: "Run" }]) });
    expect((await providerError(client.listActivities(tokens, window))).kind).toBe("unavailable");
    const small = makeClient({ maxListBytes: 2000 });
    standIn.state.inject({ status: 200, body: "[" + '"x",'.repeat(1000) + '"x"]' });
    expect((await providerError(small.listActivities(tokens, window))).message).toMatch(/larger than 2000 bytes/);

    expect((await client.listActivities(tokens, window)).activities).toHaveLength(3);
  });

  it("delivers webhook events with the app's secret", async () => {
    const athlete = standIn.state.addAthlete();
    const a = standIn.state.addActivity(athlete.id, { start_date: "2026-06-10T06:00:00Z" });
    const received: unknown[] = [];
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push(JSON.parse(body));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const address = server.address();
    try {
      const url = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/hook`;
      expect(await standIn.state.sendWebhook(url, [{ athlete_id: athlete.id, type: "ACTIVITY_UPLOADED", activityId: a.id }])).toEqual([200]);
      expect(received[0]).toMatchObject({
        secret: "stand-in-webhook-secret",
        events: [{ athlete_id: athlete.id, type: "ACTIVITY_UPLOADED", activity: { id: a.id, type: "Run" } }],
      });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});
