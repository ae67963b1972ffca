import type { ProviderId } from "@/lib/sync/providers/types";

export const PROVIDER_IDS: readonly ProviderId[] = ["strava", "intervals"];
export const isProviderId = (v: string): v is ProviderId => (PROVIDER_IDS as readonly string[]).includes(v);

/** Each provider's name as people know it, in every language. */
export const PROVIDER_NAMES: Record<ProviderId, string> = { strava: "Strava", intervals: "Intervals.icu" };

/** The app's address as the browser used it (AUTH_URL wins where the app builds the provider's redirect URI). */
export function requestOrigin(headers: Headers, fallback: string): string {
  const host = headers.get("x-forwarded-host") ?? headers.get("host");
  if (!host) return fallback;
  const proto = headers.get("x-forwarded-proto")?.split(",")[0].trim() ?? new URL(fallback).protocol.replace(":", "");
  return `${proto}://${host}`;
}
