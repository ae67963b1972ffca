import { z } from "zod";
import { exertion, failureFor, ianaZone, measure, parseBody, providerRequest, type HttpResponse } from "./http";
import { ProviderError, type ActivityPage, type ProviderActivity, type ProviderClient, type RateLimitInfo, type TokenSet } from "./types";

/**
 * Intervals.icu API client. Behaviour follows Intervals.icu's published documentation:
 * - OAuth: "Intervals.icu OAuth support" (https://forum.intervals.icu/t/intervals-icu-oauth-support/2759):
 *   send the athlete to /oauth/authorize with client_id, redirect_uri, scope and state; the redirect carries
 *   `code` and `state` (or `error=access_denied`); POST client_id, client_secret and code as form data to
 *   /api/oauth/token within 2 minutes, which answers token_type, access_token, scope and athlete {id, name}.
 *   Access tokens do not expire and there is no refresh token.
 * - Personal API keys: "API access to Intervals.icu" (https://forum.intervals.icu/t/api-access-to-intervals-icu/609):
 *   HTTP basic authentication with the user name "API_KEY" and the key as password; athlete ids look like "i12345".
 * - Activities: https://intervals.icu/api-docs.html, GET /api/v1/athlete/{id}/activities?oldest=&newest= (ISO
 *   local dates, newest first, one list without paging) and GET /api/v1/activity/{id}. Activities Intervals.icu
 *   got from Strava are not served through the API (they come back as stubs with a `_note`), so they are skipped:
 *   athletes connect Strava directly for those.
 * Intervals.icu documents no rate-limit headers; a 429 is honoured with its Retry-After, or a minute.
 */

export type IntervalsClientConfig = {
  /** Null when no OAuth app is registered; personal API key connections still work. */
  clientId: string | null;
  clientSecret: string | null;
  baseUrl: string;
  timeoutMs?: number;
  maxListBytes?: number;
  maxDetailBytes?: number;
  maxTokenBytes?: number;
  /** Days of activities asked for per request (Intervals.icu has no paging, so a backfill walks date windows). */
  windowDays?: number;
};

export const INTERVALS_SCOPE = "ACTIVITY:READ";
const DAY = 24 * 60 * 60 * 1000;
const NO_RATE: RateLimitInfo = { shortLimit: null, shortUsage: null, dailyLimit: null, dailyUsage: null };

/** "i12345" or "12345" → "i12345"; anything else → null. */
export function normalizeIntervalsAthleteId(raw: string | number | null | undefined): string | null {
  const value = String(raw ?? "").trim();
  if (/^i\d{1,15}$/.test(value)) return value;
  if (/^\d{1,15}$/.test(value)) return `i${value}`;
  return null;
}

const tokenSchema = z.object({
  token_type: z.string().max(50).optional(),
  access_token: z.string().min(1).max(2000),
  scope: z.string().max(500).nullish(),
  athlete: z.object({ id: z.union([z.string().max(40), z.number().int().nonnegative()]), name: z.string().max(500).nullish() }),
});

const athleteSchema = z.object({ id: z.union([z.string().max(40), z.number().int().nonnegative()]) });

const isoInstant = z
  .string()
  .max(64)
  .refine((v) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/.test(v) && !Number.isNaN(Date.parse(v)), "not an ISO 8601 instant")
  .transform((v) => new Date(v));

const activityId = z.union([z.string().regex(/^i?\d{1,20}$/), z.number().int().positive().max(Number.MAX_SAFE_INTEGER).transform(String)]);

const activitySchema = z.object({
  id: activityId,
  name: z.string().max(2000).nullish(),
  type: z.string().min(1).max(100).nullish(),
  start_date: isoInstant.nullish(),
  start_date_local: z.string().max(64).nullish(),
  timezone: z.string().max(200).nullish(),
  elapsed_time: z.unknown().optional(),
  moving_time: z.unknown().optional(),
  distance: z.unknown().optional(),
  total_elevation_gain: z.unknown().optional(),
  average_heartrate: z.unknown().optional(),
  icu_rpe: z.unknown().optional(),
  source: z.string().max(50).nullish(),
  _note: z.string().max(2000).nullish(),
});

