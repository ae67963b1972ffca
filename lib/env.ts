import { z } from "zod";

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
});

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
