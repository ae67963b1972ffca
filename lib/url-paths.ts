// Runs in proxy.ts before any route: no Node or server-only imports.

/**
 * The longest path segment any route of the app has: ids are at most 64 characters, secret link tokens
 * 43 (".ics" added for calendar feeds). Longer ones are nobody's id.
 */
export const MAX_PATH_SEGMENT_LENGTH = 200;

// What every segment of the app's addresses is made of once decoded: page names, ids (cuid), and link
// tokens (base64url), all URL-safe ("unreserved" in RFC 3986).
const SEGMENT = /^[A-Za-z0-9._~-]*$/;

/**
 * Whether a request path can name anything in the app, checked before Next.js decodes it for the route
 * (where an undecodable segment such as `%ff` ends in a 500, and a NUL reaches the database, which refuses
 * it). "malformed": a segment that is not valid percent-encoded UTF-8, or that decodes to a control
 * character; "unknown": a segment that decodes fine but is longer than any id or holds characters no
 * page name, id or token has. Both name nothing: pages answer 404, route handlers 400 or 404.
 */
export function checkRequestPath(pathname: string): "ok" | "malformed" | "unknown" {
  let unknown = false;
  for (const raw of pathname.split("/")) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return "malformed";
    }
    // C0 controls (NUL included), DEL and C1 controls.
    if (/[\u0000-\u001f\u007f-\u009f]/.test(segment)) return "malformed";
    if (segment.length > MAX_PATH_SEGMENT_LENGTH || !SEGMENT.test(segment)) unknown = true;
  }
  return unknown ? "unknown" : "ok";
}
