import { test, expect, login } from "./fixtures";
import { expectNotFound } from "./coach-fixtures";
import { addDays, day, mondayOf, squadWithAthletes } from "./plan-fixtures";

// Last week: every day of it is past for athletes in UTC, whatever today is.
const MONDAY = mondayOf(addDays(day(0), -7));
const WEEK = Array.from({ length: 7 }, (_, i) => addDays(MONDAY, i));
const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const dayLabel = (date: string) => `${WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()]} ${Number(date.slice(8))}`;
const field = (athlete: string, date: string, which: "distance (km)" | "minutes" | "RPE") => `${athlete}, ${dayLabel(date)}: ${which}`;

type Row = { name: string; date: string; distanceKm: number; durationMin: number; rpe: number | null; enteredById: string | null };

test("the coach types three cells, pastes a 3 x 7 block and saves the week", async ({ page, db }) => {
  const { coach, squad, athletes } = await squadWithAthletes(db, "Grid", ["Ana", "Ben", "Cleo"]);
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}`);
  await page.getByRole("link", { name: "Training log" }).click();
  await expect(page.getByRole("heading", { level: 1, name: /^Training log: week of/ })).toBeVisible();
  await page.getByRole("link", { name: "← Previous week" }).click();
  await expect(page).toHaveURL(new RegExp(`week=${MONDAY}`));

  // A block as a spreadsheet copies it: tabs between days, a line per athlete, distance/minutes/RPE in each.
  const block = athletes.map((_, r) => WEEK.map((_, d) => `${r + d + 1}/${30 + d}/${(r + d) % 10}`).join("\t")).join("\n") + "\n";
  const start = page.getByLabel(field("Ana Grid", MONDAY, "distance (km)"));
  await start.focus();
  await page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    document.activeElement?.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, block);
  await expect(page.getByText("Pasted into 21 cells; save to keep them.")).toBeVisible();
  await expect(page.getByLabel(field("Cleo Grid", WEEK[6], "distance (km)"))).toHaveValue("9");
  await expect(page.getByLabel(field("Cleo Grid", WEEK[6], "minutes"))).toHaveValue("36");

  // Then Monday by keyboard: type, Tab, Enter back under where the Tabs started, arrows across and up.
  await page.getByLabel(field("Ana Grid", MONDAY, "minutes")).focus();
  await page.keyboard.press("ArrowLeft");
  await expect(start).toBeFocused();
  await page.keyboard.type("12");
  await page.keyboard.press("Tab");
  await page.keyboard.type("61");
  await page.keyboard.press("Tab");
  await page.keyboard.type("7");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel(field("Ben Grid", MONDAY, "distance (km)"))).toBeFocused();
  await page.keyboard.type("10.5");
  await page.keyboard.press("Enter");
  await expect(page.getByLabel(field("Cleo Grid", MONDAY, "distance (km)"))).toBeFocused();
  await page.keyboard.type("6");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByLabel(field("Cleo Grid", MONDAY, "minutes"))).toBeFocused();
  await page.keyboard.type("1:05");
  await page.keyboard.press("ArrowUp");
  await expect(page.getByLabel(field("Ben Grid", MONDAY, "minutes"))).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByLabel(field("Ben Grid", MONDAY, "distance (km)"))).toBeFocused();

  await page.getByRole("button", { name: "Save the week" }).click();
  await expect(page.getByText("Saved: 21 sessions added.")).toBeVisible();
  await expect(page.getByLabel(field("Ana Grid", MONDAY, "distance (km)"))).toHaveValue("12");
  await expect(page.getByLabel(field("Cleo Grid", WEEK[6], "RPE"))).toHaveValue("8");

  const rows = await db.query<Row>(
    `SELECT u.name, to_char(s."localDate", 'YYYY-MM-DD') AS date, s."distanceKm", s."durationMin", s.rpe, s."enteredById"
     FROM "TrainingSession" s JOIN "User" u ON u.id = s."userId" WHERE s."userId" = ANY($1) ORDER BY u.name, s."localDate"`,
    [athletes.map((a) => a.id)],
  );
  expect(rows).toHaveLength(21);
  expect(rows.every((r) => r.enteredById === coach.id)).toBe(true);
  expect(rows.filter((r) => r.date === MONDAY).map((r) => [r.name, r.distanceKm, r.durationMin, r.rpe])).toEqual([
    ["Ana Grid", 12, 61, 7],
    ["Ben Grid", 10.5, 30, 1],
    ["Cleo Grid", 6, 65, 2],
  ]);
  expect(rows.find((r) => r.name === "Ben Grid" && r.date === WEEK[3])).toMatchObject({ distanceKm: 5, durationMin: 33, rpe: 4 });

  // Emptying a run the coach entered marks it, and the save deletes it.
  await page.getByLabel(field("Ana Grid", WEEK[2], "distance (km)")).fill("");
  await page.getByLabel(field("Ana Grid", WEEK[2], "minutes")).fill("");
  await page.getByLabel(field("Ana Grid", WEEK[2], "RPE")).fill("");
  await expect(page.getByText("Deleted when you save")).toBeVisible();
  await page.getByRole("button", { name: "Save the week" }).click();
  await expect(page.getByText("Saved: 1 deleted.")).toBeVisible();
  expect(await db.query(`SELECT 1 FROM "TrainingSession" WHERE "userId" = ANY($1)`, [athletes.map((a) => a.id)])).toHaveLength(20);
});

test("a bad cell is named on the cell and at the top, and nothing is saved", async ({ page, db }) => {
  const { coach, squad, athletes } = await squadWithAthletes(db, "GridBad", ["Dora", "Eli"]);
  await db.createSession(athletes[1].id, { date: WEEK[3], distanceKm: 9 });
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/log?week=${MONDAY}`);
  // Eli's own session is shown, not offered for editing.
  await expect(page.getByText("Run, 9.0 km, 40 min, RPE 5")).toBeVisible();
  await expect(page.getByText("logged by the athlete")).toBeVisible();
  await expect(page.getByLabel(field("Eli GridBad", WEEK[3], "distance (km)"))).toHaveCount(0);

  await page.getByLabel(field("Dora GridBad", WEEK[0], "distance (km)")).fill("8");
  await page.getByLabel(field("Dora GridBad", WEEK[0], "minutes")).fill("45");
  await page.getByLabel(field("Dora GridBad", WEEK[1], "distance (km)")).fill("8");
  await page.getByLabel(field("Dora GridBad", WEEK[1], "minutes")).fill("forty");
  await page.getByRole("button", { name: "Save the week" }).click();
  await expect(page.getByText("Nothing was saved: 1 cell needs a correction.")).toBeVisible();
  await expect(page.getByRole("alert").getByRole("link", { name: "Dora GridBad, Tue: enter minutes as a number" })).toBeVisible();
  const minutes = page.getByLabel(field("Dora GridBad", WEEK[1], "minutes"));
  await expect(minutes).toHaveAttribute("aria-invalid", "true");
  await expect(minutes).toHaveValue("forty");
  await expect(page.getByLabel(field("Dora GridBad", WEEK[0], "minutes"))).toHaveValue("45");
  expect(await db.query(`SELECT 1 FROM "TrainingSession" WHERE "userId" = $1`, [athletes[0].id])).toHaveLength(0);

  await minutes.fill("40");
  await page.getByRole("button", { name: "Save the week" }).click();
  await expect(page.getByText("Saved: 2 sessions added.")).toBeVisible();
  expect(await db.query(`SELECT 1 FROM "TrainingSession" WHERE "userId" = $1`, [athletes[0].id])).toHaveLength(2);
});

