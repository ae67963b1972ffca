import { createHmac, timingSafeEqual } from "node:crypto";

// The OAuth `state`: which athlete (and which login session) started the connection, the backfill they
// chose and when, signed so the callback can trust it. A state older than STATE_TTL_MS, from another
// login session or with a wrong signature is refused.
export const STATE_TTL_MS = 10 * 60_000;

type StateBody = { u: string; s: string; p: string; m: number; t: number };

const sign = (secret: string, body: string) => createHmac("sha256", `sync-state:${secret}`).update(body).digest("base64url");

export function createState(secret: string, input: { userId: string; sessionId: string; provider: string; months: number }, now = Date.now()): string {
  const body = Buffer.from(JSON.stringify({ u: input.userId, s: input.sessionId, p: input.provider, m: input.months, t: now } satisfies StateBody)).toString("base64url");
  return `${body}.${sign(secret, body)}`;
}

/** The months chosen, when the state is genuine, fresh and the viewer's own; null otherwise. */
export function checkState(
  secret: string,
  state: string | null,
  expected: { userId: string; sessionId: string; provider: string },
  now = Date.now(),
): { months: number } | null {
  if (!state || state.length > 1000) return null;
  const [body, mac] = state.split(".");
  if (!body || !mac) return null;
  const want = Buffer.from(sign(secret, body));
  const got = Buffer.from(mac);
  if (want.length !== got.length || !timingSafeEqual(want, got)) return null;
  let parsed: StateBody;
  try {
    parsed = JSON.parse(Buffer.from(body, "base64url").toString("utf8")) as StateBody;
  } catch {
    return null;
  }
  if (parsed.u !== expected.userId || parsed.s !== expected.sessionId || parsed.p !== expected.provider) return null;
  if (typeof parsed.t !== "number" || now - parsed.t > STATE_TTL_MS || parsed.t - now > 60_000) return null;
  return { months: Number(parsed.m) };
}
