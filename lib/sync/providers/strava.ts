import { z } from "zod";
import { exertion, failureFor, ianaZone, measure, parseBody, providerRequest, type HttpResponse } from "./http";
import {
  ProviderError,
  type ActivityPage,
  type ProviderActivity,
  type ProviderClient,
  type RateLimitInfo,
  type TokenSet,
} from "./types";

/**
 * Strava API v3 client. Behaviour follows Strava's published documentation:
 * - OAuth: https://developers.strava.com/docs/authentication/ (authorize with client_id, redirect_uri,
 *   response_type=code, approval_prompt, scope; POST /oauth/token with grant_type authorization_code or
 *   refresh_token, answering access_token, refresh_token, expires_at (epoch s), expires_in and, for a code, the
 *   athlete; POST /oauth/deauthorize with the access token). The granted scopes come back on the redirect as
 *   `scope=...`, not in the token response, so the callback reads them there.
 * - Activities: https://developers.strava.com/docs/reference/#api-Activities-getLoggedInAthleteActivities
 *   (GET /api/v3/athlete/activities with before/after in epoch seconds, page, per_page up to 200) and
 *   #api-Activities-getActivityById (GET /api/v3/activities/{id}).
 * - Rate limits: https://developers.strava.com/docs/rate-limits/ (X-RateLimit-Limit / X-RateLimit-Usage and
 *   X-ReadRateLimit-* as "15-minute,daily" pairs; 15-minute windows reset at :00, :15, :30, :45; the daily
 *   window at midnight UTC; 429 with a JSON message when exceeded).
 * Units are already SI (metres, seconds); `timezone` reads like "(GMT+01:00) Europe/Madrid".
 */

export type StravaClientConfig = {
  clientId: string;
  clientSecret: string;
  baseUrl: string;
  timeoutMs?: number;
  /** Byte budget of a page of activities (up to 200 summaries with their map polylines). */
  maxListBytes?: number;
  /** Byte budget of one detailed activity (it can carry segment efforts, splits and laps). */
  maxDetailBytes?: number;
  /** Byte budget of OAuth answers. */
  maxTokenBytes?: number;
  now?: () => Date;
};

export const STRAVA_SCOPE = "read,activity:read_all";
export const STRAVA_MAX_PAGE_SIZE = 200;

const epochSeconds = z.number().int().positive();
const tokenSchema = z.object({
  access_token: z.string().min(1).max(2000),
  refresh_token: z.string().min(1).max(2000),
  expires_at: epochSeconds,
  expires_in: z.number().optional(),
  scope: z.string().max(500).optional(),
  athlete: z.object({ id: z.union([z.number().int().positive(), z.string().regex(/^\d{1,20}$/)]) }).optional(),
});

const isoInstant = z
  .string()
  .max(64)
  .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)), "not an ISO 8601 instant")
  .transform((v) => new Date(v));

const activityId = z.union([
  z.number().int().positive().max(Number.MAX_SAFE_INTEGER).transform(String),
  z.string().regex(/^\d{1,20}$/),
]);

const activitySchema = z
  .object({
    id: activityId,
    name: z.string().max(2000).nullish(),
    sport_type: z.string().min(1).max(100).nullish(),
    type: z.string().min(1).max(100).nullish(),
    start_date: isoInstant,
    timezone: z.string().max(200).nullish(),
    elapsed_time: z.unknown().optional(),
    moving_time: z.unknown().optional(),
    distance: z.unknown().optional(),
    total_elevation_gain: z.unknown().optional(),
    average_heartrate: z.unknown().optional(),
    perceived_exertion: z.unknown().optional(),
    private: z.boolean().nullish(),
    visibility: z.string().max(50).nullish(),
    updated_at: isoInstant.nullish(),
  })
  .refine((a) => a.sport_type || a.type, "an activity without sport_type or type");

const listSchema = z.array(activitySchema).max(1000);

type StravaActivity = z.infer<typeof activitySchema>;

/** "(GMT+01:00) Europe/Madrid" → "Europe/Madrid"; a bare IANA name is accepted too. */
export function stravaTimeZone(raw: string | null | undefined): string | null {
  if (!raw) return null;
  const name = raw.replace(/^\([^)]*\)\s*/, "").trim();
  return ianaZone(name);
}

