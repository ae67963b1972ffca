import { test, expect, login, loggedInPage } from "./fixtures";
import { expectNotFound } from "./coach-fixtures";
import { addDays, day, mondayOf, squadWithAthletes } from "./plan-fixtures";

test("the coach edits a template: fields come filled in, a bad row is refused with nothing saved, a good edit replaces the sessions", async ({ page, db }) => {
  const { coach, squad } = await squadWithAthletes(db, "TplEdit", ["Eve"]);
  const other = await squadWithAthletes(db, "TplOther", ["Finn"]);
  const templateId = await db.createTemplate(squad.id, "Core week");
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/plan/templates`);
  await page.getByRole("link", { name: "Edit template Core week" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit template Core week" })).toBeVisible();
  const first = page.getByRole("group", { name: "Session 1" });
  await expect(page.getByLabel("Template name")).toHaveValue("Core week");
  await expect(first.getByLabel("Type", { exact: true })).toHaveValue("CORE");
  await expect(first.getByLabel("Duration", { exact: true })).toHaveValue("25");
  await expect(first.getByLabel(/Target effort/)).toHaveValue("5");

  // A second row without a duration: refused, and the stored template is unchanged.
  await page.getByLabel("Template name").fill("Core and hips week");
  await page.getByRole("button", { name: "Add a session" }).click();
  const second = page.getByRole("group", { name: "Session 2" });
  await second.getByLabel("Day", { exact: true }).selectOption({ label: "Week 1, Thursday" });
  await second.getByLabel("Type", { exact: true }).selectOption({ label: "Cross-training" });
  await second.getByLabel(/Cross-training mode/).selectOption({ label: "Cycling" });
  await page.getByRole("button", { name: "Add a session" }).click();
  const third = page.getByRole("group", { name: "Session 3" });
  await third.getByLabel("Day", { exact: true }).selectOption({ label: "Week 1, Saturday" });
  await third.getByLabel("Type", { exact: true }).selectOption({ label: "Mobility / stretching" });
  await third.getByLabel("Duration", { exact: true }).fill("20");
  await third.getByLabel("Title (optional)").fill("Hips");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(second.getByText("Enter the duration")).toBeVisible();
  const stored = async () => (await db.query<{ name: string; sessions: unknown[] }>(`SELECT name, sessions FROM "PlanTemplate" WHERE id = $1`, [templateId]))[0];
  expect((await stored()).name).toBe("Core week");

  // The coach drops the bad row: the one below moves up with what was typed in it, and without the error.
  await page.getByRole("button", { name: "Remove session 2" }).click();
  await expect(page.getByRole("group", { name: "Session 3" })).toHaveCount(0);
  await expect(second.getByLabel("Title (optional)")).toHaveValue("Hips");
  await expect(second.getByLabel("Duration", { exact: true })).toHaveValue("20");
  await expect(second.getByText("Enter the duration")).toHaveCount(0);

  // The core session moves to Sunday; saved, the rows come back from the stored template, in day order.
  await first.getByLabel("Day", { exact: true }).selectOption({ label: "Week 1, Sunday" });
  await first.getByLabel("Duration", { exact: true }).fill("30");
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByText("Template saved with 2 sessions.")).toBeVisible();
  expect(await stored()).toMatchObject({
    name: "Core and hips week",
    sessions: [
      { dayOffset: 5, type: "MOBILITY", durationMin: 20, title: "Hips" },
      { dayOffset: 6, type: "CORE", durationMin: 30, targetRpe: 5 },
    ],
  });
  await expect(first.getByLabel("Type", { exact: true })).toHaveValue("MOBILITY");
  await expect(first.getByLabel("Title (optional)")).toHaveValue("Hips");
  await expect(second.getByLabel("Type", { exact: true })).toHaveValue("CORE");
  await expect(second.getByLabel("Duration", { exact: true })).toHaveValue("30");
  await page.getByRole("link", { name: /Plan templates of/ }).click();
  const listed = page.locator(".template-list > li").filter({ hasText: "Core and hips week" });
  await expect(listed.getByText(/Week 1, Saturday: Hips Mobility \/ stretching · 20 min/)).toBeVisible();

  // Another squad's coach cannot open it, even through their own squad's address.
  const outsider = await page.context().browser()!.newContext();
  const outsiderPage = await outsider.newPage();
  await login(outsiderPage, other.coach.email);
  for (const url of [`/coach/squads/${squad.id}/plan/templates/${templateId}`, `/coach/squads/${other.squad.id}/plan/templates/${templateId}`]) {
    await expectNotFound(outsiderPage, url);
  }
  await outsider.close();
});

test("the coach builds a template, applies it to two athletes, finds it in the squad week and a month view, and edits a session", async ({ page, db }) => {
  const { coach, squad, athletes } = await squadWithAthletes(db, "Tpl", ["Ada", "Ben", "Cyd"]);
  const [ada, ben, cyd] = athletes;
  const nextMonday = addDays(mondayOf(day(0)), 7);

  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}`);
  await page.getByRole("link", { name: "Squad plan", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: /Squad plan: week of/ })).toBeVisible();
  await page.getByRole("link", { name: /Plan templates/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Plan templates" })).toBeVisible();

  // A template of two sessions; a third row is added and removed again.
  await page.getByLabel("Template name").fill("Base block");
  const first = page.getByRole("group", { name: "Session 1" });
  await first.getByLabel("Day", { exact: true }).selectOption({ label: "Week 1, Monday" });
  await first.getByLabel("Type", { exact: true }).selectOption({ label: "Run" });
  await first.getByLabel("Duration", { exact: true }).fill("45");
  await first.getByLabel(/Distance/).fill("9");
  await first.getByLabel(/Target effort/).fill("5");
  await first.getByLabel("Title (optional)").fill("Easy run");
  await page.getByRole("button", { name: "Add a session" }).click();
  const second = page.getByRole("group", { name: "Session 2" });
  await second.getByLabel("Day", { exact: true }).selectOption({ label: "Week 1, Wednesday" });
  await second.getByLabel("Type", { exact: true }).selectOption({ label: "Core" });
  await second.getByLabel("Duration", { exact: true }).fill("25");
  await page.getByRole("button", { name: "Add a session" }).click();
  await expect(page.getByRole("group", { name: "Session 3" })).toBeVisible();
  await page.getByRole("button", { name: "Remove session 3" }).click();
  await expect(page.getByRole("group", { name: "Session 3" })).toHaveCount(0);
  await page.getByRole("button", { name: "Save template" }).click();
  await expect(page.getByText("Template saved with 2 sessions.")).toBeVisible();
  const listed = page.locator(".template-list > li").filter({ hasText: "Base block" });
  await expect(listed.getByText(/Week 1, Monday: Easy run Run · 45 min · 9.0 km · RPE 5/)).toBeVisible();
  await expect(listed.getByText(/Week 1, Wednesday: Core · 25 min/)).toBeVisible();

  // Applying to nobody is refused and plans nothing.
  const apply = page.locator("form").filter({ has: page.getByRole("button", { name: "Apply template" }) });
  await expect(apply.getByLabel("Start on (a Monday)")).toHaveValue(nextMonday);
  await apply.getByRole("button", { name: "Apply template" }).click();
  await expect(apply.getByText("Choose at least one athlete")).toBeVisible();
  expect(await db.query(`SELECT id FROM "PlannedSession" WHERE "squadId" = $1`, [squad.id])).toHaveLength(0);

  await apply.getByRole("checkbox", { name: ada.name, exact: true }).check();
  await apply.getByRole("checkbox", { name: ben.name, exact: true }).check();
  await apply.getByRole("button", { name: "Apply template" }).click();
  await expect(page.getByText('Added 4 planned sessions from "Base block" for 2 athletes.')).toBeVisible();
  const rows = await db.query<{ athleteId: string; date: string; origin: string }>(
    `SELECT "athleteId", to_char(date, 'YYYY-MM-DD') AS date, origin::text FROM "PlannedSession" WHERE "squadId" = $1 ORDER BY date`,
    [squad.id],
  );
  expect(rows).toHaveLength(4);
  expect(new Set(rows.map((r) => r.athleteId))).toEqual(new Set([ada.id, ben.id]));
  expect(new Set(rows.map((r) => r.date))).toEqual(new Set([nextMonday, addDays(nextMonday, 2)]));
  expect(rows.every((r) => r.origin === "TEMPLATE")).toBe(true);

  // Applying it again to Ada plans nothing twice.
  await apply.getByRole("checkbox", { name: ada.name, exact: true }).setChecked(true);
  await apply.getByRole("checkbox", { name: ben.name, exact: true }).setChecked(false);
  await apply.getByRole("button", { name: "Apply template" }).click();
  await expect(page.getByText('Nothing added: every session of "Base block" is already planned for 1 athlete.')).toBeVisible();
  expect(await db.query(`SELECT id FROM "PlannedSession" WHERE "squadId" = $1`, [squad.id])).toHaveLength(4);

  // The squad week of next Monday: both athletes have the sessions, the third has none.
  await page.getByRole("link", { name: /Squad plan of/ }).click();
  await page.getByRole("link", { name: "Next week →" }).click();
  await expect(page).toHaveURL(new RegExp(`start=${nextMonday}`));
  const grid = page.getByRole("table", { name: /planned and done/ });
  const adaRow = grid.getByRole("row").filter({ has: page.getByRole("link", { name: ada.name, exact: true }) });
  await expect(adaRow.getByText("Easy run")).toBeVisible();
  await expect(adaRow.getByText(/Core · 25 min/)).toBeVisible();
  await expect(grid.getByRole("row").filter({ has: page.getByRole("link", { name: ben.name, exact: true }) }).getByText("Easy run")).toBeVisible();
  await expect(grid.getByRole("row").filter({ has: page.getByRole("link", { name: cyd.name, exact: true }) }).getByText("Easy run")).toHaveCount(0);

  // Ada's plan, in the month view.
  await adaRow.getByRole("link", { name: ada.name, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Plan for ${ada.name}` })).toBeVisible();
  await page.getByRole("navigation", { name: "Calendar periods" }).getByRole("link", { name: "Month", exact: true }).click();
  await expect(page).toHaveURL(/view=month/);
  const month = page.getByRole("table", { name: /: planned and done$/ });
  await expect(month.locator("caption")).toHaveText(new RegExp(new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${nextMonday}T00:00:00Z`))));
  await expect(month.getByText("Easy run", { exact: true })).toBeVisible();
  await expect(month.getByText('From the template "Base block"').first()).toBeVisible();
  await expect(page.getByRole("table", { name: /planned against done/ })).toBeVisible();

  // Edit the run from the calendar.
  await month.getByRole("link", { name: /^Edit Easy run/ }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit planned session" })).toBeVisible();
  await page.getByLabel("Duration", { exact: true }).fill("50");
  await page.getByLabel("Title (optional)").fill("Steady run");
  await page.getByLabel(/Target effort/).fill("6");
  await page.getByLabel("Date", { exact: true }).fill(addDays(nextMonday, 1));
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByText("Changes saved.")).toBeVisible();
  const [edited] = await db.query<{ title: string; durationMin: number; targetRpe: number; date: string }>(
    `SELECT title, "durationMin", "targetRpe", to_char(date, 'YYYY-MM-DD') AS date FROM "PlannedSession" WHERE "athleteId" = $1 AND type = 'RUN'`,
    [ada.id],
  );
  expect(edited).toEqual({ title: "Steady run", durationMin: 50, targetRpe: 6, date: addDays(nextMonday, 1) });
  await page.getByRole("link", { name: "Back to the plan" }).click();
  const week = page.getByRole("table", { name: /planned and done$/ });
  await expect(week.getByText("Steady run", { exact: true })).toBeVisible();
  await expect(week.getByText(/RPE 6/)).toBeVisible();
});

