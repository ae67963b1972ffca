import { test, expect, login, loggedInPage, type Db } from "./fixtures";

/**
 * 160 sessions on the last 160 days: every third one core, the rest runs; every second one's notes
 * mention hill repeats. Runs with hills: 53.
 */
async function seedHistory(db: Db, userId: string) {
  await db.query(
    `INSERT INTO "TrainingSession" (id, "userId", "localDate", type, "durationMin", "distanceKm", rpe, notes, "updatedAt")
     SELECT 'e2eh' || $1 || i, $1, current_date - i, (CASE WHEN i % 3 = 0 THEN 'CORE' ELSE 'RUN' END)::"SessionType", 40,
            CASE WHEN i % 3 = 0 THEN NULL ELSE 8 END, 4, CASE WHEN i % 2 = 0 THEN 'Hill repeats #' || i ELSE 'Easy ' || i END, now()
     FROM generate_series(0, 159) i`,
    [userId],
  );
}

test("an athlete filters the full history, pages, and changes and deletes ticked sessions after confirming", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("History");
  await seedHistory(db, athlete.id);
  await login(page, athlete.email);
  await page.goto("/athlete/sessions");

  const history = page.getByRole("region", { name: "All sessions" });
  const filters = history.getByRole("search", { name: "Filter and sort sessions" });
  await expect(history.getByRole("table")).toHaveAccessibleName("Sessions 1–50 of 160, newest first");
  await expect(history.getByText(/160\s+sessions · 848\.0 km · 106 h 40 min/)).toBeVisible();

  await filters.getByLabel("Notes contain").fill("HILL");
  await filters.getByLabel("Type").selectOption("RUN");
  await filters.getByRole("button", { name: "Show sessions" }).click();
  await expect(page).toHaveURL(/[?&]q=HILL/);
  await expect(page).toHaveURL(/[?&]type=RUN/);
  await expect(history.getByText(/53\s+sessions match/)).toBeVisible();
  await expect(history.getByRole("table")).toHaveAccessibleName("Sessions 1–50 of 53, newest first");
  await expect(history.getByRole("row")).toHaveCount(51);
  await expect(filters.getByLabel("Notes contain")).toHaveValue("HILL");

  await history.getByRole("navigation", { name: "Pages of sessions" }).getByRole("link", { name: "Next page" }).click();
  await expect(page).toHaveURL(/[?&]page=2/);
  await expect(history.getByText("Page 2 of 2")).toBeVisible();
  const table = history.getByRole("table");
  await expect(table).toHaveAccessibleName("Sessions 51–53 of 53, newest first");
  await expect(table.getByRole("row")).toHaveCount(4);
  // Each row leads to the session's own page.
  await expect(table.getByRole("link", { name: "Run" }).first()).toHaveAttribute("href", /^\/athlete\/sessions\/e2eh/);

  // Tick the whole page from the keyboard.
  const selectAll = table.getByRole("checkbox", { name: "Tick every session on this page" });
  await selectAll.focus();
  await page.keyboard.press("Space");
  await expect(table.getByRole("checkbox", { checked: true })).toHaveCount(4);
  await expect(history.getByText("3 ticked on this page.")).toBeVisible();

  await history.getByLabel("RPE", { exact: true }).selectOption("6");
  await history.getByRole("button", { name: "Set RPE" }).click();
  const question = history.getByRole("heading", { name: "Set RPE 6 on 3 sessions?" });
  await expect(question).toBeVisible();
  await expect(question).toBeFocused();
  // Nothing changes before the confirmation.
  expect(await db.query(`SELECT id FROM "TrainingSession" WHERE "userId" = $1 AND rpe = 6`, [athlete.id])).toHaveLength(0);
  // Cancelling keeps the ticks.
  await history.getByRole("link", { name: "Cancel" }).click();
  await expect(question).toHaveCount(0);
  await expect(table.getByRole("checkbox", { checked: true })).toHaveCount(4);
  await history.getByRole("button", { name: "Set RPE" }).click();
  await history.getByRole("button", { name: "Change 3 sessions" }).click();
  await expect(history.getByText("RPE 6 set on 3 sessions.")).toBeVisible();
  await expect(table.getByRole("checkbox", { checked: true })).toHaveCount(0);
  for (const row of await table.getByRole("row").all()) {
    if (await row.getByRole("checkbox", { name: /^Tick Run/ }).count()) await expect(row.getByRole("cell").nth(5)).toHaveText("6");
  }
  const changed = await db.query<{ localDate: string; srpeAu: number }>(
    `SELECT to_char(d."localDate", 'YYYY-MM-DD') AS "localDate", d."srpeAu" FROM "DailyLoad" d
     JOIN "TrainingSession" s ON s."userId" = d."userId" AND s."localDate" = d."localDate" AND s.rpe = 6 WHERE d."userId" = $1`,
    [athlete.id],
  );
  expect(changed.map((d) => d.srpeAu)).toEqual([240, 240, 240]);

  // Delete two of them.
  const rows = table.getByRole("row").filter({ has: page.getByRole("checkbox", { name: /^Tick Run/ }) });
  await rows.nth(0).getByRole("checkbox").check();
  await rows.nth(1).getByRole("checkbox").check();
  await history.getByRole("button", { name: "Delete ticked sessions" }).click();
  await expect(history.getByRole("heading", { name: "Delete 2 sessions? This cannot be undone." })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(history.getByRole("button", { name: "Delete 2 sessions" })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(history.getByText("2 sessions deleted.")).toBeVisible();
  await expect(history.getByText(/51\s+sessions match/)).toBeVisible();
  expect(await db.query(`SELECT id FROM "TrainingSession" WHERE "userId" = $1`, [athlete.id])).toHaveLength(158);
});

test("bad addresses show the history with defaults, and sorting is kept in the address", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("History urls");
  await seedHistory(db, athlete.id);
  await login(page, athlete.email);
  const response = await page.goto("/athlete/sessions?page=-4&type=SWIM&from=2025-13-45&sort=pace&dir=sideways&q=%00");
  expect(response?.status()).toBe(200);
  const history = page.getByRole("region", { name: "All sessions" });
  await expect(history.getByRole("table")).toHaveAccessibleName("Sessions 1–50 of 160, newest first");

  const filters = history.getByRole("search", { name: "Filter and sort sessions" });
  await filters.getByLabel("Sort by").selectOption("load");
  await filters.getByLabel("Order").selectOption("asc");
  await filters.getByRole("button", { name: "Show sessions" }).click();
  await expect(page).toHaveURL(/sort=load&dir=asc/);
  await expect(history.getByRole("table")).toHaveAccessibleName("Sessions 1–50 of 160, by load, smallest first");
  await expect(history.getByRole("columnheader", { name: "Load" })).toHaveAttribute("aria-sort", "ascending");
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filters and deletes after the server's confirmation", async ({ page, browser, db }) => {
    const { athlete } = await db.squadWithAthlete("History plain");
    await seedHistory(db, athlete.id);
    // Logged in with JavaScript, then the same session in this page without it.
    const withScript = await loggedInPage(browser, athlete.email);
    await page.context().addCookies(await withScript.context().cookies());
    await withScript.context().close();
    await page.goto("/athlete/sessions?type=CORE&q=hill");
    const history = page.getByRole("region", { name: "All sessions" });
    await expect(history.getByText(/27\s+sessions match/)).toBeVisible();
    const rows = history.getByRole("table").getByRole("row").filter({ has: page.getByRole("checkbox", { name: /^Tick Core/ }) });
    await rows.nth(0).getByRole("checkbox").check();
    await history.getByRole("button", { name: "Delete ticked sessions" }).click();
    await expect(history.getByRole("heading", { name: "Delete 1 session? This cannot be undone." })).toBeVisible();
    expect(await db.query(`SELECT id FROM "TrainingSession" WHERE "userId" = $1`, [athlete.id])).toHaveLength(160);
    await history.getByRole("button", { name: "Delete 1 session" }).click();
    await expect(history.getByText("1 session deleted.")).toBeVisible();
    expect(await db.query(`SELECT id FROM "TrainingSession" WHERE "userId" = $1`, [athlete.id])).toHaveLength(159);
  });
});
