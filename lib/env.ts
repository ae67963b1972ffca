import { z } from "zod";
import { parseTokenKey } from "./sync/token-key";

// Validated once; a wrong value stops the process with a message that names the variable.
const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "must be a postgresql:// connection URL")
    .refine((url) => !/[?&]schema=/.test(url), "the schema parameter is not supported; use a database of its own")
    .optional(),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters (e.g. `openssl rand -base64 32`)").optional(),
  SESSION_MAX_AGE_HOURS: z.coerce.number().int().min(1).max(24 * 30).default(12),
  LOGIN_MAX_FAILURES_PER_ACCOUNT_AND_IP: z.coerce.number().int().min(1).max(100).default(5),
  LOGIN_MAX_FAILURES_PER_ACCOUNT: z.coerce.number().int().min(1).max(10_000).default(20),
  LOGIN_MAX_FAILURES_PER_IP: z.coerce.number().int().min(1).max(1000).default(30),
  LOGIN_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
  SIGNUP_MAX_PER_IP: z.coerce.number().int().min(1).max(10_000).default(10),
  SIGNUP_WINDOW_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Read by Auth.js as well; alert emails link to pages under it.
  AUTH_URL: z.url({ protocol: /^https?$/, error: "must be the app's public http:// or https:// address" }).optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\/[^\s/]+/, "must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587")
    .optional(),
  SMTP_FROM: z.string().trim().min(3, "must be a sender address, e.g. Backbone <alerts@example.org>").max(254).optional(),
  OUTBOX_POLL_SECONDS: z.coerce.number().min(0.2).max(600).default(5),
  // "off" when a reverse proxy in front compresses responses (the compose file's nginx does): gzip is then
  // done once, in the proxy, instead of costing every app process a share of each page.
  HTTP_COMPRESSION: z.enum(["on", "off"], { message: 'must be "on" or "off"' }).default("on"),
  // Activity sync (lib/sync): a provider is on when its client id and secret are both set.
  STRAVA_CLIENT_ID: z.string().trim().regex(/^\d{1,20}$/, "must be the numeric Client ID from strava.com/settings/api").optional(),
  STRAVA_CLIENT_SECRET: z.string().trim().min(8, "must be the Client Secret from strava.com/settings/api").max(200).optional(),
  STRAVA_VERIFY_TOKEN: z.string().trim().min(8, "must be at least 8 characters; Strava echoes it when subscribing to webhooks").max(200).optional(),
  // The id Strava answered when the webhook subscription was made; when set, events of any other subscription are refused.
  STRAVA_SUBSCRIPTION_ID: z.string().trim().regex(/^\d{1,20}$/, "must be the numeric id Strava answered when you subscribed to webhooks").optional(),
  STRAVA_BASE_URL: baseUrl("https://www.strava.com"),
  INTERVALS_CLIENT_ID: z.string().trim().min(1).max(200).optional(),
  INTERVALS_CLIENT_SECRET: z.string().trim().min(8, "must be the client secret of your Intervals.icu app").max(200).optional(),
  INTERVALS_BASE_URL: baseUrl("https://intervals.icu"),
  INTERVALS_WEBHOOK_SECRET: z.string().trim().min(8, "must be at least 8 characters").max(200).optional(),
  SYNC_TOKEN_KEY: tokenKey(),
  // Earlier keys, comma-separated, still accepted to open tokens sealed before a key rotation.
  SYNC_TOKEN_KEY_PREVIOUS: z
    .string()
    .optional()
    .superRefine((value, ctx) => {
      if (!value) return;
      for (const part of value.split(",")) {
        if (!parseTokenKey(part.trim())) {
          ctx.addIssue({ code: "custom", message: "must be comma-separated keys, each 32 bytes as base64 or 64 hex characters" });
          return;
        }
      }
    }),
}).superRefine((e, ctx) => {
  const pairs: [keyof typeof e, keyof typeof e][] = [
    ["STRAVA_CLIENT_ID", "STRAVA_CLIENT_SECRET"],
    ["INTERVALS_CLIENT_ID", "INTERVALS_CLIENT_SECRET"],
  ];
  for (const [a, b] of pairs) {
    if (e[a] && !e[b]) ctx.addIssue({ code: "custom", path: [b], message: `is required when ${a} is set` });
    if (e[b] && !e[a]) ctx.addIssue({ code: "custom", path: [a], message: `is required when ${b} is set` });
  }
  if (e.STRAVA_CLIENT_ID && e.STRAVA_CLIENT_SECRET && !e.STRAVA_VERIFY_TOKEN) {
    ctx.addIssue({ code: "custom", path: ["STRAVA_VERIFY_TOKEN"], message: "is required when Strava sync is configured (a random string for the webhook subscription)" });
  }
  const anyProvider = Boolean((e.STRAVA_CLIENT_ID && e.STRAVA_CLIENT_SECRET) || (e.INTERVALS_CLIENT_ID && e.INTERVALS_CLIENT_SECRET));
  if (anyProvider && !e.SYNC_TOKEN_KEY) {
    ctx.addIssue({
      code: "custom",
      path: ["SYNC_TOKEN_KEY"],
      message: "is required when a sync provider is configured: 32 random bytes, e.g. `openssl rand -base64 32`",
    });
  }
});

/** A provider's base address: http(s) only, no query or fragment, without a trailing slash. */
function baseUrl(fallback: string) {
  return z
    .url({ protocol: /^https?$/, error: "must be an http:// or https:// address" })
    .refine((url) => !/[?#]/.test(url), "must not have a query or fragment")
    .transform((url) => url.replace(/\/+$/, ""))
    .default(fallback);
}

function tokenKey() {
  return z
    .string()
    .trim()
    .refine((value) => parseTokenKey(value) !== null, "must be 32 bytes as base64 (e.g. `openssl rand -base64 32`) or 64 hex characters")
    .optional();
}

export type Env = z.infer<typeof envSchema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(Object.entries(source).map(([k, v]) => [k, v === "" ? undefined : v]));
  const result = envSchema.safeParse(cleaned);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