test("past days show what was done and which planned sessions it fulfilled; a week saves as a template", async ({ page, db }) => {
  const { coach, squad, athletes } = await squadWithAthletes(db, "Done", ["Dee"]);
  const [dee] = athletes;
  const lastMonday = addDays(mondayOf(day(0)), -7);
  await db.createPlannedSession(squad.id, dee.id, { date: addDays(lastMonday, 1), type: "RUN", title: "Tempo", durationMin: 40 });
  await db.createPlannedSession(squad.id, dee.id, { date: addDays(lastMonday, 3), type: "CORE", durationMin: 25 });
  await db.createSession(dee.id, { date: addDays(lastMonday, 1), distanceKm: 8 });

  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${dee.id}/plan?view=week&start=${lastMonday}`);
  const week = page.getByRole("table", { name: /: planned and done$/ });
  const tempo = week.getByRole("listitem").filter({ hasText: "Tempo" });
  await expect(tempo.getByText("Done", { exact: true })).toBeVisible();
  await expect(week.getByRole("listitem").filter({ hasText: "Core" }).getByText("Missed", { exact: true })).toBeVisible();
  await expect(week.getByText(/✓ Run · 40 min · 8.0 km · RPE 5/)).toBeVisible();
  const versus = page.getByRole("table", { name: /planned against done/ });
  await expect(versus.locator("tfoot")).toContainText("1 of 2 done, 1 missed");
  await expect(versus.locator("tfoot")).toContainText("325 AU / 200 AU");

  await page.getByLabel("Template name").fill("Dee's week");
  await page.getByRole("button", { name: "Save this week as a template" }).click();
  await expect(page.getByText("Saved this week as a template with 2 sessions.")).toBeVisible();

  // The squad's week shows the same.
  await page.goto(`/coach/squads/${squad.id}/plan?start=${lastMonday}`);
  const squadGrid = page.getByRole("table", { name: /planned and done/ });
  await expect(squadGrid.getByText("1 of 2 done, 1 missed")).toBeVisible();
  await page.goto(`/coach/squads/${squad.id}/plan/templates`);
  await expect(page.locator(".template-list > li").filter({ hasText: "Dee's week" }).getByText(/Week 1, Tuesday: Tempo/)).toBeVisible();
});

test("a calendar link it cannot read opens this week with a message", async ({ page, db }) => {
  const { coach, squad, athletes } = await squadWithAthletes(db, "Bad", ["Eve"]);
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${athletes[0].id}/plan?view=year&start=soon`);
  await expect(page.getByText(/The calendar link was not understood \(view must be week or month; start: Use the date format YYYY-MM-DD\); showing this week instead\./)).toBeVisible();
  await expect(page.getByRole("table", { name: new RegExp(`Week of .*: planned and done$`) })).toBeVisible();
  await page.goto(`/coach/squads/${squad.id}/plan?start=2026-02-30`);
  await expect(page.getByText(/does not exist/)).toBeVisible();
});