type IntervalsActivity = z.infer<typeof activitySchema>;

const listSchema = z.array(activitySchema).max(5000);

/** A stub for an activity Intervals.icu may not share (it came from Strava). */
function isStub(a: IntervalsActivity): boolean {
  return Boolean(a._note) || (a.source === "STRAVA" && !a.start_date);
}

function toProviderActivity(a: IntervalsActivity): ProviderActivity {
  if (!a.start_date || !a.type) throw new ProviderError("unavailable", "Intervals.icu sent an activity without start_date or type");
  return {
    provider: "intervals",
    externalId: a.id,
    name: a.name?.trim() || null,
    sport: a.type,
    startTime: a.start_date,
    timeZone: ianaZone(a.timezone),
    elapsedSeconds: measure(a.elapsed_time),
    movingSeconds: measure(a.moving_time),
    distanceMeters: measure(a.distance),
    elevationGainMeters: measure(a.total_elevation_gain),
    averageHeartRate: measure(a.average_heartrate),
    perceivedExertion: exertion(a.icu_rpe),
    // Intervals.icu has no per-activity privacy setting in its API: what the athlete shares with the app is shared.
    isPrivate: false,
    updatedAt: null,
  };
}

const isoDate = (d: Date) => d.toISOString().slice(0, 10);

export function intervalsAuthorization(tokens: Pick<TokenSet, "accessToken" | "kind">): string {
  return tokens.kind === "api-key"
    ? `Basic ${Buffer.from(`API_KEY:${tokens.accessToken}`, "utf8").toString("base64")}`
    : `Bearer ${tokens.accessToken}`;
}

export type IntervalsClient = ProviderClient & {
  /** Checks a personal API key against the athlete id it belongs to; the TokenSet to store. ProviderError("auth") when refused. */
  connectApiKey(options: { athleteId: string; apiKey: string }): Promise<TokenSet>;
};

