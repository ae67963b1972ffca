import { test, expect, login, type Db } from "./fixtures";

test.use({ locale: "es-ES" });

test("a coach reading in Spanish sees a flag's name, its explanation and its suggestion in Spanish", async ({ page, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Lectora");
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  for (const offset of [-30, -20, -9, -5, -2]) await db.createSession(athlete.id, { date: day(offset), distanceKm: 8 });

  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}?tab=plan`);

  const flag = page.locator("li.flag").filter({ hasText: "Falta trabajo de core y fuerza" }).first();
  await expect(flag).toBeVisible();
  await expect(flag.getByText("Precaución").first()).toBeVisible();
  await expect(flag).toContainText("3 carreras pero 0 sesiones de core o fuerza en los 14 días hasta el");
  await expect(flag).toContainText("el entrenamiento de fuerza redujo las lesiones en unos dos tercios");
  // The suggestion it calls for, in Spanish words.
  await expect(flag.locator("li.card").filter({ hasText: "Sesión de core" }).first()).toBeVisible();
  await expect(flag).toContainText("Puente de glúteos");
  // No engine code reaches the reader.
  await expect(flag).not.toContainText("compensatory-deficit");
});

/** Four 5 km runs and an 8 km one today: a long-run spike (a 5.5 km cap) and no core work (core sessions to add). */
async function spikeAndNoCore(db: Db, label: string) {
  const { coach, squad, athlete } = await db.squadWithAthlete(label);
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  for (const offset of [-30, -20, -9, -5]) await db.createSession(athlete.id, { date: day(offset), distanceKm: 5 });
  await db.createSession(athlete.id, { date: day(0), distanceKm: 8 });
  return { coach, squad, athlete };
}

test("a Spanish coach reads a suggestion's reason in Spanish with decimal commas, adds it, and reads the stored reason in Spanish", async ({ page, db }) => {
  const { coach, squad, athlete } = await spikeAndNoCore(db, "Decimal");
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}/plan`);

  const suggestions = page.locator("section[aria-labelledby='suggestions-heading']");
  const cap = suggestions.locator("li.card").filter({ hasText: "Rodaje más suave" }).first();
  await expect(cap).toContainText("cada carrera hasta 5,5 km");
  await expect(cap).toContainText("mantén cada carrera de los próximos 7 días en 5,5 km o menos: 1,1 × 5,0 km");
  await expect(cap.getByRole("button", { name: "Aplicar el tope al plan" })).toBeVisible();
  await expect(suggestions).not.toContainText("5.5");

  const core = suggestions.locator("li.card").filter({ hasText: "Sesión de core" }).first();
  await expect(core).toContainText("Pocas sesiones de core o fuerza últimamente");
  await expect(core).toContainText("RR 0,32");
  await core.getByRole("button", { name: "Añadir al plan" }).click();

  const stored = page.locator(".planned-item").filter({ hasText: "Pocas sesiones de core o fuerza últimamente" }).first();
  await expect(stored).toBeVisible();
  await expect(stored).toContainText("RR 0,32; Lauersen 2014");
  await expect(stored).toContainText("Core / zona media 25 min");
  await expect(page.locator("body")).not.toContainText("Few core or strength sessions");
  await expect(page.locator("body")).not.toContainText("Add to plan");
});

test.describe("in English", () => {
  test.use({ locale: "en-GB" });

  test("an English coach reads the same suggestion and its stored reason in English", async ({ page, db }) => {
    const { coach, squad, athlete } = await spikeAndNoCore(db, "Decimal EN");
    await login(page, coach.email);
    await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}/plan`);

    const suggestions = page.locator("section[aria-labelledby='suggestions-heading']");
    const cap = suggestions.locator("li.card").filter({ hasText: "Lighter run" }).first();
    await expect(cap).toContainText("each run up to 5.5 km");
    await expect(cap).toContainText("keep each run of the next 7 days at or under 5.5 km: 1.1 x 5.0 km");

    const core = suggestions.locator("li.card").filter({ hasText: "Core session" }).first();
    await expect(core).toContainText("Few core or strength sessions lately");
    await core.getByRole("button", { name: "Add to plan" }).click();
    const stored = page.locator(".planned-item").filter({ hasText: "Few core or strength sessions lately" }).first();
    await expect(stored).toBeVisible();
    await expect(stored).toContainText("RR 0.32, Lauersen 2014");
    await expect(page.locator("body")).not.toContainText("Pocas sesiones");
  });
});

test("a red-flag report reads in Spanish: the athlete's possible sources and the coach's referral panel", async ({ page, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Derivación");
  const reportId = await db.createPainReport(athlete.id, { nrs: 6, redFlags: ["chest-pain"] });

  await login(page, athlete.email);
  await page.goto(`/athlete/pain/${reportId}`);
  const sources = page.locator("ul.organ-list");
  await expect(sources).toContainText("Corazón");
  await expect(sources).toContainText("Aorta (la arteria principal)");
  await expect(sources).not.toContainText("heart");

  await page.context().clearCookies();
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}`);
  const safety = page.getByRole("region", { name: /Derivación abierta desde el/ });
  await expect(safety).toContainText("Se indicó al atleta que acudiera a urgencias de inmediato.");
  await expect(safety).toContainText("El plan está en pausa desde el");
  await safety.getByText("Registrar un alta").click();
  await expect(safety.getByLabel("Quién dio el alta")).toBeVisible();
  await expect(safety.getByRole("button", { name: "Registrar el alta" })).toBeVisible();
  await expect(safety).not.toContainText("Record clearance");
});