test("at 375 px the grids scroll inside the page, not the page itself", async ({ page, db }) => {
  const { coach, squad, athletes } = await squadWithAthletes(db, "Narrow", ["Fay", "Gus"]);
  await db.createPlannedSession(squad.id, athletes[0].id, { date: day(1), title: "A long planned title for a narrow screen" });
  await page.setViewportSize({ width: 375, height: 740 });
  await login(page, coach.email);
  for (const url of [
    `/coach/squads/${squad.id}/plan`,
    `/coach/squads/${squad.id}/plan/templates`,
    `/coach/squads/${squad.id}/athletes/${athletes[0].id}/plan?view=month`,
  ]) {
    await page.goto(url);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, url).toBeLessThanOrEqual(0);
  }
});

test("another squad's coach and athletes get 404 on the planning pages", async ({ page, db, browser }) => {
  const { coach, squad, athletes } = await squadWithAthletes(db, "Own", ["Hal"]);
  const other = await squadWithAthletes(db, "Other", ["Ian"]);
  const plannedId = await db.createPlannedSession(squad.id, athletes[0].id, { date: day(2), title: "Private" });
  const urls = [
    `/coach/squads/${squad.id}/plan`,
    `/coach/squads/${squad.id}/plan?start=${day(7)}`,
    `/coach/squads/${squad.id}/plan/templates`,
    `/coach/squads/${squad.id}/athletes/${athletes[0].id}/plan?view=month&start=${day(0)}`,
    `/coach/squads/${squad.id}/athletes/${athletes[0].id}/plan/sessions/${plannedId}`,
    // Through the outsider's own squad, guessing the athlete and session ids.
    `/coach/squads/${other.squad.id}/athletes/${athletes[0].id}/plan/sessions/${plannedId}`,
  ];
  await login(page, other.coach.email);
  for (const url of urls) await expectNotFound(page, url);

  const athletePage = await loggedInPage(browser, athletes[0].email);
  for (const url of urls.slice(0, 5)) await expectNotFound(athletePage, url);
  await athletePage.context().close();

  // The squad's own coach reaches every one of them; an unknown planned session is a 404 for them too.
  const own = await loggedInPage(browser, coach.email);
  for (const url of urls.slice(0, 5)) {
    const response = await own.goto(url);
    expect(response?.status(), url).toBe(200);
  }
  await expectNotFound(own, `/coach/squads/${squad.id}/athletes/${athletes[0].id}/plan/sessions/missing-id`);
  await own.context().close();
});
