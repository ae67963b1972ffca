import { test, expect, login } from "./fixtures";
import type { Locator } from "@playwright/test";

const question = (area: Locator, text: RegExp) => area.getByRole("group", { name: text });

test("the athlete answers the weekly check-in, sees the scores, and the home stops asking", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("CheckIn");
  await login(page, athlete.email);
  await page.goto("/athlete");
  await expect(page.getByText("This week's check-in is missing.")).toBeVisible();
  await page.getByRole("link", { name: "Answer the weekly back check-in" }).click();
  await expect(page.getByRole("heading", { name: "Weekly check-in" })).toBeVisible();

  const lumbar = page.getByRole("group", { name: "Lower back (lumbar)" });
  await expect(lumbar.getByRole("radio", { name: "No problems" })).toBeChecked();
  await lumbar.getByRole("radio", { name: "I had problems" }).check();
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(page.getByText("Choose an answer")).toHaveCount(4);
  expect(await db.query(`SELECT 1 FROM "OstrcResponse" WHERE "userId" = $1`, [athlete.id])).toHaveLength(0);

  await question(lumbar, /difficulties taking part/).getByRole("radio", { name: "Reduced participation because of problems" }).check();
  await question(lumbar, /modified your training or competition/).getByRole("radio", { name: "To a moderate extent" }).check();
  await question(lumbar, /affected your performance/).getByRole("radio", { name: "To a minor extent" }).check();
  await question(lumbar, /had pain in this area/).getByRole("radio", { name: "Moderate pain" }).check();
  await page.getByRole("button", { name: "Save check-in" }).click();

  await expect(page.getByText("Check-in saved.")).toBeVisible();
  const scores = page.getByRole("table", { name: "OSTRC scores of this week by back area" });
  await expect(scores.getByRole("row", { name: "Neck (cervical) 0 No" })).toBeVisible();
  await expect(scores.getByRole("row", { name: "Upper and mid back (dorsal) 0 No" })).toBeVisible();
  await expect(scores.getByRole("row", { name: "Lower back (lumbar) 53 Yes" })).toBeVisible();

  await page.goto("/athlete");
  await expect(page.getByRole("heading", { name: /Hello/ })).toBeVisible();
  await expect(page.getByText("This week's check-in is missing.")).toHaveCount(0);
});

test("could not participate sets the training and performance answers too, and answering again updates the week", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("CheckOut");
  await login(page, athlete.email);
  await page.goto("/athlete/check-in");

  const neck = page.getByRole("group", { name: "Neck (cervical)" });
  await neck.getByRole("radio", { name: "I had problems" }).check();
  await question(neck, /difficulties taking part/).getByRole("radio", { name: "Could not participate because of problems" }).check();
  const modified = question(neck, /modified your training or competition/);
  await expect(modified.getByRole("radio", { name: "Could not participate at all" })).toBeChecked();
  await expect(modified.getByRole("radio", { name: "No modification" })).toBeDisabled();
  await expect(question(neck, /affected your performance/).getByRole("radio", { name: "Could not participate at all" })).toBeChecked();
  await question(neck, /had pain in this area/).getByRole("radio", { name: "Severe pain" }).check();
  await page.getByRole("button", { name: "Save check-in" }).click();
  const scores = page.getByRole("table", { name: "OSTRC scores of this week by back area" });
  await expect(scores.getByRole("row", { name: "Neck (cervical) 100 Yes" })).toBeVisible();

  // The saved answers come back, and a second answer replaces the first.
  await page.reload();
  await expect(neck.getByRole("radio", { name: "I had problems" })).toBeChecked();
  await question(neck, /difficulties taking part/).getByRole("radio", { name: "Full participation, but with problems" }).check();
  await question(neck, /modified your training or competition/).getByRole("radio", { name: "No modification" }).check();
  await question(neck, /affected your performance/).getByRole("radio", { name: "To a minor extent" }).check();
  await question(neck, /had pain in this area/).getByRole("radio", { name: "Mild pain" }).check();
  await page.getByRole("button", { name: "Save check-in" }).click();
  await expect(scores.getByRole("row", { name: "Neck (cervical) 22 No" })).toBeVisible();

  const rows = await db.query<{ zone: string; q1: number; q2: number; q3: number; q4: number; severity: number }>(
    `SELECT zone, q1, q2, q3, q4, severity FROM "OstrcResponse" WHERE "userId" = $1 ORDER BY zone`,
    [athlete.id],
  );
  expect(rows).toEqual([
    { zone: "CERVICAL", q1: 8, q2: 0, q3: 6, q4: 8, severity: 22 },
    { zone: "DORSAL", q1: 0, q2: 0, q3: 0, q4: 0, severity: 0 },
    { zone: "LUMBAR", q1: 0, q2: 0, q3: 0, q4: 0, severity: 0 },
  ]);
});