export function toProviderActivity(a: StravaActivity): ProviderActivity {
  return {
    provider: "strava",
    externalId: a.id,
    name: a.name?.trim() || null,
    sport: (a.sport_type || a.type) as string,
    startTime: a.start_date,
    timeZone: stravaTimeZone(a.timezone),
    elapsedSeconds: measure(a.elapsed_time),
    movingSeconds: measure(a.moving_time),
    distanceMeters: measure(a.distance),
    elevationGainMeters: measure(a.total_elevation_gain),
    averageHeartRate: measure(a.average_heartrate),
    perceivedExertion: exertion(a.perceived_exertion),
    isPrivate: a.private === true || a.visibility === "only_me",
    updatedAt: a.updated_at ?? null,
  };
}

function pair(value: string | null): [number, number] | null {
  if (!value) return null;
  const m = /^\s*(\d{1,12})\s*,\s*(\d{1,12})\s*$/.exec(value);
  return m ? [Number(m[1]), Number(m[2])] : null;
}

/**
 * The limits that bind reads. Strava reports the overall limits and, since 2023, the tighter "read"
 * (non-upload) limits; for each window the one with fewer requests left is the one that matters.
 */
export function parseStravaRateLimits(headers: Headers): RateLimitInfo {
  const sets = [
    [pair(headers.get("x-ratelimit-limit")), pair(headers.get("x-ratelimit-usage"))],
    [pair(headers.get("x-readratelimit-limit")), pair(headers.get("x-readratelimit-usage"))],
  ].filter((s): s is [[number, number], [number, number]] => s[0] !== null && s[1] !== null);
  const info: RateLimitInfo = { shortLimit: null, shortUsage: null, dailyLimit: null, dailyUsage: null };
  for (const [limit, usage] of sets) {
    if (info.shortLimit === null || limit[0] - usage[0] < info.shortLimit - (info.shortUsage ?? 0)) {
      info.shortLimit = limit[0];
      info.shortUsage = usage[0];
    }
    if (info.dailyLimit === null || limit[1] - usage[1] < info.dailyLimit - (info.dailyUsage ?? 0)) {
      info.dailyLimit = limit[1];
      info.dailyUsage = usage[1];
    }
  }
  return info;
}

/** Seconds until Strava lets requests through again: midnight UTC when the day is spent, else the next quarter hour. */
export function stravaRetryAfterSeconds(rate: RateLimitInfo, now: Date): number {
  const ms = now.getTime();
  if (rate.dailyLimit !== null && rate.dailyUsage !== null && rate.dailyUsage >= rate.dailyLimit) {
    const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1);
    return Math.max(1, Math.ceil((midnight - ms) / 1000));
  }
  const quarter = 15 * 60 * 1000;
  const next = Math.floor(ms / quarter) * quarter + quarter;
  return Math.max(1, Math.ceil((next - ms) / 1000));
}

