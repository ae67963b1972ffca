import { test, expect, login } from "./fixtures";
import { stravaCsv, stravaDate } from "../lib/imports/testing";

// The athlete's browser asks for Spanish: the import, its preview and the history answer in Spanish.
test.use({ locale: "es-ES" });

const DAY = 864e5;
const at = (daysAgo: number) => stravaDate(Date.now() - daysAgo * DAY - 3 * 3600e3);

const exportRows = [
  { "Activity ID": "7101", "Activity Date": at(9), "Activity Type": "Run", "Activity Name": "Rodaje", "Elapsed Time": "3300", "Moving Time": "3200", "Distance@2": "10500" },
  { "Activity ID": "7102", "Activity Date": at(8), "Activity Type": "Ride", "Activity Name": "Bici", "Elapsed Time": "5400", "Moving Time": "5200", "Distance@2": "40000" },
  { "Activity ID": "7103", "Activity Date": at(7), "Activity Type": "Walk", "Activity Name": "Paseo", "Elapsed Time": "1800", "Moving Time": "1700", "Distance@2": "2500" },
  { "Activity ID": "7104", "Activity Date": at(6), "Activity Type": "Run", "Activity Name": "Tirada", "Elapsed Time": "2700", "Moving Time": "2600", "Distance@2": "7000" },
];

test("an athlete imports in Spanish, sees the preview's counts, commits and filters the history", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("Importadora");
  await login(page, athlete.email);
  await page.goto("/athlete/import");
  await expect(page.getByRole("heading", { level: 1, name: "Importar sesiones" })).toBeVisible();
  await expect(page.getByText("Aún no has importado nada.")).toBeVisible();

  await page.getByLabel("Archivos").setInputFiles({ name: "activities.csv", mimeType: "text/csv", buffer: Buffer.from(stravaCsv(exportRows)) });
  await page.getByRole("button", { name: "Ver vista previa" }).click();
  await expect(page.getByText("4 para añadir, 0 omitidas, 0 ya estaban, 0 no se pueden leer.")).toBeVisible();

  const sports = page.getByRole("table", { name: /Actividades nuevas por deporte/ });
  // The runs' 10.5 and 7 km, with Spain's decimal comma.
  await expect(sports.getByRole("row", { name: /^Run 2 17,5 km/ })).toBeVisible();
  await sports.getByLabel("Importar Walk como").selectOption("SKIP");
  await expect(page.getByText("3 para añadir, 1 omitida, 0 ya estaban, 0 no se pueden leer.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Omitida.*Walk se omite/ })).toBeVisible();

  await page.getByRole("button", { name: "Importar 3 sesiones" }).click();
  await expect(page.getByText("Importadas 3 sesiones; se ha dejado fuera 1 actividad de los deportes que omites.")).toBeVisible();
  await expect(page.getByRole("table", { name: "Tus importaciones, las más recientes primero" }).getByText("3 sesiones")).toBeVisible();

  await page.goto("/athlete/sessions");
  await expect(page.getByRole("heading", { level: 1, name: "Sesiones" })).toBeVisible();
  const filters = page.getByRole("search", { name: "Filtrar y ordenar sesiones" });
  await filters.getByLabel("Tipo").selectOption({ label: "Carrera" });
  await filters.getByRole("button", { name: "Mostrar sesiones" }).click();
  await expect(page).toHaveURL(/type=RUN/);
  const history = page.getByRole("region", { name: "Todas las sesiones" });
  await expect(history.getByText(/2\s+sesiones coinciden · 17,5 km · 1 h \d+ min/)).toBeVisible();
  await expect(history.getByRole("columnheader", { name: "Fecha" })).toBeVisible();
  await expect(history.getByRole("row", { name: /Carrera.*10,5 km/ })).toBeVisible();
});

test("a bad upload is explained in Spanish", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("Archivo malo");
  await login(page, athlete.email);
  await page.goto("/athlete/import");

  await page.getByRole("button", { name: "Ver vista previa" }).click();
  await expect(page.getByText("Elige al menos un archivo para importar.")).toBeVisible();

  await page.getByLabel("Archivos").setInputFiles({ name: "notas.txt", mimeType: "text/plain", buffer: Buffer.from("no es una actividad") });
  await page.getByRole("button", { name: "Ver vista previa" }).click();
  await expect(page.getByText("0 para añadir, 0 omitidas, 0 ya estaban, 1 no se puede leer. No hay nada nuevo que importar.")).toBeVisible();
  await expect(page.getByRole("row", { name: /No se puede leer.*notas\.txt.*Tipo de archivo no admitido/ })).toBeVisible();

  // The route's own refusals answer in the person's language too.
  const response = await page.request.post("/api/imports/preview", { multipart: { note: "sin archivos" }, headers: { "accept-language": "es-ES,es;q=0.9" } });
  expect(response.status()).toBe(422);
  expect((await response.json()).error.message).toBe("Elige al menos un archivo para importar.");
});
