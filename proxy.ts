import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { AppError, NotFoundError } from "@/lib/errors";
import { appErrorResponse } from "@/lib/http-errors";
import { checkRequestPath } from "@/lib/url-paths";

// Redirects only: every layout, query, action and route handler checks access again.
// The session cookie is only read here, never re-issued: a refreshed cookie set by the proxy would
// race with (and undo) the cookie removal of a logout.
const SECURE_COOKIE = "__Secure-authjs.session-token";

async function isSignedIn(request: NextRequest): Promise<boolean> {
  const secureCookie = request.cookies.has(SECURE_COOKIE);
  try {
    const token = await getToken({ req: request, secret: process.env.AUTH_SECRET, secureCookie });
    return Boolean(token?.sub);
  } catch {
    return false;
  }
}

const PROTECTED = ["/coach", "/athlete", "/settings", "/inbox"];

/**
 * The sync providers' sites (lib/sync): "Connect" forms end, through the app's redirect, on their consent
 * pages, and browsers hold such redirects to form-action.
 */
function providerOrigins(): string {
  const origins: string[] = [];
  for (const [value, fallback] of [
    [process.env.STRAVA_BASE_URL, "https://www.strava.com"],
    [process.env.INTERVALS_BASE_URL, "https://intervals.icu"],
  ] as const) {
    try {
      origins.push(new URL(value || fallback).origin);
    } catch {
      // A malformed value stops the app at its environment check; nothing to allow here.
    }
  }
  return origins.join(" ");
}

function contentSecurityPolicy(nonce: string): string {
  const dev = process.env.NODE_ENV !== "production";
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Inline style attributes come from React and the chart library.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    `form-action 'self' ${providerOrigins()}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

const matches = (pathname: string, prefixes: string[]) =>
  prefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`));

// Matches no route, so a rewrite to it renders the app's not-found page with a 404.
const NOT_FOUND_PATH = "/_no-such-page";

export async function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // An address no route can have is answered here: Next.js would fail to decode it (a 500), or hand a
  // NUL to a query that the database refuses.
  const path = checkRequestPath(pathname);
  if (pathname.startsWith("/api/")) {
    if (path === "malformed") {
      return appErrorResponse(request, new AppError("This address is not valid.", "bad_request", 400));
    }
    if (path === "unknown") return appErrorResponse(request, new NotFoundError());
    // Route handlers check access themselves; nothing else here applies to them.
    return NextResponse.next();
  }

  if (path === "ok" && matches(pathname, PROTECTED) && !(await isSignedIn(request))) {
    const login = new URL("/login", request.nextUrl);
    login.searchParams.set("callbackUrl", `${pathname}${search}`);
    return NextResponse.redirect(login);
  }
  // Signed-in visitors of /login and /signup are sent on by the pages themselves, which know whether
  // the session is still valid (a password change elsewhere ends it while the cookie lives on).

  const nonce = Buffer.from(crypto.randomUUID()).toString("base64");
  const csp = contentSecurityPolicy(nonce);
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", csp);
  const response =
    path === "ok"
      ? NextResponse.next({ request: { headers: requestHeaders } })
      : NextResponse.rewrite(new URL(NOT_FOUND_PATH, request.nextUrl), { request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Route handlers are matched for the address check only. The upload handler (that exact path: it has no
  // dynamic segment) is left out: while a proxy runs, Next.js buffers a request body only up to 10 MB, and
  // uploads are larger.
  matcher: ["/((?!api/imports/preview$|_next/static|_next/image|favicon.ico|robots.txt).*)"],
};
