import type { Browser, Page } from "@playwright/test";
import { test, expect, login, type Db } from "./fixtures";

// The athletes' time zone is UTC unless set: their today is UTC's.
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Twelve usual days (sums 8 and 10) on today-14..today-3, and a 12 yesterday: one more bad day raises the flag. */
async function usualMonthThenABadDay(db: Db, athleteId: string) {
  for (let k = 0; k < 12; k++) {
    const [sleep, fatigue, soreness, stress, mood] = k % 2 === 0 ? [2, 2, 2, 1, 1] : [2, 2, 2, 2, 2];
    await db.query(
      `INSERT INTO "WellnessEntry" (id, "userId", "localDate", sleep, fatigue, soreness, stress, mood, "backStiffness", "updatedAt")
       VALUES ($1, $2, $3::date, $4, $5, $6, $7, $8, 2, now())`,
      [`e2ew${athleteId}${k}`, athleteId, day(-14 + k), sleep, fatigue, soreness, stress, mood],
    );
  }
  await db.query(
    `INSERT INTO "WellnessEntry" (id, "userId", "localDate", sleep, fatigue, soreness, stress, mood, "backStiffness", "updatedAt")
     VALUES ($1, $2, $3::date, 3, 3, 2, 2, 2, 5, now())`,
    [`e2ew${athleteId}y`, athleteId, day(-1)],
  );
}

async function phonePage(browser: Browser, email: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 375, height: 740 }, hasTouch: true });
  const page = await context.newPage();
  await login(page, email);
  return page;
}

/** Taps the answer of one question: the radio named by its number (the ends carry their words too). */
async function tap(page: Page, question: string, answer: number) {
  await page.getByRole("group", { name: question }).getByRole("radio", { name: new RegExp(`^${answer}\\b`) }).check();
}

test("the coach turns the check-in on, the athlete answers it on a phone, and the coach sees the column and the trend", async ({ page, browser, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Wellness");
  await usualMonthThenABadDay(db, athlete.id);

  // Off by default: the athlete's home does not ask, and the page says so.
  const phone = await phonePage(browser, athlete.email);
  await phone.goto("/athlete");
  await expect(phone.getByRole("heading", { name: /Hello/ })).toBeVisible();
  await expect(phone.getByRole("heading", { name: "How are you today?" })).toHaveCount(0);
  await phone.goto("/athlete/wellness");
  await expect(phone.getByText("The daily check-in is off")).toBeVisible();
  await expect(phone.getByRole("button", { name: /Save/ })).toHaveCount(0);

  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}`);
  await expect(page.getByRole("heading", { name: "Daily wellness check-in: off" })).toBeVisible();
  await page.getByRole("button", { name: "Turn the daily check-in on" }).click();
  await expect(page.getByRole("heading", { name: "Daily wellness check-in: on" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Turn the daily check-in off" })).toBeVisible();

  // The athlete, on a 375 px phone: the card, six taps and one button.
  await phone.goto("/athlete");
  const card = phone.getByRole("region", { name: "How are you today?" });
  await card.getByRole("link", { name: "Answer the daily check-in" }).click();
  await expect(phone.getByRole("heading", { name: "How are you today?" })).toBeVisible();
  await expect(phone.getByRole("group", { name: "Sleep quality last night" }).getByRole("radio", { name: /^1\s*very good$/ })).toBeVisible();
  await expect(phone.getByRole("group", { name: "Fatigue" }).getByRole("radio", { name: /^5\s*always tired$/ })).toBeVisible();
  expect(await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  // Every answer is a target of at least 44 x 44 px.
  const sizes = await phone.locator(".wellness-form .tile").evaluateAll((tiles) => tiles.map((t) => [t.clientWidth, t.clientHeight]));
  expect(sizes).toHaveLength(5 * 5 + 11);
  for (const [w, h] of sizes) {
    expect(w).toBeGreaterThanOrEqual(44);
    expect(h).toBeGreaterThanOrEqual(44);
  }

  await phone.getByRole("button", { name: "Save today's check-in" }).click();
  await expect(phone.getByText("Choose an answer").first()).toBeVisible();
  expect(await db.query(`SELECT 1 FROM "WellnessEntry" WHERE "userId" = $1 AND "localDate" = $2::date`, [athlete.id, day(0)])).toHaveLength(0);

  for (const [question, answer] of [["Sleep quality last night", 3], ["Fatigue", 3], ["Muscle soreness", 2], ["Stress", 2], ["Mood", 2]] as const) {
    await tap(phone, question, answer);
  }
  await tap(phone, "Back stiffness right now", 4);
  await phone.getByRole("button", { name: "Save today's check-in" }).click();
  await expect(phone.getByText("Saved: 12/25.")).toBeVisible();

  // A second answer the same day replaces the first, and says so.
  await phone.reload();
  await expect(phone.getByText("You answered today (12/25, back stiffness 4/10).")).toBeVisible();
  await tap(phone, "Muscle soreness", 3);
  await tap(phone, "Back stiffness right now", 6);
  await phone.getByRole("button", { name: "Save and replace today's answer" }).click();
  await expect(phone.getByText("It replaces the answer you gave earlier today")).toBeVisible();
  const rows = await db.query<{ soreness: number; backStiffness: number }>(
    `SELECT soreness, "backStiffness" FROM "WellnessEntry" WHERE "userId" = $1 AND "localDate" = $2::date`,
    [athlete.id, day(0)],
  );
  expect(rows).toEqual([{ soreness: 3, backStiffness: 6 }]);

  // The athlete's home: today's answer, the flag in plain words, the trend.
  await phone.goto("/athlete");
  await expect(phone.getByRole("region", { name: "How are you today?" })).toContainText("Answered: 13/25");
  // The flag is a compact row; opening it tells what it means.
  await phone.locator(".flag-row > details > summary").filter({ hasText: "Wellness worse than usual" }).click();
  await expect(phone.getByText(/The daily check-ins of .* added up to 12 and 13/)).toBeVisible();
  await phone.goto("/athlete?tab=load");
  await expect(phone.getByRole("heading", { name: "Daily wellness check-in" })).toBeVisible();
  await phone.context().close();

  // The coach: the column, the drop marked, the flag in triage, and the trend on the athlete page.
  await page.goto("/coach");
  await expect(page.getByRole("columnheader", { name: "Wellness (latest, 3 days)" })).toBeVisible();
  const row = page.locator("table.overview-table tbody tr").filter({ hasText: athlete.name });
  await expect(row).toContainText("13/25 · stiffness 6/10");
  await expect(row).toContainText("worse than usual");
  await expect(page.locator(".triage-list > li").filter({ hasText: athlete.name })).toContainText("Wellness worse than usual");
  await row.getByRole("link", { name: athlete.name }).click();
  await page.getByRole("link", { name: "Load", exact: true }).click();
  await expect(page).toHaveURL(/tab=load/);
  const figure = page.locator("figure").filter({ has: page.getByRole("heading", { name: "Daily wellness check-in" }) });
  await expect(figure).toBeVisible();
  await expect(figure.locator(".recharts-surface").first()).toBeVisible();
  await figure.getByText("Show the numbers as a table").click();
  const today = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${day(0)}T00:00:00Z`));
  await expect(figure.getByRole("row", { name: new RegExp(`${today} 13 6 .* yes`) })).toBeVisible();
});

