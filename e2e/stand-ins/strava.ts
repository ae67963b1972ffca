import { randomBytes } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import {
  answerInjection,
  deliverJson,
  escapeHtml,
  isHttpUrl,
  listen,
  localDateTime,
  parseParams,
  readRequestBody,
  redirect,
  sendJson,
  takeInjection,
  type Injection,
  type RecordedRequest,
} from "./common";

/**
 * A local Strava for tests, written from Strava's API documentation (developers.strava.com: Authentication,
 * API Reference (Activities), Rate Limits, Webhook Events). It is test code: the production client is
 * lib/sync/providers/strava.ts, pointed here with STRAVA_BASE_URL.
 *
 * Faithful parts: the consent page (GET /oauth/authorize) redirecting back with code/scope/state or
 * error=access_denied; POST /oauth/token for authorization_code and refresh_token (access tokens expire after
 * `tokenLifetimeSeconds`; a refresh returns the same access token while it has more than an hour left);
 * POST /oauth/deauthorize; GET /api/v3/athlete, /api/v3/athlete/activities (before/after exclusive epoch seconds,
 * page, per_page up to 200, ascending when `after` is given, private activities only with activity:read_all),
 * GET /api/v3/activities/{id} (404 "Record Not Found" when gone); 401 "Authorization Error" on a bad or expired
 * token; X-RateLimit-* and X-ReadRateLimit-* headers on every API answer, and 429 "Rate Limit Exceeded" over the
 * limits; push subscriptions (POST/GET/DELETE /api/v3/push_subscriptions with the callback GET handshake) and
 * event delivery (POST JSON, retried up to 3 times when the callback does not answer 200).
 */

/** The app credentials the stand-in accepts unless told otherwise (set them as STRAVA_CLIENT_ID / _SECRET). */
export const STRAVA_STAND_IN_CLIENT = { clientId: "4242", clientSecret: "stand-in-client-secret-0123456789abcdef" } as const;

/** The id the first push subscription of a stand-in gets. */
export const FIRST_SUBSCRIPTION_ID = 120_001;

export type StravaStandInOptions = {
  port?: number;
  host?: string;
  clientId?: string;
  clientSecret?: string;
  /** Strava's access tokens last six hours. */
  tokenLifetimeSeconds?: number;
  /** Read ("non-upload") limits per 15 minutes and per day; the overall limits are twice these, as Strava's defaults. */
  shortLimit?: number;
  dailyLimit?: number;
  /** The stand-in's clock (token expiry, rate-limit windows); real time by default. */
  now?: () => Date;
  /** Delay between webhook delivery attempts. */
  webhookRetryDelayMs?: number;
};

export type StravaActivityInput = {
  id?: number;
  name?: string;
  sport_type?: string;
  start_date: Date | string;
  timezone?: string;
  elapsed_time?: number;
  moving_time?: number;
  distance?: number;
  total_elevation_gain?: number;
  average_heartrate?: number | null;
  perceived_exertion?: number | null;
  private?: boolean;
};

export type StravaActivityRecord = {
  id: number;
  athleteId: number;
  name: string;
  sport_type: string;
  start_date: string;
  timezone: string;
  elapsed_time: number;
  moving_time: number;
  distance: number;
  total_elevation_gain: number;
  average_heartrate: number | null;
  perceived_exertion: number | null;
  private: boolean;
  deleted: boolean;
};

export type StravaWebhookEvent = {
  object_type: "activity" | "athlete";
  object_id: number;
  aspect_type: "create" | "update" | "delete";
  updates: Record<string, string>;
  owner_id: number;
  subscription_id: number;
  event_time: number;
};

type Token = { athleteId: number; scope: string; expiresAt: number; revoked: boolean };

export type StravaStandInState = ReturnType<typeof createState>;

const AUTH_ERROR = { message: "Authorization Error", errors: [{ resource: "Athlete", field: "access_token", code: "invalid" }] };
const RATE_ERROR = { message: "Rate Limit Exceeded", errors: [{ resource: "Application", field: "rate limit", code: "exceeded" }] };
const notFound = (resource: string, field = "id") => ({ message: "Record Not Found", errors: [{ resource, field, code: "invalid" }] });
const badRequest = (resource: string, field: string, code = "invalid") => ({ message: "Bad Request", errors: [{ resource, field, code }] });

