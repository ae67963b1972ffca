import { readFileSync } from "node:fs";
import path from "node:path";
import { test, expect, login, loggedInPage } from "./fixtures";

const fixture = (name: string) => path.resolve(__dirname, "../lib/imports/fixtures", name);

test("an athlete previews and imports a FIT and a GPX; a broken file is explained; a second import adds nothing", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("Importer");
  await login(page, athlete.email);
  await page.goto("/athlete/import");
  const files = [
    fixture("fit/garmin_fenix2_run_hr.fit"),
    fixture("gpx/garmin_connect_run_hr.gpx"),
    fixture("tcx/broken_malformed_fr410.tcx"),
  ];
  await page.getByLabel("Files").setInputFiles(files);
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText("2 to add, 0 skipped, 0 already there, 1 cannot be read.")).toBeVisible();
  await expect(page.getByRole("row", { name: /Cannot be read.*broken_malformed_fr410\.tcx.*root element/ })).toBeVisible();
  expect(await db.query(`SELECT id FROM "TrainingSession" WHERE "userId" = $1`, [athlete.id])).toHaveLength(0);

  await page.getByRole("button", { name: "Import 2 sessions" }).click();
  await expect(page.getByText("Imported 2 sessions.")).toBeVisible();
  const stored = await db.query<{ source: string; distanceKm: number }>(
    `SELECT source::text, "distanceKm" FROM "TrainingSession" WHERE "userId" = $1 ORDER BY "localDate"`,
    [athlete.id],
  );
  expect(stored.map((s) => s.source)).toEqual(["GPX", "FIT"]);
  expect(stored[1].distanceKm).toBeCloseTo(9.01, 1);

  await page.goto("/athlete/import");
  await page.getByLabel("Files").setInputFiles(files.slice(0, 2));
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText("0 to add, 0 skipped, 2 already there, 0 cannot be read. Nothing new to import.")).toBeVisible();
  await expect(page.getByRole("button", { name: /Import \d+ session/ })).toHaveCount(0);
});

test("upload handlers refuse anonymous callers and other people's previews", async ({ page, browser, db, playwright, baseURL }) => {
  const a = await db.squadWithAthlete("ImportOwner");
  const b = await db.squadWithAthlete("ImportOther");
  const anonymous = await playwright.request.newContext({ baseURL });
  expect((await anonymous.post("/api/imports/preview", { multipart: { files: { name: "a.gpx", mimeType: "application/gpx+xml", buffer: Buffer.from("<gpx/>") } } })).status()).toBe(401);
  expect((await anonymous.post("/api/imports/x/commit")).status()).toBe(401);

  await login(page, a.athlete.email);
  const preview = await page.request.post("/api/imports/preview", {
    multipart: { files: { name: "run.gpx", mimeType: "application/gpx+xml", buffer: readFileSync(fixture("gpx/garmin_connect_run_hr.gpx")) } },
  });
  expect(preview.status()).toBe(200);
  const { batchId } = await preview.json();
  expect(batchId).toBeTruthy();

  const other = await loggedInPage(browser, b.athlete.email);
  expect((await other.request.post(`/api/imports/${batchId}/commit`)).status()).toBe(404);
  const coach = await loggedInPage(browser, a.coach.email);
  expect((await coach.request.post(`/api/imports/${batchId}/commit`)).status()).toBe(404);
  expect(await db.query(`SELECT id FROM "TrainingSession" WHERE "userId" = $1`, [a.athlete.id])).toHaveLength(0);

  const empty = await page.request.post("/api/imports/preview", { multipart: { note: "no files" } });
  expect(empty.status()).toBe(422);
  expect((await empty.json()).error.message).toBe("Choose at least one file to import.");
});

test("an athlete removes a committed import as a whole from the import history", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("Undoer");
  await db.createSession(athlete.id, { distanceKm: 5 });
  await login(page, athlete.email);
  await page.goto("/athlete/import");
  await expect(page.getByText("No imports yet.")).toBeVisible();
  await page.getByLabel("Files").setInputFiles([fixture("fit/garmin_fenix2_run_hr.fit"), fixture("gpx/garmin_connect_run_hr.gpx")]);
  await page.getByRole("button", { name: "Preview import" }).click();
  await page.getByRole("button", { name: "Import 2 sessions" }).click();
  await expect(page.getByText("Imported 2 sessions.")).toBeVisible();
  const history = page.getByRole("table", { name: "Your imports, newest first" });
  await expect(history.getByRole("row").nth(1)).toContainText("2 sessions");
  await expect(history.getByRole("row").nth(1)).toContainText("2 files");
  expect(await db.query(`SELECT id FROM "TrainingSession" WHERE "userId" = $1`, [athlete.id])).toHaveLength(3);

  // Cancelling the confirmation removes nothing.
  page.once("dialog", (dialog) => dialog.dismiss());
  await history.getByRole("button", { name: /Remove this import/ }).click();
  expect(await db.query(`SELECT id FROM "TrainingSession" WHERE "userId" = $1`, [athlete.id])).toHaveLength(3);
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toMatch(/^Remove the import of .*\? Its 2 sessions are deleted/);
    void dialog.accept();
  });
  await history.getByRole("button", { name: /Remove this import/ }).click();
  await expect(page.getByText("Import removed: 2 sessions deleted and your totals updated.")).toBeVisible();
  await page.reload();
  await expect(history.getByRole("row").nth(1)).toContainText(/Removed .* \(2 sessions\)/);
  await expect(history.getByRole("button", { name: /Remove this import/ })).toHaveCount(0);
  // The session logged by hand stays.
  expect(await db.query(`SELECT source::text FROM "TrainingSession" WHERE "userId" = $1`, [athlete.id])).toEqual([{ source: "MANUAL" }]);
});
