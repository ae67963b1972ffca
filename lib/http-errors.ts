import { NextResponse } from "next/server";
import { AppError, errorBody } from "@/lib/errors";
import { translatorFor } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/config";
import { negotiateLocale } from "@/lib/i18n/negotiate";
import { localizeServerMessage } from "@/lib/i18n/server-messages";

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

/** The catalogue key of each status's heading (httpErrors namespace). */
const HEADINGS: Record<number, string> = {
  400: "h400",
  401: "h401",
  403: "h403",
  404: "h404",
  409: "hOther",
  411: "hOther",
  413: "h413",
  422: "hOther",
  429: "h429",
};

function heading(status: number, t: (key: string) => string): string {
  return t(HEADINGS[status] ?? (status >= 500 ? "h500" : "hOther"));
}

/** The page shown to a person instead of an error's JSON, in their language. Plain HTML, no script. */
export function errorPage({ message, status }: ErrorDetails, back: string, locale: Locale = "en"): string {
  const t = translatorFor(locale, "httpErrors") as unknown as (key: string, values?: Record<string, string | number>) => string;
  const title = heading(status, t);
  const backLabel = back === "/" ? t("goHome") : t("goBack");
  return `<!doctype html>
<html lang="${locale}">
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
<p>${escapeHtml(localizeServerMessage(message, locale))}</p>
<p class="status">${escapeHtml(t("status", { status }))}</p>
<p><a href="${escapeHtml(back)}">${escapeHtml(backLabel)}</a>${status === 401 ? ` · <a href="/login">${escapeHtml(t("logIn"))}</a>` : ""}</p>
</main>
</body>
</html>
`;
}

// The page holds no script, loads nothing and posts nowhere.
const PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * An error answer: an HTML page for a browser navigation, else the JSON body `{ error: { message, code, status } }`.
 * Both carry the same status code. The message (an English server message) and the page are in `locale`
 * when the caller knows the person's language, else in the one their browser asks for.
 */
export function errorResponse(request: RequestLike, details: ErrorDetails, locale?: Locale): NextResponse {
  const language = locale ?? negotiateLocale(request.headers.get("accept-language"));
  const { code, status } = details;
  const message = localizeServerMessage(details.message, language);
  const vary = "Accept, Accept-Language, Sec-Fetch-Mode, Sec-Fetch-Dest";
  if (prefersHtml(request.headers)) {
    return new NextResponse(errorPage(details, backLink(request), language), {
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
