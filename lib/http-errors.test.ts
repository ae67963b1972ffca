import { describe, expect, it } from "vitest";
import { backLink, errorPage, errorResponse, escapeHtml, prefersHtml } from "@/lib/http-errors";

const headers = (h: Record<string, string>) => new Headers(h);
const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8";

describe("prefersHtml", () => {
  it("is true for a browser opening the address", () => {
    expect(prefersHtml(headers({ accept: BROWSER_ACCEPT }))).toBe(true);
    expect(prefersHtml(headers({ accept: "text/html" }))).toBe(true);
    expect(prefersHtml(headers({ accept: "text/html, application/json" }))).toBe(true);
    expect(prefersHtml(headers({ accept: "application/json;q=0.5, text/html" }))).toBe(true);
    expect(prefersHtml(headers({ "sec-fetch-mode": "navigate" }))).toBe(true);
    expect(prefersHtml(headers({ "sec-fetch-dest": "document", accept: "*/*" }))).toBe(true);
  });

  it("is false for API clients and scripts", () => {
    expect(prefersHtml(headers({}))).toBe(false);
    expect(prefersHtml(headers({ accept: "*/*" }))).toBe(false);
    expect(prefersHtml(headers({ accept: "application/json" }))).toBe(false);
    expect(prefersHtml(headers({ accept: "application/json, text/html" }))).toBe(false);
    expect(prefersHtml(headers({ accept: "text/html;q=0.5, application/json" }))).toBe(false);
    expect(prefersHtml(headers({ accept: "text/html;q=0" }))).toBe(false);
    expect(prefersHtml(headers({ accept: "application/json", "sec-fetch-mode": "cors", "sec-fetch-dest": "empty" }))).toBe(false);
  });
});

describe("escapeHtml", () => {
  it("escapes markup and quotes", () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe("&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;");
  });
});

describe("backLink", () => {
  const req = (referer?: string) => ({
    url: "http://backbone.test/api/exports/me/plan",
    headers: headers({ host: "backbone.test", ...(referer ? { referer } : {}) }),
  });

  it("leads back to a page of this site, else home", () => {
    expect(backLink(req("http://backbone.test/coach/squads/1/plan?week=2026-06-01"))).toBe("/coach/squads/1/plan?week=2026-06-01");
    expect(backLink(req())).toBe("/");
    expect(backLink(req("https://evil.example/coach"))).toBe("/");
    expect(backLink(req("https://backbone.test/coach"))).toBe("/");
    expect(backLink(req("not a url"))).toBe("/");
  });
});

describe("errorPage", () => {
  it("is a plain page with the message as text, the status and a link back", () => {
    const html = errorPage({ message: `Bad <script>alert(1)</script> "range"`, code: "validation", status: 422 }, `/coach?a=1&b="2"`);
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<title>[^<]+<\/title>/);
    expect(html).toContain("Bad &lt;script&gt;alert(1)&lt;/script&gt; &quot;range&quot;");
    expect(html).not.toContain("<script");
    expect(html).toContain("Error 422");
    expect(html).toContain('<a href="/coach?a=1&amp;b=&quot;2&quot;">Go back</a>');
  });
});

describe("errorResponse", () => {
  const details = { message: "The range covers 400 days", code: "validation", status: 422 };

  it("answers a browser with a page of the same status, never cached", async () => {
    const res = errorResponse(new Request("http://backbone.test/x", { headers: { accept: BROWSER_ACCEPT } }), details);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(res.headers.get("cache-control")).toBe("no-store");
    expect(res.headers.get("content-security-policy")).toContain("default-src 'none'");
    const html = await res.text();
    expect(html).toContain("The range covers 400 days");
    expect(html).toContain('<a href="/">Go to the home page</a>');
  });

  it("answers anyone else with the JSON error", async () => {
    const res = errorResponse(new Request("http://backbone.test/x", { headers: { accept: "application/json" } }), details);
    expect(res.status).toBe(422);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: details });
  });
});

describe("error answers in the person's language", () => {
  const details = { message: "Choose at least one file to import.", code: "no_files", status: 422 };

  it("writes the page in Spanish for a browser that asks for it", async () => {
    const res = errorResponse(
      new Request("http://backbone.test/x", { headers: { accept: BROWSER_ACCEPT, "accept-language": "es-ES,es;q=0.9" } }),
      details,
    );
    const html = await res.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain("Elige al menos un archivo para importar.");
    expect(html).toContain("Error 422");
    expect(html).toContain("Ir a la página de inicio");
  });

  it("answers JSON in the language the caller names, whatever the browser asks", async () => {
    const res = errorResponse(new Request("http://backbone.test/x", { headers: { accept: "application/json" } }), details, "es");
    expect(await res.json()).toEqual({ error: { message: "Elige al menos un archivo para importar.", code: "no_files", status: 422 } });
  });

  it("keeps English by default", () => {
    expect(errorPage({ message: "Not found", code: "not_found", status: 404 }, "/athlete")).toContain("Go back");
    expect(errorPage({ message: "Not found", code: "not_found", status: 404 }, "/athlete", "es")).toContain("Volver");
  });
});
