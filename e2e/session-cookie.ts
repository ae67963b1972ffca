import { randomBytes } from "node:crypto";
import { encode } from "next-auth/jwt";
import pg from "pg";

/**
 * Signing in without the login form, for specs about something else: a session row as a successful login
 * opens it (lib/auth/sessions.ts) and the encrypted cookie Auth.js would set for it, with the claims
 * lib/auth/config.ts writes. The form itself (rate limits, device cookies, lockout) is covered by
 * auth.spec.ts and security.spec.ts, which log in through it.
 */
export const E2E_AUTH_SECRET = process.env.E2E_AUTH_SECRET ?? "e2e-secret-that-is-long-enough-for-auth-js-0123456789";
const COOKIE = "authjs.session-token";
const MAX_AGE_SECONDS = 12 * 3600;

let pool: pg.Pool | undefined;
function database(): pg.Pool {
  const url = process.env.E2E_DATABASE_URL ?? process.env.TEST_DATABASE_URL;
  if (!url) throw new Error("E2E_DATABASE_URL is not set");
  return (pool ??= new pg.Pool({ connectionString: url, max: 2 }));
}

export type SessionCookie = { name: string; value: string; domain: string; path: string; httpOnly: boolean; sameSite: "Lax"; expires: number };

/** A signed-in session for the person with this email, as the cookie a browser would hold. */
export async function sessionCookie(email: string, baseURL: string): Promise<SessionCookie> {
  const { rows } = await database().query<{ id: string; name: string }>(`SELECT id, name FROM "User" WHERE lower(email) = lower($1)`, [email]);
  const user = rows[0];
  if (!user) throw new Error(`No user ${email}`);
  const sid = randomBytes(24).toString("base64url");
  const expires = Math.floor(Date.now() / 1000) + MAX_AGE_SECONDS;
  await database().query(`INSERT INTO "AuthSession" (id, "userId", "expiresAt", "userAgent") VALUES ($1, $2, $3, 'e2e')`, [
    sid,
    user.id,
    new Date(expires * 1000),
  ]);
  const value = await encode({
    token: { sub: user.id, sid, name: user.name, email },
    secret: E2E_AUTH_SECRET,
    salt: COOKIE,
    maxAge: MAX_AGE_SECONDS,
  });
  return { name: COOKIE, value, domain: new URL(baseURL).hostname, path: "/", httpOnly: true, sameSite: "Lax", expires };
}
