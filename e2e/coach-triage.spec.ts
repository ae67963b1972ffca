import { test, expect, login } from "./fixtures";

test("the coach sees the overloaded athlete at the top of triage, with the reason", async ({ page, db }) => {
  const { coach, squad, athlete: steady } = await db.squadWithAthlete("Triage");
  const overloaded = await db.createUser("Overloaded Runner");
  await db.addMember(squad.id, overloaded.id, "ATHLETE");
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await db.createSession(steady.id, { date: day(-3), distanceKm: 8 });
  await db.createSession(overloaded.id, { date: day(-20), distanceKm: 10 });
  await db.createSession(overloaded.id, { date: day(-1), distanceKm: 21 });

  await login(page, coach.email);
  await page.goto("/coach");
  const first = page.locator(".triage-list > li").first();
  await expect(first).toContainText("Overloaded Runner");
  await expect(first).toContainText("Warning");
  await expect(first).toContainText("110% longer than the longest run of the previous 30 days");
  await first.getByRole("link", { name: "Overloaded Runner" }).click();
  await expect(page.getByRole("heading", { name: "Overloaded Runner" })).toBeVisible();
  await expect(page.getByText(/Evidence: moderate\. Frandsen/)).toBeVisible();
});
