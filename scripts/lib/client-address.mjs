// The client's address, as the production server (scripts/serve.mjs) hands it to the app.
//
// Each reverse proxy appends the address it received the request from to X-Forwarded-For, so with N
// trusted proxies in front the client is the N-th address from the right of [...X-Forwarded-For, socket].
// With none (TRUSTED_PROXY_HOPS=0, the default) it is the socket's peer and X-Forwarded-For, which the
// client can write freely, is ignored. Entries left of the trusted ones were written by the client.

export const CLIENT_ADDRESS_HEADER = "x-backbone-client-address";

/** "::ffff:10.0.0.1" -> "10.0.0.1", "[::1]:443" -> "::1", "10.0.0.1:5000" -> "10.0.0.1"; at most 64 characters. */
export function normalizeAddress(value) {
  let a = String(value ?? "").trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(a);
  if (bracketed) a = bracketed[1];
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d+$/.test(a)) a = a.slice(0, a.lastIndexOf(":"));
  if (/^::ffff:\d{1,3}(\.\d{1,3}){3}$/i.test(a)) a = a.slice(7);
  // Only what can appear in an address (IPv4, IPv6 with a zone, a proxy's "unknown" or obfuscated name).
  if (!/^[0-9A-Za-z.:%_-]{1,64}$/.test(a)) return "unknown";
  return a.toLowerCase();
}

/**
 * @param {string | undefined} socketAddress the TCP peer's address
 * @param {string | string[] | undefined} forwardedFor the X-Forwarded-For header(s) as received
 * @param {number} hops how many reverse proxies in front of the app to trust (0: none)
 */
export function resolveClientAddress(socketAddress, forwardedFor, hops) {
  const chain = [];
  if (hops > 0 && forwardedFor !== undefined) {
    const joined = Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor;
    for (const entry of joined.split(",")) {
      const trimmed = entry.trim();
      if (trimmed) chain.push(trimmed);
    }
  }
  chain.push(socketAddress ?? "unknown");
  // Fewer entries than trusted proxies: the farthest address known.
  return normalizeAddress(chain[Math.max(0, chain.length - 1 - hops)]);
}

/** TRUSTED_PROXY_HOPS as a whole number from 0 to 10; anything else stops the server with a message. */
export function trustedProxyHops(env = process.env) {
  const raw = env.TRUSTED_PROXY_HOPS;
  if (raw === undefined || raw === "") return 0;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 10) {
    throw new Error(`TRUSTED_PROXY_HOPS must be a whole number from 0 to 10, got "${raw}"`);
  }
  return n;
}

/** Loopback, private (RFC 1918), link-local, shared (100.64/10) and unique-local IPv6 addresses. */
export function isPrivateAddress(address) {
  const a = normalizeAddress(address);
  if (a === "::1" || /^f[cd][0-9a-f]{2}:/.test(a) || /^fe[89ab][0-9a-f]:/.test(a)) return true;
  const m = /^(\d+)\.(\d+)\.\d+\.\d+$/.exec(a);
  if (!m) return false;
  const [x, y] = [Number(m[1]), Number(m[2])];
  return x === 10 || x === 127 || (x === 172 && y >= 16 && y <= 31) || (x === 192 && y === 168) || (x === 169 && y === 254) || (x === 100 && y >= 64 && y <= 127);
}

/**
 * A one-time warning for the likely misconfiguration: requests forwarded by a proxy on a private address
 * while no proxy is trusted (every client would then share the proxy's address and its login limits).
 */
export function proxyWarning(socketAddress, forwardedFor, hops) {
  if (hops !== 0 || !forwardedFor || !isPrivateAddress(socketAddress)) return undefined;
  return (
    `Requests arrive with X-Forwarded-For from ${normalizeAddress(socketAddress)}, a private address, but TRUSTED_PROXY_HOPS is 0: ` +
    "every client is counted as that address for login limits and the audit log. If a reverse proxy is in front of Backbone, set " +
    "TRUSTED_PROXY_HOPS to the number of proxies (see the README)."
  );
}
