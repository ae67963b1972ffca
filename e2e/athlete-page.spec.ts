import { test, expect, login } from "./fixtures";
import { daysFromToday } from "./coach-fixtures";
import { addShoe, addSession, rebuildDailyTotals, seedChartHistory } from "./chart-fixtures";
import type { Db } from "./fixtures";

/** An athlete with several flags (a long-run spike, rising back pain, worn shoes, leg-length difference, age) and a planned week. */
async function flaggedAthlete(db: Db, label: string) {
  const { coach, squad, athlete } = await db.squadWithAthlete(label);
  await seedChartHistory(db, athlete.id);
  const worn = await addShoe(db, athlete.id, "Old trail pair", 900);
  await addSession(db, athlete.id, { date: daysFromToday(-5), durationMin: 60, distanceKm: 10, rpe: 6, surface: "TRAIL", shoeId: worn });
  await db.createPainReport(athlete.id, { date: daysFromToday(0), zone: "LUMBAR", subArea: "lower-back-centre", nrs: 7 });
  await db.query(
    `INSERT INTO "AthleteProfile" ("userId", "birthDate", "legLengthDiscrepancyMm", "postureLoad", "updatedAt")
     VALUES ($1, '1975-03-02', 12, '{DESK}', now())
     ON CONFLICT ("userId") DO UPDATE SET "birthDate" = '1975-03-02', "legLengthDiscrepancyMm" = 12, "postureLoad" = '{DESK}'`,
    [athlete.id],
  );
  await db.createPlannedSession(squad.id, athlete.id, { date: daysFromToday(1), title: "Easy run", type: "RUN", durationMin: 40 });
  await rebuildDailyTotals(db, athlete.id);
  return { coach, squad, athlete, worn };
}

