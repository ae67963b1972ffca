import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";
import { test, expect, login } from "./fixtures";

type Who = "anonymous" | "coachA" | "athleteA" | "athleteB" | "coachB" | "clinicianA" | "clinicianB";
type Expect = number | "login" | "home";
type Ids = { squadA: string; squadB: string; athleteA: string; athleteB: string; token: string; sessionA: string; painReportA: string; feedTokenA: string; plannedA: string; templateA: string; managedA: string; claimToken: string };

const exportDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A range around the matrix's planned session (two days ahead), so exports would carry it. */
const exportRange = () => `from=${exportDay(-7)}&to=${exportDay(30)}`;

/**
 * Every route of the app (pages and route handlers), what each kind of viewer gets, and what must
 * never appear in the answer. "login" = redirect to the login page; "home" = redirect elsewhere
 * in the app for signed-in people.
 */
const ROUTES: { route: string; url: (ids: Ids) => string; expect: Record<Who, Expect> }[] = [
  { route: "/", url: () => "/", expect: { anonymous: 200, coachA: "home", athleteA: "home", athleteB: "home", coachB: "home", clinicianA: "home", clinicianB: "home" } },
  { route: "/login", url: () => "/login", expect: { anonymous: 200, coachA: "home", athleteA: "home", athleteB: "home", coachB: "home", clinicianA: "home", clinicianB: "home" } },
  { route: "/signup", url: () => "/signup", expect: { anonymous: 200, coachA: "home", athleteA: "home", athleteB: "home", coachB: "home", clinicianA: "home", clinicianB: "home" } },
  { route: "/invite/[token]", url: (i) => `/invite/${i.token}`, expect: { anonymous: 200, coachA: 200, athleteA: 200, athleteB: 200, coachB: 200, clinicianA: 200, clinicianB: 200 } },
  { route: "/claim/[token]", url: (i) => `/claim/${i.claimToken}`, expect: { anonymous: 200, coachA: 200, athleteA: 200, athleteB: 200, coachB: 200, clinicianA: 200, clinicianB: 200 } },
  { route: "/settings", url: () => "/settings", expect: { anonymous: "login", coachA: 200, athleteA: 200, athleteB: 200, coachB: 200, clinicianA: 200, clinicianB: 200 } },
  { route: "/inbox", url: () => "/inbox", expect: { anonymous: "login", coachA: 200, athleteA: 200, athleteB: 200, coachB: 200, clinicianA: 200, clinicianB: 200 } },
  { route: "/coach", url: () => "/coach", expect: { anonymous: "login", coachA: 200, athleteA: 404, athleteB: 404, coachB: 200, clinicianA: 200, clinicianB: 200 } },
  {
    route: "/coach/squads/[squadId]",
    url: (i) => `/coach/squads/${i.squadA}`,
    expect: { anonymous: "login", coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/coach/squads/[squadId]/athletes/[athleteId]",
    url: (i) => `/coach/squads/${i.squadA}/athletes/${i.athleteA}`,
    expect: { anonymous: "login", coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 200, clinicianB: 404 },
  },
  {
    route: "/coach/squads/[squadId]/athletes/[athleteId]/account",
    url: (i) => `/coach/squads/${i.squadA}/athletes/${i.managedA}/account`,
    expect: { anonymous: "login", coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/coach/squads/[squadId]/thresholds",
    url: (i) => `/coach/squads/${i.squadA}/thresholds`,
    expect: { anonymous: "login", coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/coach/squads/[squadId]/athletes/[athleteId]/thresholds",
    url: (i) => `/coach/squads/${i.squadA}/athletes/${i.athleteA}/thresholds`,
    expect: { anonymous: "login", coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/coach/squads/[squadId]/audit",
    url: (i) => `/coach/squads/${i.squadA}/audit`,
    expect: { anonymous: "login", coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    // Clinicians report back pain for the athletes of their squad; logging sessions and imports are the coaches'.
    route: "/coach/squads/[squadId]/athletes/[athleteId]/log",
    url: (i) => `/coach/squads/${i.squadA}/athletes/${i.athleteA}/log`,
    expect: { anonymous: "login", coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 200, clinicianB: 404 },
  },
  {
    route: "/coach/squads/[squadId]/athletes/[athleteId]/import",
    url: (i) => `/coach/squads/${i.squadA}/athletes/${i.athleteA}/import`,
    expect: { anonymous: "login", coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/coach/squads/[squadId]/athletes/[athleteId]/plan",
    url: (i) => `/coach/squads/${i.squadA}/athletes/${i.athleteA}/plan`,
    expect: { anonymous: "login", coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/coach/squads/[squadId]/athletes/[athleteId]/plan/sessions/[plannedId]",
    url: (i) => `/coach/squads/${i.squadA}/athletes/${i.athleteA}/plan/sessions/${i.plannedA}`,
    expect: { anonymous: "login", coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/coach/squads/[squadId]/plan",
    url: (i) => `/coach/squads/${i.squadA}/plan`,
    expect: { anonymous: "login", coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/coach/squads/[squadId]/plan/templates",
    url: (i) => `/coach/squads/${i.squadA}/plan/templates`,
    expect: { anonymous: "login", coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/coach/squads/[squadId]/plan/templates/[templateId]",
    url: (i) => `/coach/squads/${i.squadA}/plan/templates/${i.templateA}`,
    expect: { anonymous: "login", coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/coach/squads/[squadId]/log",
    url: (i) => `/coach/squads/${i.squadA}/log`,
    expect: { anonymous: "login", coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/coach/squads/[squadId]/log/import",
    url: (i) => `/coach/squads/${i.squadA}/log/import`,
    expect: { anonymous: "login", coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  { route: "/athlete", url: () => "/athlete", expect: { anonymous: "login", coachA: 404, athleteA: 200, athleteB: 200, coachB: 404, clinicianA: 404, clinicianB: 404 } },
  {
    route: "/athlete/profile",
    url: () => "/athlete/profile",
    expect: { anonymous: "login", coachA: 404, athleteA: 200, athleteB: 200, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/athlete/sessions",
    url: () => "/athlete/sessions",
    expect: { anonymous: "login", coachA: 404, athleteA: 200, athleteB: 200, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/athlete/sessions/[sessionId]",
    url: (i) => `/athlete/sessions/${i.sessionA}`,
    expect: { anonymous: "login", coachA: 404, athleteA: 200, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/athlete/shoes",
    url: () => "/athlete/shoes",
    expect: { anonymous: "login", coachA: 404, athleteA: 200, athleteB: 200, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/athlete/pain",
    url: () => "/athlete/pain",
    expect: { anonymous: "login", coachA: 404, athleteA: 200, athleteB: 200, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/athlete/pain/[reportId]",
    url: (i) => `/athlete/pain/${i.painReportA}`,
    expect: { anonymous: "login", coachA: 404, athleteA: 200, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/athlete/check-in",
    url: () => "/athlete/check-in",
    expect: { anonymous: "login", coachA: 404, athleteA: 200, athleteB: 200, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/athlete/wellness",
    url: () => "/athlete/wellness",
    expect: { anonymous: "login", coachA: 404, athleteA: 200, athleteB: 200, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/athlete/calendar",
    url: () => "/athlete/calendar",
    expect: { anonymous: "login", coachA: 404, athleteA: 200, athleteB: 200, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/api/calendar/[token]",
    url: (i) => `/api/calendar/${i.feedTokenA}.ics`,
    expect: { anonymous: 200, coachA: 200, athleteA: 200, athleteB: 200, coachB: 200, clinicianA: 200, clinicianB: 200 },
  },
  {
    route: "/api/calendar/download",
    url: () => "/api/calendar/download",
    expect: { anonymous: 401, coachA: 200, athleteA: 200, athleteB: 200, coachB: 200, clinicianA: 200, clinicianB: 200 },
  },
  {
    route: "/api/account/export",
    url: () => "/api/account/export",
    expect: { anonymous: 401, coachA: 200, athleteA: 200, athleteB: 200, coachB: 200, clinicianA: 200, clinicianB: 200 },
  },
  {
    route: "/athlete/import",
    url: () => "/athlete/import",
    expect: { anonymous: "login", coachA: 404, athleteA: 200, athleteB: 200, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  // Upload handlers answer POST only; their access checks are walked in imports.spec.ts.
  {
    route: "/api/imports/preview",
    url: () => "/api/imports/preview",
    expect: { anonymous: 405, coachA: 405, athleteA: 405, athleteB: 405, coachB: 405, clinicianA: 405, clinicianB: 405 },
  },
  {
    route: "/api/imports/[batchId]/commit",
    url: () => "/api/imports/x/commit",
    expect: { anonymous: 405, coachA: 405, athleteA: 405, athleteB: 405, coachB: 405, clinicianA: 405, clinicianB: 405 },
  },
  // POST only; who may upload is walked in squad-grid.spec.ts and the integration tests.
  {
    route: "/api/squads/[squadId]/training-log",
    url: (i) => `/api/squads/${i.squadA}/training-log`,
    expect: { anonymous: 405, coachA: 405, athleteA: 405, athleteB: 405, coachB: 405, clinicianA: 405, clinicianB: 405 },
  },
  {
    route: "/api/exports/squads/[squadId]/plan",
    url: (i) => `/api/exports/squads/${i.squadA}/plan?${exportRange()}&format=pdf`,
    expect: { anonymous: 401, coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/api/exports/squads/[squadId]/athletes/[athleteId]/history",
    url: (i) => `/api/exports/squads/${i.squadA}/athletes/${i.athleteA}/history?${exportRange()}`,
    expect: { anonymous: 401, coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/api/exports/squads/[squadId]/athletes/[athleteId]/personal-data",
    url: (i) => `/api/exports/squads/${i.squadA}/athletes/${i.managedA}/personal-data`,
    expect: { anonymous: 401, coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/api/exports/squads/[squadId]/athletes/[athleteId]/workouts",
    url: (i) => `/api/exports/squads/${i.squadA}/athletes/${i.athleteA}/workouts?week=${exportDay(2)}`,
    expect: { anonymous: 401, coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/api/exports/squads/[squadId]/athletes/[athleteId]/workouts/[plannedId]",
    url: (i) => `/api/exports/squads/${i.squadA}/athletes/${i.athleteA}/workouts/${i.plannedA}`,
    expect: { anonymous: 401, coachA: 200, athleteA: 404, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  // An athlete with nothing planned that week is told so (422), like any export with nothing to hold.
  {
    route: "/api/exports/me/workouts",
    url: () => `/api/exports/me/workouts?week=${exportDay(2)}`,
    expect: { anonymous: 401, coachA: 404, athleteA: 200, athleteB: 422, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/api/exports/me/workouts/[plannedId]",
    url: (i) => `/api/exports/me/workouts/${i.plannedA}`,
    expect: { anonymous: 401, coachA: 404, athleteA: 200, athleteB: 404, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/api/exports/me/plan",
    url: () => `/api/exports/me/plan?${exportRange()}&format=csv`,
    expect: { anonymous: 401, coachA: 404, athleteA: 200, athleteB: 200, coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  // Connecting is for athletes: they are sent on to the provider's consent page (or back to the settings).
  {
    route: "/api/sync/[provider]/connect",
    url: () => "/api/sync/strava/connect?months=12",
    expect: { anonymous: "login", coachA: 404, athleteA: "home", athleteB: "home", coachB: 404, clinicianA: 404, clinicianB: 404 },
  },
  {
    route: "/api/sync/[provider]/callback",
    url: () => "/api/sync/strava/callback?code=x&state=forged",
    expect: { anonymous: "login", coachA: "home", athleteA: "home", athleteB: "home", coachB: "home", clinicianA: "home", clinicianB: "home" },
  },
  // Strava's handshake without its verify token is refused; events are POSTs (e2e/sync.spec.ts).
  {
    route: "/api/sync/[provider]/webhook",
    url: () => "/api/sync/strava/webhook",
    expect: { anonymous: 403, coachA: 403, athleteA: 403, athleteB: 403, coachB: 403, clinicianA: 403, clinicianB: 403 },
  },
  { route: "/api/health", url: () => "/api/health", expect: { anonymous: 200, coachA: 200, athleteA: 200, athleteB: 200, coachB: 200, clinicianA: 200, clinicianB: 200 } },
  {
    route: "/api/auth/[...nextauth]",
    url: () => "/api/auth/session",
    expect: { anonymous: 200, coachA: 200, athleteA: 200, athleteB: 200, coachB: 200, clinicianA: 200, clinicianB: 200 },
  },
];

/** The app's routes as the file system defines them, so a new page cannot skip the matrix. */
function appRoutes(dir = path.resolve(__dirname, "../app"), prefix = ""): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) {
      const segment = /^\(.*\)$/.test(entry) ? "" : `/${entry}`;
      return appRoutes(full, prefix + segment);
    }
    return /^(page|route)\.tsx?$/.test(entry) ? [prefix || "/"] : [];
  });
}

test("the matrix covers every page and route handler", () => {
  expect(ROUTES.map((r) => r.route).sort()).toEqual([...new Set(appRoutes())].sort());
});

test("every route answers each viewer as it should, and leaks nothing across squads", async ({ browser, db, playwright, baseURL }) => {
  // Every route times every viewer: it grows with the app, and takes minutes on a busy machine.
  test.setTimeout(240_000);
  const a = await db.squadWithAthlete("MatrixA");
  const b = await db.squadWithAthlete("MatrixB");
  // Clinicians read their squad's health data and change nothing else; one of squad B is an outsider to A.
  const clinicianA = await db.createUser("Physio MatrixA");
  await db.addMember(a.squad.id, clinicianA.id, "CLINICIAN");
  const clinicianB = await db.createUser("Physio MatrixB");
  await db.addMember(b.squad.id, clinicianB.id, "CLINICIAN");
  const ids: Ids = {
    squadA: a.squad.id,
    squadB: b.squad.id,
    athleteA: a.athlete.id,
    athleteB: b.athlete.id,
    token: await db.createInvitation(a.squad.id),
    sessionA: await db.createSession(a.athlete.id, { notes: "secret note of athlete A" }),
    painReportA: await db.createPainReport(a.athlete.id, { notes: "secret pain note of athlete A" }),
    feedTokenA: await db.createFeedToken(a.athlete.id),
    plannedA: await db.createPlannedSession(a.squad.id, a.athlete.id, { title: "secret plan of athlete A" }),
    templateA: await db.createTemplate(a.squad.id, "secret template of squad A"),
    managedA: (await db.createManagedAthlete(a.squad.id, "Kept Athlete MatrixA")).id,
    claimToken: "",
  };
  ids.claimToken = await db.createInvitation(a.squad.id, { claimUserId: ids.managedA });
  // Words that belong to squad A and must never reach an outsider's screen.
  const secrets = [
    a.athlete.name,
    a.athlete.email,
    a.coach.email,
    "secret note of athlete A",
    "secret pain note of athlete A",
    "secret plan of athlete A",
    "secret template of squad A",
    "Kept Athlete MatrixA",
  ];
  // Routes whose secret link is itself the credential: whoever holds it may read what it points to.
  const bearerRoutes = new Set(["/invite/[token]", "/claim/[token]", "/api/calendar/[token]"]);

  const contexts: Record<Who, APIRequestContext> = {
    anonymous: await playwright.request.newContext({ baseURL }),
    coachA: await signedIn(a.coach.email),
    athleteA: await signedIn(a.athlete.email),
    athleteB: await signedIn(b.athlete.email),
    coachB: await signedIn(b.coach.email),
    clinicianA: await signedIn(clinicianA.email),
    clinicianB: await signedIn(clinicianB.email),
  };

  async function signedIn(email: string) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await login(page, email);
    const request = await playwright.request.newContext({ baseURL, storageState: await context.storageState() });
    await context.close();
    return request;
  }

  const failures: string[] = [];
  for (const route of ROUTES) {
    for (const who of Object.keys(contexts) as Who[]) {
      const url = route.url(ids);
      const response = await contexts[who].get(url, { maxRedirects: 0 });
      const status = response.status();
      const location = response.headers()["location"] ?? "";
      const expected = route.expect[who];
      const ok =
        expected === "login"
          ? status >= 300 && status < 400 && location.includes("/login")
          : expected === "home"
            ? status >= 300 && status < 400 && !location.includes("/login")
            : status === expected;
      if (!ok) failures.push(`${who} ${url}: got ${status} ${location}, expected ${expected}`);
      const outsider = who === "athleteB" || who === "coachB" || who === "clinicianB" || who === "anonymous";
      if (outsider && status === 200 && !bearerRoutes.has(route.route)) {
        const body = await response.text();
        for (const secret of secrets) if (body.includes(secret)) failures.push(`${who} ${url}: body reveals "${secret}"`);
      }
    }
  }
  expect(failures).toEqual([]);
});
