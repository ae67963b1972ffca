import { test, expect, login } from "./fixtures";
import { addDays, day, mondayOf, squadWithAthletes } from "./plan-fixtures";

// The coach's pages in Spanish, as a browser set to Spanish (Spain) shows them.
test.use({ locale: "es-ES" });

// Last week's Monday: a day that is past for every athlete.
const MONDAY = mondayOf(addDays(day(0), -7));
const spanishDay = (date: string) =>
  `${new Intl.DateTimeFormat("es-ES", { weekday: "short", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`)).replace(/\.$/, "")} ${Number(date.slice(8))}`;

test("a coach's key journey in Spanish: squads, invitation, the squad grid and the audit log", async ({ page, db }) => {
  const { coach, squad, athletes } = await squadWithAthletes(db, "Es", ["Ana"]);
  const [ana] = athletes;
  await login(page, coach.email);
  await page.goto("/coach");
  await expect(page.getByRole("heading", { level: 1, name: "Tus grupos" })).toBeVisible();
  await expect(page).toHaveTitle(/Grupos/);
  await expect(page.getByRole("heading", { name: "Todos los atletas" })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: /^Carga esta semana/ })).toBeVisible();
  await expect(page.getByText("Hoy nadie necesita atención.")).toBeVisible();

  await page.getByRole("link", { name: "Gestionar grupo e invitaciones" }).click();
  await expect(page.getByRole("heading", { level: 1, name: squad.name })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Atletas (1)" })).toBeVisible();
  await page.getByLabel("¿Para quién es? (opcional)").fill("Lucía");
  await page.getByRole("button", { name: "Crear enlace de invitación" }).click();
  await expect(page.getByText("Invitación creada. Copia el enlace ahora: solo se muestra una vez.")).toBeVisible();
  await expect(page.getByLabel("Enlace de invitación")).toHaveValue(/\/invite\/[\w-]{40,}$/);
  await expect(page.getByRole("row", { name: /Lucía.*Atleta.*pendiente/ })).toBeVisible();

  await page.getByRole("link", { name: "Registro de entrenamiento" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Registro de entrenamiento: semana del/ })).toBeVisible();
  await page.getByRole("link", { name: "← Semana anterior" }).click();
  await expect(page).toHaveURL(new RegExp(`week=${MONDAY}`));
  const label = (which: string) => `${ana.name}, ${spanishDay(MONDAY)}: ${which}`;
  await page.getByLabel(label("distancia (km)")).fill("8");
  await page.getByLabel(label("minutos")).fill("45");
  await page.getByLabel(label("RPE")).fill("12");
  await page.getByRole("button", { name: "Guardar la semana" }).click();
  await expect(page.getByText("No se ha guardado nada: 1 celda necesita corrección.")).toBeVisible();
  await expect(page.getByRole("alert").getByText(/indica el RPE con un número entero de 0 a 10/)).toBeVisible();
  await page.getByLabel(label("RPE")).fill("6");
  await page.getByRole("button", { name: "Guardar la semana" }).click();
  await expect(page.getByText("Guardado: 1 sesión añadida.")).toBeVisible();

  await page.goto(`/coach/squads/${squad.id}`);
  await page.getByRole("link", { name: "Registro de auditoría" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Registro de auditoría de ${squad.name}` })).toBeVisible();
  await expect(page.getByRole("columnheader", { name: "Qué" })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Registró sesiones en el registro de entrenamiento del grupo" }).first();
  await expect(row).toContainText(coach.name);
  await expect(row).toContainText(ana.name);
  await expect(page.getByRole("row").filter({ hasText: "Creó una invitación" }).first()).toBeVisible();
  // Dates in Spanish, no action codes.
  await expect(page.locator("main")).not.toContainText("session.grid-save");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("removing an athlete asks first, says what happened and can be undone, in Spanish", async ({ page, db }) => {
    const { coach, squad, athletes } = await squadWithAthletes(db, "Quitar", ["Ana", "Bea"]);
    const [ana, bea] = athletes;
    await login(page, coach.email);
    await page.goto(`/coach/squads/${squad.id}`);
    await page.getByRole("link", { name: `Quitar ${ana.name}` }).click();
    const confirm = page.getByRole("region", { name: `¿Quitar a ${ana.name} de ${squad.name}?` });
    await expect(confirm).toBeVisible();
    await expect(confirm).toContainText("Sus datos siguen siendo suyos; tú pierdes el acceso.");
    // Cancel leaves everyone in place.
    await confirm.getByRole("link", { name: "Cancelar" }).click();
    await expect(confirm).toHaveCount(0);
    await expect(page.getByRole("heading", { name: "Atletas (2)" })).toBeVisible();

    await page.getByRole("link", { name: `Quitar ${ana.name}` }).click();
    await confirm.getByRole("button", { name: "Confirmar" }).click();
    await expect(page.getByRole("status").filter({ hasText: `${ana.name} ya no está en ${squad.name}.` })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Atletas (1)" })).toBeVisible();
    await expect(page.getByRole("link", { name: bea.name, exact: true })).toBeVisible();

    await page.getByRole("button", { name: "Deshacer" }).click();
    await expect(page.getByText(`${ana.name} vuelve a estar en ${squad.name}, como antes.`)).toBeVisible();
    await expect(page.getByRole("heading", { name: "Atletas (2)" })).toBeVisible();
    await expect(page.getByRole("link", { name: ana.name, exact: true })).toBeVisible();
  });
});

test("the confirmation is reached and answered with the keyboard", async ({ page, db }) => {
  const { coach, squad, athletes } = await squadWithAthletes(db, "Teclado", ["Ana"]);
  const [ana] = athletes;
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}`);
  await page.getByRole("link", { name: `Quitar ${ana.name}` }).focus();
  await page.keyboard.press("Enter");
  const confirm = page.getByRole("region", { name: `¿Quitar a ${ana.name} de ${squad.name}?` });
  await expect(confirm).toBeVisible();
  // Focus starts on the harmless choice; Shift+Tab reaches Confirm.
  await expect(confirm.getByRole("link", { name: "Cancelar" })).toBeFocused();
  await page.keyboard.press("Shift+Tab");
  await expect(confirm.getByRole("button", { name: "Confirmar" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("button", { name: "Deshacer" })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Atletas (0)" })).toBeVisible();
});
