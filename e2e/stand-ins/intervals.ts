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
 * A local Intervals.icu for tests, written from its published documentation: "Intervals.icu OAuth support"
 * (forum.intervals.icu/t/2759), "API access to Intervals.icu" (forum.intervals.icu/t/609) and the API docs at
 * intervals.icu/api-docs.html. It is test code: the production client is lib/sync/providers/intervals.ts.
 *
 * Faithful parts: the consent page (GET /oauth/authorize) redirecting with code and state, or
 * error=access_denied; POST /api/oauth/token (form client_id, client_secret, code; codes last 2 minutes) answering
 * token_type, access_token, scope and athlete {id, name}; basic auth "API_KEY:<key>" for personal keys and Bearer
 * for OAuth tokens, "0" as "the athlete of these credentials"; 401/403 as {"status":..,"error":..};
 * GET /api/v1/athlete/{id} and /api/v1/athlete/{id}/activities?oldest=&newest= (local dates, inclusive, newest
 * first, no paging); GET /api/v1/activity/{id} (404 when gone). Activities imported from Strava come back as the
 * stubs the API gives for them. Not documented, so configurable: token expiry (none by default) and 429s.
 * Webhooks: the shape delivered by `sendWebhook` ({secret, events: [{athlete_id, type, timestamp, activity}]})
 * follows what the forum describes for app webhooks and could not be checked against a real delivery.
 */

/** The OAuth app the stand-in accepts unless told otherwise (INTERVALS_CLIENT_ID / _SECRET / _WEBHOOK_SECRET). */
export const INTERVALS_STAND_IN_CLIENT = {
  clientId: "77",
  clientSecret: "stand-in-intervals-secret-0123456789",
  webhookSecret: "stand-in-webhook-secret",
} as const;

export type IntervalsStandInOptions = {
  port?: number;
  host?: string;
  clientId?: string;
  clientSecret?: string;
  /** OAuth tokens do not expire at Intervals.icu; set a lifetime to test a refused token. */
  tokenLifetimeSeconds?: number | null;
  now?: () => Date;
  webhookSecret?: string;
};

export type IntervalsActivityInput = {
  id?: string;
  name?: string;
  type?: string;
  /** UTC start; the local start follows from `timezone`. */
  start_date: Date | string;
  timezone?: string;
  elapsed_time?: number;
  moving_time?: number;
  distance?: number;
  total_elevation_gain?: number;
  average_heartrate?: number | null;
  icu_rpe?: number | null;
  /** "STRAVA" makes it one of the stubs the API returns for activities that came from Strava. */
  source?: "UPLOAD" | "GARMIN_CONNECT" | "STRAVA" | "OAUTH_CLIENT";
};

export type IntervalsActivityRecord = Required<Omit<IntervalsActivityInput, "start_date">> & {
  athleteId: string;
  start_date: string;
  deleted: boolean;
};

type Token = { athleteId: string; scope: string; expiresAt: number | null; revoked: boolean };

const DENIED = { status: 403, error: "Access denied" };
const UNAUTHORIZED = { status: 401, error: "Unauthorized" };

export type IntervalsStandInState = ReturnType<typeof createState>;

