import { test, expect, login } from "./fixtures";

test("the coach adds a suggested core session to the plan and the projection changes", async ({ page, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Planner");
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  for (const offset of [-30, -20, -9, -5, -2]) await db.createSession(athlete.id, { date: day(offset), distanceKm: 8 });

  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}`);
  await page.getByRole("link", { name: "Plan the next weeks" }).click();
  await expect(page.getByRole("heading", { name: /Plan the next 4 weeks/ })).toBeVisible();

  const chart = page.getByRole("figure").filter({ hasText: "Load with the plan" });
  const projected = async () => {
    await chart.getByText("Show the numbers as a table").click();
    const text = await chart.getByRole("table").innerText();
    await chart.getByText("Show the numbers as a table").click();
    return text;
  };
  const before = await projected();

  const suggestion = page.locator("li.card").filter({ hasText: "Missing core and strength work" }).filter({ hasText: /core/i }).first();
  await expect(suggestion).toBeVisible();
  await suggestion.getByRole("button", { name: "Add to plan" }).click();
  const planTable = page.getByRole("table", { name: "Planned sessions day by day" });
  await expect(planTable.getByText("Missing core and strength work").first()).toBeVisible();
  await expect(planTable.getByText(/Core \d+ min/).first()).toBeVisible();
  const after = await projected();
  expect(after).not.toEqual(before);
  expect(after).toContain("projected");

  // The athlete sees it in the plan.
  const rows = await db.query<{ origin: string; flagId: string }>(
    `SELECT origin::text, "flagId" FROM "PlannedSession" WHERE "athleteId" = $1`,
    [athlete.id],
  );
  expect(rows).toEqual([{ origin: "SUGGESTION", flagId: "compensatory-deficit" }]);

  await page.getByLabel("Duration").fill("50");
  await page.getByLabel(/Distance \(km/).fill("10");
  await page.getByRole("button", { name: "Add to plan" }).last().click();
  await expect(page.getByText("Added to the plan.")).toBeVisible();
  await expect(planTable.getByText("Run 10 km").first()).toBeVisible();
});