export function createIntervalsClient(config: IntervalsClientConfig): IntervalsClient {
  const timeoutMs = config.timeoutMs ?? 15_000;
  const maxListBytes = config.maxListBytes ?? 16 * 1024 * 1024;
  const maxDetailBytes = config.maxDetailBytes ?? 4 * 1024 * 1024;
  const maxTokenBytes = config.maxTokenBytes ?? 64 * 1024;
  const windowDays = Math.max(1, Math.min(366, config.windowDays ?? 30));
  const base = config.baseUrl.replace(/\/+$/, "");

  function rateLimited(response: HttpResponse): ProviderError {
    const header = response.headers.get("retry-after");
    const seconds = header && /^\d{1,7}$/.test(header.trim()) ? Math.max(1, Number(header.trim())) : 60;
    return new ProviderError("rate-limit", "Intervals.icu is rate limiting requests", seconds, 429);
  }

  async function api(tokens: Pick<TokenSet, "accessToken" | "kind">, path: string, maxBytes: number, what: string): Promise<HttpResponse> {
    const response = await providerRequest(
      "intervals",
      { method: "GET", url: `${base}/api/v1${path}`, headers: { authorization: intervalsAuthorization(tokens) } },
      { timeoutMs, maxBytes },
    );
    if (response.status === 429) throw rateLimited(response);
    if (response.status !== 200) throw failureFor("intervals", response, what);
    return response;
  }

  function requireOAuth(): { clientId: string; clientSecret: string } {
    if (!config.clientId || !config.clientSecret) {
      throw new ProviderError("auth", "No Intervals.icu OAuth app is configured (INTERVALS_CLIENT_ID, INTERVALS_CLIENT_SECRET)");
    }
    return { clientId: config.clientId, clientSecret: config.clientSecret };
  }

  return {
    id: "intervals",

    authorizeUrl({ state, redirectUri }) {
      const { clientId } = requireOAuth();
      const url = new URL(`${base}/oauth/authorize`);
      url.search = new URLSearchParams({ client_id: clientId, redirect_uri: redirectUri, scope: INTERVALS_SCOPE, state }).toString();
      return url.toString();
    },

    async exchangeCode({ code }) {
      const { clientId, clientSecret } = requireOAuth();
      const response = await providerRequest(
        "intervals",
        { method: "POST", url: `${base}/api/oauth/token`, form: { client_id: clientId, client_secret: clientSecret, code } },
        { timeoutMs, maxBytes: maxTokenBytes },
      );
      if (response.status === 429) throw rateLimited(response);
      if (response.status === 400 || response.status === 401 || response.status === 403) {
        throw new ProviderError("auth", "Intervals.icu refused the authorization code", null, response.status);
      }
      if (response.status !== 200) throw failureFor("intervals", response, "the authorization code");
      const body = parseBody("intervals", response, tokenSchema, "a token answer");
      const athleteId = normalizeIntervalsAthleteId(body.athlete.id);
      if (!athleteId) throw new ProviderError("unavailable", "Intervals.icu's token answer has no usable athlete id", null, 200);
      return { accessToken: body.access_token, refreshToken: null, expiresAt: null, scope: body.scope ?? null, externalAthleteId: athleteId, kind: "oauth" };
    },

    async refresh() {
      // Intervals.icu tokens and API keys do not expire; a refused one needs the athlete to connect again.
      throw new ProviderError("auth", "Intervals.icu credentials cannot be refreshed; the athlete needs to connect again");
    },

    async connectApiKey({ athleteId, apiKey }) {
      const id = normalizeIntervalsAthleteId(athleteId);
      const key = apiKey.trim();
      if (!id) throw new ProviderError("auth", "That is not an Intervals.icu athlete id (it looks like i12345)");
      if (!/^[A-Za-z0-9_-]{8,200}$/.test(key)) throw new ProviderError("auth", "That is not an Intervals.icu API key");
      const response = await api({ accessToken: key, kind: "api-key" }, `/athlete/${id}`, maxTokenBytes, "the athlete");
      const body = parseBody("intervals", response, athleteSchema, "an athlete");
      const confirmed = normalizeIntervalsAthleteId(body.id);
      if (confirmed !== id) throw new ProviderError("auth", "That API key belongs to a different Intervals.icu athlete");
      return { accessToken: key, refreshToken: null, expiresAt: null, scope: null, externalAthleteId: id, kind: "api-key" };
    },

    async listActivities(tokens, { after, before, cursor }): Promise<ActivityPage> {
      // The cursor is the start of the next date window (epoch ms); anything unusable starts over at `after`.
      const fromCursor = cursor && /^\d{1,15}$/.test(cursor) ? Number(cursor) : NaN;
      const start = fromCursor >= after.getTime() && fromCursor < before.getTime() ? new Date(fromCursor) : after;
      const end = new Date(Math.min(before.getTime(), start.getTime() + windowDays * DAY));
      // oldest/newest are the athlete's local dates: ask a day either side and cut on the UTC start exactly.
      const query = new URLSearchParams({ oldest: isoDate(new Date(start.getTime() - DAY)), newest: isoDate(new Date(end.getTime() + DAY)) });
      const athlete = normalizeIntervalsAthleteId(tokens.externalAthleteId) ?? "0";
      const response = await api(tokens, `/athlete/${athlete}/activities?${query}`, maxListBytes, "the activity list");
      const raw = parseBody("intervals", response, listSchema, "an activity list");
      const activities = raw
        .filter((a) => !isStub(a))
        .map(toProviderActivity)
        .filter((a) => a.startTime >= start && a.startTime < end)
        .sort((x, y) => x.startTime.getTime() - y.startTime.getTime());
      return { activities, next: end.getTime() < before.getTime() ? String(end.getTime()) : null, rate: NO_RATE };
    },

    async getActivity(tokens, externalId) {
      if (!/^i?\d{1,20}$/.test(externalId)) return null;
      try {
        const response = await api(tokens, `/activity/${externalId}`, maxDetailBytes, "the activity");
        const activity = parseBody("intervals", response, activitySchema, "an activity");
        return isStub(activity) ? null : toProviderActivity(activity);
      } catch (error) {
        if (error instanceof ProviderError && error.kind === "not-found") return null;
        throw error;
      }
    },

    async deauthorize() {
      // Intervals.icu documents no revocation endpoint: athletes remove the app (or regenerate the API key) in
      // their Intervals.icu settings. Deleting the stored token is all this side can do.
    },
  };
}
