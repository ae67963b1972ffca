import { STRAVA_STAND_IN_CLIENT } from "./stand-ins/strava";

// The Strava stand-in that e2e/sync.spec.ts starts, and the settings the app's e2e server gets to reach it
// (playwright.config.ts). The port follows E2E_PORT so that test runs on other ports do not collide.
const APP_PORT = Number(process.env.E2E_PORT ?? 3100);
export const E2E_STRAVA_PORT = Number(process.env.E2E_STRAVA_PORT ?? APP_PORT + 1000);
export const E2E_STRAVA_VERIFY_TOKEN = "e2e-strava-verify-token";

export const E2E_SYNC_ENV = {
  STRAVA_CLIENT_ID: STRAVA_STAND_IN_CLIENT.clientId,
  STRAVA_CLIENT_SECRET: STRAVA_STAND_IN_CLIENT.clientSecret,
  STRAVA_VERIFY_TOKEN: E2E_STRAVA_VERIFY_TOKEN,
  STRAVA_BASE_URL: `http://127.0.0.1:${E2E_STRAVA_PORT}`,
  // A fixed test key (32 bytes as hex); real deployments use `openssl rand -base64 32`.
  SYNC_TOKEN_KEY: "6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e6e2e",
};
