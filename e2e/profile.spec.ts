import { test, expect, login, loggedInPage } from "./fixtures";

test("an athlete edits the profile, bad values are refused, and the coach reads it", async ({ page, browser, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Profile");
  await login(page, athlete.email);
  await page.goto("/athlete/profile");

  await page.getByLabel("Height (cm)").fill("500");
  await page.getByLabel("Leg-length difference (mm)").fill("12");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Height must be at most 230")).toBeVisible();
  const rows = await db.query<{ heightCm: number | null }>(`SELECT "heightCm" FROM "AthleteProfile" WHERE "userId" = $1`, [athlete.id]);
  expect(rows[0].heightCm).toBeNull();

  await page.getByLabel("Birth date").fill("1979-04-02");
  await page.getByLabel("Height (cm)").fill("172");
  await page.getByLabel("Footprint type").selectOption("PRONATOR");
  await page.getByLabel("Desk work").check();
  await page.getByLabel("Lumbar hyperlordosis").check();
  await page.getByLabel("Injury and back-pain history").fill("Lower back stiffness after long runs in 2024.");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();

  const coachPage = await loggedInPage(browser, coach.email);
  await coachPage.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}?tab=profile`);
  await expect(coachPage.getByText("Pronator", { exact: true })).toBeVisible();
  await expect(coachPage.getByText("12 mm", { exact: true })).toBeVisible();
  await expect(coachPage.getByText("Desk work", { exact: true })).toBeVisible();
  await expect(coachPage.getByText("Lumbar hyperlordosis", { exact: true })).toBeVisible();
  await expect(coachPage.getByText("Lower back stiffness after long runs in 2024.")).toBeVisible();
});
