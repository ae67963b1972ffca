import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import { expect } from "vitest";
import { db } from "@/lib/db";
import { INTERVALS_STAND_IN_CLIENT, startIntervalsStandIn, type IntervalsStandIn } from "@/e2e/stand-ins/intervals";
import { startStravaStandIn, type StravaStandIn } from "@/e2e/stand-ins/strava";
import { openTokens, sealTokens } from "@/lib/sync/crypto";
import { parseIntervalsWebhook, parseStravaEvent, stravaHandshakeAnswer } from "@/lib/sync/providers/events";
import { createIntervalsClient, type IntervalsClient } from "@/lib/sync/providers/intervals";
import { createStravaClient } from "@/lib/sync/providers/strava";
import type { ProviderClient } from "@/lib/sync/providers/types";
import { acceptSyncEvent } from "@/lib/sync/webhook";
import type { SyncDeps } from "@/lib/sync/worker";

// The pipeline's integration tests run the production clients (lib/sync/providers/) against the HTTP
// stand-ins of Strava and Intervals.icu (e2e/stand-ins/), started once per test file on a free port.

const KEYS = { current: randomBytes(32) };
export const VERIFY_TOKEN = "sync-test-verify-token";
export const REDIRECT_URI = "http://127.0.0.1:3000/api/sync/strava/callback";

/** Generous limits so only the tests that spend them on purpose meet a 429 or a spread delay. */
export const SHORT_LIMIT = 1000;
export const DAILY_LIMIT = 100_000;

export type Providers = {
  strava: StravaStandIn;
  intervals: IntervalsStandIn;
  stravaClient: ProviderClient;
  intervalsClient: IntervalsClient;
  deps: SyncDeps;
  /** Moves the stand-ins' clock forward (a rate-limit window turning); the app keeps the real clock. */
  advance(ms: number): void;
  /** Puts the stand-ins' clock back on the real one. */
  resetClock(): void;
  webhook: WebhookReceiver;
  close(): Promise<void>;
};

export async function startProviders(): Promise<Providers> {
  let offset = 0;
  const now = () => new Date(Date.now() + offset);
  const strava = await startStravaStandIn({ port: 0, now, shortLimit: SHORT_LIMIT, dailyLimit: DAILY_LIMIT, webhookRetryDelayMs: 10 });
  const intervals = await startIntervalsStandIn({ port: 0, now });
  const stravaClient = createStravaClient({ clientId: strava.state.options.clientId, clientSecret: strava.state.options.clientSecret, baseUrl: strava.url, timeoutMs: 5000 });
  const intervalsClient = createIntervalsClient({
    clientId: INTERVALS_STAND_IN_CLIENT.clientId,
    clientSecret: INTERVALS_STAND_IN_CLIENT.clientSecret,
    baseUrl: intervals.url,
    timeoutMs: 5000,
  });
  const deps = depsFor(stravaClient, intervalsClient);
  const webhook = await startWebhookReceiver();
  const subscribed = await strava.state.subscribe(`${webhook.url}/strava`, VERIFY_TOKEN);
  if ("error" in subscribed) throw new Error(`The Strava stand-in could not subscribe: ${subscribed.error}`);
  return {
    strava,
    intervals,
    stravaClient,
    intervalsClient,
    deps,
    webhook,
    advance: (ms) => {
      offset += ms;
    },
    resetClock: () => {
      offset = 0;
    },
    close: async () => {
      await Promise.all([strava.close(), intervals.close(), webhook.close()]);
    },
  };
}

export function depsFor(...clients: ProviderClient[]): SyncDeps {
  return {
    client: (id) => clients.find((c) => c.id === id) ?? null,
    seal: (t) => sealTokens(t, KEYS),
    open: (s) => openTokens(s, KEYS),
  };
}