export function createStravaClient(config: StravaClientConfig): ProviderClient {
  const timeoutMs = config.timeoutMs ?? 15_000;
  const maxListBytes = config.maxListBytes ?? 8 * 1024 * 1024;
  const maxDetailBytes = config.maxDetailBytes ?? 4 * 1024 * 1024;
  const maxTokenBytes = config.maxTokenBytes ?? 64 * 1024;
  const now = config.now ?? (() => new Date());
  const base = config.baseUrl.replace(/\/+$/, "");

  function rateLimited(response: HttpResponse): ProviderError {
    const rate = parseStravaRateLimits(response.headers);
    const retryAfter = stravaRetryAfterSeconds(rate, now());
    const spent = rate.dailyLimit !== null && rate.dailyUsage !== null && rate.dailyUsage >= rate.dailyLimit;
    return new ProviderError("rate-limit", `Strava's ${spent ? "daily" : "15-minute"} request limit is spent`, retryAfter, 429);
  }

  async function oauth(form: Record<string, string>, what: string): Promise<z.infer<typeof tokenSchema>> {
    const response = await providerRequest("strava", { method: "POST", url: `${base}/oauth/token`, form }, { timeoutMs, maxBytes: maxTokenBytes });
    if (response.status === 429) throw rateLimited(response);
    // A refused code or refresh token is a 400 ("Bad Request", resource AuthorizationCode/RefreshToken) or 401.
    if (response.status === 400 || response.status === 401 || response.status === 403) {
      throw new ProviderError("auth", `Strava refused the ${what}`, null, response.status);
    }
    if (response.status !== 200) throw failureFor("strava", response, what);
    return parseBody("strava", response, tokenSchema, `a ${what} answer`);
  }

  async function api(tokens: TokenSet, path: string, maxBytes: number, what: string): Promise<{ response: HttpResponse; rate: RateLimitInfo }> {
    const response = await providerRequest(
      "strava",
      { method: "GET", url: `${base}/api/v3${path}`, headers: { authorization: `Bearer ${tokens.accessToken}` } },
      { timeoutMs, maxBytes },
    );
    const rate = parseStravaRateLimits(response.headers);
    if (response.status === 429) throw rateLimited(response);
    if (response.status !== 200) throw failureFor("strava", response, what);
    return { response, rate };
  }

  return {
    id: "strava",

    authorizeUrl({ state, redirectUri }) {
      const url = new URL(`${base}/oauth/authorize`);
      url.search = new URLSearchParams({
        client_id: config.clientId,
        redirect_uri: redirectUri,
        response_type: "code",
        approval_prompt: "auto",
        scope: STRAVA_SCOPE,
        state,
      }).toString();
      return url.toString();
    },

    async exchangeCode({ code }) {
      const body = await oauth(
        { client_id: config.clientId, client_secret: config.clientSecret, code, grant_type: "authorization_code" },
        "authorization code",
      );
      if (!body.athlete) throw new ProviderError("unavailable", "Strava's token answer did not name the athlete", null, 200);
      return {
        accessToken: body.access_token,
        refreshToken: body.refresh_token,
        expiresAt: new Date(body.expires_at * 1000),
        scope: body.scope ?? null,
        externalAthleteId: String(body.athlete.id),
        kind: "oauth",
      };
    },

    async refresh(tokens) {
      if (!tokens.refreshToken) throw new ProviderError("auth", "This Strava connection has no refresh token");
      const body = await oauth(
        { client_id: config.clientId, client_secret: config.clientSecret, grant_type: "refresh_token", refresh_token: tokens.refreshToken },
        "refresh token",
      );
      return {
        ...tokens,
        accessToken: body.access_token,
        refreshToken: body.refresh_token,
        expiresAt: new Date(body.expires_at * 1000),
      };
    },

    async listActivities(tokens, { after, before, cursor, pageSize }): Promise<ActivityPage> {
      const perPage = Math.min(STRAVA_MAX_PAGE_SIZE, Math.max(1, Math.floor(pageSize) || 30));
      const page = cursor && /^\d{1,6}$/.test(cursor) && Number(cursor) >= 1 ? Number(cursor) : 1;
      // Strava's `after` and `before` are exclusive epoch seconds; widen by a second and cut exactly below.
      const query = new URLSearchParams({
        after: String(Math.floor(after.getTime() / 1000) - 1),
        before: String(Math.ceil(before.getTime() / 1000)),
        page: String(page),
        per_page: String(perPage),
      });
      const { response, rate } = await api(tokens, `/athlete/activities?${query}`, maxListBytes, "the activity list");
      const raw = parseBody("strava", response, listSchema, "an activity list");
      const activities = raw
        .map(toProviderActivity)
        .filter((a) => a.startTime >= after && a.startTime < before)
        .sort((x, y) => x.startTime.getTime() - y.startTime.getTime());
      return { activities, next: raw.length >= perPage ? String(page + 1) : null, rate };
    },

    async getActivity(tokens, externalId) {
      if (!/^\d{1,20}$/.test(externalId)) return null;
      try {
        const { response } = await api(tokens, `/activities/${externalId}?include_all_efforts=false`, maxDetailBytes, "the activity");
        return toProviderActivity(parseBody("strava", response, activitySchema, "an activity"));
      } catch (error) {
        if (error instanceof ProviderError && error.kind === "not-found") return null;
        throw error;
      }
    },

    async deauthorize(tokens) {
      const response = await providerRequest(
        "strava",
        { method: "POST", url: `${base}/oauth/deauthorize`, form: { access_token: tokens.accessToken } },
        { timeoutMs, maxBytes: maxTokenBytes },
      );
      // A 401 means an expired access token: the caller refreshes once and tries again (the refresh token still works).
      if (response.status === 200) return;
      if (response.status === 429) throw rateLimited(response);
      throw failureFor("strava", response, "deauthorization");
    },
  };
}
