import path from "node:path";
import { test, expect, login, loggedInPage, answerPainQuestions } from "./fixtures";

const fixture = (name: string) => path.resolve(__dirname, "../lib/imports/fixtures", name);
const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);

test("a coach logs a session and a back-pain report for an athlete, who sees who entered them; the coach sees the athlete's change", async ({ page, browser, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Entry");
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}`);
  await page.getByRole("link", { name: `Log a session or a back-pain report for ${athlete.name}` }).click();
  await expect(page.getByRole("heading", { name: `Log for ${athlete.name}` })).toBeVisible();

  const sessionForm = page.getByRole("region", { name: "Log a session" });
  await sessionForm.getByLabel("Date").fill(daysAgo(1));
  await sessionForm.getByLabel("Duration").fill("50");
  await sessionForm.getByLabel("Distance (km)").fill("10");
  await sessionForm.getByLabel("Effort (RPE, about 30 min after)").selectOption("6");
  await sessionForm.getByRole("button", { name: "Save session" }).click();
  await expect(page.getByText("Session saved. The athlete sees it with your name.")).toBeVisible();

  // The same form and triage as the athlete's own report, worded for the coach.
  const painForm = page.getByRole("region", { name: "Report back pain" });
  await painForm.getByRole("radiogroup", { name: "Where does it hurt?" }).getByRole("radio", { name: "Lower back, centre", exact: true }).click();
  await painForm.getByRole("group", { name: /How strong is the pain/ }).getByRole("radio", { name: /^5\b/ }).check();
  await painForm.getByRole("group", { name: "When does it hurt most?" }).getByRole("radio", { name: "After the run" }).check();
  await answerPainQuestions(page, { yes: ["Do you have a fever or chills now?"] });
  await painForm.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByRole("heading", { name: "See a clinician" })).toBeVisible();
  await expect(page.getByText("The athlete should book an appointment with a doctor soon")).toBeVisible();
  await expect(page.getByText(/The athlete's plan is held from the report's day/)).toBeVisible();

  const entries = page.getByRole("table", { name: /What you entered for/ });
  await page.reload();
  await expect(entries.getByRole("row")).toHaveCount(3);
  await expect(entries.getByRole("row", { name: /Run, .*As you entered it/ })).toBeVisible();

  // The athlete sees the coach's name on both, and the referral on their home.
  const athletePage = await loggedInPage(browser, athlete.email);
  await athletePage.goto("/athlete");
  await expect(athletePage.getByRole("heading", { name: "See a clinician" }).first()).toBeVisible();
  await athletePage.goto("/athlete/pain");
  await expect(athletePage.getByText(`Reported for you by ${coach.name}`)).toBeVisible();
  await athletePage.goto("/athlete/sessions");
  const history = athletePage.getByRole("region", { name: "All sessions" });
  await expect(history.getByText(`Entered by ${coach.name}`)).toBeVisible();
  await history.getByRole("link", { name: "Run" }).click();
  await expect(athletePage.getByText(`Entered for you by ${coach.name}`)).toBeVisible();
  await athletePage.getByLabel("Duration").fill("55");
  await athletePage.getByRole("button", { name: "Save changes" }).click();
  await expect(athletePage).toHaveURL(/\/athlete\/sessions\?saved=1/);

  await page.reload();
  await expect(entries.getByRole("row", { name: /Run, .*Changed by the athlete/ })).toBeVisible();
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}?tab=sessions`);
  await expect(page.getByText(/Entered by you; changed by the athlete/)).toBeVisible();
  await athletePage.context().close();
});

test("a coach imports a file for an athlete through the same preview; a clinician reports pain only; another squad's coach gets 404", async ({ page, browser, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("EntryImport");
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}/log`);
  await page.getByRole("link", { name: `Import activity files for ${athlete.name}` }).click();
  await page.getByLabel("Files").setInputFiles(fixture("gpx/garmin_connect_run_hr.gpx"));
  await page.getByRole("button", { name: "Preview import" }).click();
  await expect(page.getByText("1 to add, 0 skipped, 0 already there, 0 cannot be read.")).toBeVisible();
  await page.getByRole("button", { name: "Import 1 session" }).click();
  await expect(page.getByText("Imported 1 session.")).toBeVisible();
  const [stored] = await db.query<{ userId: string; enteredById: string; source: string }>(
    `SELECT "userId", "enteredById", source::text FROM "TrainingSession" WHERE "userId" = $1`,
    [athlete.id],
  );
  expect(stored).toEqual({ userId: athlete.id, enteredById: coach.id, source: "GPX" });

  const physio = await db.createUser("Physio EntryImport");
  await db.addMember(squad.id, physio.id, "CLINICIAN");
  const physioPage = await loggedInPage(browser, physio.email);
  await physioPage.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}/log`);
  await expect(physioPage.getByRole("region", { name: "Report back pain" })).toBeVisible();
  await expect(physioPage.getByRole("region", { name: "Log a session" })).toHaveCount(0);
  expect((await physioPage.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}/import`))?.status()).toBe(404);
  await physioPage.context().close();

  const other = await db.squadWithAthlete("EntryOutsider");
  const outsider = await loggedInPage(browser, other.coach.email);
  expect((await outsider.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}/log`))?.status()).toBe(404);
  // The upload handler refuses an athlete the caller does not coach.
  const refused = await outsider.request.post("/api/imports/preview", {
    multipart: { squadId: squad.id, athleteId: athlete.id, files: { name: "a.gpx", mimeType: "application/gpx+xml", buffer: Buffer.from("<gpx/>") } },
  });
  expect(refused.status()).toBe(404);
  await outsider.context().close();
});
