import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";
import { isPrivateAddress, normalizeAddress, proxyWarning, resolveClientAddress, trustedProxyHops } from "@/scripts/lib/client-address.mjs";

describe("client address with no proxy in front (TRUSTED_PROXY_HOPS=0)", () => {
  it("is the socket's peer, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("198.51.100.7", "6.6.6.6", 0)).toBe("198.51.100.7");
    expect(resolveClientAddress("198.51.100.7", ["6.6.6.6", "7.7.7.7"], 0)).toBe("198.51.100.7");
    expect(resolveClientAddress("::ffff:127.0.0.1", undefined, 0)).toBe("127.0.0.1");
  });
});

describe("client address behind two proxies (TRUSTED_PROXY_HOPS=2)", () => {
  // client -> CDN (appends the client) -> load balancer (appends the CDN) -> app (socket: the balancer)
  it("is the entry the farther trusted proxy appended", () => {
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9, 10.0.0.1", 2)).toBe("203.0.113.9");
  });
  it("ignores what the client wrote to the left of the trusted entries", () => {
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 1.2.3.4, 203.0.113.9, 10.0.0.1", 2)).toBe("203.0.113.9");
  });
  it("takes the farthest address known when fewer proxies added one", () => {
    expect(resolveClientAddress("10.0.0.2", "10.0.0.1", 2)).toBe("10.0.0.1");
    expect(resolveClientAddress("10.0.0.2", undefined, 2)).toBe("10.0.0.2");
  });
  it("one proxy: the entry it appended", () => {
    expect(resolveClientAddress("10.0.0.1", "6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
  });
});

describe("address text", () => {
  it("is normalised and never carries junk", () => {
    expect(normalizeAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normalizeAddress("203.0.113.9:5000")).toBe("203.0.113.9");
    expect(normalizeAddress("<script>")).toBe("unknown");
    expect(normalizeAddress("a".repeat(65))).toBe("unknown");
  });
  it("TRUSTED_PROXY_HOPS defaults to 0 and refuses nonsense", () => {
    expect(trustedProxyHops({})).toBe(0);
    expect(trustedProxyHops({ TRUSTED_PROXY_HOPS: "2" })).toBe(2);
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: "-1" })).toThrow(/TRUSTED_PROXY_HOPS/);
    expect(() => trustedProxyHops({ TRUSTED_PROXY_HOPS: "1.5" })).toThrow(/TRUSTED_PROXY_HOPS/);
  });
});

describe("the app's reading", () => {
  it("takes the server's decided address over anything forwarded, under scripts/serve.mjs only", () => {
    const headers = new Headers({ "x-backbone-client-address": "198.51.100.7", "x-forwarded-for": "6.6.6.6" });
    const before = process.env.BACKBONE_CLIENT_ADDRESS_HEADER;
    try {
      process.env.BACKBONE_CLIENT_ADDRESS_HEADER = "1";
      expect(clientIp(headers)).toBe("198.51.100.7");
      delete process.env.BACKBONE_CLIENT_ADDRESS_HEADER;
      expect(clientIp(headers)).toBe("6.6.6.6");
    } finally {
      if (before !== undefined) process.env.BACKBONE_CLIENT_ADDRESS_HEADER = before;
    }
  });
  it("warns once about forwarded requests from a private peer when no proxy is trusted", () => {
    expect(proxyWarning("10.0.0.5", "203.0.113.9", 0)).toMatch(/TRUSTED_PROXY_HOPS is 0/);
    expect(proxyWarning("::ffff:127.0.0.1", "203.0.113.9", 0)).toMatch(/from 127\.0\.0\.1/);
    expect(proxyWarning("203.0.113.7", "6.6.6.6", 0)).toBeUndefined();
    expect(proxyWarning("10.0.0.5", "203.0.113.9", 1)).toBeUndefined();
    expect(proxyWarning("10.0.0.5", undefined, 0)).toBeUndefined();
    expect(isPrivateAddress("172.20.1.1")).toBe(true);
    expect(isPrivateAddress("172.32.1.1")).toBe(false);
    expect(isPrivateAddress("fd12:3456::1")).toBe(true);
  });
  it("falls back to the nearest forwarded entry, then to unknown", () => {
    expect(clientIp(new Headers({ "x-forwarded-for": "6.6.6.6, 127.0.0.1" }))).toBe("127.0.0.1");
    expect(clientIp(new Headers())).toBe("unknown");
  });
});
