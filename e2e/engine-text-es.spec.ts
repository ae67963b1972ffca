import { test, expect, login } from "./fixtures";

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
