import { test, expect, login } from "./fixtures";

test("an athlete is denied a coach page", async ({ page, db }) => {
  const { squad, athlete } = await db.squadWithAthlete("Denied");
  await login(page, athlete.email);
  for (const url of ["/coach", `/coach/squads/${squad.id}`, `/coach/squads/${squad.id}/athletes/${athlete.id}`]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  }
});

test("a coach is denied another squad's athlete", async ({ page, db }) => {
  const a = await db.squadWithAthlete("Alpha");
  const b = await db.squadWithAthlete("Beta");
  await login(page, b.coach.email);
  for (const url of [
    `/coach/squads/${a.squad.id}`,
    `/coach/squads/${a.squad.id}/athletes/${a.athlete.id}`,
    `/coach/squads/${b.squad.id}/athletes/${a.athlete.id}`,
  ]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByText(a.athlete.name)).toHaveCount(0);
  }
  // Their own athlete is one click away.
  await page.goto(`/coach/squads/${b.squad.id}/athletes/${b.athlete.id}`);
  await expect(page.getByRole("heading", { name: b.athlete.name })).toBeVisible();
});

test("anonymous visitors are sent to the login page", async ({ page }) => {
  await page.goto("/athlete/profile");
  await expect(page).toHaveURL(/\/login\?callbackUrl=%2Fathlete%2Fprofile/);
});
