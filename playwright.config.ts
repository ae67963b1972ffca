import { defineConfig, devices } from "@playwright/test";
import { E2E_SMTP_PORT } from "./e2e/smtp-sink";
import { E2E_SYNC_ENV } from "./e2e/sync-env";

const PORT = Number(process.env.E2E_PORT ?? 3100);
const databaseUrl = process.env.E2E_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set: run the tests with `npm test`.");

export default defineConfig({
  testDir: "e2e",
  outputDir: "test-results",
  // Specs create their own users, so two workers can share the database.
  workers: 2,
  fullyParallel: true,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  forbidOnly: Boolean(process.env.CI),
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined }, testIgnore: /mobile\.spec\.ts/ },
    { name: "phone", use: { ...devices["Pixel 7"], viewport: { width: 375, height: 740 } }, testMatch: /mobile\.spec\.ts/ },
  ],
  webServer: {
    // The production server of `npm start`, with its worker per core; with E2E_STANDALONE=1 (as `npm test`
    // runs it) the same server from the standalone folder that the Docker image ships (scripts/standalone.mjs).
    command: `node ${process.env.E2E_STANDALONE === "1" ? `${process.env.NEXT_DIST_DIR || ".next"}/standalone/` : ""}scripts/serve.mjs -p ${PORT}`,
    url: `http://127.0.0.1:${PORT}/api/health`,
    reuseExistingServer: false,
    timeout: 120_000,
    stdout: "ignore",
    stderr: "pipe",
    env: {
      DATABASE_URL: databaseUrl,
      AUTH_SECRET: process.env.E2E_AUTH_SECRET ?? "e2e-secret-that-is-long-enough-for-auth-js-0123456789",
      AUTH_TRUST_HOST: "true",
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // Every spec logs in from 127.0.0.1; the per-address limit is covered by integration tests.
      LOGIN_MAX_FAILURES_PER_IP: "1000",
      // Low, so that e2e/auth.spec.ts reaches it; only that spec signs up.
      SIGNUP_MAX_PER_IP: "3",
      DB_POOL_SIZE: "6",
      // Two workers exercise the connection hand-off; one on the embedded database (see scripts/test.ts).
      WEB_CONCURRENCY: process.env.BACKBONE_EMBEDDED_DB === "1" ? "1" : "2",
      // Alert emails go to the SMTP server a spec starts with e2e/smtp-sink.ts, and pending ones are looked
      // for every half second. While no spec listens, sends fail and wait in the outbox for their retry.
      SMTP_URL: `smtp://127.0.0.1:${E2E_SMTP_PORT}`,
      SMTP_FROM: "Backbone <alerts@backbone.test>",
      OUTBOX_POLL_SECONDS: "0.5",
      // Strava sync against the stand-in that e2e/sync.spec.ts starts on its fixed port.
      ...E2E_SYNC_ENV,
    },
  },
});
