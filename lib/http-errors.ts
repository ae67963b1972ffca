import { NextResponse } from "next/server";
import { AppError, errorBody } from "@/lib/errors";

// Error answers of route handlers. API clients get the JSON body `{ error: { message, code, status } }`;
// a person who opened the address in a browser (a file download, a link) gets a small page with the
// same message and status instead of raw JSON.

export type ErrorDetails = { message: string; code: string; status: number };

type RequestLike = Pick<Request, "headers" | "url">;

/** The media types of an Accept header, most preferred first (ties keep the header's order). */
function acceptedTypes(accept: string): string[] {
  return accept
    .split(",")
    .map((part, index) => {
      const [type = "", ...params] = part.split(";").map((p) => p.trim().toLowerCase());
      const q = params.find((p) => p.startsWith("q="));
      const weight = q === undefined ? 1 : Number(q.slice(2));
      return { type, weight: Number.isFinite(weight) ? weight : 0, index };
    })
    .filter((t) => t.type && t.weight > 0)
    .sort((a, b) => b.weight - a.weight || a.index - b.index)
    .map((t) => t.type);
}

/**
 * Whether the request is a browser opening a page: a navigation (Sec-Fetch-Mode / Sec-Fetch-Dest), or
 * an Accept header that names text/html and does not rank application/json above it.
 */
export function prefersHtml(headers: Headers): boolean {
  if (headers.get("sec-fetch-mode")?.toLowerCase() === "navigate") return true;
  if (headers.get("sec-fetch-dest")?.toLowerCase() === "document") return true;
  const types = acceptedTypes(headers.get("accept") ?? "");
  const html = types.indexOf("text/html");
  if (html === -1) return false;
  const json = types.indexOf("application/json");
  return json === -1 || html < json;
}

const ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text made safe to place in HTML content or a quoted attribute. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/** Where the page's link leads: back to the referring page of this site, else the home page. */
export function backLink(request: RequestLike): string {
  const referer = request.headers.get("referer");
  if (!referer) return "/";
  try {
    const from = new URL(referer);
    const here = new URL(request.url);
    const host = request.headers.get("host");
    const sameOrigin = from.origin === here.origin || (host !== null && from.host === host && from.protocol === here.protocol);
    if (!sameOrigin || !from.pathname.startsWith("/") || from.pathname.startsWith("//")) return "/";
    return `${from.pathname}${from.search}`;
  } catch {
    return "/";
  }
}

const HEADINGS: Record<number, string> = {
  400: "This address is not valid",
  401: "Please log in",
  403: "Not allowed",
  404: "Not found",
  409: "This could not be done",
  411: "This could not be done",
  413: "Too large",
  422: "This could not be done",
  429: "Too many requests",
};

function heading(status: number): string {
  return HEADINGS[status] ?? (status >= 500 ? "Something went wrong" : "This could not be done");
}

/** The page shown to a person instead of an error's JSON. Plain HTML, no script. */
export function errorPage({ message, status }: ErrorDetails, back: string): string {
  const title = heading(status);
  const backLabel = back === "/" ? "Go to the home page" : "Go back";
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)} – Backbone</title>
<style>body{font-family:system-ui,sans-serif;line-height:1.5;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1a1a1a;background:#fff}a{color:#1d4ed8}.status{color:#555}</style>
</head>
<body>
<main>
<h1>${escapeHtml(title)}</h1>
<p>${escapeHtml(message)}</p>
<p class="status">Error ${status}</p>
<p><a href="${escapeHtml(back)}">${backLabel}</a>${status === 401 ? ' · <a href="/login">Log in</a>' : ""}</p>
</main>
</body>
</html>
`;
}

// The page holds no script, loads nothing and posts nowhere.
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * An error answer: an HTML page for a browser navigation, else the JSON body `{ error: { message, code, status } }`.
 * Both carry the same status code.
 */
export function errorResponse(request: RequestLike, details: ErrorDetails): NextResponse {
  const { message, code, status } = details;
  const vary = "Accept, Sec-Fetch-Mode, Sec-Fetch-Dest";
  if (prefersHtml(request.headers)) {
    return new NextResponse(errorPage(details, backLink(request)), {
      status,
      headers: {
        "Content-Type": "text/html; charset=utf-8",
        "Cache-Control": "no-store",
        "Content-Security-Policy": PAGE_CSP,
        Vary: vary,
      },
    });
  }
  return NextResponse.json({ error: { message, code, status } }, { status, headers: { Vary: vary } });
}

/** {@link errorResponse} for an {@link AppError}. */
export function appErrorResponse(request: RequestLike, error: AppError): NextResponse {
  return errorResponse(request, errorBody(error).error);
}
