// Reverse proxies append the address they saw to X-Forwarded-For, so the trustworthy entry is the
// one added by the nearest proxy we trust: `hops` from the right. Entries further left were written
// by the client and can be anything. Without a proxy in front, `next start` sets the header only when
// the client did not, so the per-address limit then relies on the per-account one as its backstop.
export function clientIp(headers: Headers, hops = Number(process.env.TRUSTED_PROXY_HOPS ?? 1)): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) {
    const entries = forwarded
      .split(",")
      .map((e) => e.trim())
      .filter(Boolean);
    const pick = entries[Math.max(0, entries.length - Math.max(1, hops))];
    if (pick) return pick.slice(0, 64);
  }
  return (headers.get("x-real-ip") ?? "unknown").slice(0, 64);
}
