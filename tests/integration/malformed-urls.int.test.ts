import { readdirSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";

// Who is signed in does not change how an address is checked; the session cookie is not read here.
vi.mock("next-auth/jwt", () => ({ getToken: async () => null }));

const { proxy, config } = await import("@/proxy");

type Compiled = { regexp: string };
const { getMiddlewareMatchers } = createRequire(import.meta.url)("next/dist/build/analysis/get-page-static-info") as {
  getMiddlewareMatchers: (matchers: string[], nextConfig: object) => Compiled[];
};

/** Every page and route handler with a dynamic segment, as its folders under app/ name it. */
function dynamicRoutes(dir = path.resolve(__dirname, "../../app"), prefix = ""): { route: string; page: boolean }[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return dynamicRoutes(full, prefix + (/^\(.*\)$/.test(entry) ? "" : `/${entry}`));
    return /^(page|route)\.tsx?$/.test(entry) && prefix.includes("[") ? [{ route: prefix, page: entry.startsWith("page") }] : [];
  });
}

const MALFORMED = ["%ff", "%e2%82", "%", "%00", "abc%0d%0a", "x%7f"];
const UNKNOWN = ["a".repeat(300), "..%2f..%2fetc", "bad%20id%E2%80%AE", "a'b"];
const GOOD = "cm0abc123def456ghi789jkl0";

const urlsOf = (route: string, hostile: string) => {
  const segments = route.split("/");
  return segments.flatMap((s, at) =>
    /^\[.+\]$/.test(s) ? [segments.map((t, i) => (i === at ? hostile : /^\[.+\]$/.test(t) ? GOOD : t)).join("/")] : [],
  );
};

describe("addresses no route can have", () => {
  const routes = dynamicRoutes();

  it("are found for every dynamic segment of the app", () => {
    expect(routes.map((r) => r.route)).toEqual(
      expect.arrayContaining(["/invite/[token]", "/api/calendar/[token]", "/api/imports/[batchId]/commit", "/api/auth/[...nextauth]", "/athlete/pain/[reportId]"]),
    );
  });

  it("all pass through the proxy, the upload handler's exact path aside", () => {
    const matchers = getMiddlewareMatchers(config.matcher, {}).map((m) => new RegExp(m.regexp));
    const runs = (pathname: string) => matchers.some((re) => re.test(pathname));
    for (const { route } of routes) {
      for (const hostile of [...MALFORMED, ...UNKNOWN, GOOD]) {
        for (const url of urlsOf(route, hostile)) expect(runs(url), url).toBe(true);
      }
    }
    // A batch id that merely starts like the upload path is still checked.
    expect(runs("/api/imports/preview%00/commit")).toBe(true);
    expect(runs("/api/imports/preview")).toBe(false);
    expect(runs("/_next/static/chunks/app.js")).toBe(false);
  });

  it("answer 404 for pages and 400 or 404 for route handlers; good ids go on to the route", async () => {
    const failures: string[] = [];
    for (const { route, page } of routes) {
      for (const [hostile, kind] of [...MALFORMED.map((h) => [h, "malformed"]), ...UNKNOWN.map((h) => [h, "unknown"]), [GOOD, "ok"]] as const) {
        for (const url of urlsOf(route, hostile)) {
          const response = await proxy(new NextRequest(`http://localhost${url}`));
          const rewrite = response.headers.get("x-middleware-rewrite");
          const passed = response.headers.get("x-middleware-next") === "1";
          const outcome =
            kind === "ok"
              ? passed || (response.status >= 300 && response.status < 400) // on, or to the login page
              : page
                ? rewrite !== null && new URL(rewrite).pathname === "/_no-such-page"
                : response.status === (kind === "malformed" ? 400 : 404) && (await response.json()).error.status === response.status;
          if (!outcome) failures.push(`${url.slice(0, 100)} (${kind}): status ${response.status}, rewrite ${rewrite}, next ${passed}`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("are a page, not JSON, when a browser opens them", async () => {
    const browser = { accept: "text/html,application/xhtml+xml,*/*;q=0.8" };
    let response = await proxy(new NextRequest("http://localhost/api/calendar/%E0%A4%A", { headers: browser }));
    expect(response.status).toBe(400);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toContain("This address is not valid.");

    const { GET } = await import("@/app/api/calendar/[token]/route");
    const missing = { params: Promise.resolve({ token: "no-such-feed.ics" }) };
    response = await GET(new NextRequest("http://localhost/api/calendar/no-such-feed.ics", { headers: browser }), missing);
    expect(response.status).toBe(404);
    expect(await response.text()).toMatch(/<h1>Not found<\/h1>/);
    response = await GET(new NextRequest("http://localhost/api/calendar/no-such-feed.ics"), missing);
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { message: "Not found", code: "not_found", status: 404 } });
  });
});
