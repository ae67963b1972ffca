import { test, expect, login, E2E_BASE_URL } from "./fixtures";
import { startIntervalsStandIn, type IntervalsStandIn } from "./stand-ins/intervals";
import { startStravaStandIn, type StravaStandIn } from "./stand-ins/strava";
import { E2E_INTERVALS_PORT, E2E_STRAVA_PORT, E2E_STRAVA_SUBSCRIPTION_ID, E2E_STRAVA_VERIFY_TOKEN } from "./sync-env";

// The app's server reads STRAVA_BASE_URL and INTERVALS_BASE_URL pointing at these stand-ins (playwright.config.ts):
// they run on fixed ports.
test.describe.configure({ mode: "serial" });

let strava: StravaStandIn;
let intervals: IntervalsStandIn;

test.beforeAll(async () => {
  strava = await startStravaStandIn({ port: E2E_STRAVA_PORT });
  intervals = await startIntervalsStandIn({ port: E2E_INTERVALS_PORT });
});

test.afterAll(async () => {
  await strava?.close();
  await intervals?.close();
});

/** An Intervals.icu athlete of its own per run (the e2e database keeps the connections of earlier runs). */
const intervalsAthlete = (name: string) => intervals.state.addAthlete({ id: `i${Date.now() % 1_000_000_000}${Math.floor(Math.random() * 1000)}`, name });

