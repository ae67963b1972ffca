import { createServer, type Server } from "node:http";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startStravaStandIn, type StravaStandIn } from "@/e2e/stand-ins/strava";
import { createStravaClient, stravaRetryAfterSeconds } from "@/lib/sync/providers/strava";
import { ProviderError, type ProviderClient, type TokenSet } from "@/lib/sync/providers/types";

const DAY = 24 * 3600 * 1000;
let standIn: StravaStandIn;
let clock: Date;
let client: ProviderClient;

function makeClient(overrides: Partial<Parameters<typeof createStravaClient>[0]> = {}) {
  return createStravaClient({
    clientId: standIn.state.options.clientId,
    clientSecret: standIn.state.options.clientSecret,
    baseUrl: standIn.url,
    now: () => clock,
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

/** Goes through the consent page as a browser would: the "Authorize" (or "Cancel") button's form post. */
async function consent(authorizeUrl: string, decision: "authorize" | "cancel"): Promise<URL> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain(">Authorize</button>");
  expect(html).toContain(">Cancel</button>");
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1], m[2].replace(/&amp;/g, "&"));
  form.set("decision", decision);
  const answer = await fetch(`${standIn.url}/oauth/accept`, { method: "POST", body: form, redirect: "manual" });
  expect(answer.status).toBe(302);
  return new URL(answer.headers.get("location") as string);
}

beforeEach(async () => {
  clock = new Date("2026-06-10T10:07:30Z");
  standIn = await startStravaStandIn({ now: () => clock, shortLimit: 100, dailyLimit: 1000, webhookRetryDelayMs: 10 });
  client = makeClient();
});

afterEach(async () => {
  await standIn.close();
});

