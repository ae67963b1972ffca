/** The services an athlete can connect to bring their activities in automatically. */
export type ProviderId = "strava" | "intervals";

/** Tokens of one connection, decrypted. Intervals.icu with a personal API key has no refresh token nor expiry. */
export type TokenSet = {
  accessToken: string;
  refreshToken: string | null;
  /** When the access token stops working; null when it does not expire. */
  expiresAt: Date | null;
  /** Scopes the athlete granted, as the provider lists them (comma or space separated). */
  scope: string | null;
  /** The athlete's id at the provider (Strava athlete id, Intervals.icu athlete id such as "i12345"). */
  externalAthleteId: string;
  /** How the connection authenticates: OAuth bearer token, or an Intervals.icu personal API key. */
  kind: "oauth" | "api-key";
};

/** One activity as a provider describes it, already in SI units. */
export type ProviderActivity = {
  provider: ProviderId;
  /** The provider's id of the activity, as a string. */
  externalId: string;
  name: string | null;
  /** The provider's sport name, e.g. Strava "Run", "TrailRun", "Ride"; Intervals.icu "Run", "Ride". */
  sport: string;
  /** Start instant (UTC). */
  startTime: Date;
  /** IANA time zone of the start when the provider gives one (Strava "(GMT+01:00) Europe/Madrid" → "Europe/Madrid"). */
  timeZone: string | null;
  elapsedSeconds: number | null;
  movingSeconds: number | null;
  distanceMeters: number | null;
  elevationGainMeters: number | null;
  averageHeartRate: number | null;
  /** Provider's own perceived exertion when it has one (Intervals.icu icu_rpe / Strava perceived_exertion), 1-10. */
  perceivedExertion: number | null;
  /** True for activities marked private / only-me at the provider. */
  isPrivate: boolean;
  /** When the provider last changed it, when known. */
  updatedAt: Date | null;
};

export type RateLimitInfo = {
  /** Requests allowed and used in the short window (Strava: 15 minutes) and the daily window, when the headers say. */
  shortLimit: number | null;
  shortUsage: number | null;
  dailyLimit: number | null;
  dailyUsage: number | null;
};

export type ActivityPage = {
  activities: ProviderActivity[];
  /** Cursor for the next page, or null when this was the last. Opaque to callers. */
  next: string | null;
  rate: RateLimitInfo;
};

export interface ProviderClient {
  readonly id: ProviderId;
  /** The URL to send the athlete to for consent (OAuth). `state` is echoed back to the callback. */
  authorizeUrl(options: { state: string; redirectUri: string }): string;
  /** Trades the callback's code for tokens. Throws ProviderError("auth") on a refused code. */
  exchangeCode(options: { code: string; redirectUri: string }): Promise<TokenSet>;
  /** New tokens from the refresh token. Throws ProviderError("auth") when the refresh token is refused. */
  refresh(tokens: TokenSet): Promise<TokenSet>;
  /** One page of activities started in [after, before), oldest first when the provider allows it. */
  listActivities(tokens: TokenSet, options: { after: Date; before: Date; cursor: string | null; pageSize: number }): Promise<ActivityPage>;
  /** One activity, or null when it no longer exists (404). */
  getActivity(tokens: TokenSet, externalId: string): Promise<ProviderActivity | null>;
  /** Revokes the app's access at the provider (best effort: callers delete the tokens whatever happens). */
  deauthorize(tokens: TokenSet): Promise<void>;
}

/**
 * Every failure of a provider call is one of these, never a raw fetch error:
 * - "auth": 401/403 or a refused token (refresh once, then the connection needs the athlete again);
 * - "rate-limit": 429, with `retryAfterSeconds` computed from the headers (Strava: to the next 15-minute boundary,
 *   or to midnight UTC when the daily limit is spent);
 * - "unavailable": 5xx, timeout, connection refused, or a body that is not what the documentation says;
 * - "not-found": 404 where the caller did not expect one.
 */
export class ProviderError extends Error {
  constructor(
    readonly kind: "auth" | "rate-limit" | "unavailable" | "not-found",
    message: string,
    readonly retryAfterSeconds: number | null = null,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "ProviderError";
  }
}
