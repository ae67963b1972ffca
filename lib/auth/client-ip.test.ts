import { describe, expect, it } from "vitest";
import { clientIp } from "@/lib/auth/client-ip";

const h = (xff?: string) => new Headers(xff ? { "x-forwarded-for": xff } : {});

describe("client address", () => {
  it("takes the entry the nearest trusted proxy appended, not what the client wrote", () => {
    expect(clientIp(h("6.6.6.6, 203.0.113.9"), 1)).toBe("203.0.113.9");
    expect(clientIp(h("6.6.6.6, 203.0.113.9, 10.0.0.2"), 2)).toBe("203.0.113.9");
    expect(clientIp(h("203.0.113.9"), 3)).toBe("203.0.113.9");
  });

  it("falls back when there is no header", () => {
    expect(clientIp(h(), 1)).toBe("unknown");
  });
});
