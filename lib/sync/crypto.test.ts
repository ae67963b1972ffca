import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { needsResealing, openTokens, sealTokens, TokenSealError } from "@/lib/sync/crypto";
import type { TokenSet } from "@/lib/sync/providers/types";

const tokens: TokenSet = {
  accessToken: "a".repeat(40),
  refreshToken: "r".repeat(40),
  expiresAt: new Date("2026-12-07T12:00:00Z"),
  scope: "read,activity:read_all",
  externalAthleteId: "134815",
  kind: "oauth",
};
const key = randomBytes(32);
const other = randomBytes(32);

function flip(sealed: string, part: number): string {
  const parts = sealed.split(".");
  const bytes = Buffer.from(parts[part], "base64url");
  bytes[0] ^= 1;
  parts[part] = bytes.toString("base64url");
  return parts.join(".");
}

describe("sealed provider tokens", () => {
  it("round-trips every field and never shows the token in the sealed text", () => {
    const sealed = sealTokens(tokens, { current: key });
    expect(sealed).toMatch(/^sync1\.[\w-]{12}\.[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(sealed).not.toContain(tokens.accessToken.slice(0, 8));
    expect(openTokens(sealed, { current: key })).toEqual(tokens);
    const apiKey: TokenSet = { ...tokens, refreshToken: null, expiresAt: null, scope: null, kind: "api-key", externalAthleteId: "i42" };
    expect(openTokens(sealTokens(apiKey, { current: key }), { current: key })).toEqual(apiKey);
  });

  it("uses a fresh IV each time", () => {
    expect(sealTokens(tokens, { current: key })).not.toBe(sealTokens(tokens, { current: key }));
  });

  it("detects tampering with the IV, the ciphertext, the tag or the key id", () => {
    const sealed = sealTokens(tokens, { current: key });
    for (const part of [2, 3, 4]) expect(() => openTokens(flip(sealed, part), { current: key })).toThrow(/altered or the key is wrong/);
    const parts = sealed.split(".");
    parts[1] = "AAAAAAAAAAAA";
    expect(() => openTokens(parts.join("."), { current: key })).toThrow(/not configured/);
  });

  it("refuses the wrong key and opens with a previous key after rotation", () => {
    const sealed = sealTokens(tokens, { current: key });
    expect(() => openTokens(sealed, { current: other })).toThrow(TokenSealError);
    expect(openTokens(sealed, { current: other, previous: [key] })).toEqual(tokens);
    expect(needsResealing(sealed, { current: other, previous: [key] })).toBe(true);
    expect(needsResealing(sealed, { current: key })).toBe(false);
  });

  it("refuses malformed input with a TokenSealError, never a raw error", () => {
    for (const bad of ["", "sync1", "sync2.a.b.c.d", "sync1.a.b.c", "sync1.$$.b.c.d", "x".repeat(20_000), "sync1.abc.AAAA.AAAA.AAAA"]) {
      expect(() => openTokens(bad, { current: key }), bad.slice(0, 20)).toThrow(TokenSealError);
    }
  });

  it("throws when no key is configured", () => {
    expect(() => sealTokens(tokens, { current: null })).toThrow(/SYNC_TOKEN_KEY is not set/);
    expect(() => openTokens("sync1.a.b.c.d", { current: null })).toThrow(/SYNC_TOKEN_KEY is not set/);
  });
});