function createState(options: { clientId: string; clientSecret: string; tokenLifetimeSeconds: number | null; now: () => Date; webhookSecret: string }) {
  const athletes = new Map<string, { id: string; name: string; apiKey: string }>();
  const activities = new Map<string, IntervalsActivityRecord>();
  const tokens = new Map<string, Token>();
  const codes = new Map<string, { athleteId: string; scope: string; expiresAt: number; used: boolean }>();
  const requests: RecordedRequest[] = [];
  const injections: Injection[] = [];
  const deliveries: { body: unknown; statuses: number[] }[] = [];
  let nextAthlete = 300_001;
  let nextActivity = 50_000_001;

  const state = {
    options,
    athletes,
    activities,
    tokens,
    codes,
    requests,
    injections,
    deliveries,
    consentAthleteId: null as string | null,

    /** An athlete with a personal API key; the id looks like "i300001". */
    addAthlete(input: { id?: string; name?: string; apiKey?: string } = {}): { id: string; apiKey: string } {
      const id = input.id ?? `i${nextAthlete++}`;
      const apiKey = input.apiKey ?? randomBytes(13).toString("hex").slice(0, 25);
      athletes.set(id, { id, name: input.name ?? `Stand-in Athlete (${id})`, apiKey });
      state.consentAthleteId ??= id;
      return { id, apiKey };
    },

    addActivity(athleteId: string, input: IntervalsActivityInput): IntervalsActivityRecord {
      if (!athletes.has(athleteId)) state.addAthlete({ id: athleteId });
      const record: IntervalsActivityRecord = {
        id: input.id ?? `i${nextActivity++}`,
        athleteId,
        name: input.name ?? "Morning Run",
        type: input.type ?? "Run",
        start_date: new Date(input.start_date).toISOString().replace(/\.\d{3}Z$/, "Z"),
        timezone: input.timezone ?? "Europe/Madrid",
        elapsed_time: input.elapsed_time ?? 3000,
        moving_time: input.moving_time ?? input.elapsed_time ?? 2900,
        distance: input.distance ?? 10_000,
        total_elevation_gain: input.total_elevation_gain ?? 45,
        average_heartrate: input.average_heartrate === undefined ? 148 : input.average_heartrate,
        icu_rpe: input.icu_rpe ?? null,
        source: input.source ?? "GARMIN_CONNECT",
        deleted: false,
      };
      activities.set(record.id, record);
      return record;
    },

    /** `count` activities, one a day (07:00 UTC, shifted by up to 2 h) back from `until`, oldest first. */
    addActivities(athleteId: string, count: number, until: Date = options.now()): IntervalsActivityRecord[] {
      const end = Date.UTC(until.getUTCFullYear(), until.getUTCMonth(), until.getUTCDate(), 7);
      const created: IntervalsActivityRecord[] = [];
      for (let i = count - 1; i >= 0; i--) {
        const start = new Date(end - (i + 1) * 24 * 3600 * 1000 + (i % 3) * 3600 * 1000);
        created.push(state.addActivity(athleteId, { start_date: start, name: `Run ${count - i}`, distance: 8000 + (i % 7) * 500 }));
      }
      return created;
    },

    updateActivity(id: string, patch: Partial<Omit<IntervalsActivityInput, "id">>) {
      const record = activities.get(id);
      if (!record || record.deleted) throw new Error(`No activity ${id} in the Intervals.icu stand-in`);
      Object.assign(record, { ...patch, start_date: patch.start_date ? new Date(patch.start_date).toISOString().replace(/\.\d{3}Z$/, "Z") : record.start_date });
    },

    deleteActivity(id: string) {
      const record = activities.get(id);
      if (record) record.deleted = true;
    },

    /** Refuses every OAuth token of an athlete from now on (the athlete removed the app). */
    revokeTokens(athleteId?: string) {
      for (const token of tokens.values()) if (athleteId === undefined || token.athleteId === athleteId) token.revoked = true;
    },

    /** The athlete changes what the app may read on their settings page: every token of theirs gets `scope`. */
    setScope(athleteId: string, scope: string) {
      for (const token of tokens.values()) if (token.athleteId === athleteId) token.scope = scope;
    },

    /** A new API key for an athlete; the old one stops working. */
    regenerateApiKey(athleteId: string): string {
      const athlete = athletes.get(athleteId);
      if (!athlete) throw new Error(`No athlete ${athleteId}`);
      athlete.apiKey = randomBytes(13).toString("hex").slice(0, 25);
      return athlete.apiKey;
    },

    issueToken(athleteId: string, scope = "ACTIVITY:READ"): string {
      const access = randomBytes(16).toString("hex");
      const lifetime = options.tokenLifetimeSeconds;
      tokens.set(access, { athleteId, scope, expiresAt: lifetime === null ? null : options.now().getTime() + lifetime * 1000, revoked: false });
      return access;
    },

    inject(injection: Injection) {
      injections.push(injection);
    },

    /** The next `times` API requests get a 429 (with Retry-After when given). */
    rateLimitNext(times = 1, retryAfterSeconds?: number) {
      injections.push({
        status: 429,
        body: JSON.stringify({ status: 429, error: "Too Many Requests" }),
        headers: retryAfterSeconds === undefined ? {} : { "retry-after": String(retryAfterSeconds) },
        match: /^\/api\/v1\//,
        times,
      });
    },

    count(match?: RegExp): number {
      return match ? requests.filter((r) => match.test(r.path)).length : requests.length;
    },

    /** POSTs webhook events to an app's callback, as Intervals.icu does for apps with webhooks configured. */
    async sendWebhook(
      callbackUrl: string,
      events: { athlete_id: string; type: "ACTIVITY_UPLOADED" | "ACTIVITY_UPDATED" | "ACTIVITY_DELETED" | "APP_SCOPE_CHANGED"; activityId?: string }[],
      secret = options.webhookSecret,
    ): Promise<number[]> {
      const body = {
        secret,
        events: events.map((e) => {
          const record = e.activityId ? activities.get(e.activityId) : undefined;
          return {
            athlete_id: e.athlete_id,
            type: e.type,
            timestamp: options.now().toISOString(),
            ...(record ? { activity: record.deleted ? { id: record.id } : publicActivity(record) } : {}),
          };
        }),
      };
      const statuses = await deliverJson(callbackUrl, body, { attempts: 3, retryDelayMs: 50, timeoutMs: 5000 });
      deliveries.push({ body, statuses });
      return statuses;
    },
  };
  return state;
}

