// Only same-site paths are followed after login, so a crafted link cannot send people elsewhere.

const MAX_LENGTH = 500;
// Any control character or whitespace: browsers drop tabs and line breaks from a URL ("/\t/evil.example"
// is followed as "//evil.example", another site), and a control character in a Location header fails the
// response.
const UNSAFE = /[\u0000-\u0020\u007f-\u009f\u2028\u2029]/;

/** The value with its percent-encoding undone, as many times as it changes (at most a few); null if malformed. */
function fullyDecoded(value: string): string | null {
  let current = value;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(current);
    } catch {
      return null;
    }
    if (next === current) return current;
    current = next;
  }
  return null;
}

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * A path of this site to go to after login, or "/". Refused: anything not starting with a single "/",
 * backslashes, whitespace and control characters, over-long values, and the same tricks percent-encoded
 * (`/%2f/evil.example`, `/%5cevil.example`, `/%09/evil.example`), which some browsers and proxies decode.
 */
export function safeCallbackUrl(value: unknown): string {
  if (typeof value !== "string" || value.length > MAX_LENGTH) return "/";
  if (!value.startsWith("/") || value.includes("\\") || UNSAFE.test(value)) return "/";
  const decoded = fullyDecoded(value);
  if (decoded === null) return "/";
  const cut = decoded.search(/[?#]/);
  const [path, rest] = cut === -1 ? [decoded, ""] : [decoded.slice(0, cut), decoded.slice(cut)];
  // Decoded, the path holds no second slash in a row ("/%2f/evil.example" is "//evil.example"), no
  // backslash, space or control character; the query may hold encoded spaces, not control characters.
  if (path.includes("//") || path.includes("\\") || UNSAFE.test(path) || CONTROL.test(rest)) return "/";
  // What a browser makes of it, resolved against this site, stays on this site.
  const base = "http://backbone.invalid";
  if (new URL(value, base).origin !== base) return "/";
  return value;
}
