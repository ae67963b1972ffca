import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getToken } from "next-auth/jwt";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { loadViewerForSession, type Viewer } from "@/lib/auth/permissions";

export type { Viewer } from "@/lib/auth/permissions";

/**
 * The session cookie's user id and session version, or null when there is no valid, unexpired session.
 * The cookie is decrypted and checked as Auth.js's own `auth()` does, without running its whole session
 * endpoint (building a request and a response for every page cost several milliseconds). The claims are
 * the ones lib/auth/config.ts's jwt callback writes.
 */
async function readSession(): Promise<{ userId: string; sessionId: string } | null> {
  const requestHeaders = await headers();
  // Which cookie counts follows the site's address as Auth.js sees it (AUTH_URL, else the forwarded
  // protocol that Next sets on every request): on https only the __Secure- cookie is read.
  const proto = (requestHeaders.get("x-forwarded-proto") ?? "https").split(",")[0].trim();
  const authUrl = process.env.AUTH_URL ?? process.env.NEXTAUTH_URL;
  const secureCookie = authUrl ? authUrl.startsWith("https:") : proto === "https";
  // Only the cookie: no Authorization header, as Auth.js's session endpoint reads it.
  const token = await getToken({
    req: { headers: { cookie: requestHeaders.get("cookie") ?? "" } },
    secret: env().AUTH_SECRET,
    secureCookie,
  }).catch(() => null);
  if (!token?.sub || typeof token.sid !== "string" || token.sid === "") return null;
  return { userId: token.sub, sessionId: token.sid };
}

/**
 * The signed-in person with their memberships, or null. A cookie whose session row is gone (logged
 * out, logged out everywhere, password changed) or whose user is gone counts as signed out.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await readSession();
  if (!session) return null;
  return loadViewerForSession(db(), session.userId, session.sessionId);
});

/** For pages and actions: the viewer, or a redirect to the login page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}