function publicActivity(record: IntervalsActivityRecord) {
  const local = localDateTime(record.start_date, record.timezone);
  if (record.source === "STRAVA") {
    // What the API gives for activities Intervals.icu got from Strava: an id, the date and a note.
    return { id: record.id, start_date_local: local, type: null, name: null, source: "STRAVA", _note: "STRAVA activities are not available via the API" };
  }
  return {
    id: record.id,
    start_date_local: local,
    type: record.type,
    icu_ignore_time: false,
    icu_pm_cp: null,
    name: record.name,
    description: null,
    start_date: record.start_date,
    timezone: record.timezone,
    distance: record.distance,
    moving_time: record.moving_time,
    elapsed_time: record.elapsed_time,
    total_elevation_gain: record.total_elevation_gain,
    average_heartrate: record.average_heartrate,
    max_heartrate: record.average_heartrate === null ? null : record.average_heartrate + 20,
    icu_rpe: record.icu_rpe,
    feel: null,
    icu_training_load: Math.round(record.moving_time / 60),
    source: record.source,
    external_id: null,
    device_name: "Stand-in watch",
    icu_athlete_id: record.athleteId,
    created: record.start_date,
    analyzed: record.start_date,
  };
}

export type IntervalsStandIn = { url: string; state: IntervalsStandInState; close: () => Promise<void> };

