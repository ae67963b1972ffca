import { test, expect, login } from "./fixtures";
import { daysFromToday, expectNotFound } from "./coach-fixtures";

const DEFICIT = /3 runs but 0 core or strength sessions/;

test("the coach raises an athlete's minimum runs and the missing-core flag goes; a bad value saves nothing", async ({ page, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Thresholds");
  for (const offset of [-6, -3, -1]) await db.createSession(athlete.id, { date: daysFromToday(offset), distanceKm: 8 });

  await login(page, coach.email);
  // The plan tab holds each flag in full; the profile tab links to the athlete's thresholds.
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}?tab=plan`);
  await expect(page.getByText(DEFICIT)).toBeVisible();

  await page.getByRole("navigation", { name: /^Parts of/ }).getByRole("link", { name: "Profile", exact: true }).click();
  await page.getByRole("link", { name: "Thresholds for this athlete" }).click();
  await expect(page.getByRole("heading", { name: `Flag thresholds for ${athlete.name}` })).toBeVisible();
  const group = page.getByRole("group", { name: "Missing core and strength work" });
  await expect(group).toContainText("Evidence: moderate. Lauersen 2014; Steffens 2016.");
  await expect(group).toContainText("Squad value: 3 runs; default: 3 runs; allowed from 1 to 14 runs");

  const minRuns = page.getByLabel("Minimum runs in 14 days");
  await minRuns.fill("20");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByText("Out of range: use a value from 1 to 14 runs")).toBeVisible();
  await expect(minRuns).toHaveAttribute("aria-invalid", "true");
  await expect(minRuns).toHaveValue("20");
  const before = await db.query<{ thresholds: unknown }>(`SELECT thresholds FROM "Membership" WHERE "userId" = $1`, [athlete.id]);
  expect(before[0].thresholds).toBeNull();

  await minRuns.fill("4");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByText("Saved: 1 threshold differs from the squad's.")).toBeVisible();
  const after = await db.query<{ thresholds: unknown }>(`SELECT thresholds FROM "Membership" WHERE "userId" = $1`, [athlete.id]);
  expect(after[0].thresholds).toEqual({ compensatoryMinRuns: 4 });
  await expect(minRuns).toHaveValue("4");

  await page.getByRole("link", { name: `← ${athlete.name}` }).click();
  await expect(page.getByRole("heading", { name: athlete.name })).toBeVisible();
  await expect(page.getByText(DEFICIT)).toHaveCount(0);
});

test("the squad page lists every threshold with its default, range and evidence; the load measure is a choice", async ({ page, db }) => {
  const { coach, squad } = await db.squadWithAthlete("SquadThresholds");
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}`);
  await page.getByRole("link", { name: "Flag thresholds" }).click();
  await expect(page.getByRole("heading", { name: `Flag thresholds for ${squad.name}` })).toBeVisible();
  await expect(page.getByRole("group", { name: "Long-run spike" })).toContainText("Evidence: moderate. Frandsen 2025.");
  await expect(page.getByRole("group", { name: "High acute:chronic load ratio" })).toContainText("Evidence: weak.");
  const measure = page.getByLabel("Load measured as");
  await expect(measure.locator("option")).toHaveText(["Default: Session RPE × minutes (AU)", "Session RPE × minutes (AU)", "Running km", "Minutes of training"]);
  await measure.selectOption("km");
  await page.getByLabel("Caution when a run is longer").fill("40");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  // Caution above the default warning level: refused as a whole, the choice kept on screen.
  await expect(page.getByText("The warning level must be at least the caution level")).toBeVisible();
  await expect(measure).toHaveValue("km");
  const rows = await db.query<{ thresholds: unknown }>(`SELECT thresholds FROM "Squad" WHERE id = $1`, [squad.id]);
  expect(rows[0].thresholds).toBeNull();

  await page.getByLabel("Warning when a run is longer").fill("60");
  await page.getByRole("button", { name: "Save thresholds" }).click();
  await expect(page.getByText("Saved: 3 thresholds differ from the defaults.")).toBeVisible();
  const saved = await db.query<{ thresholds: unknown }>(`SELECT thresholds FROM "Squad" WHERE id = $1`, [squad.id]);
  expect(saved[0].thresholds).toEqual({ loadMeasure: "km", spikeCaution: 0.4, spikeWarning: 0.6 });
});

test("a coach of another squad gets 404 on both threshold pages", async ({ page, db }) => {
  const a = await db.squadWithAthlete("ThresholdsA");
  const b = await db.squadWithAthlete("ThresholdsB");
  await login(page, b.coach.email);
  await expectNotFound(page, `/coach/squads/${a.squad.id}/thresholds`);
  await expectNotFound(page, `/coach/squads/${a.squad.id}/athletes/${a.athlete.id}/thresholds`);
  await expectNotFound(page, `/coach/squads/${b.squad.id}/athletes/${a.athlete.id}/thresholds`);
});
