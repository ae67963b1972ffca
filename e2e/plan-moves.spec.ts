import { test, expect, login, type Db } from "./fixtures";
import { addDays, day, mondayOf } from "./plan-fixtures";

// The week shown: wholly inside the 4 weeks the projection covers, whatever weekday today is.
const shownMonday = () => mondayOf(day(8));

async function plannedDate(db: Db, id: string) {
  const [row] = await db.query<{ date: string }>(`SELECT to_char(date, 'YYYY-MM-DD') AS date FROM "PlannedSession" WHERE id = $1`, [id]);
  return row?.date;
}

test("the coach drags a planned session to another day, and the projection follows", async ({ page, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Dragger");
  for (const offset of [-20, -9, -5, -2]) await db.createSession(athlete.id, { date: day(offset), distanceKm: 8 });
  const monday = shownMonday();
  const id = await db.createPlannedSession(squad.id, athlete.id, { date: addDays(monday, 1), type: "RUN", title: "Drag tempo", durationMin: 80 });
  await db.createPlannedSession(squad.id, athlete.id, { date: addDays(monday, 3), type: "CORE", title: "Drag core" });
  await db.query(`UPDATE "PlannedSession" SET description = 'Dead bug, Bird dog, Side plank, Glute bridge, Clam, Pallof press' WHERE title = 'Drag core' AND "athleteId" = $1`, [athlete.id]);

  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}/plan?view=week&start=${monday}`);
  const calendar = page.locator("table.calendar-week");
  // The core session's exercises are folded under a count.
  await expect(calendar.getByText("6 exercises")).toBeVisible();
  await expect(calendar.getByText("Pallof press")).toBeHidden();

  const chart = page.getByRole("figure").filter({ hasText: "Load with the plan" });
  const projected = async () => {
    await chart.getByText("Show the numbers as a table").click();
    const text = await chart.getByRole("table").innerText();
    await chart.getByText("Show the numbers as a table").click();
    return text;
  };
  const before = await projected();

  const item = calendar.locator("li.cal-draggable").filter({ hasText: "Drag tempo" });
  // A drop on the same day changes nothing.
  await item.dragTo(calendar.locator(`td[data-date="${addDays(monday, 1)}"]`));
  await expect(page.getByText("Already on that day: nothing changed.")).toBeVisible();
  expect(await plannedDate(db, id)).toBe(addDays(monday, 1));

  await item.dragTo(calendar.locator(`td[data-date="${addDays(monday, 4)}"]`));
  await expect(page.getByRole("status").filter({ hasText: "Moved." }).first()).toBeVisible();
  await expect(calendar.locator(`td[data-date="${addDays(monday, 4)}"]`).getByText("Drag tempo", { exact: true })).toBeVisible();
  expect(await plannedDate(db, id)).toBe(addDays(monday, 4));
  await expect.poll(projected).not.toEqual(before);
  const audit = await db.query<{ action: string }>(`SELECT action FROM "AuditLog" WHERE "entityId" = $1 AND action = 'plan.move'`, [id]);
  expect(audit).toHaveLength(1);

  // While a red-flag hold is active, nothing moves and the coach is told why.
  await db.query(`INSERT INTO "PlanHold" (id, "athleteId", "startDate") VALUES ($1, $2, $3::date)`, [`e2ehold${id}`, athlete.id, day(30)]);
  await page.reload();
  await calendar.locator("li.cal-draggable").filter({ hasText: "Drag tempo" }).dragTo(calendar.locator(`td[data-date="${addDays(monday, 2)}"]`));
  await expect(page.getByText(/This plan is on hold after a red-flag report/).first()).toBeVisible();
  expect(await plannedDate(db, id)).toBe(addDays(monday, 4));
  await expect(page.getByText(/nothing can be copied until a clinician's clearance/)).toBeVisible();
});

test("the keyboard way: a new date and Move", async ({ page, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Keyboard");
  const id = await db.createPlannedSession(squad.id, athlete.id, { date: day(2), type: "RUN", title: "Keyed run", durationMin: 40 });
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}/plan`);
  const date = page.getByLabel(/New date for Keyed run/);
  await date.fill(day(5));
  // From the field to its Move button, and Enter.
  const move = page.getByRole("button", { name: /^Move Keyed run/ });
  await move.focus();
  await expect(move).toBeFocused();
  await page.keyboard.press("Enter");
  await expect.poll(() => plannedDate(db, id)).toBe(day(5));
  // The day-by-day list shows it on its new day.
  await expect(page.getByLabel(/New date for Keyed run/)).toHaveValue(day(5));
});