export type WebhookReceiver = {
  url: string;
  /** What acceptSyncEvent answered for each event delivered, in order. */
  outcomes: string[];
  /** While true, deliveries are answered 503 (the app is down or restarting) and nothing is queued. */
  down: boolean;
  close(): Promise<void>;
};

/**
 * Receives the stand-ins' webhook deliveries the way app/api/sync/[provider]/webhook/route.ts does (handshake,
 * strict parsing, acceptSyncEvent) but without the route's process-wide settings and worker kick, so the tests
 * decide when the queue drains and which clients it uses.
 */
async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const outcomes: string[] = [];
  const receiver = { down: false };
  const server = createServer((req, res) => {
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(body));
    };
    const url = new URL(req.url ?? "/", "http://receiver");
    if (req.method === "GET") {
      const challenge = stravaHandshakeAnswer(url.searchParams, VERIFY_TOKEN);
      return challenge ? answer(200, challenge) : answer(403, { error: "wrong verify token" });
    }
    if (receiver.down) return answer(503, { error: "unavailable" });
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      void (async () => {
        let body: unknown;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        } catch {
          return answer(400, { error: "not JSON" });
        }
        if (url.pathname === "/strava") {
          const parsed = parseStravaEvent(body);
          if (!parsed.ok) return answer(400, { error: parsed.error });
          if (parsed.event) outcomes.push(await acceptSyncEvent(db(), parsed.event));
          return answer(200, { ok: true });
        }
        const parsed = parseIntervalsWebhook(body, INTERVALS_STAND_IN_CLIENT.webhookSecret);
        if (!parsed.ok) return answer(400, { error: parsed.error });
        for (const event of parsed.events) outcomes.push(await acceptSyncEvent(db(), event));
        return answer(200, { ok: true });
      })().catch((error: unknown) => answer(500, { error: String(error) }));
    });
  });
  const port = await new Promise<number>((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      resolve(typeof address === "object" && address ? address.port : 0);
    }),
  );
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}`,
    outcomes,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}

/** Goes through a stand-in's consent page as a browser would and presses "Authorize"; where it sends the athlete back. */
async function consent(standInUrl: string, authorizeUrl: string): Promise<URL> {
  const page = await fetch(authorizeUrl);
  expect(page.status).toBe(200);
  const html = await page.text();
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1], m[2].replace(/&amp;/g, "&"));
  form.set("decision", "authorize");
  const back = await fetch(`${standInUrl}/oauth/accept`, { method: "POST", body: form, redirect: "manual" });
  expect(back.status).toBe(302);
  return new URL(back.headers.get("location") as string);
}

/** The athlete goes through the stand-in's consent page and the app trades the code for tokens, as the callback does. */
export async function consentAtStrava(p: Providers, stravaAthleteId: number) {
  p.strava.state.consentAthleteId = stravaAthleteId;
  const back = await consent(p.strava.url, p.stravaClient.authorizeUrl({ state: "st", redirectUri: REDIRECT_URI }));
  const tokens = await p.stravaClient.exchangeCode({ code: back.searchParams.get("code") as string, redirectUri: REDIRECT_URI });
  // Strava gives the granted scopes on the redirect, not in the token answer (the callback reads them there).
  return { ...tokens, scope: back.searchParams.get("scope") };
}

/** The same through Intervals.icu's OAuth consent page. */
export async function consentAtIntervals(p: Providers, intervalsAthleteId: string) {
  p.intervals.state.consentAthleteId = intervalsAthleteId;
  const redirectUri = REDIRECT_URI.replace("strava", "intervals");
  const back = await consent(p.intervals.url, p.intervalsClient.authorizeUrl({ state: "st", redirectUri }));
  return p.intervalsClient.exchangeCode({ code: back.searchParams.get("code") as string, redirectUri });
}

/** Waits until a condition holds (a webhook the stand-in delivers on its own), failing after `ms`. */
export async function until(condition: () => boolean, ms = 3000) {
  const end = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > end) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 10));
  }
}
