import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getToken } from "next-auth/jwt";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { loadViewer, type Viewer } from "@/lib/auth/permissions";

export type { Viewer } from "@/lib/auth/permissions";

const SECURE_COOKIE = "__Secure-authjs.session-token";

/**
 * The session cookie's user id and session version, or null when there is no valid, unexpired session.
 * The cookie is decrypted and checked as Auth.js's own `auth()` does, without running its whole session
 * endpoint (building a request and a response for every page cost several milliseconds). The claims are
 * the ones lib/auth/config.ts's jwt callback writes.
 */
async function readSession(): Promise<{ userId: string; sessionVersion: number } | null> {
  const requestHeaders = await headers();
  const secureCookie = (requestHeaders.get("cookie") ?? "").includes(`${SECURE_COOKIE}=`);
  const token = await getToken({ req: { headers: requestHeaders }, secret: env().AUTH_SECRET, secureCookie }).catch(() => null);
  if (!token?.sub) return null;
  return { userId: token.sub, sessionVersion: typeof token.sv === "number" ? token.sv : 0 };
}

/**
 * The signed-in person with their memberships, or null. A session whose version is older than
 * the user's (password changed since) or whose user is gone counts as signed out.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await readSession();
  if (!session) return null;
  return loadViewer(db(), session.userId, session.sessionVersion);
});

/** For pages and actions: the viewer, or a redirect to the login page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}