test("the coach decides from the summary without scrolling, opens a flag row, and moves between tabs kept in the address", async ({ page, db }) => {
  test.setTimeout(120_000);
  const { coach, squad, athlete, worn } = await flaggedAthlete(db, "Glance");
  await login(page, coach.email);
  await page.setViewportSize({ width: 1366, height: 768 });
  const base = `/coach/squads/${squad.id}/athletes/${athlete.id}`;
  await page.goto(base);

  // The whole summary sits in the first 768 px.
  const summary = page.getByRole("region", { name: "At a glance" });
  await expect(summary).toBeVisible();
  const box = await summary.boundingBox();
  expect(box).not.toBeNull();
  expect(box!.y + box!.height).toBeLessThanOrEqual(768);
  await expect(summary).toContainText(/flags to look at/);
  await expect(summary).toContainText("This week against the plan");
  await expect(summary).toContainText(/Lower back|lower back/);
  await expect(summary).toContainText("Weekly check-in (OSTRC)");

  // Compact rows: badge, title, the number that matters; shoes by name, never by id.
  const rows = summary.locator(".flag-row");
  expect(await rows.count()).toBeGreaterThanOrEqual(4);
  const shoeRow = summary.locator(".flag-row > details > summary").filter({ hasText: "Old trail pair" });
  await expect(shoeRow).toHaveCount(1);
  await expect(shoeRow).toContainText("Worn shoes");
  // The rows and facts name no ids and write no ISO dates (the opened explanations are the flags' own text).
  for (const part of [summary.locator(".flag-row > details > summary"), summary.locator(".glance-facts"), summary.locator(".glance-status")]) {
    for (const text of await part.allTextContents()) {
      expect(text).not.toContain(worn);
      expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    }
  }

  // A row opens in place, with the keyboard, to the explanation, evidence and review.
  const spike = rows.filter({ hasText: "Long-run spike" });
  await expect(spike.getByText(/Evidence:/)).toBeHidden();
  await spike.locator(":scope > details > summary").focus();
  await page.keyboard.press("Enter");
  await expect(spike.getByText(/Evidence: moderate/)).toBeVisible();
  await expect(spike.getByText("Acknowledge or resolve")).toBeVisible();

  // Tabs are links: the address holds the tab, aria-current marks it, and the back button returns.
  const tabs = page.getByRole("navigation", { name: `Parts of ${athlete.name}'s page` });
  await expect(tabs.getByRole("link", { name: "Summary" })).toHaveAttribute("aria-current", "page");
  await tabs.getByRole("link", { name: "Load" }).click();
  await expect(page).toHaveURL(new RegExp(`${base}\\?tab=load$`));
  await expect(tabs.getByRole("link", { name: "Load" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: "Distance per shoe" })).toBeVisible();
  await expect(page.getByRole("region", { name: "At a glance" })).toHaveCount(0);
  await tabs.getByRole("link", { name: "Profile" }).click();
  await expect(page).toHaveURL(/\?tab=profile$/);
  await expect(page.getByText("12 mm", { exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Thresholds for this athlete" })).toBeVisible();
  await page.goBack();
  await expect(page).toHaveURL(/\?tab=load$/);
  await expect(tabs.getByRole("link", { name: "Load" })).toHaveAttribute("aria-current", "page");
  // The summary only reads what it shows: no chart on it.
  await page.goto(base);
  await expect(page.locator("#charts-heading")).toHaveCount(0);
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("tabs and flag rows work as plain links and disclosures", async ({ page, db }) => {
    const { coach, squad, athlete } = await flaggedAthlete(db, "GlanceNoJs");
    await login(page, coach.email);
    await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}`);
    const spike = page.locator(".flag-row").filter({ hasText: "Long-run spike" });
    await spike.locator(":scope > details > summary").click();
    await expect(spike.getByText(/Evidence: moderate/)).toBeVisible();
    await page.getByRole("navigation", { name: /^Parts of/ }).getByRole("link", { name: "Sessions", exact: true }).click();
    await expect(page).toHaveURL(/\?tab=sessions$/);
    await expect(page.getByRole("heading", { name: "Recent sessions" })).toBeVisible();
  });
});

test.describe("in Spanish", () => {
  test.use({ locale: "es-ES" });

  test("the coach reads the summary in Spanish", async ({ page, db }) => {
    test.setTimeout(120_000);
    const { coach, squad, athlete } = await flaggedAthlete(db, "Resumen");
    await login(page, coach.email);
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}`);
    const summary = page.getByRole("region", { name: "De un vistazo" });
    await expect(summary).toBeVisible();
    const box = await summary.boundingBox();
    expect(box!.y + box!.height).toBeLessThanOrEqual(768);
    await expect(summary).toContainText(/alertas que revisar/);
    await expect(summary).toContainText("Esta semana frente al plan");
    await expect(summary).toContainText("Último registro de dolor");
    await expect(summary).toContainText("Control semanal (OSTRC)");
    await expect(summary.locator(".flag-row > details > summary").filter({ hasText: "Pico en la tirada larga" })).toBeVisible();
    await expect(summary.locator(".flag-row > details > summary").filter({ hasText: "Old trail pair" })).toContainText("Zapatillas gastadas");
    // Dates in Spain's style ("7 dic 2026"), never ISO.
    const month = new Intl.DateTimeFormat("es-ES", { month: "short", timeZone: "UTC" }).format(new Date(`${daysFromToday(0)}T00:00:00Z`));
    await expect(summary).toContainText(month);
    for (const text of await summary.locator(".flag-row > details > summary, .glance-facts").allTextContents()) expect(text).not.toMatch(/\b\d{4}-\d{2}-\d{2}\b/);
    const tabs = page.getByRole("navigation", { name: `Apartados de la página de ${athlete.name}` });
    await tabs.getByRole("link", { name: "Perfil" }).click();
    await expect(page).toHaveURL(/\?tab=profile$/);
    await expect(page.getByText("Trabajo de oficina", { exact: true })).toBeVisible();
  });
});