test("a CSV log is previewed row by row, then added", async ({ page, db }) => {
  const { coach, squad, athletes } = await squadWithAthletes(db, "GridCsv", ["Finn", "Gus", "Hana"]);
  await db.createSession(athletes[2].id, { date: WEEK[1], distanceKm: 8 });
  const clinician = await db.createUser("Physio GridCsv");
  await db.addMember(squad.id, clinician.id, "CLINICIAN");
  const file = [
    "Email,Date,Type,Distance,Minutes,RPE,Notes",
    `${athletes[0].email},${WEEK[0]},run,10,50,6,=1+2`,
    `Gus GridCsv,${WEEK[1]},strength,,30,5,`,
    `Zed Nobody,${WEEK[1]},run,8,40,,`,
    `Hana GridCsv,${WEEK[1]},run,8,40,,`,
  ].join("\n");
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/log/import`);
  await page.getByLabel("Training log (CSV)").setInputFiles({ name: "log.csv", mimeType: "text/csv", buffer: Buffer.from(file) });
  await page.getByRole("button", { name: "Preview" }).click();
  await expect(page.getByText("2 will be added, 1 duplicate skipped, 1 rejected.")).toBeVisible();
  await expect(page.getByText("No athlete of this squad is called “Zed Nobody”")).toBeVisible();
  await expect(page.getByText("Hana GridCsv already has this session: skipped")).toBeVisible();
  await page.getByRole("button", { name: "Add 2 sessions" }).click();
  await expect(page.getByText("Added 2 sessions for 2 athletes.")).toBeVisible();
  const rows = await db.query<{ userId: string; notes: string | null; enteredById: string }>(
    `SELECT "userId", notes, "enteredById" FROM "TrainingSession" WHERE "userId" = ANY($1) AND "enteredById" IS NOT NULL ORDER BY "localDate"`,
    [athletes.map((a) => a.id)],
  );
  expect(rows).toEqual([
    { userId: athletes[0].id, notes: "=1+2", enteredById: coach.id },
    { userId: athletes[1].id, notes: null, enteredById: coach.id },
  ]);

  // The squad's clinician reads health data but does not log training: neither page nor upload is theirs.
  const other = await page.context().browser()!.newContext();
  const physio = await other.newPage();
  await login(physio, clinician.email);
  await expectNotFound(physio, `/coach/squads/${squad.id}/log`);
  await expectNotFound(physio, `/coach/squads/${squad.id}/log/import`);
  const upload = await physio.request.post(`/api/squads/${squad.id}/training-log`, {
    multipart: { intent: "preview", file: { name: "log.csv", mimeType: "text/csv", buffer: Buffer.from(file) } },
  });
  expect(upload.status()).toBe(404);
  await other.close();
});

test("without JavaScript the grid is a plain form: it saves, and names a bad cell", async ({ browser, db }) => {
  const { coach, squad, athletes } = await squadWithAthletes(db, "GridPlain", ["Iris"]);
  const signing = await browser.newContext();
  await login(await signing.newPage(), coach.email);
  const storageState = await signing.storageState();
  await signing.close();
  const context = await browser.newContext({ javaScriptEnabled: false, storageState });
  const page = await context.newPage();
  await page.goto(`/coach/squads/${squad.id}/log?week=${MONDAY}`);
  await page.getByLabel(field("Iris GridPlain", WEEK[0], "distance (km)")).fill("7");
  await page.getByLabel(field("Iris GridPlain", WEEK[0], "minutes")).fill("35");
  await page.getByLabel(field("Iris GridPlain", WEEK[1], "distance (km)")).fill("seven");
  await page.getByLabel(field("Iris GridPlain", WEEK[1], "minutes")).fill("35");
  await page.getByRole("button", { name: "Save the week" }).click();
  await expect(page.getByText("Iris GridPlain, Tue: enter the distance as a number")).toBeVisible();
  expect(await db.query(`SELECT 1 FROM "TrainingSession" WHERE "userId" = $1`, [athletes[0].id])).toHaveLength(0);
  await page.getByLabel(field("Iris GridPlain", WEEK[1], "distance (km)")).fill("7.5");
  await page.getByRole("button", { name: "Save the week" }).click();
  await expect(page.getByText("Saved: 2 sessions added.")).toBeVisible();
  expect(await db.query(`SELECT 1 FROM "TrainingSession" WHERE "userId" = $1`, [athletes[0].id])).toHaveLength(2);
  await context.close();
});
