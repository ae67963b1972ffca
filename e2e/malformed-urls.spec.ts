import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { request as playwrightRequest, type APIRequestContext, type Browser } from "@playwright/test";
import { test, expect, login, PASSWORD } from "./fixtures";

/** A page or route handler of the app, as its folders under app/ name it. */
type Route = { route: string; handler: string | null };

/** Every page and route handler with a dynamic segment; a new one is walked here without being listed. */
function dynamicRoutes(dir = path.resolve(__dirname, "../app"), prefix = ""): Route[] {
  return readdirSync(dir).flatMap((entry): Route[] => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) return dynamicRoutes(full, prefix + (/^\(.*\)$/.test(entry) ? "" : `/${entry}`));
    if (!/^(page|route)\.tsx?$/.test(entry) || !prefix.includes("[")) return [];
    if (entry.startsWith("page")) return [{ route: prefix, handler: null }];
    // The first method the handler answers: GET where it has one.
    const source = readFileSync(full, "utf8");
    const methods = ["GET", "POST"].filter((m) => new RegExp(`export (async function ${m}\\b|const \\{[^}]*\\b${m}\\b)`).test(source));
    return [{ route: prefix, handler: methods[0] ?? "GET" }];
  });
}

// Undecodable percent-encoding, a NUL, another control character, an over-long id, and ids of the wrong shape.
const HOSTILE_SEGMENTS = ["%ff", "%00", "abc%0d%0a", "a".repeat(300), "..%2f..%2fetc", "bad%20id%E2%80%AE"];

function askAs(route: string): "coach" | "athlete" | "anonymous" {
  if (route.startsWith("/coach") || route.startsWith("/api/exports/squads")) return "coach";
  if (route.startsWith("/athlete") || route.startsWith("/api/imports")) return "athlete";
  return "anonymous";
}

async function signedInContext(browser: Browser, baseURL: string, email: string): Promise<APIRequestContext> {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  const request = await playwrightRequest.newContext({ baseURL, storageState: await context.storageState() });
  await context.close();
  return request;
}

test("malformed, control-character, over-long and wrong-shape ids in every dynamic route answer 4xx, never 500", async ({
  browser,
  db,
  playwright,
  baseURL,
}) => {
  const routes = dynamicRoutes();
  // The routes this spec was written against; a new dynamic route is walked too, and listed here on review.
  expect(routes.map((r) => r.route)).toEqual(
    expect.arrayContaining([
      "/invite/[token]",
      "/coach/squads/[squadId]",
      "/coach/squads/[squadId]/athletes/[athleteId]/plan/sessions/[plannedId]",
      "/coach/squads/[squadId]/plan/templates/[templateId]",
      "/athlete/sessions/[sessionId]",
      "/athlete/pain/[reportId]",
      "/api/calendar/[token]",
      "/api/imports/[batchId]/commit",
      "/api/exports/squads/[squadId]/plan",
      "/api/exports/squads/[squadId]/athletes/[athleteId]/history",
      "/api/auth/[...nextauth]",
    ]),
  );

  const { coach, squad, athlete } = await db.squadWithAthlete("Urls");
  // Real ids in the other segments, so each hostile value is the only thing wrong with its address.
  const real: Record<string, string> = {
    squadId: squad.id,
    athleteId: athlete.id,
    plannedId: await db.createPlannedSession(squad.id, athlete.id),
    templateId: await db.createTemplate(squad.id, "Urls template"),
    sessionId: await db.createSession(athlete.id),
    reportId: await db.createPainReport(athlete.id),
    token: await db.createInvitation(squad.id),
    batchId: "cnotabatch000000000000000",
    "...nextauth": "session",
  };
  const contexts = {
    anonymous: await playwright.request.newContext({ baseURL }),
    coach: await signedInContext(browser, baseURL!, coach.email),
    athlete: await signedInContext(browser, baseURL!, athlete.email),
  };

  const failures: string[] = [];
  for (const { route, handler } of routes) {
    const segments = route.split("/");
    const dynamic = segments.map((s, i) => (/^\[.+\]$/.test(s) ? i : -1)).filter((i) => i >= 0);
    for (const at of dynamic) {
      for (const hostile of HOSTILE_SEGMENTS) {
        const url = segments
          .map((s, i) => (i === at ? hostile : /^\[.+\]$/.test(s) ? real[s.slice(1, -1)] : s))
          .join("/");
        const query = route.startsWith("/api/exports") ? "?from=2026-06-01&to=2026-06-30&format=csv" : "";
        const request = contexts[askAs(route)];
        const response =
          handler === "POST" ? await request.post(url + query, { maxRedirects: 0 }) : await request.get(url + query, { maxRedirects: 0 });
        const status = response.status();
        const allowed = handler === null ? [404] : [400, 404];
        if (!allowed.includes(status)) failures.push(`${handler ?? "page"} ${url.slice(0, 120)}: ${status}, expected ${allowed.join(" or ")}`);
        if (handler === null && status === 404) {
          const body = await response.text();
          if (!body.includes("Page not found")) failures.push(`${url.slice(0, 120)}: 404 without the not-found page`);
        }
      }
    }
  }
  expect(failures).toEqual([]);
});

test("the three addresses that used to fail answer 4xx", async ({ request }) => {
  expect((await request.get("/invite/%ff")).status()).toBe(404);
  expect([400, 404]).toContain((await request.get("/api/calendar/%ff")).status());
  expect([400, 404]).toContain((await request.post("/api/imports/%ff/commit")).status());
});

test("a login whose callbackUrl leads off-site or carries control characters lands on a page of the app", async ({ browser, db, baseURL }) => {
  const coach = await db.createUser("Coach Callback");
  await db.createSquad("Callback squad", coach.id);
  const hostile = ["/\t/evil.example", "/%2f/evil.example", "//evil.example", "/\\evil.example", "/coach\u0000", "/coach\r\nSet-Cookie: a=b", "https://evil.example/"];
  for (const callbackUrl of hostile) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const response = await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    expect(response?.status()).toBe(200);
    await page.getByLabel("Email").fill(coach.email);
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Log in" }).click();
    // "/" sends a coach on to /coach: where the login lands when the callbackUrl is refused.
    await expect(page, callbackUrl).toHaveURL(`${new URL(baseURL!).origin}/coach`);
    await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
    // Signed in now, the login page itself sends the visitor on: to a safe page as well.
    const again = await page.goto(`/login?callbackUrl=${encodeURIComponent(callbackUrl)}`);
    expect(again?.status(), callbackUrl).toBeLessThan(400);
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    await context.close();
  }
});
