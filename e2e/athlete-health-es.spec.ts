import { test, expect, login } from "./fixtures";

test.use({ locale: "es-ES" });

test("an athlete reports lumbar pain and answers the weekly check-in in Spanish", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("Espalda");
  await login(page, athlete.email);

  await page.goto("/athlete/pain");
  await expect(page).toHaveTitle(/Registrar dolor de espalda/);
  await expect(page.getByRole("heading", { name: "Registrar dolor de espalda", level: 1 })).toBeVisible();

  // Sent blank: the refusals are in Spanish and nothing is saved.
  await page.getByRole("button", { name: "Enviar registro" }).click();
  await expect(page.getByText("Elige en el mapa dónde te duele")).toBeVisible();
  await expect(page.getByText("Elige cuánto te duele, de 0 a 10")).toBeVisible();
  await expect(page.getByText("Responde sí, no o no lo sé")).toBeVisible();
  await expect(page.getByText("Responde sí o no a cada pregunta: quedan 10 sin responder.")).toBeVisible();
  expect(await db.query(`SELECT 1 FROM "BackPainReport" WHERE "userId" = $1`, [athlete.id])).toHaveLength(0);

  await page.getByRole("radiogroup", { name: "¿Dónde te duele?" }).getByRole("radio", { name: "Zona lumbar, centro", exact: true }).click();
  await expect(page.getByText("Seleccionado: Zona lumbar, centro")).toBeVisible();
  await page.getByRole("group", { name: /¿Cuánto te duele\?/ }).getByRole("radio", { name: /^3\b/ }).check();
  await expect(page.getByRole("group", { name: "¿En qué lado?" }).getByRole("radio", { name: "En el centro" })).toBeChecked();
  await page.getByRole("group", { name: "¿Cuándo te duele más?" }).getByRole("radio", { name: "Después de correr" }).check();
  await page.getByRole("group", { name: /cambia con el movimiento o la postura/ }).getByRole("radio", { name: "Sí, cambia" }).check();
  const signs = page.getByRole("group", { name: "Señales de alarma" });
  await expect(signs.getByRole("group", { name: "¿Tienes ahora fiebre o escalofríos?" })).toBeVisible();
  for (const group of await signs.getByRole("group").all()) await group.getByRole("radio", { name: "No", exact: true }).check();
  await page.getByRole("button", { name: "Enviar registro" }).click();

  const result = page.getByRole("region", { name: "Registro enviado a tu entrenador/a" });
  await expect(result).toBeVisible();
  await expect(result).toContainText("Zona lumbar, centro, dolor 3/10. No se ha indicado ninguna señal de alarma.");
  const row = page.getByRole("row", { name: /Zona lumbar, centro.*3\/10.*Ninguna/ });
  await expect(row).toBeVisible();
  // The date in Spain's style ("7 dic 2026"), never the ISO form.
  await expect(row.getByRole("link")).toHaveText(/^\d{1,2} \p{L}{3,4}\.? \d{4}$/u);
  const [saved] = await db.query<{ zone: string; subArea: string; nrs: number }>(
    `SELECT zone, "subArea", nrs FROM "BackPainReport" WHERE "userId" = $1`,
    [athlete.id],
  );
  expect(saved).toEqual({ zone: "LUMBAR", subArea: "lower-back-centre", nrs: 3 });

  await page.goto("/athlete/check-in");
  await expect(page.getByRole("heading", { name: "Control semanal", level: 1 })).toBeVisible();
  const lumbar = page.getByRole("group", { name: "Parte baja de la espalda (zona lumbar)" });
  await expect(lumbar.getByRole("radio", { name: "Sin problemas" })).toBeChecked();
  await lumbar.getByRole("radio", { name: "He tenido problemas" }).check();
  await page.getByRole("button", { name: "Guardar control" }).click();
  await expect(page.getByText("Elige una respuesta")).toHaveCount(4);
  expect(await db.query(`SELECT 1 FROM "OstrcResponse" WHERE "userId" = $1`, [athlete.id])).toHaveLength(0);

  await lumbar.getByRole("group", { name: /dificultad para participar/ }).getByRole("radio", { name: "Participación reducida debido a problemas" }).check();
  await lumbar.getByRole("group", { name: /has modificado tus entrenamientos/ }).getByRole("radio", { name: "En medida moderada" }).check();
  await lumbar.getByRole("group", { name: /a tu rendimiento/ }).getByRole("radio", { name: "En poca medida" }).check();
  await lumbar.getByRole("group", { name: /has tenido dolor en esta zona/ }).getByRole("radio", { name: "Dolor moderado" }).check();
  await page.getByRole("button", { name: "Guardar control" }).click();

  await expect(page.getByText("Control guardado. Tu entrenador/a ya puede verlo.")).toBeVisible();
  const scores = page.getByRole("table", { name: "Puntuaciones OSTRC de esta semana por zona de la espalda" });
  await expect(scores.getByRole("row", { name: "Cuello (zona cervical) 0 No" })).toBeVisible();
  await expect(scores.getByRole("row", { name: "Parte baja de la espalda (zona lumbar) 53 Sí" })).toBeVisible();

  // Retiring a shoe asks first, in Spanish too, and can be undone.
  await db.query(`INSERT INTO "Shoe" (id, "userId", name, "initialKm", "updatedAt") VALUES ($1, $2, 'Pegasus 40', 0, now())`, [
    `e2eshoe${athlete.id}`,
    athlete.id,
  ]);
  await page.goto("/athlete/shoes");
  await page.locator("summary").filter({ hasText: "Retirar Pegasus 40" }).click();
  await expect(page.getByText("¿Retirar Pegasus 40? Se quedan en tu historial y dejan de contar para su límite de distancia.")).toBeVisible();
  await page.getByRole("button", { name: /^Confirmar\b.*Pegasus 40$/ }).click();
  await expect(page.getByText("Zapatillas retiradas: Pegasus 40.")).toBeVisible();
  await page.getByRole("button", { name: /^Deshacer\b.*Pegasus 40$/ }).click();
  await expect(page.getByText("De nuevo en uso: Pegasus 40.")).toBeVisible();
});
