import AxeBuilder from "@axe-core/playwright";
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
  const spikeRow = pain.getByRole("row").filter({ hasText: formatDate(seeded.spikeDate) });
  await expect(spikeRow).toContainText(`${seeded.spikeLoadAu}`);
  await expect(spikeRow).toContainText("session spike");
  const checkIn = pain.getByRole("row").filter({ hasText: formatDate(seeded.checkInDate) });
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
  await expect(load.getByRole("row").filter({ hasText: formatDate(seeded.spikeDate) })).toContainText(String(seeded.spikeLoadAu));

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
    // A new athlete: one message with the coach's links to add sessions, no empty chart frames.
    await expect(page.getByRole("heading", { name: "Nothing to chart yet" })).toBeVisible();
    const empty = page.locator(".chart-empty-state");
    await expect(empty.getByRole("link", { name: "log a session" })).toHaveAttribute("href", `${url}/log`);
    await expect(empty.getByRole("link", { name: "import a file" })).toHaveAttribute("href", `${url}/import`);
    await expect(page.locator(".chart-plot")).toHaveCount(0);
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

test("the charts have one y axis each, draw in the browser without a keyboard trap, and pass axe in their regions", async ({ page, db }) => {
  test.setTimeout(120_000);
  const { coach, squad, athlete } = await db.squadWithAthlete("Axe charts");
  await seedChartHistory(db, athlete.id);
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}?tab=load`);
  const pain = page.getByRole("figure").filter({ has: page.getByRole("heading", { name: "Back pain and OSTRC severity over load" }) });
  // Each plot is one named image; the pain chart is three panels, each with a single y axis.
  await expect(pain.getByRole("img", { name: /Back pain and OSTRC severity over load: chart/ })).toBeVisible();
  await pain.scrollIntoViewIfNeeded();
  await expect(pain.locator(".recharts-wrapper")).toHaveCount(3);
  for (const chart of await pain.locator(".recharts-wrapper").all()) {
    await expect(chart.locator(".recharts-yAxis")).toHaveCount(1);
  }
  await expect(pain.locator(".chart-panel-label")).toHaveText(["Daily load (AU)", "Worst pain of the day (0-10)", "OSTRC severity (0-100)"]);
  // Legends are written in the text colour, not the series' pale colour.
  const legendColour = await page.locator(".chart-legend-text").first().evaluate((el) => getComputedStyle(el).color);
  expect(legendColour).toBe("rgb(23, 32, 42)");
  // Nothing inside a chart is a tab stop (the library's tooltip box has tabindex -1 only).
  await expect(page.locator(".chart-plot [tabindex]:not([tabindex='-1'])")).toHaveCount(0);
  // Let every lazy plot draw before the scan.
  await page.locator("#charts-heading").scrollIntoViewIfNeeded();
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await expect(page.locator(".chart-plot .recharts-surface").first()).toBeVisible();
  const athletePage = await new AxeBuilder({ page })
    .include("section[aria-labelledby='charts-heading']")
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"])
    .analyze();
  expect(athletePage.violations).toEqual([]);

  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}/plan`);
  const projection = page.getByRole("figure").filter({ hasText: "Load with the plan" });
  await projection.scrollIntoViewIfNeeded();
  await expect(projection.locator(".recharts-wrapper")).toBeVisible();
  const planPage = await new AxeBuilder({ page }).include(".chart-figure").withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(planPage.violations).toEqual([]);
});

test.describe("in Spanish", () => {
  test.use({ locale: "es-ES" });

  test("the athlete reads the charts, their tables and dates in Spanish", async ({ page, db }) => {
    test.setTimeout(120_000);
    const { athlete } = await db.squadWithAthlete("Gráficos");
    const seeded = await seedChartHistory(db, athlete.id);
    await login(page, athlete.email);
    await page.goto("/athlete?tab=load");
    const fecha = (date: string) =>
      new Intl.DateTimeFormat("es-ES", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));
    await expect(page.locator("#charts-heading")).toHaveText(`Carga y salud de la espalda, ${fecha(daysFromToday(-83))} – ${fecha(daysFromToday(0))}`);
    for (const name of ["Carga diaria (RPE de sesión) con medias de 7 y 28 días", "Ratio de carga aguda:crónica (ACWR)", "Dolor de espalda por zona y semana", "Distancia por zapatilla"]) {
      await expect(page.getByRole("heading", { name, level: 3 })).toBeVisible();
    }
    const pain = page.getByRole("figure").filter({ has: page.getByRole("heading", { name: "Dolor de espalda y gravedad OSTRC frente a la carga" }) });
    await pain.scrollIntoViewIfNeeded();
    await expect(pain.locator(".chart-panel-label").first()).toHaveText("Carga diaria (UA)");
    await pain.getByText("Ver los datos en una tabla").click();
    const spike = pain.getByRole("row").filter({ hasText: fecha(seeded.spikeDate) });
    await expect(spike).toContainText("pico en una sesión");
    await expect(pain.getByRole("columnheader", { name: "Dolor máximo (0-10)" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Últimas 4 semanas" })).toBeVisible();
  });
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 } });

  test("no chart is wider than the page, and the heat map scrolls in its own box", async ({ page, db }) => {
    test.setTimeout(120_000);
    const { athlete } = await db.squadWithAthlete("Phone charts");
    await seedChartHistory(db, athlete.id);
    await login(page, athlete.email);
    await page.goto("/athlete?range=52w");
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect(page.locator(".chart-plot .recharts-surface").first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    const box = page.locator(".heatmap-scroll");
    const { client, scroll } = await box.evaluate((el) => ({ client: el.clientWidth, scroll: el.scrollWidth }));
    expect(scroll).toBeGreaterThan(client);
    // Cells are drawn at 28 px.
    expect(Number(await box.locator("rect").first().getAttribute("width"))).toBeGreaterThanOrEqual(24);
  });
});
