import { test, expect, login, loggedInPage } from "./fixtures";
import { daysFromToday } from "./coach-fixtures";

test("the coach comments on a pain report and the athlete reads it on their home", async ({ page, db, browser }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Comments");
  await db.createPainReport(athlete.id, { date: daysFromToday(-1), zone: "LUMBAR", nrs: 5, notes: "sore after hills" });
  await db.createSession(athlete.id, { date: daysFromToday(-2), distanceKm: 10 });

  await login(page, coach.email);
  // Sessions and pain reports to comment on sit in their tabs.
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}`);
  await page.getByRole("navigation", { name: /^Parts of/ }).getByRole("link", { name: "Sessions", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Sessions to comment on" })).toBeVisible();
  await expect(page.getByLabel(/Comment on: Run, 40 min, 10\.0 km, RPE 5/)).toBeVisible();
  await page.getByRole("navigation", { name: /^Parts of/ }).getByRole("link", { name: "Back health", exact: true }).click();
  await expect(page).toHaveURL(/\?tab=back$/);
  await expect(page.getByRole("heading", { name: "Pain reports to comment on" })).toBeVisible();
  const report = page.locator("li", { has: page.getByLabel(/Comment on: Lower back \(lumbar\) pain 5\/10/) });
  await expect(report).toContainText("sore after hills");

  // The form opens in place, ready to type in.
  await report.getByRole("button", { name: /Comment on:/ }).click();
  await expect(report.getByRole("textbox", { name: /Comment on:/ })).toBeFocused();

  // An empty comment is refused and nothing is sent.
  await report.getByRole("button", { name: "Send comment" }).click();
  await expect(report.getByText("Write a comment")).toBeVisible();

  await report.getByLabel(/Comment on:/).fill("Keep this week's runs easy and flat.");
  await report.getByRole("button", { name: "Send comment" }).click();
  await expect(report.getByText("Comment sent.", { exact: false })).toBeVisible();
  await expect(report.getByText("1 comment")).toBeVisible();
  // The summary lists the threads.
  await page.getByRole("navigation", { name: /^Parts of/ }).getByRole("link", { name: "Summary", exact: true }).click();
  await expect(page.locator(".comment-list")).toContainText("Keep this week's runs easy and flat.");
  const rows = await db.query<{ body: string; authorId: string }>(`SELECT body, "authorId" FROM "CoachComment" WHERE "athleteId" = $1`, [athlete.id]);
  expect(rows).toEqual([{ body: "Keep this week's runs easy and flat.", authorId: coach.id }]);

  const athletePage = await loggedInPage(browser, athlete.email);
  await athletePage.goto("/athlete");
  await expect(athletePage.getByRole("heading", { name: "From your coaches" })).toBeVisible();
  await expect(athletePage.getByText("Keep this week's runs easy and flat.")).toBeVisible();
  await expect(athletePage.getByText(/on your lumbar pain report of/)).toBeVisible();
  await athletePage.context().close();
});
