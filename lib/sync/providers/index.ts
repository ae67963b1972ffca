import { syncSettings, type SyncSettings } from "../settings";
import { createIntervalsClient, type IntervalsClient } from "./intervals";
import { createStravaClient } from "./strava";
import type { ProviderClient, ProviderId } from "./types";

/**
 * The client for a provider, or null when it is not configured.
 * - Strava: needs STRAVA_CLIENT_ID, STRAVA_CLIENT_SECRET, STRAVA_VERIFY_TOKEN and SYNC_TOKEN_KEY.
 * - Intervals.icu: available whenever SYNC_TOKEN_KEY is set, because personal API keys need no app registration;
 *   its OAuth methods (authorizeUrl, exchangeCode) throw ProviderError("auth") unless INTERVALS_CLIENT_ID and
 *   INTERVALS_CLIENT_SECRET are set too (syncSettings().intervals is then non-null).
 */
export function providerClient(id: "intervals"): IntervalsClient | null;
export function providerClient(id: ProviderId): ProviderClient | null;
export function providerClient(id: ProviderId): ProviderClient | null {
  return providerClientFrom(syncSettings(), id);
}

/** providerClient for given settings (tests). */
export function providerClientFrom(settings: SyncSettings, id: "intervals"): IntervalsClient | null;
export function providerClientFrom(settings: SyncSettings, id: ProviderId): ProviderClient | null;
export function providerClientFrom(settings: SyncSettings, id: ProviderId): ProviderClient | null {
  if (!settings.tokenKey) return null;
  if (id === "strava") {
    return settings.strava ? createStravaClient(settings.strava) : null;
  }
  return createIntervalsClient({
    clientId: settings.intervals?.clientId ?? null,
    clientSecret: settings.intervals?.clientSecret ?? null,
    baseUrl: settings.intervalsBaseUrl,
  });
}

export { ProviderError } from "./types";
export type { ActivityPage, ProviderActivity, ProviderClient, ProviderId, RateLimitInfo, TokenSet } from "./types";