test("a squad without the check-in shows no column, and another squad's coach cannot open the athlete", async ({ page, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Quiet");
  const other = await db.squadWithAthlete("Elsewhere");
  await db.query(`UPDATE "Squad" SET "wellnessCheckIn" = true WHERE id = $1`, [squad.id]);
  await usualMonthThenABadDay(db, athlete.id);
  await login(page, other.coach.email);
  await page.goto("/coach");
  await expect(page.getByRole("columnheader", { name: /Wellness/ })).toHaveCount(0);
  const answer = await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}`);
  expect(answer?.status()).toBe(404);
  const viaOwnSquad = await page.goto(`/coach/squads/${other.squad.id}/athletes/${athlete.id}`);
  expect(viaOwnSquad?.status()).toBe(404);
  await page.context().clearCookies();
  await login(page, coach.email);
  await page.goto("/coach");
  await expect(page.getByRole("columnheader", { name: "Wellness (latest, 3 days)" })).toBeVisible();
  await expect(page.locator("table.overview-table tbody tr").filter({ hasText: athlete.name })).toContainText("12/25");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the check-in posts as a plain form", async ({ page, browser, db }) => {
    const { squad, athlete } = await db.squadWithAthlete("Plain wellness");
    await db.query(`UPDATE "Squad" SET "wellnessCheckIn" = true WHERE id = $1`, [squad.id]);
    const context = await browser.newContext();
    const withScript = await context.newPage();
    await login(withScript, athlete.email);
    await page.context().addCookies(await context.cookies());
    await context.close();
    await page.goto("/athlete/wellness");
    for (const question of ["Sleep quality last night", "Fatigue", "Muscle soreness", "Stress", "Mood"]) await tap(page, question, 1);
    await tap(page, "Back stiffness right now", 0);
    await page.getByRole("button", { name: "Save today's check-in" }).click();
    await expect(page.getByText("Saved: 5/25.")).toBeVisible();
    expect(await db.query(`SELECT 1 FROM "WellnessEntry" WHERE "userId" = $1`, [athlete.id])).toHaveLength(1);
  });
});
