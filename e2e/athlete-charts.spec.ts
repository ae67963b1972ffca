import { test, expect, login } from "./fixtures";
import { daysFromToday } from "./coach-fixtures";
import { seedChartHistory } from "./chart-fixtures";

const formatDate = (date: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));

const CHART_HEADINGS = [
  "Daily load (sRPE) with 7- and 28-day averages",
  "Acute:chronic workload ratio (ACWR)",
  "Fitness, fatigue and form",
  "Weekly running (km) by surface",
  "Training monotony and strain",
  "Back pain and OSTRC severity over load",
  "Back pain by zone and week",
  "Share of core, strength and mobility sessions",
  "Distance per shoe",
];

test("the coach reads an athlete's charts, the ACWR critique and the tables, and changes the period", async ({ page, db }) => {
  test.setTimeout(120_000);
  const { coach, squad, athlete } = await db.squadWithAthlete("Charts");
  const seeded = await seedChartHistory(db, athlete.id);
  await login(page, coach.email);
  const url = `/coach/squads/${squad.id}/athletes/${athlete.id}`;
  await page.goto(`${url}?tab=load`);

  const period = page.locator("#charts-heading");
  await expect(period).toHaveText(`Load and back health, ${formatDate(daysFromToday(-83))} – ${formatDate(daysFromToday(0))}`);
  for (const name of CHART_HEADINGS) {
    await expect(page.getByRole("heading", { name, level: 3 })).toBeVisible();
  }
  // The charts themselves draw in the browser.
  await expect(page.locator(".recharts-surface").first()).toBeVisible();

  // The critique of the ratio is one click away.
  const acwr = page.getByRole("figure").filter({ has: page.getByRole("heading", { name: "Acute:chronic workload ratio (ACWR)" }) });
  await expect(acwr.getByText(/mathematically coupled/)).toBeHidden();
  await acwr.getByText("Why read this ratio with care").click();
  await expect(acwr.getByText(/mathematically coupled/)).toBeVisible();
  await expect(acwr.getByText(/Impellizzeri FM, Woodcock S/)).toBeVisible();

  // Table views hold the numbers: the spike day is marked as an overload day next to its pain and check-in.
  const pain = page.getByRole("figure").filter({ has: page.getByRole("heading", { name: "Back pain and OSTRC severity over load" }) });
  await pain.getByText("Show the numbers as a table").click();
  await expect(pain.getByRole("row").filter({ hasText: seeded.spikeDate })).toContainText(`${seeded.spikeLoadAu}`);
  await expect(pain.getByRole("row").filter({ hasText: seeded.spikeDate })).toContainText("session spike");
  const checkIn = pain.getByRole("row").filter({ hasText: seeded.checkInDate });
  await expect(checkIn.getByRole("cell").nth(2)).toHaveText(String(seeded.painNrs));
  await expect(checkIn.getByRole("cell").nth(3)).toHaveText(String(seeded.ostrcSeverity));

  const shoes = page.getByRole("figure").filter({ has: page.getByRole("heading", { name: "Distance per shoe" }) });
  await shoes.getByText("Show the numbers as a table").click();
  await expect(shoes.getByRole("row").filter({ hasText: "Road pair" })).toContainText(String(seeded.shoeTotalKm));

  // A preset period.
  await page.getByRole("link", { name: "Last 4 weeks" }).click();
  await expect(page).toHaveURL(/range=4w/);
  await expect(period).toHaveText(`Load and back health, ${formatDate(daysFromToday(-27))} – ${formatDate(daysFromToday(0))}`);
  await expect(page.getByRole("link", { name: "Last 4 weeks" })).toHaveAttribute("aria-current", "true");
  const load = page.getByRole("figure").filter({ has: page.getByRole("heading", { name: CHART_HEADINGS[0] }) });
  await load.getByText("Show the numbers as a table").click();
  await expect(load.getByRole("row")).toHaveCount(28 + 1);
  await expect(load.getByRole("row").filter({ hasText: seeded.spikeDate })).toContainText(String(seeded.spikeLoadAu));

  // Dates of one's choice.
  const dates = page.getByRole("form", { name: "Dates of the charts" });
  await dates.getByLabel("From").fill(daysFromToday(-13));
  await dates.getByLabel("To").fill(daysFromToday(-7));
  await dates.getByRole("button", { name: "Show these dates" }).click();
  await expect(period).toHaveText(`Load and back health, ${formatDate(daysFromToday(-13))} – ${formatDate(daysFromToday(-7))}`);
  await load.getByText("Show the numbers as a table").click();
  await expect(load.getByRole("row")).toHaveCount(7 + 1);
  await expect(dates.getByLabel("From")).toHaveValue(daysFromToday(-13));
});

test("a period the address gets wrong shows a message and the default charts", async ({ page, db }) => {
  test.setTimeout(120_000);
  const { coach, squad, athlete } = await db.squadWithAthlete("Bad range");
  await login(page, coach.email);
  const url = `/coach/squads/${squad.id}/athletes/${athlete.id}`;
  for (const [query, message] of [
    ["range=forever", /The period must be one of/],
    ["from=2026-02-30", /The start date is not a real calendar day/],
    [`from=${daysFromToday(-10)}&to=${daysFromToday(-20)}`, /The start date is after the end date/],
    ["from=2000-01-01&to=2010-01-01", /at most 1096 days/],
  ] as const) {
    const response = await page.goto(`${url}?${query}`);
    expect(response?.status(), query).toBe(200);
    await expect(page.getByText("The period in the address could not be used")).toBeVisible();
    await expect(page.getByText(message)).toBeVisible();
    await expect(page.locator("#charts-heading")).toHaveText(
      `Load and back health, ${formatDate(daysFromToday(-83))} – ${formatDate(daysFromToday(0))}`,
    );
    await expect(page.getByRole("heading", { name: "Distance per shoe" })).toBeVisible();
  }
});

test("the athlete sees the same charts on their home page and picks a period", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("Own charts");
  await seedChartHistory(db, athlete.id);
  await login(page, athlete.email);
  await page.goto("/athlete?range=26w");
  await expect(page.locator("#charts-heading")).toHaveText(
    `Load and back health, ${formatDate(daysFromToday(-181))} – ${formatDate(daysFromToday(0))}`,
  );
  await expect(page.getByRole("link", { name: "Last 26 weeks" })).toHaveAttribute("aria-current", "true");
  for (const name of CHART_HEADINGS) {
    await expect(page.getByRole("heading", { name, level: 3 })).toBeVisible();
  }
  const heatmap = page.getByRole("figure").filter({ has: page.getByRole("heading", { name: "Back pain by zone and week" }) });
  await heatmap.getByText("Show the numbers as a table").click();
  await expect(heatmap.getByRole("row").filter({ hasText: "1 (6/10)" })).toHaveCount(1);
});