export async function startIntervalsStandIn(options: IntervalsStandInOptions = {}): Promise<IntervalsStandIn> {
  const state = createState({
    clientId: options.clientId ?? INTERVALS_STAND_IN_CLIENT.clientId,
    clientSecret: options.clientSecret ?? INTERVALS_STAND_IN_CLIENT.clientSecret,
    tokenLifetimeSeconds: options.tokenLifetimeSeconds ?? null,
    now: options.now ?? (() => new Date()),
    webhookSecret: options.webhookSecret ?? INTERVALS_STAND_IN_CLIENT.webhookSecret,
  });
  const now = () => state.options.now().getTime();

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://stand-in");
    const path = url.pathname + url.search;
    state.requests.push({ method: req.method ?? "GET", path, at: new Date() });
    const raw = req.method === "POST" ? await readRequestBody(req) : "";
    if (raw === null) return sendJson(res, 413, { status: 413, error: "Payload Too Large" });
    const params = parseParams(url, raw, req.headers["content-type"]);
    const injection = takeInjection(state.injections, path, url.pathname.startsWith("/api/v1/"));
    if (injection) return answerInjection(res, injection, {});

    if (req.method === "GET" && url.pathname === "/oauth/authorize") return consentPage(res, url);
    if (req.method === "POST" && url.pathname === "/oauth/accept") return consentDecision(res, params);
    if (req.method === "POST" && url.pathname === "/api/oauth/token") return token(res, params);
    if (url.pathname.startsWith("/api/v1/")) return api(req, res, url);
    return sendJson(res, 404, { status: 404, error: "Not Found" });
  }

  function consentPage(res: ServerResponse, url: URL) {
    const q = url.searchParams;
    if (q.get("client_id") !== state.options.clientId || !isHttpUrl(q.get("redirect_uri"))) {
      return sendJson(res, 400, { status: 400, error: "Invalid client_id or redirect_uri" });
    }
    const athleteId = state.consentAthleteId ?? state.addAthlete().id;
    const athlete = state.athletes.get(athleteId);
    const scope = q.get("scope") ?? "";
    const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Authorize | Intervals.icu (stand-in)</title></head>
<body>
<h1>Connect to Intervals.icu</h1>
<p>Logged in as ${escapeHtml(athlete?.name ?? athleteId)}</p>
<p>The application would like to: ${escapeHtml(scope)}</p>
<form method="post" action="/oauth/accept">
${hidden("client_id", q.get("client_id") ?? "")}${hidden("redirect_uri", q.get("redirect_uri") ?? "")}${hidden("state", q.get("state") ?? "")}${hidden("scope", scope)}${hidden("athlete_id", athleteId)}
<button type="submit" name="decision" value="authorize">Authorize</button>
<button type="submit" name="decision" value="cancel">Cancel</button>
</form>
</body></html>`);
  }

  function consentDecision(res: ServerResponse, params: URLSearchParams) {
    const redirectUri = params.get("redirect_uri");
    if (!isHttpUrl(redirectUri) || params.get("client_id") !== state.options.clientId) return sendJson(res, 400, { status: 400, error: "Bad Request" });
    const target = new URL(redirectUri);
    if (params.get("decision") !== "authorize") {
      target.searchParams.set("error", "access_denied");
      if (params.get("state")) target.searchParams.set("state", params.get("state") as string);
      return redirect(res, target.toString());
    }
    const code = randomBytes(16).toString("hex");
    state.codes.set(code, { athleteId: params.get("athlete_id") ?? "", scope: params.get("scope") ?? "", expiresAt: now() + 120_000, used: false });
    target.searchParams.set("code", code);
    if (params.get("state")) target.searchParams.set("state", params.get("state") as string);
    return redirect(res, target.toString());
  }

  function token(res: ServerResponse, params: URLSearchParams) {
    if (params.get("client_id") !== state.options.clientId || params.get("client_secret") !== state.options.clientSecret) {
      return sendJson(res, 401, { status: 401, error: "Invalid client" });
    }
    const entry = state.codes.get(params.get("code") ?? "");
    if (!entry || entry.used || entry.expiresAt < now()) return sendJson(res, 400, { status: 400, error: "Invalid code" });
    entry.used = true;
    const athlete = state.athletes.get(entry.athleteId);
    return sendJson(res, 200, {
      token_type: "Bearer",
      access_token: state.issueToken(entry.athleteId, entry.scope),
      scope: entry.scope,
      athlete: { id: entry.athleteId, name: athlete?.name ?? entry.athleteId },
    });
  }

  /** The athlete these credentials act for and the scopes granted (API keys grant everything), or null. */
  function authenticate(req: IncomingMessage): { athleteId: string; scope: string | null } | null {
    const header = req.headers.authorization ?? "";
    const basic = /^Basic\s+([A-Za-z0-9+/=]+)$/i.exec(header);
    if (basic) {
      const [user, ...rest] = Buffer.from(basic[1], "base64").toString("utf8").split(":");
      const key = rest.join(":");
      if (user !== "API_KEY" || !key) return null;
      for (const athlete of state.athletes.values()) if (athlete.apiKey === key) return { athleteId: athlete.id, scope: null };
      return null;
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(header);
    if (bearer) {
      const token = state.tokens.get(bearer[1]);
      if (!token || token.revoked || (token.expiresAt !== null && token.expiresAt <= now())) return null;
      return { athleteId: token.athleteId, scope: token.scope };
    }
    return null;
  }

  function api(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== "GET") return sendJson(res, 405, { status: 405, error: "Method Not Allowed" });
    const who = authenticate(req);
    if (!who) return sendJson(res, 401, UNAUTHORIZED);
    const self = who.athleteId;
    // Reading activities needs ACTIVITY:READ (or WRITE) on an OAuth token; the profile does not.
    const readsActivities = who.scope === null || who.scope.split(",").some((s) => /^ACTIVITY:(READ|WRITE)$/.test(s.trim()));
    const athletePath = /^\/api\/v1\/athlete\/([^/]+)(\/activities)?$/.exec(url.pathname);
    if (athletePath) {
      const id = athletePath[1] === "0" ? self : decodeURIComponent(athletePath[1]);
      if (id !== self) return sendJson(res, 403, DENIED);
      const athlete = state.athletes.get(id);
      if (!athletePath[2]) return sendJson(res, 200, { id, name: athlete?.name ?? id, timezone: "Europe/Madrid" });
      if (!readsActivities) return sendJson(res, 403, DENIED);
      const oldest = url.searchParams.get("oldest");
      const newest = url.searchParams.get("newest");
      const date = /^\d{4}-\d{2}-\d{2}/;
      if (!oldest || !date.test(oldest) || (newest && !date.test(newest))) {
        return sendJson(res, 422, { status: 422, error: "oldest is required (ISO-8601 date)" });
      }
      const list = [...state.activities.values()]
        .filter((a) => a.athleteId === id && !a.deleted)
        .map(publicActivity)
        .filter((a) => a.start_date_local.slice(0, 10) >= oldest.slice(0, 10) && (!newest || a.start_date_local.slice(0, 10) <= newest.slice(0, 10)))
        .sort((x, y) => (x.start_date_local < y.start_date_local ? 1 : -1));
      return sendJson(res, 200, list);
    }
    const activityPath = /^\/api\/v1\/activity\/([^/]+)$/.exec(url.pathname);
    if (activityPath) {
      const record = state.activities.get(decodeURIComponent(activityPath[1]));
      if (!readsActivities) return sendJson(res, 403, DENIED);
      if (!record || record.deleted) return sendJson(res, 404, { status: 404, error: "Activity not found" });
      if (record.athleteId !== self) return sendJson(res, 403, DENIED);
      return sendJson(res, 200, publicActivity(record));
    }
    return sendJson(res, 404, { status: 404, error: "Not Found" });
  }

  const listening = await listen(handle, { port: options.port, host: options.host, name: "Intervals.icu" });
  return { url: listening.url, state, close: listening.close };
}
