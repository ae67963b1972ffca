import { env, type Env } from "@/lib/env";
import { parseTokenKey } from "./token-key";

/** subscriptionId: the app's webhook subscription, when the deployment names it (STRAVA_SUBSCRIPTION_ID). */
export type StravaSettings = { clientId: string; clientSecret: string; verifyToken: string; baseUrl: string; subscriptionId: number | null };
export type IntervalsSettings = { clientId: string; clientSecret: string; baseUrl: string; webhookSecret: string | null };

export type SyncSettings = {
  /** The key that seals new tokens; null when SYNC_TOKEN_KEY is not set (then no connection can be stored). */
  tokenKey: Buffer | null;
  /** Keys from before a rotation, still accepted to open tokens sealed with them. */
  previousTokenKeys: Buffer[];
  /** Null unless STRAVA_CLIENT_ID and STRAVA_CLIENT_SECRET are both set (and a token key, which env validation enforces). */
  strava: StravaSettings | null;
  /** Null unless the Intervals.icu OAuth app is configured; personal API keys work without it. */
  intervals: IntervalsSettings | null;
  /** Where Intervals.icu is, for OAuth and personal API key connections alike. */
  intervalsBaseUrl: string;
};

type SyncEnv = Pick<
  Env,
  | "STRAVA_CLIENT_ID"
  | "STRAVA_CLIENT_SECRET"
  | "STRAVA_VERIFY_TOKEN"
  | "STRAVA_SUBSCRIPTION_ID"
  | "STRAVA_BASE_URL"
  | "INTERVALS_CLIENT_ID"
  | "INTERVALS_CLIENT_SECRET"
  | "INTERVALS_BASE_URL"
  | "INTERVALS_WEBHOOK_SECRET"
  | "SYNC_TOKEN_KEY"
  | "SYNC_TOKEN_KEY_PREVIOUS"
>;

/** The sync configuration from an already validated environment (see lib/env.ts for the rules). */
export function syncSettingsFrom(source: SyncEnv): SyncSettings {
  const tokenKey = parseTokenKey(source.SYNC_TOKEN_KEY);
  const previousTokenKeys = (source.SYNC_TOKEN_KEY_PREVIOUS ?? "")
    .split(",")
    .map((part) => parseTokenKey(part.trim()))
    .filter((key): key is Buffer => key !== null);
  const strava =
    tokenKey && source.STRAVA_CLIENT_ID && source.STRAVA_CLIENT_SECRET && source.STRAVA_VERIFY_TOKEN
      ? {
          clientId: source.STRAVA_CLIENT_ID,
          clientSecret: source.STRAVA_CLIENT_SECRET,
          verifyToken: source.STRAVA_VERIFY_TOKEN,
          baseUrl: source.STRAVA_BASE_URL,
          subscriptionId: source.STRAVA_SUBSCRIPTION_ID ? Number(source.STRAVA_SUBSCRIPTION_ID) : null,
        }
      : null;
  const intervals =
    tokenKey && source.INTERVALS_CLIENT_ID && source.INTERVALS_CLIENT_SECRET
      ? {
          clientId: source.INTERVALS_CLIENT_ID,
          clientSecret: source.INTERVALS_CLIENT_SECRET,
          baseUrl: source.INTERVALS_BASE_URL,
          webhookSecret: source.INTERVALS_WEBHOOK_SECRET ?? null,
        }
      : null;
  return { tokenKey, previousTokenKeys, strava, intervals, intervalsBaseUrl: source.INTERVALS_BASE_URL };
}

/** The sync configuration of this process. */
export function syncSettings(): SyncSettings {
  return syncSettingsFrom(env());
}
