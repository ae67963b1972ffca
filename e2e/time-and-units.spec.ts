import { randomUUID } from "node:crypto";
import { test, expect, login } from "./fixtures";
import { rebuildDailyLoads } from "./exports-fixtures";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
const dayMonth = (date: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
const fullDate = (date: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));

test("a miles user reads miles on plan titles, the shoes page and a chart axis", async ({ page, db }) => {
  const { squad, athlete } = await db.squadWithAthlete("Miles");
  await db.query(`UPDATE "User" SET "unitPreference" = 'MI' WHERE id = $1`, [athlete.id]);
  const planned = await db.createPlannedSession(squad.id, athlete.id, { date: day(1), type: "RUN", durationMin: 45 });
  await db.query(`UPDATE "PlannedSession" SET "distanceKm" = 7.8 WHERE id = $1`, [planned]);
  const shoeId = `e2e${randomUUID().replace(/-/g, "")}`;
  await db.query(`INSERT INTO "Shoe" (id, "userId", name, "initialKm", "updatedAt") VALUES ($1, $2, 'Worn trainers', 758, now())`, [
    shoeId,
    athlete.id,
  ]);
  for (const offset of [-15, -8, -1]) {
    const id = await db.createSession(athlete.id, { date: day(offset), distanceKm: 16.0934 });
    await db.query(`UPDATE "TrainingSession" SET "shoeId" = $1, surface = 'ASPHALT' WHERE id = $2`, [shoeId, id]);
  }
  await rebuildDailyLoads(db, athlete.id);

  await login(page, athlete.email);
  await page.goto("/athlete/calendar");
  await expect(page.getByText("Run 4.8 mi")).toBeVisible();
  await expect(page.getByText("7.8 km")).toHaveCount(0);

  await page.goto("/athlete/shoes");
  // 758 km before plus three runs of 10 miles: 501.0 mi, past the 700 km (435 mi) wear limit.
  await expect(page.getByText("501.0 mi")).toBeVisible();
  await expect(page.getByText("worn: past 435 mi")).toBeVisible();
  await expect(page.getByText(/km/)).toHaveCount(0);

  await page.goto("/athlete?tab=load");
  const weekly = page.getByRole("figure").filter({ has: page.getByRole("heading", { name: "Weekly running (mi) by surface" }) });
  await weekly.scrollIntoViewIfNeeded();
  // The distance axis names its unit on each tick.
  await expect(weekly.locator(".recharts-cartesian-axis-tick-value").filter({ hasText: / mi$/ }).first()).toBeVisible();
  await expect(weekly.locator(".recharts-cartesian-axis-tick-value").filter({ hasText: / km$/ })).toHaveCount(0);
});

test("after a change of time zone a session shows its time in the new zone, with the day its load counts on", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("Traveller");
  // Zones without daylight saving, so the 14 hours between them hold whatever the date.
  await db.query(`UPDATE "User" SET "timeZone" = 'America/Phoenix' WHERE id = $1`, [athlete.id]);
  const logged = day(-3);

  await login(page, athlete.email);
  await page.goto("/athlete/sessions");
  await page.getByLabel("Date").fill(logged);
  await page.getByLabel("Start time (optional)").fill("18:49");
  await page.getByLabel("Duration").fill("50");
  await page.getByLabel("Distance (km)").fill("10");
  await page.getByRole("button", { name: "Save session" }).click();
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "Run" }) });
  // The first cell holds the row's tick box; the date and time follow.
  const when = row.getByRole("cell").nth(1);
  await expect(when).toHaveText(`${fullDate(logged)} 18:49`);

  await page.goto("/settings");
  await page.getByLabel("Time zone", { exact: true }).selectOption("Asia/Bangkok");
  await page.getByRole("button", { name: "Save preferences" }).click();
  await expect(page.getByText("Preferences saved.")).toBeVisible();

  await page.goto("/athlete/sessions");
  const next = new Date(Date.parse(`${logged}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const note = `Counted on ${dayMonth(logged)} (your time zone then: America/Phoenix)`;
  await expect(when).toHaveText(`${fullDate(next)} 08:49${note}`);

  // The edit form shows the same day and time, and says where the load stays.
  await row.getByRole("link", { name: "Run" }).click();
  await expect(page.getByText(`${note}. Its load stays on that day`)).toBeVisible();
  await expect(page.getByLabel("Date")).toHaveValue(next);
  await expect(page.getByLabel("Start time (optional)")).toHaveValue("08:49");

  // The daily totals keep the day it was logged on.
  const totals = await db.query<{ date: string }>(`SELECT to_char("localDate", 'YYYY-MM-DD') AS date FROM "DailyLoad" WHERE "userId" = $1`, [athlete.id]);
  expect(totals.map((t) => t.date)).toEqual([logged]);
});