describe("Strava client against the stand-in", () => {
  it("connects through the consent page and trades the code for tokens once", async () => {
    const athleteId = standIn.state.addAthlete({ firstname: "Marta" });
    const redirectUri = "http://localhost:3000/api/sync/strava/callback";
    const url = client.authorizeUrl({ state: "st4te", redirectUri });
    expect(new URL(url).searchParams.get("scope")).toBe("read,activity:read_all");
    expect(new URL(url).searchParams.get("response_type")).toBe("code");

    const back = await consent(url, "authorize");
    expect(back.origin + back.pathname).toBe(redirectUri);
    expect(back.searchParams.get("state")).toBe("st4te");
    expect(back.searchParams.get("scope")).toBe("read,activity:read_all");
    const code = back.searchParams.get("code") as string;

    const tokens = await client.exchangeCode({ code, redirectUri });
    expect(tokens).toMatchObject({ externalAthleteId: String(athleteId), kind: "oauth" });
    expect(tokens.refreshToken).toBeTruthy();
    expect(tokens.expiresAt?.getTime()).toBe(Math.floor((clock.getTime() + 6 * 3600 * 1000) / 1000) * 1000);

    // A code works once; a made-up one is refused.
    expect((await providerError(client.exchangeCode({ code, redirectUri }))).kind).toBe("auth");
    expect((await providerError(client.exchangeCode({ code: "nope", redirectUri }))).kind).toBe("auth");

    const cancelled = await consent(client.authorizeUrl({ state: "again", redirectUri }), "cancel");
    expect(cancelled.searchParams.get("error")).toBe("access_denied");
    expect(cancelled.searchParams.get("state")).toBe("again");
    expect(cancelled.searchParams.get("code")).toBeNull();
  });

  it("pages through 500 activities oldest first, each once, within [after, before)", async () => {
    const athleteId = standIn.state.addAthlete();
    const made = standIn.state.addActivities(athleteId, 500, clock);
    const tokens = tokenSet(athleteId);
    const after = new Date(clock.getTime() - 600 * DAY);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page = await client.listActivities(tokens, { after, before: clock, cursor, pageSize: 200 });
      seen.push(...page.activities.map((a) => a.externalId));
      expect(page.rate).toMatchObject({ shortLimit: 100, dailyLimit: 1000 });
      cursor = page.next;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(standIn.state.count(/\/athlete\/activities/)).toBe(3);
    expect(seen).toEqual(made.map((a) => String(a.id)));
    expect(new Set(seen).size).toBe(500);

    // Boundaries: an activity starting exactly at `after` is in, one exactly at `before` is out.
    const first = made[10];
    const last = made[20];
    const page = await client.listActivities(tokens, { after: new Date(first.start_date), before: new Date(last.start_date), cursor: null, pageSize: 200 });
    expect(page.activities.map((a) => a.externalId)).toEqual(made.slice(10, 20).map((a) => String(a.id)));
    expect(page.next).toBeNull();
  });

  it("maps an activity into SI units with its zone, privacy and exertion, and a deleted one to null", async () => {
    const athleteId = standIn.state.addAthlete();
    const a = standIn.state.addActivity(athleteId, {
      start_date: "2026-06-09T06:30:00Z",
      sport_type: "TrailRun",
      name: "  Hills  ",
      distance: 12345.6,
      elapsed_time: 4000,
      moving_time: 3800,
      total_elevation_gain: 321,
      average_heartrate: 151.2,
      perceived_exertion: 7,
      private: true,
      timezone: "(GMT+01:00) Europe/Madrid",
    });
    const tokens = tokenSet(athleteId);
    expect(await client.getActivity(tokens, String(a.id))).toEqual({
      provider: "strava",
      externalId: String(a.id),
      name: "Hills",
      sport: "TrailRun",
      startTime: new Date("2026-06-09T06:30:00Z"),
      timeZone: "Europe/Madrid",
      elapsedSeconds: 4000,
      movingSeconds: 3800,
      distanceMeters: 12345.6,
      elevationGainMeters: 321,
      averageHeartRate: 151.2,
      perceivedExertion: 7,
      isPrivate: true,
      updatedAt: null,
    });
    standIn.state.deleteActivity(a.id);
    expect(await client.getActivity(tokens, String(a.id))).toBeNull();
    expect(await client.getActivity(tokens, "not-a-number")).toBeNull();
    // Private activities need activity:read_all.
    const publicOnly = { ...tokens, accessToken: standIn.state.issueTokens(athleteId, "read,activity:read").access_token };
    const b = standIn.state.addActivity(athleteId, { start_date: "2026-06-09T08:00:00Z", private: true });
    expect(await client.getActivity(publicOnly, String(b.id))).toBeNull();
  });

  it("gets a 401 with an expired token, refreshes, and carries on", async () => {
    const athleteId = standIn.state.addAthlete();
    standIn.state.addActivities(athleteId, 5, clock);
    let tokens = tokenSet(athleteId);
    const window = { after: new Date(clock.getTime() - 30 * DAY), before: clock, cursor: null, pageSize: 50 };
    expect((await client.listActivities(tokens, window)).activities).toHaveLength(5);

    clock = new Date(clock.getTime() + 6 * 3600 * 1000 + 1000);
    const expired = await providerError(client.listActivities(tokens, window));
    expect(expired).toMatchObject({ kind: "auth", status: 401 });

    const refreshed = await client.refresh(tokens);
    expect(refreshed.accessToken).not.toBe(tokens.accessToken);
    expect(refreshed.externalAthleteId).toBe(tokens.externalAthleteId);
    expect(refreshed.expiresAt!.getTime()).toBeGreaterThan(clock.getTime());
    tokens = refreshed;
    expect((await client.listActivities(tokens, window)).activities).toHaveLength(5);

    standIn.state.revokeAthlete(athleteId);
    expect((await providerError(client.refresh(tokens))).kind).toBe("auth");
  });

  it("turns a 429 into rate-limit with the wait to the next quarter hour, or to midnight UTC when the day is spent", async () => {
    const athleteId = standIn.state.addAthlete();
    const tokens = tokenSet(athleteId);
    const window = { after: new Date(clock.getTime() - DAY), before: clock, cursor: null, pageSize: 50 };

    standIn.state.rateLimitNext(1, "short");
    const short = await providerError(client.listActivities(tokens, window));
    expect(short).toMatchObject({ kind: "rate-limit", status: 429, retryAfterSeconds: 450 }); // 10:07:30 → 10:15:00

    standIn.state.rateLimitNext(1, "daily");
    const daily = await providerError(client.listActivities(tokens, window));
    expect(daily.retryAfterSeconds).toBe(13 * 3600 + 52 * 60 + 30); // 10:07:30 → 24:00:00

    // The real budget: the 101st request in a window is refused.
    standIn.state.setUsage(99, 500);
    const ok = await client.listActivities(tokens, window);
    expect(ok.rate).toEqual({ shortLimit: 100, shortUsage: 100, dailyLimit: 1000, dailyUsage: 501 });
    expect((await providerError(client.listActivities(tokens, window))).kind).toBe("rate-limit");

    expect(stravaRetryAfterSeconds({ shortLimit: 100, shortUsage: 100, dailyLimit: 1000, dailyUsage: 10 }, new Date("2026-06-10T10:15:00Z"))).toBe(900);
  });

  it("reports 5xx, timeouts, garbage and oversize bodies as unavailable", async () => {
    const athleteId = standIn.state.addAthlete();
    standIn.state.addActivities(athleteId, 3, clock);
    const tokens = tokenSet(athleteId);
    const window = { after: new Date(clock.getTime() - 10 * DAY), before: clock, cursor: null, pageSize: 50 };

    standIn.state.inject({ status: 503, body: "<html>Service Unavailable</html>" });
    expect(await providerError(client.listActivities(tokens, window))).toMatchObject({ kind: "unavailable", status: 503 });

    standIn.state.inject({ status: 200, body: "[{not json" });
    expect((await providerError(client.listActivities(tokens, window))).message).toMatch(/not JSON/);

    standIn.state.inject({ status: 200, body: JSON.stringify([{ id: "x", start_date: "yesterday" }]) });
    expect((await providerError(client.listActivities(tokens, window))).message).toMatch(/unexpected shape/);

    standIn.state.inject({ status: 200, body: JSON.stringify({ message: "not a list" }) });
    expect((await providerError(client.listActivities(tokens, window))).kind).toBe("unavailable");

    const small = makeClient({ maxListBytes: 10_000 });
    const huge = "[" + Array.from({ length: 400 }, () => '{"padding":"' + "x".repeat(100) + '"}').join(",") + "]";
    standIn.state.inject({ status: 200, body: huge });
    expect((await providerError(small.listActivities(tokens, window))).message).toMatch(/larger than 10000 bytes/);
    standIn.state.inject({ status: 200, body: huge, headers: { "content-length": String(Buffer.byteLength(huge)) } });
    expect((await providerError(small.listActivities(tokens, window))).message).toMatch(/larger than 10000 bytes/);

    const impatient = makeClient({ timeoutMs: 200 });
    standIn.state.inject({ status: 200, body: "[]", delayMs: 1000 });
    expect((await providerError(impatient.listActivities(tokens, window))).message).toMatch(/in time/);

    const nowhere = createStravaClient({ clientId: "1", clientSecret: "x".repeat(10), baseUrl: "http://127.0.0.1:9", timeoutMs: 2000 });
    expect((await providerError(nowhere.listActivities(tokens, window))).kind).toBe("unavailable");

    // After all that, the real answer still comes through.
    expect((await client.listActivities(tokens, window)).activities).toHaveLength(3);
  });

  it("runs the webhook handshake, delivers events, and tells the app about a deauthorization", async () => {
    const received: unknown[] = [];
    const server: Server = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      if (req.method === "GET") {
        const ok = url.searchParams.get("hub.verify_token") === "verify-me-please";
        res.writeHead(ok ? 200 : 403, { "content-type": "application/json" });
        return res.end(ok ? JSON.stringify({ "hub.challenge": url.searchParams.get("hub.challenge") }) : "{}");
      }
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        received.push(JSON.parse(body));
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
    const address = server.address();
    const callback = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/api/sync/strava/webhook`;
    try {
      const { clientId, clientSecret } = standIn.state.options;
      const refused = await fetch(`${standIn.url}/api/v3/push_subscriptions`, {
        method: "POST",
        body: new URLSearchParams({ client_id: clientId, client_secret: clientSecret, callback_url: callback, verify_token: "wrong-token" }),
      });
      expect(refused.status).toBe(400);
      const created = await fetch(`${standIn.url}/api/v3/push_subscriptions`, {
        method: "POST",
        body: new URLSearchParams({ client_id: clientId, client_secret: clientSecret, callback_url: callback, verify_token: "verify-me-please" }),
      });
      expect(created.status).toBe(201);
      const { id } = (await created.json()) as { id: number };

      const athleteId = standIn.state.addAthlete();
      const a = standIn.state.addActivity(athleteId, { start_date: "2026-06-10T06:00:00Z" });
      expect(await standIn.state.sendActivityEvent(a.id, "create")).toEqual([200]);
      const updates = standIn.state.updateActivity(a.id, { name: "Tempo", sport_type: "TrailRun" });
      await standIn.state.sendActivityEvent(a.id, "update", updates);
      expect(received[1]).toMatchObject({ object_type: "activity", object_id: a.id, aspect_type: "update", updates: { title: "Tempo", type: "TrailRun" }, owner_id: athleteId, subscription_id: id });

      const tokens = tokenSet(athleteId);
      await client.deauthorize(tokens);
      expect((await providerError(client.getActivity(tokens, String(a.id)))).kind).toBe("auth");
      await expect.poll(() => received.length).toBe(3);
      expect(received[2]).toMatchObject({ object_type: "athlete", object_id: athleteId, aspect_type: "update", updates: { authorized: "false" } });
    } finally {
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

function tokenSet(athleteId: number): TokenSet {
  const issued = standIn.state.issueTokens(athleteId);
  return {
    accessToken: issued.access_token,
    refreshToken: issued.refresh_token,
    expiresAt: new Date(issued.expires_at * 1000),
    scope: "read,activity:read_all",
    externalAthleteId: String(athleteId),
    kind: "oauth",
  };
}
