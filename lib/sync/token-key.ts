/**
 * SYNC_TOKEN_KEY: 32 bytes for AES-256, written as 64 hex characters or as base64 (standard or URL-safe,
 * padding optional). Returns null for anything else, so a short or mistyped key is refused rather than padded.
 */
export function parseTokenKey(raw: string | undefined | null): Buffer | null {
  if (!raw) return null;
  const value = raw.trim();
  if (/^[0-9a-fA-F]{64}$/.test(value)) return Buffer.from(value, "hex");
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(value)) return null;
  const key = Buffer.from(value.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return key.length === 32 ? key : null;
}
