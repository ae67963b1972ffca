import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { z } from "zod";
import type { TokenSet } from "./providers/types";
import { syncSettings } from "./settings";

/**
 * Provider tokens are stored sealed: AES-256-GCM with a random 12-byte IV, under SYNC_TOKEN_KEY.
 *
 *   sync1.<key id>.<iv>.<ciphertext>.<tag>      (base64url parts)
 *
 * The key id (a short hash of the key, not the key) says which key sealed the value, so a new SYNC_TOKEN_KEY
 * can be introduced while the old one stays in SYNC_TOKEN_KEY_PREVIOUS until every connection has been
 * re-sealed. The version and key id are authenticated as additional data, so neither can be swapped.
 */

const VERSION = "sync1";
const IV_BYTES = 12;
const TAG_BYTES = 16;
/** Tokens are a few hundred bytes; a sealed value far beyond that is not ours. */
const MAX_SEALED_CHARS = 16_384;

export class TokenSealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TokenSealError";
  }
}

export type TokenKeys = { current: Buffer | null; previous?: Buffer[] };

function configuredKeys(): TokenKeys {
  const settings = syncSettings();
  return { current: settings.tokenKey, previous: settings.previousTokenKeys };
}

export function keyId(key: Buffer): string {
  return createHash("sha256").update("backbone sync token key\0").update(key).digest("base64url").slice(0, 12);
}

const payloadSchema = z.object({
  a: z.string().min(1),
  r: z.string().min(1).nullable(),
  e: z.number().int().nullable(),
  s: z.string().nullable(),
  x: z.string().min(1),
  k: z.enum(["oauth", "api-key"]),
});

/** Seals a connection's tokens for storage. Throws TokenSealError when no key is configured. */
export function sealTokens(tokens: TokenSet, keys: TokenKeys = configuredKeys()): string {
  const key = keys.current;
  if (!key || key.length !== 32) throw new TokenSealError("SYNC_TOKEN_KEY is not set: provider tokens cannot be stored");
  const payload: z.infer<typeof payloadSchema> = {
    a: tokens.accessToken,
    r: tokens.refreshToken,
    e: tokens.expiresAt ? tokens.expiresAt.getTime() : null,
    s: tokens.scope,
    x: tokens.externalAthleteId,
    k: tokens.kind,
  };
  const kid = keyId(key);
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(`${VERSION}.${kid}`));
  const ciphertext = Buffer.concat([cipher.update(JSON.stringify(payload), "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, kid, iv.toString("base64url"), ciphertext.toString("base64url"), tag.toString("base64url")].join(".");
}

const B64URL = /^[A-Za-z0-9_-]+$/;

/**
 * Opens tokens sealed by sealTokens with the current or a previous key. Throws TokenSealError when no key is
 * configured, the value is malformed, no configured key sealed it, or it was altered (GCM tag mismatch).
 */
export function openTokens(sealed: string, keys: TokenKeys = configuredKeys()): TokenSet {
  const candidates = [keys.current, ...(keys.previous ?? [])].filter((k): k is Buffer => !!k && k.length === 32);
  if (candidates.length === 0) throw new TokenSealError("SYNC_TOKEN_KEY is not set: provider tokens cannot be opened");
  if (typeof sealed !== "string" || sealed.length > MAX_SEALED_CHARS) throw new TokenSealError("Sealed tokens are malformed");
  const parts = sealed.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION || !parts.slice(1).every((p) => B64URL.test(p))) {
    throw new TokenSealError("Sealed tokens are malformed");
  }
  const [, kid, ivText, ciphertextText, tagText] = parts;
  const iv = Buffer.from(ivText, "base64url");
  const tag = Buffer.from(tagText, "base64url");
  const ciphertext = Buffer.from(ciphertextText, "base64url");
  if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new TokenSealError("Sealed tokens are malformed");
  const key = candidates.find((k) => keyId(k) === kid);
  if (!key) throw new TokenSealError("Sealed tokens were sealed with a key that is not configured (SYNC_TOKEN_KEY or SYNC_TOKEN_KEY_PREVIOUS)");

  let plaintext: string;
  try {
    const decipher = createDecipheriv("aes-256-gcm", key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(`${VERSION}.${kid}`));
    decipher.setAuthTag(tag);
    plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString("utf8");
  } catch {
    throw new TokenSealError("Sealed tokens cannot be opened: they were altered or the key is wrong");
  }
  let parsed: z.infer<typeof payloadSchema>;
  try {
    parsed = payloadSchema.parse(JSON.parse(plaintext));
  } catch {
    throw new TokenSealError("Sealed tokens are malformed");
  }
  return {
    accessToken: parsed.a,
    refreshToken: parsed.r,
    expiresAt: parsed.e === null ? null : new Date(parsed.e),
    scope: parsed.s,
    externalAthleteId: parsed.x,
    kind: parsed.k,
  };
}

/** Whether a sealed value was sealed with an older key and should be sealed again with the current one. */
export function needsResealing(sealed: string, keys: TokenKeys = configuredKeys()): boolean {
  if (!keys.current) return false;
  const kid = sealed.split(".")[1];
  return kid !== keyId(keys.current);
}
