import { INTERVALS_STAND_IN_CLIENT } from "./stand-ins/intervals";
import { FIRST_SUBSCRIPTION_ID, STRAVA_STAND_IN_CLIENT } from "./stand-ins/strava";

// The Strava and Intervals.icu stand-ins that e2e/sync.spec.ts starts, and the settings the app's e2e server gets
// to reach them (playwright.config.ts). The ports follow E2E_PORT so that test runs on other ports do not collide.
const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_STRAVA_PORT = Number(process.env.E2E_STRAVA_PORT ?? APP_PORT + 1000);
export const E2E_INTERVALS_PORT = Number(process.env.E2E_INTERVALS_PORT ?? APP_PORT + 1001);
export const E2E_STRAVA_VERIFY_TOKEN = "e2e-strava-verify-token";
export const E2E_STRAVA_SUBSCRIPTION_ID = FIRST_SUBSCRIPTION_ID;

export const E2E_SYNC_ENV = {
  STRAVA_CLIENT_ID: STRAVA_STAND_IN_CLIENT.clientId,
  STRAVA_CLIENT_SECRET: STRAVA_STAND_IN_CLIENT.clientSecret,
  STRAVA_VERIFY_TOKEN: E2E_STRAVA_VERIFY_TOKEN,
  STRAVA_BASE_URL: `http://127.0.0.1:${E2E_STRAVA_PORT}`,
  // The id a fresh stand-in gives the first subscription (e2e/sync.spec.ts subscribes once per stand-in).
  STRAVA_SUBSCRIPTION_ID: String(E2E_STRAVA_SUBSCRIPTION_ID),
  INTERVALS_CLIENT_ID: INTERVALS_STAND_IN_CLIENT.clientId,
  INTERVALS_CLIENT_SECRET: INTERVALS_STAND_IN_CLIENT.clientSecret,
  INTERVALS_WEBHOOK_SECRET: INTERVALS_STAND_IN_CLIENT.webhookSecret,
  INTERVALS_BASE_URL: `http://127.0.0.1:${E2E_INTERVALS_PORT}`,
  // A fixed test key (32 bytes as hex); real deployments use `openssl rand -base64 32`.
  SYNC_TOKEN_KEY: "6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e",
};