test("an athlete connects Strava, sees the history come in, and a new run reaches the coach", async ({ page, browser, db }) => {
  test.setTimeout(180_000);
  const { coach, squad, athlete } = await db.squadWithAthlete("Sync");
  // A Strava athlete of its own per run: the e2e database keeps the connections of earlier runs.
  const stravaAthlete = strava.state.addAthlete({ id: 10_000_000 + (Date.now() % 1_000_000_000), firstname: "Ana", lastname: "Runner" });
  strava.state.consentAthleteId = stravaAthlete;
  // 130 runs over the last months: two pages of the backfill.
  strava.state.addActivities(stravaAthlete, 130);
  strava.state.addActivity(stravaAthlete, { name: "Tempo by the river", start_date: new Date(Date.now() - 200 * 3600_000), distance: 12_000, elapsed_time: 3600, moving_time: 3500 });

  await login(page, athlete.email);
  await page.goto("/settings");
  const services = page.getByRole("region", { name: "Connected services" });
  await expect(services.getByText(/include activities you marked private/)).toBeVisible();
  const connect = services.locator("form").filter({ has: page.getByRole("button", { name: "Connect Strava" }) });
  await connect.getByLabel("Bring in the last").selectOption("12");
  await connect.getByRole("button", { name: "Connect Strava" }).click();

  // Strava's consent page (the stand-in's), then back to the settings.
  await expect(page.getByRole("heading", { name: "Authorize application" })).toBeVisible();
  await expect(page.getByText(/activity:read_all/)).toBeVisible();
  await page.getByRole("button", { name: "Authorize" }).click();
  await expect(page).toHaveURL(/\/settings\?sync=connected/);
  // The progress follows by itself until the history is in.
  await expect(page.getByText(/Your last 12 months are in: 131 sessions added/)).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(/Last synced at/)).toBeVisible();
  // Once the history is in, a reload no longer says it is coming in.
  await page.reload();
  await expect(page.getByText(/Your last 12 months are in/)).toBeVisible();
  await expect(page.getByText("Connected. Your history is coming in")).toHaveCount(0);

  await page.goto("/athlete/sessions");
  const history = page.getByRole("region", { name: "All sessions" });
  await expect(history.getByText(/131\s+sessions/)).toBeVisible();
  await expect(history.getByText("Tempo by the river")).toBeVisible();
  // The import page lists the backfill as one import, named by where it came from.
  await page.goto("/athlete/import");
  await expect(page.getByRole("row").filter({ hasText: "Synced from Strava" }).getByText(/131\s+sessions/)).toBeVisible();

  // Strava's webhook: the subscription handshake with the verify token, then a new run.
  const subscribed = await strava.state.subscribe(`${E2E_BASE_URL}/api/sync/strava/webhook`, E2E_STRAVA_VERIFY_TOKEN);
  expect(subscribed).toEqual({ id: E2E_STRAVA_SUBSCRIPTION_ID });
  const fresh = strava.state.addActivity(stravaAthlete, { name: "Evening hills after the webhook", start_date: new Date(Date.now() - 2 * 3600_000), distance: 13_700, elapsed_time: 3000, moving_time: 2900 });
  expect(await strava.state.sendActivityEvent(fresh.id, "create")).toEqual([200]);

  const coachContext = await browser.newContext();
  const coachPage = await coachContext.newPage();
  await login(coachPage, coach.email);
  await expect(async () => {
    await coachPage.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}?tab=sessions`);
    // The coach's recent sessions: the new run, by its distance (no backfilled run is that long).
    await expect(coachPage.getByRole("row").filter({ hasText: "13.7 km" })).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  await coachContext.close();
});

test("the webhook refuses a wrong verify token and malformed or oversized bodies, and changes nothing", async ({ request, db }) => {
  const jobs = async () => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "SyncJob"`))[0].n);
  const before = await jobs();
  const url = "/api/sync/strava/webhook";
  expect((await request.get(`${url}?hub.mode=subscribe&hub.challenge=abc&hub.verify_token=wrong`)).status()).toBe(403);
  const handshake = await request.get(`${url}?hub.mode=subscribe&hub.challenge=abc&hub.verify_token=${E2E_STRAVA_VERIFY_TOKEN}`);
  expect(handshake.status()).toBe(200);
  expect(await handshake.json()).toEqual({ "hub.challenge": "abc" });
  const post = (data: string) => request.post(url, { data, headers: { "content-type": "application/json" } });
  expect((await post("{not json")).status()).toBe(400);
  expect((await post(JSON.stringify({ object_type: "activity", object_id: "x; drop", aspect_type: "create", owner_id: 1, subscription_id: 1, event_time: 1 }))).status()).toBe(400);
  expect((await post(JSON.stringify({ object_type: "club", object_id: 1, aspect_type: "create", owner_id: 1, subscription_id: 1, event_time: 1 }))).status()).toBe(400);
  expect((await post(JSON.stringify({ padding: "x".repeat(200_000) }))).status()).toBe(413);
  // A well-formed event of another subscription is refused; one for an athlete nobody connected gets its 200, and
  // neither queues anything.
  const event = { object_type: "activity", object_id: 5, aspect_type: "create", owner_id: 987654, event_time: 1 };
  expect((await post(JSON.stringify({ ...event, subscription_id: 1 }))).status()).toBe(403);
  expect((await post(JSON.stringify({ ...event, subscription_id: E2E_STRAVA_SUBSCRIPTION_ID }))).status()).toBe(200);
  expect(await jobs()).toBe(before);
});

