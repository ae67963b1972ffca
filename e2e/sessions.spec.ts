import { test, expect, login } from "./fixtures";

test("an athlete logs, edits and deletes a session, with shoes and km per shoe", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("Logger");
  await login(page, athlete.email);

  await page.goto("/athlete/shoes");
  await page.getByLabel("Name").fill("Road trainers");
  await page.getByLabel(/Distance already run in them/).fill("650");
  await page.getByRole("button", { name: "Add shoe" }).click();
  await expect(page.getByText("Shoe added.")).toBeVisible();
  await expect(page.getByText("650.0 km")).toBeVisible();

  await page.goto("/athlete/sessions");
  // The history's filters below the form have labels of their own ("Type", "Shoe", "Surface (runs)").
  const form = page.getByRole("region", { name: "Log a session" });
  // Bad input: nothing is saved and each problem is named.
  await form.getByLabel("Duration").fill("forever");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page.getByText("Enter minutes (45) or hours:minutes (1:15)")).toBeVisible();
  await expect(page.getByText("Enter the distance of the run")).toBeVisible();
  await expect(page.getByText("No sessions yet.")).toBeVisible();

  await form.getByLabel("Duration").fill("1:10");
  await form.getByLabel("Distance (km)").fill("14.2");
  await form.getByLabel("Effort (RPE, about 30 min after)").selectOption("6");
  await form.getByLabel("Surface").selectOption("TRAIL");
  await form.getByLabel("Shoe").selectOption({ label: "Road trainers" });
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page.getByText("Session saved.")).toBeVisible();
  const row = page.getByRole("row", { name: /Run.*1 h 10 min.*14\.2 km/ });
  await expect(row).toBeVisible();

  await page.goto("/athlete/shoes");
  await expect(page.getByText("664.2 km")).toBeVisible();

  await page.goto("/athlete?tab=load");
  await expect(page.getByText("420 AU").first()).toBeVisible();
  // The chart's table view shows today's load.
  const loadChart = page.getByRole("figure").filter({ hasText: "Daily load (sRPE)" });
  await loadChart.getByText("Show the numbers as a table").click();
  await expect(loadChart.getByRole("row").last()).toContainText("420");
  const surfaceChart = page.getByRole("figure").filter({ hasText: "Weekly running" });
  await surfaceChart.getByText("Show the numbers as a table").click();
  await expect(surfaceChart.getByRole("row").last()).toContainText("14.2");

  await page.goto("/athlete/sessions");
  await page.goto((await page.getByRole("link", { name: "Run" }).first().getAttribute("href"))!);
  await page.getByLabel("Duration").fill("80");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Session updated.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Run.*1 h 20 min/ })).toBeVisible();

  await page.goto((await page.getByRole("link", { name: "Run" }).first().getAttribute("href"))!);
  page.once("dialog", (d) => d.accept());
  await page.getByRole("button", { name: "Delete session" }).click();
  await expect(page.getByText("Session deleted.")).toBeVisible();
  await expect(page.getByText("No sessions yet.")).toBeVisible();
});

test("cross-training asks for its mode", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("Cross");
  await login(page, athlete.email);
  await page.goto("/athlete/sessions");
  const form = page.getByRole("region", { name: "Log a session" });
  await form.getByLabel("Type").selectOption("CROSS_TRAINING");
  await expect(form.getByLabel("Surface")).toHaveCount(0);
  await form.getByLabel("Duration").fill("45");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page.getByText("Choose the cross-training mode")).toBeVisible();
  await form.getByLabel("Mode").selectOption("AQUA_JOGGING");
  await form.getByLabel("Duration").fill("45");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page.getByRole("row", { name: /Aqua jogging.*45 min/ })).toBeVisible();
});
