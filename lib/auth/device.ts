import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";

// "Known device" cookies: after a successful login the browser gets a long-lived cookie, signed with the
// app's secret and bound to the account, that says "this device has logged in to this account before".
// Login throttling never holds such a device back by the account's own counter (lib/auth/rate-limit.ts),
// so strangers guessing an account's password from anywhere cannot keep its owner out. The cookie grants
// nothing else: it is not a session and never signs anyone in.

const MAX_AGE_DAYS = 365;

const norm = (email: string) => email.trim().toLowerCase();

/** One cookie per account the browser has logged in to: its name is derived from the email. */
export function deviceCookieName(email: string): string {
  return `backbone-device-${createHash("sha256").update(norm(email)).digest("hex").slice(0, 16)}`;
}

const sign = (secret: string, email: string, nonce: string) =>
  createHmac("sha256", secret).update(`device:${norm(email)}:${nonce}`).digest("base64url");

export function newDeviceCookieValue(secret: string, email: string): string {
  const nonce = randomBytes(12).toString("base64url");
  return `${nonce}.${sign(secret, email, nonce)}`;
}

export function isKnownDevice(secret: string, email: string, value: string | undefined): boolean {
  if (!value || value.length > 200) return false;
  const [nonce, mac, extra] = value.split(".");
  if (!nonce || !mac || extra !== undefined) return false;
  const expected = Buffer.from(sign(secret, email, nonce));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** The value of one cookie from a Cookie header. */
export function cookieFrom(header: string | null, name: string): string | undefined {
  for (const part of (header ?? "").split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export const deviceCookieOptions = (secure: boolean) => ({
  httpOnly: true,
  sameSite: "lax" as const,
  secure,
  path: "/",
  maxAge: MAX_AGE_DAYS * 24 * 3600,
});