test("the coach copies a week to the next, sees what will be created, and removes the copies again", async ({ page, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Copier");
  const monday = shownMonday();
  await db.createPlannedSession(squad.id, athlete.id, { date: monday, type: "RUN", title: "Copy easy", durationMin: 45 });
  await db.createPlannedSession(squad.id, athlete.id, { date: addDays(monday, 5), type: "CORE", title: "Copy core" });
  await db.createPlannedSession(squad.id, athlete.id, { date: addDays(monday, 9), type: "MOBILITY", title: "Already there" });

  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}/plan?view=week&start=${monday}`);
  await page.getByRole("button", { name: "Copy this week to next week" }).click();
  await expect(page.getByText(/This creates 2 sessions in the week of .*, on the same weekdays\./)).toBeVisible();
  await expect(page.getByText(/1 session is already planned there: it stays, and the copies go alongside\./)).toBeVisible();
  await page.getByRole("button", { name: "Copy 2 sessions" }).click();
  await expect(page.getByText("Copied 2 sessions to next week. 1 session was already planned there and stays alongside the copies.")).toBeVisible();
  const count = async () =>
    (await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "PlannedSession" WHERE "athleteId" = $1`, [athlete.id]))[0].n;
  expect(await count()).toBe(5);
  const audit = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "AuditLog" WHERE "subjectUserId" = $1 AND action = 'plan.copy-week'`, [athlete.id]);
  expect(audit[0].n).toBe(1);

  await page.getByRole("button", { name: "Remove the 2 copied sessions" }).click();
  await expect(page.getByText("Removed 2 copied sessions.")).toBeVisible();
  expect(await count()).toBe(3);
});

test.describe("in Spanish", () => {
  test.use({ locale: "es-ES" });

  test("a coach plans a week in Spanish: the calendar, copying the week and moving a session", async ({ page, db }) => {
    const { coach, squad, athlete } = await db.squadWithAthlete("Planifica");
    const monday = shownMonday();
    const id = await db.createPlannedSession(squad.id, athlete.id, { date: addDays(monday, 1), type: "RUN", title: "Rodaje suave", durationMin: 45 });
    await login(page, coach.email);
    await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}/plan?view=week&start=${monday}`);
    await expect(page.getByRole("heading", { level: 1, name: `Plan de ${athlete.name}` })).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: /^Calendario: Semana del lun \d+ \S+ de \d{4}$/ })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Planifica las próximas 4 semanas" })).toBeVisible();

    await page.getByRole("button", { name: "Copiar esta semana a la siguiente" }).click();
    await expect(page.getByText(/Se creará 1 sesión en la semana del lun \d+ \S+ de \d{4}, en los mismos días/)).toBeVisible();
    await page.getByRole("button", { name: "Copiar 1 sesión" }).click();
    await expect(page.getByText("Se ha copiado 1 sesión a la semana siguiente.")).toBeVisible();
    await expect(page.getByRole("button", { name: "Quitar la sesión copiada" })).toBeVisible();

    const calendar = page.locator("table.calendar-week");
    await calendar.locator("li.cal-draggable").filter({ hasText: "Rodaje suave" }).dragTo(calendar.locator(`td[data-date="${addDays(monday, 2)}"]`));
    await expect(page.getByRole("status").filter({ hasText: "Movida." }).first()).toBeVisible();
    expect(await plannedDate(db, id)).toBe(addDays(monday, 2));
  });
});