test("an athlete connects Intervals.icu with a personal API key, and another through its consent page", async ({ page, browser, db }) => {
  test.setTimeout(180_000);
  const { squad, athlete } = await db.squadWithAthlete("Intervals");
  const who = intervalsAthlete("Lucía");
  intervals.state.addActivities(who.id, 25);

  await login(page, athlete.email);
  await page.goto("/settings");
  const services = page.getByRole("region", { name: "Connected services" });
  const keyForm = services.locator("form").filter({ has: page.getByRole("button", { name: "Connect with API key" }) });
  // A wrong key: refused in words, nothing stored.
  await keyForm.getByLabel("Athlete id").fill(who.id);
  await keyForm.getByLabel("API key").fill("not-the-right-key-000000");
  await keyForm.getByRole("button", { name: "Connect with API key" }).click();
  await expect(keyForm.getByRole("alert")).toHaveText(/Intervals.icu did not accept that athlete id and API key/);
  // The athlete id is kept for the next try; the key is not.
  await expect(keyForm.getByLabel("Athlete id")).toHaveValue(who.id);
  await expect(keyForm.getByLabel("API key")).toHaveValue("");
  const connections = async (userId: string) => Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM "SyncConnection" WHERE "userId" = $1`, [userId]))[0].n);
  expect(await connections(athlete.id)).toBe(0);
  // The right one: connected, and the history comes in.
  await keyForm.getByLabel("Athlete id").fill(who.id);
  await keyForm.getByLabel("API key").fill(who.apiKey);
  await keyForm.getByLabel("Bring in the last").selectOption("24");
  await keyForm.getByRole("button", { name: "Connect with API key" }).click();
  await expect(page.getByText(/Your last 24 months are in: 25 sessions added/)).toBeVisible({ timeout: 60_000 });
  const card = services.getByTestId("sync-intervals");
  await expect(card.getByRole("heading", { name: "Intervals.icu" })).toBeVisible();
  await expect(card.getByText(/Connected since/)).toBeVisible();
  // The API key is stored sealed: it appears nowhere in the page or in the database row.
  await expect(page.locator("body")).not.toContainText(who.apiKey);
  const sealed = await db.query<{ tokens: string }>(`SELECT "tokens" FROM "SyncConnection" WHERE "userId" = $1`, [athlete.id]);
  expect(sealed[0].tokens).not.toContain(who.apiKey);

  // A second athlete uses Intervals.icu's own consent page.
  const second = await db.createUser("Intervals OAuth athlete");
  await db.addMember(squad.id, second.id, "ATHLETE");
  const other = intervalsAthlete("Marta");
  intervals.state.addActivities(other.id, 12);
  intervals.state.consentAthleteId = other.id;
  const context = await browser.newContext();
  const page2 = await context.newPage();
  await login(page2, second.email);
  await page2.goto("/settings");
  const oauthForm = page2.getByRole("region", { name: "Connected services" }).locator("form").filter({ has: page2.getByRole("button", { name: "Connect Intervals.icu" }) });
  await oauthForm.getByRole("button", { name: "Connect Intervals.icu" }).click();
  await expect(page2.getByRole("heading", { name: "Connect to Intervals.icu" })).toBeVisible();
  await expect(page2.getByText(/ACTIVITY:READ/)).toBeVisible();
  await page2.getByRole("button", { name: "Authorize" }).click();
  await expect(page2).toHaveURL(/\/settings\?sync=connected/);
  await expect(page2.getByText(/Your last 12 months are in: 12 sessions added/)).toBeVisible({ timeout: 60_000 });

  // Intervals.icu's webhook announces a new run, which reaches the athlete's history.
  const run = intervals.state.addActivity(other.id, { name: "Hill repeats from the webhook", start_date: new Date(Date.now() - 3 * 3600_000), distance: 9_400 });
  expect(await intervals.state.sendWebhook(`${E2E_BASE_URL}/api/sync/intervals/webhook`, [{ athlete_id: other.id, type: "ACTIVITY_UPLOADED", activityId: run.id }])).toEqual([200]);
  await expect(async () => {
    await page2.goto("/athlete/sessions");
    await expect(page2.getByText("Hill repeats from the webhook")).toBeVisible({ timeout: 2_000 });
  }).toPass({ timeout: 30_000 });
  // A webhook with the wrong secret is refused.
  expect(await intervals.state.sendWebhook(`${E2E_BASE_URL}/api/sync/intervals/webhook`, [{ athlete_id: other.id, type: "ACTIVITY_DELETED", activityId: run.id }], "wrong-secret-1234")).toEqual([403, 403, 403]);

  // Disconnecting with the sessions removed says how many go, before and after.
  await page2.goto("/settings");
  const secondCard = page2.getByTestId("sync-intervals");
  await secondCard.getByLabel("Also remove the 13 sessions that came from Intervals.icu").check();
  await secondCard.getByRole("button", { name: "Disconnect Intervals.icu" }).click();
  await expect(page2.getByText(/Disconnected from Intervals.icu, and the 13 sessions that came from it were removed/)).toBeVisible();
  await page2.goto("/athlete/sessions");
  await expect(page2.getByText("Hill repeats from the webhook")).toHaveCount(0);
  await context.close();
});