const secret = (bytes = 20) => randomBytes(bytes).toString("hex");

function createState(options: Required<Pick<StravaStandInOptions, "clientId" | "clientSecret" | "tokenLifetimeSeconds" | "shortLimit" | "dailyLimit" | "webhookRetryDelayMs">> & { now: () => Date }) {
  const athletes = new Map<number, { id: number; firstname: string; lastname: string }>();
  const activities = new Map<number, StravaActivityRecord>();
  const accessTokens = new Map<string, Token>();
  const refreshTokens = new Map<string, { athleteId: number; scope: string; access: string; revoked: boolean }>();
  const codes = new Map<string, { athleteId: number; scope: string; used: boolean }>();
  const requests: RecordedRequest[] = [];
  const injections: Injection[] = [];
  const deliveries: { event: StravaWebhookEvent; statuses: number[] }[] = [];
  let nextActivityId = 10_000_000_001;
  let nextAthleteId = 90_001;
  let usage = { quarter: -1, day: "", short: 0, daily: 0 };
  let subscription: { id: number; callbackUrl: string; verifyToken: string } | null = null;
  let nextSubscriptionId = FIRST_SUBSCRIPTION_ID;

  const state = {
    options,
    athletes,
    activities,
    accessTokens,
    refreshTokens,
    codes,
    requests,
    injections,
    deliveries,
    /** The athlete "logged in" on the consent page; the first athlete added unless set. */
    consentAthleteId: null as number | null,
    /** Scopes granted on the consent page; null grants what was asked (the athlete may untick private activities). */
    consentScope: null as string | null,
    get subscription() {
      return subscription;
    },
    set subscription(value) {
      subscription = value;
    },

    addAthlete(input: { id?: number; firstname?: string; lastname?: string } = {}): number {
      const id = input.id ?? nextAthleteId++;
      athletes.set(id, { id, firstname: input.firstname ?? "Stand-in", lastname: input.lastname ?? `Athlete ${id}` });
      state.consentAthleteId ??= id;
      return id;
    },

    addActivity(athleteId: number, input: StravaActivityInput): StravaActivityRecord {
      if (!athletes.has(athleteId)) state.addAthlete({ id: athleteId });
      const id = input.id ?? nextActivityId++;
      const start = new Date(input.start_date);
      const record: StravaActivityRecord = {
        id,
        athleteId,
        name: input.name ?? "Morning Run",
        sport_type: input.sport_type ?? "Run",
        start_date: start.toISOString().replace(/\.\d{3}Z$/, "Z"),
        timezone: input.timezone ?? "(GMT+01:00) Europe/Madrid",
        elapsed_time: input.elapsed_time ?? 3000,
        moving_time: input.moving_time ?? input.elapsed_time ?? 2900,
        distance: input.distance ?? 10_000,
        total_elevation_gain: input.total_elevation_gain ?? 45,
        average_heartrate: input.average_heartrate === undefined ? 148 : input.average_heartrate,
        perceived_exertion: input.perceived_exertion ?? null,
        private: input.private ?? false,
        deleted: false,
      };
      activities.set(id, record);
      return record;
    },

    /** `count` activities for one athlete, one a day (at 07:00 UTC) back from `until`, oldest first. */
    addActivities(athleteId: number, count: number, until: Date = options.now()): StravaActivityRecord[] {
      const created: StravaActivityRecord[] = [];
      const end = Date.UTC(until.getUTCFullYear(), until.getUTCMonth(), until.getUTCDate(), 7);
      for (let i = count - 1; i >= 0; i--) {
        const start = new Date(end - (i + 1) * 24 * 3600 * 1000 + (i % 3) * 3600 * 1000);
        created.push(state.addActivity(athleteId, { start_date: start, name: `Run ${count - i}`, distance: 8000 + (i % 7) * 500 }));
      }
      return created;
    },

    /** Changes an activity; the `updates` object Strava's webhook would carry for it (title, type, private). */
    updateActivity(id: number, patch: Partial<Omit<StravaActivityInput, "id">>): Record<string, string> {
      const record = activities.get(id);
      if (!record || record.deleted) throw new Error(`No activity ${id} in the Strava stand-in`);
      const updates: Record<string, string> = {};
      if (patch.name !== undefined && patch.name !== record.name) updates.title = patch.name;
      if (patch.sport_type !== undefined && patch.sport_type !== record.sport_type) updates.type = patch.sport_type;
      if (patch.private !== undefined && patch.private !== record.private) updates.private = String(patch.private);
      Object.assign(record, { ...patch, start_date: patch.start_date ? new Date(patch.start_date).toISOString().replace(/\.\d{3}Z$/, "Z") : record.start_date });
      return updates;
    },

    deleteActivity(id: number) {
      const record = activities.get(id);
      if (record) record.deleted = true;
    },

    /** Makes every access token (of one athlete, or all) expired, as after six hours. */
    expireAccessTokens(athleteId?: number) {
      const past = options.now().getTime() - 1000;
      for (const token of accessTokens.values()) if (athleteId === undefined || token.athleteId === athleteId) token.expiresAt = past;
    },

    /** Revokes every token of an athlete (as when they remove the app in their Strava settings). */
    revokeAthlete(athleteId: number) {
      for (const token of accessTokens.values()) if (token.athleteId === athleteId) token.revoked = true;
      for (const token of refreshTokens.values()) if (token.athleteId === athleteId) token.revoked = true;
    },

    /** The next matching API request(s) get this answer instead (status, raw body, delay). */
    inject(injection: Injection) {
      injections.push(injection);
    },

    /** The next `times` API requests get a 429 as if the 15-minute (or daily) limit were spent. */
    rateLimitNext(times = 1, window: "short" | "daily" = "short") {
      const [s, d] = [options.shortLimit, options.dailyLimit];
      const usageShort = window === "short" ? s : Math.min(usage.short, s - 1);
      const headers = {
        "x-ratelimit-limit": `${s * 2},${d * 2}`,
        "x-ratelimit-usage": `${window === "short" ? s * 2 : usageShort},${window === "daily" ? d * 2 : usage.daily}`,
        "x-readratelimit-limit": `${s},${d}`,
        "x-readratelimit-usage": `${usageShort},${window === "daily" ? d : usage.daily}`,
      };
      injections.push({ status: 429, body: JSON.stringify(RATE_ERROR), headers, match: /^\/api\/v3\//, times });
    },

    /** Sets the usage counters of the current windows (to test the limit headers and 429s). */
    setUsage(short: number, daily: number) {
      rollWindows();
      usage.short = short;
      usage.daily = daily;
    },

    usage() {
      rollWindows();
      return { short: usage.short, daily: usage.daily };
    },

    /** Requests received whose path (with query) matches, e.g. /\/athlete\/activities/. */
    count(match?: RegExp): number {
      return match ? requests.filter((r) => match.test(r.path)).length : requests.length;
    },

    /** The subscription handshake: GET callback?hub.mode=subscribe&hub.challenge=..&hub.verify_token=.. */
    async handshake(callbackUrl: string, verifyToken: string): Promise<{ ok: boolean; status: number; body: string }> {
      const challenge = secret(8);
      const url = new URL(callbackUrl);
      url.searchParams.set("hub.mode", "subscribe");
      url.searchParams.set("hub.challenge", challenge);
      url.searchParams.set("hub.verify_token", verifyToken);
      try {
        // Strava waits two seconds for the answer.
        const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
        const body = await response.text();
        let echoed: unknown;
        try {
          echoed = (JSON.parse(body) as Record<string, unknown>)["hub.challenge"];
        } catch {
          echoed = undefined;
        }
        return { ok: response.status === 200 && echoed === challenge, status: response.status, body };
      } catch {
        return { ok: false, status: 0, body: "" };
      }
    },

    /** Creates the app's one subscription directly (the handshake included), as POST /api/v3/push_subscriptions does. */
    async subscribe(callbackUrl: string, verifyToken: string): Promise<{ id: number } | { error: string }> {
      if (subscription) return { error: "already exists" };
      const result = await state.handshake(callbackUrl, verifyToken);
      if (!result.ok) return { error: "GET to callback URL does not return 200" };
      subscription = { id: nextSubscriptionId++, callbackUrl, verifyToken };
      return { id: subscription.id };
    },

    /** Delivers one event to the subscription's callback (retried up to 3 times); the status of each attempt. */
    async sendEvent(event: Omit<StravaWebhookEvent, "subscription_id" | "event_time"> & { event_time?: number }): Promise<number[]> {
      if (!subscription) throw new Error("The Strava stand-in has no push subscription: subscribe first");
      const full: StravaWebhookEvent = { ...event, subscription_id: subscription.id, event_time: event.event_time ?? Math.floor(options.now().getTime() / 1000) };
      const statuses = await deliverJson(subscription.callbackUrl, full, { attempts: 3, retryDelayMs: options.webhookRetryDelayMs, timeoutMs: 2000 });
      deliveries.push({ event: full, statuses });
      return statuses;
    },

    /** The event Strava sends for a change of an activity (`updates` from updateActivity for "update"). */
    async sendActivityEvent(id: number, aspect: "create" | "update" | "delete", updates: Record<string, string> = {}): Promise<number[]> {
      const record = activities.get(id);
      if (!record) throw new Error(`No activity ${id} in the Strava stand-in`);
      return state.sendEvent({ object_type: "activity", object_id: id, aspect_type: aspect, updates, owner_id: record.athleteId });
    },

    /** A new access token for an athlete without the consent page (for tests that start connected). */
    issueTokens(athleteId: number, scope = "read,activity:read_all") {
      if (!athletes.has(athleteId)) state.addAthlete({ id: athleteId });
      return issue(athleteId, scope);
    },
  };

  function issue(athleteId: number, scope: string) {
    const access = secret();
    const refresh = secret();
    const expiresAt = options.now().getTime() + options.tokenLifetimeSeconds * 1000;
    accessTokens.set(access, { athleteId, scope, expiresAt, revoked: false });
    refreshTokens.set(refresh, { athleteId, scope, access, revoked: false });
    return { access_token: access, refresh_token: refresh, expires_at: Math.floor(expiresAt / 1000), expires_in: options.tokenLifetimeSeconds };
  }

  function rollWindows() {
    const now = options.now();
    const quarter = Math.floor(now.getTime() / (15 * 60 * 1000));
    const day = now.toISOString().slice(0, 10);
    if (quarter !== usage.quarter) usage = { ...usage, quarter, short: 0 };
    if (day !== usage.day) usage = { ...usage, day, daily: 0 };
  }

  /** Counts one API request; the limit headers and whether it is over a limit. */
  function countRequest(): { headers: Record<string, string>; over: boolean } {
    rollWindows();
    usage.short += 1;
    usage.daily += 1;
    const [s, d] = [options.shortLimit, options.dailyLimit];
    return {
      headers: {
        "x-ratelimit-limit": `${s * 2},${d * 2}`,
        "x-ratelimit-usage": `${usage.short},${usage.daily}`,
        "x-readratelimit-limit": `${s},${d}`,
        "x-readratelimit-usage": `${usage.short},${usage.daily}`,
      },
      over: usage.short > s || usage.daily > d,
    };
  }

  return Object.assign(state, { issue, countRequest });
}

function summary(record: StravaActivityRecord, detailed: boolean) {
  const zone = record.timezone.replace(/^\([^)]*\)\s*/, "");
  // Strava writes the local wall time with a "Z" although it is not UTC; an unknown zone keeps the UTC time.
  const local = localDateTime(record.start_date, zone) + "Z";
  return {
    resource_state: detailed ? 3 : 2,
    athlete: { id: record.athleteId, resource_state: 1 },
    name: record.name,
    distance: record.distance,
    moving_time: record.moving_time,
    elapsed_time: record.elapsed_time,
    total_elevation_gain: record.total_elevation_gain,
    type: legacyType(record.sport_type),
    sport_type: record.sport_type,
    id: record.id,
    start_date: record.start_date,
    start_date_local: local,
    timezone: record.timezone,
    utc_offset: 3600,
    location_city: null,
    achievement_count: 0,
    kudos_count: 0,
    trainer: record.sport_type.startsWith("Virtual"),
    commute: false,
    manual: false,
    private: record.private,
    visibility: record.private ? "only_me" : "everyone",
    flagged: false,
    has_heartrate: record.average_heartrate !== null,
    ...(record.average_heartrate !== null ? { average_heartrate: record.average_heartrate, max_heartrate: record.average_heartrate + 20 } : {}),
    average_speed: record.moving_time > 0 ? record.distance / record.moving_time : 0,
    map: { id: `a${record.id}`, summary_polyline: "", resource_state: 2 },
    ...(detailed ? { description: null, calories: 0, perceived_exertion: record.perceived_exertion, splits_metric: [], laps: [], segment_efforts: [] } : {}),
  };
}

/** The older `type` field: Strava folds the newer sport types into their closest legacy type. */
function legacyType(sportType: string): string {
  const map: Record<string, string> = { TrailRun: "Run", MountainBikeRide: "Ride", GravelRide: "Ride", EMountainBikeRide: "EBikeRide" };
  return map[sportType] ?? sportType;
}

export type StravaStandIn = { url: string; state: StravaStandInState; close: () => Promise<void> };

export async function startStravaStandIn(options: StravaStandInOptions = {}): Promise<StravaStandIn> {
  const state = createState({
    clientId: options.clientId ?? STRAVA_STAND_IN_CLIENT.clientId,
    clientSecret: options.clientSecret ?? STRAVA_STAND_IN_CLIENT.clientSecret,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? 6 * 3600,
    shortLimit: options.shortLimit ?? 100,
    dailyLimit: options.dailyLimit ?? 1000,
    webhookRetryDelayMs: options.webhookRetryDelayMs ?? 100,
    now: options.now ?? (() => new Date()),
  });
  const now = () => state.options.now().getTime();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const path = url.pathname + url.search;
    state.requests.push({ method: req.method ?? "GET", path, at: new Date() });
    const raw = req.method === "POST" || req.method === "PUT" ? await readRequestBody(req) : "";
    if (raw === null) return sendJson(res, 413, badRequest("Request", "body", "too large"));
    const params = parseParams(url, raw, req.headers["content-type"]);

    if (url.pathname.startsWith("/api/v3/") && !url.pathname.startsWith("/api/v3/push_subscriptions")) {
      const { headers, over } = state.countRequest();
      const injection = takeInjection(state.injections, path);
      if (injection) return answerInjection(res, injection, headers);
      if (over) return sendJson(res, 429, RATE_ERROR, headers);
      return api(req, res, url, headers);
    }
    const injection = takeInjection(state.injections, path, false);
    if (injection) return answerInjection(res, injection, {});

    if (req.method === "GET" && url.pathname === "/oauth/authorize") return consentPage(res, url);
    if (req.method === "POST" && url.pathname === "/oauth/accept") return consentDecision(res, params);
    if (req.method === "POST" && url.pathname === "/oauth/token") return token(res, params);
    if (req.method === "POST" && url.pathname === "/oauth/deauthorize") return deauthorize(req, res, params);
    if (url.pathname.startsWith("/api/v3/push_subscriptions")) return pushSubscriptions(req, res, url, params);
    return sendJson(res, 404, notFound("resource", "path"));
  }

  function consentPage(res: ServerResponse, url: URL) {
    const q = url.searchParams;
    if (q.get("client_id") !== state.options.clientId) return sendJson(res, 400, badRequest("Application", "client_id"));
    if (!isHttpUrl(q.get("redirect_uri"))) return sendJson(res, 400, badRequest("Application", "redirect_uri"));
    if (q.get("response_type") !== "code") return sendJson(res, 400, badRequest("Application", "response_type"));
    const athleteId = state.consentAthleteId ?? state.addAthlete();
    const athlete = state.athletes.get(athleteId);
    const asked = q.get("scope") || "read";
    const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
    const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Authorize application | Strava (stand-in)</title></head>
<body>
<h1>Authorize application</h1>
<p>Signed in as ${escapeHtml(`${athlete?.firstname ?? ""} ${athlete?.lastname ?? ""}`)}</p>
<p>The application is requesting access to: ${escapeHtml(asked)}</p>
<form method="post" action="/oauth/accept">
${hidden("client_id", q.get("client_id") ?? "")}${hidden("redirect_uri", q.get("redirect_uri") ?? "")}${hidden("state", q.get("state") ?? "")}${hidden("scope", asked)}${hidden("athlete_id", String(athleteId))}
<button type="submit" name="decision" value="authorize">Authorize</button>
<button type="submit" name="decision" value="cancel">Cancel</button>
</form>
</body></html>`;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  }

  function consentDecision(res: ServerResponse, params: URLSearchParams) {
    const redirectUri = params.get("redirect_uri");
    if (!isHttpUrl(redirectUri) || params.get("client_id") !== state.options.clientId) return sendJson(res, 400, badRequest("Application", "redirect_uri"));
    const target = new URL(redirectUri);
    target.searchParams.set("state", params.get("state") ?? "");
    if (params.get("decision") !== "authorize") {
      target.searchParams.set("error", "access_denied");
      return redirect(res, target.toString());
    }
    const athleteId = Number(params.get("athlete_id"));
    // Strava always grants "read"; the athlete may untick the others.
    const granted = state.consentScope ?? params.get("scope") ?? "read";
    const scope = Array.from(new Set(["read", ...granted.split(/[ ,]+/).filter(Boolean)])).join(",");
    const code = secret();
    state.codes.set(code, { athleteId, scope, used: false });
    target.searchParams.set("code", code);
    target.searchParams.set("scope", scope);
    return redirect(res, target.toString());
  }

  function token(res: ServerResponse, params: URLSearchParams) {
    if (params.get("client_id") !== state.options.clientId || params.get("client_secret") !== state.options.clientSecret) {
      return sendJson(res, 401, badRequest("Application", "client_id"));
    }
    const grant = params.get("grant_type");
    if (grant === "authorization_code") {
      const entry = state.codes.get(params.get("code") ?? "");
      if (!entry || entry.used) return sendJson(res, 400, badRequest("AuthorizationCode", "code"));
      entry.used = true;
      const athlete = state.athletes.get(entry.athleteId);
      return sendJson(res, 200, {
        token_type: "Bearer",
        ...state.issue(entry.athleteId, entry.scope),
        athlete: { id: entry.athleteId, username: null, resource_state: 2, firstname: athlete?.firstname, lastname: athlete?.lastname },
      });
    }
    if (grant === "refresh_token") {
      const refresh = params.get("refresh_token") ?? "";
      const entry = state.refreshTokens.get(refresh);
      if (!entry || entry.revoked) return sendJson(res, 400, badRequest("RefreshToken", "refresh_token"));
      const current = state.accessTokens.get(entry.access);
      // Strava hands back the same access token while it has more than an hour to live.
      if (current && !current.revoked && current.expiresAt - now() > 3600 * 1000) {
        return sendJson(res, 200, {
          token_type: "Bearer",
          access_token: entry.access,
          refresh_token: refresh,
          expires_at: Math.floor(current.expiresAt / 1000),
          expires_in: Math.floor((current.expiresAt - now()) / 1000),
        });
      }
      if (current) current.revoked = true;
      state.refreshTokens.delete(refresh);
      return sendJson(res, 200, { token_type: "Bearer", ...state.issue(entry.athleteId, entry.scope) });
    }
    return sendJson(res, 400, badRequest("Application", "grant_type"));
  }

  function authenticate(req: IncomingMessage, url: URL): Token | null {
    const header = req.headers.authorization ?? "";
    const access = /^Bearer\s+(\S+)$/i.exec(header)?.[1] ?? url.searchParams.get("access_token") ?? "";
    const token = state.accessTokens.get(access);
    if (!token || token.revoked || token.expiresAt <= now()) return null;
    return token;
  }

  function deauthorize(req: IncomingMessage, res: ServerResponse, params: URLSearchParams) {
    const access = params.get("access_token") ?? /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? "")?.[1] ?? "";
    const token = state.accessTokens.get(access);
    if (!token || token.revoked || token.expiresAt <= now()) return sendJson(res, 401, AUTH_ERROR);
    state.revokeAthlete(token.athleteId);
    sendJson(res, 200, { access_token: access });
    // Strava tells the app through its subscription, as for a deauthorization from the athlete's settings.
    if (state.subscription) {
      void state.sendEvent({ object_type: "athlete", object_id: token.athleteId, aspect_type: "update", updates: { authorized: "false" }, owner_id: token.athleteId });
    }
  }

  function api(req: IncomingMessage, res: ServerResponse, url: URL, headers: Record<string, string>) {
    if (req.method !== "GET") return sendJson(res, 404, notFound("resource", "path"), headers);
    const token = authenticate(req, url);
    if (!token) return sendJson(res, 401, AUTH_ERROR, headers);
    const scopes = token.scope.split(",");
    const readAll = scopes.includes("activity:read_all");

    if (url.pathname === "/api/v3/athlete") {
      const athlete = state.athletes.get(token.athleteId);
      return sendJson(res, 200, { id: token.athleteId, resource_state: 2, firstname: athlete?.firstname, lastname: athlete?.lastname }, headers);
    }
    if (url.pathname === "/api/v3/athlete/activities") {
      if (!readAll && !scopes.includes("activity:read")) {
        return sendJson(res, 401, { message: "Authorization Error", errors: [{ resource: "AccessToken", field: "activity:read_permission", code: "missing" }] }, headers);
      }
      const q = url.searchParams;
      const int = (name: string) => (q.has(name) ? Number(q.get(name)) : null);
      const [before, after, page, perPage] = [int("before"), int("after"), int("page") ?? 1, int("per_page") ?? 30];
      for (const v of [before, after, page, perPage]) if (v !== null && !Number.isInteger(v)) return sendJson(res, 400, badRequest("Activity", "query"), headers);
      const size = Math.min(200, Math.max(1, perPage));
      const list = [...state.activities.values()]
        .filter((a) => a.athleteId === token.athleteId && !a.deleted && (readAll || !a.private))
        .filter((a) => {
          const s = Date.parse(a.start_date) / 1000;
          return (after === null || s > after) && (before === null || s < before);
        })
        .sort((x, y) => (after !== null ? 1 : -1) * (Date.parse(x.start_date) - Date.parse(y.start_date)) || x.id - y.id);
      const from = (Math.max(1, page) - 1) * size;
      return sendJson(res, 200, list.slice(from, from + size).map((a) => summary(a, false)), headers);
    }
    const match = /^\/api\/v3\/activities\/(\d+)$/.exec(url.pathname);
    if (match) {
      const record = state.activities.get(Number(match[1]));
      if (!record || record.deleted || record.athleteId !== token.athleteId || (record.private && !readAll)) {
        return sendJson(res, 404, notFound("Activity"), headers);
      }
      return sendJson(res, 200, summary(record, true), headers);
    }
    return sendJson(res, 404, notFound("resource", "path"), headers);
  }

  async function pushSubscriptions(req: IncomingMessage, res: ServerResponse, url: URL, params: URLSearchParams) {
    if (params.get("client_id") !== state.options.clientId || params.get("client_secret") !== state.options.clientSecret) {
      return sendJson(res, 401, badRequest("Application", "client_id"));
    }
    if (req.method === "GET" && url.pathname === "/api/v3/push_subscriptions") {
      const s = state.subscription;
      return sendJson(res, 200, s ? [{ id: s.id, resource_state: 2, application_id: Number(state.options.clientId), callback_url: s.callbackUrl }] : []);
    }
    if (req.method === "POST" && url.pathname === "/api/v3/push_subscriptions") {
      const callbackUrl = params.get("callback_url");
      const verifyToken = params.get("verify_token") ?? "";
      if (!isHttpUrl(callbackUrl)) return sendJson(res, 400, badRequest("PushSubscription", "callback url", "invalid"));
      const result = await state.subscribe(callbackUrl, verifyToken);
      if ("error" in result) return sendJson(res, 400, badRequest("PushSubscription", "callback url", result.error));
      return sendJson(res, 201, { id: result.id });
    }
    const match = /^\/api\/v3\/push_subscriptions\/(\d+)$/.exec(url.pathname);
    if (req.method === "DELETE" && match) {
      if (!state.subscription || state.subscription.id !== Number(match[1])) return sendJson(res, 404, notFound("PushSubscription"));
      state.subscription = null;
      res.writeHead(204);
      return res.end();
    }
    return sendJson(res, 404, notFound("resource", "path"));
  }

  const listening = await listen(handle, { port: options.port, host: options.host, name: "Strava" });
  return { url: listening.url, state, close: listening.close };
}
