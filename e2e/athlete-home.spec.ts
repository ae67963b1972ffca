import { test, expect, login } from "./fixtures";

test("the athlete home shows this week's plan next to what was done, and the coach's comments", async ({ page, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Home");
  const today = new Date().toISOString().slice(0, 10);
  await db.createPlannedSession(squad.id, athlete.id, { date: today, title: "Easy aqua jog", type: "CROSS_TRAINING", durationMin: 40 });
  await db.createSession(athlete.id, { date: today, distanceKm: 6 });
  await db.createComment(squad.id, athlete.id, coach.id, "Nice consistency this week. Keep the long run easy.");
  await login(page, athlete.email);
  await page.goto("/athlete");
  const week = page.getByRole("table", { name: "This week: planned and done" });
  await expect(week.getByRole("row").filter({ hasText: "Easy aqua jog" })).toContainText("Run 40 min, 6.0 km");
  await expect(page.getByText("Nice consistency this week. Keep the long run easy.")).toBeVisible();
  await expect(page.getByText(`${coach.name},`)).toBeVisible();
});
