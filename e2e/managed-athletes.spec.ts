import { test, expect, loggedInPage, uniqueEmail } from "./fixtures";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** A calendar day as the English pages write it ("2 Dec 2026"). */
const shownDay = (date: string) =>
  new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" }).format(new Date(`${date}T00:00:00Z`));

test("a coach keeps an athlete without an account, who later claims the profile with its history", async ({ browser, db }) => {
  const coach = await db.createUser("Coach Keeper");
  const squad = await db.createSquad(`Valley Striders ${Date.now()}`, coach.id);
  const name = `Nerea Kept ${Date.now() % 100_000}`;
  const page = await loggedInPage(browser, coach.email);

  await page.goto(`/coach/squads/${squad.id}`);
  await page.getByLabel("Athlete's name").fill(name);
  await page.getByLabel("Birth date (optional)").fill("2003-06-01");
  await page.getByLabel("Sex").selectOption("FEMALE");
  await page.getByRole("button", { name: "Add athlete" }).click();
  await expect(page.getByText(`${name} was added to the squad without a login.`)).toBeVisible();
  const row = page.getByRole("row", { name: new RegExp(name) });
  await expect(row.getByText("No login", { exact: true })).toBeVisible();
  await expect(row.getByText("No login yet")).toBeVisible();
  await expect(page.getByText("@backbone.invalid")).toHaveCount(0);

  // The coach logs the athlete's week from the athlete's page, with the athlete's own session form.
  const [{ id: athleteId }] = await db.query<{ id: string }>(`SELECT id FROM "User" WHERE name = $1`, [name]);
  await page.goto(`/coach/squads/${squad.id}/athletes/${athleteId}`);
  await expect(page.getByRole("heading", { name, level: 1 })).toBeVisible();
  await page.getByRole("link", { name: `Log a session or a back-pain report for ${name}` }).click();
  const sessionForm = page.getByRole("region", { name: "Log a session" });
  for (const offset of [-5, -3, -1]) {
    await sessionForm.getByLabel("Date").fill(day(offset));
    await sessionForm.getByLabel("Duration").fill("40");
    await sessionForm.getByLabel("Distance (km)").fill("8");
    await sessionForm.getByLabel("Notes (optional)").fill(`kept week run ${offset}`);
    await sessionForm.getByRole("button", { name: "Save session" }).click();
    await expect(page.getByRole("row", { name: new RegExp(`Run, ${shownDay(day(offset))}.*As you entered it`) })).toBeVisible();
  }
  await page.goto(`/coach/squads/${squad.id}/athletes/${athleteId}/plan`);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();

  await page.goto(`/coach/squads/${squad.id}`);
  await row.getByRole("link", { name: /Login and data/ }).click();
  await expect(page.getByRole("heading", { name: `Login and data of ${name}` })).toBeVisible();
  await page.getByRole("button", { name: "Create a link to set up their login" }).click();
  const linkBox = page.getByLabel("Link to set up their login");
  await expect(linkBox).toHaveValue(/\/claim\/[\w-]{40,}$/);
  const link = await linkBox.inputValue();

  const athlete = await (await browser.newContext()).newPage();
  await athlete.goto(link);
  await expect(athlete.getByRole("heading", { name: "Set up your login" })).toBeVisible();
  await expect(athlete.getByLabel("Your name")).toHaveValue(name);
  const email = uniqueEmail("nerea");
  await athlete.getByLabel("Email").fill(email);
  await athlete.getByLabel("Choose a password").fill("nerea's password");
  await athlete.getByRole("button", { name: "Set up my login" }).click();
  await expect(athlete).toHaveURL(/\/athlete$/);
  await athlete.goto("/athlete/sessions");
  for (const offset of [-5, -3, -1]) await expect(athlete.getByText(`kept week run ${offset}`)).toBeVisible();

  // The same person, the same history: the coach now sees their email, and the link is spent.
  await page.goto(`/coach/squads/${squad.id}`);
  await expect(page.getByRole("row", { name: new RegExp(name) }).getByText(email)).toBeVisible();
  const again = await (await browser.newContext()).newPage();
  await again.goto(link);
  await expect(again.getByRole("heading", { name: "This link cannot be used" })).toBeVisible();
});

test("someone logged in is asked to log out before claiming, and nothing changes", async ({ browser, db }) => {
  const { coach, squad } = await db.squadWithAthlete("Claim Signed In");
  const kept = await db.createManagedAthlete(squad.id, "Iker Kept");
  const page = await loggedInPage(browser, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${kept.id}/account`);
  await page.getByRole("button", { name: "Create a link to set up their login" }).click();
  const link = await page.getByLabel("Link to set up their login").inputValue();
  await page.goto(link);
  await expect(page.getByText(/This link is for setting up a new login\. Log out first/)).toBeVisible();
  await expect(page.getByRole("button", { name: "Set up my login" })).toHaveCount(0);
  const [{ hasLogin }] = await db.query<{ hasLogin: boolean }>(`SELECT "hasLogin" FROM "User" WHERE id = $1`, [kept.id]);
  expect(hasLogin).toBe(false);
});

test("a coach downloads and deletes an athlete kept without a login", async ({ browser, db }) => {
  const { coach, squad } = await db.squadWithAthlete("Kept Delete");
  const kept = await db.createManagedAthlete(squad.id, "Olatz Kept");
  await db.createSession(kept.id, { notes: "olatz run" });
  const page = await loggedInPage(browser, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${kept.id}/account`);
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: /Download all of Olatz Kept['’]s data/ }).click();
  expect((await download).suggestedFilename()).toBe("backbone-data-olatz-kept.zip");

  await page.getByLabel("Type Olatz Kept to confirm").fill("Olatz");
  await page.getByRole("button", { name: "Delete Olatz Kept and their data" }).click();
  await expect(page.getByText("That is not the athlete's name: type Olatz Kept")).toBeVisible();
  await page.getByLabel("Type Olatz Kept to confirm").fill("Olatz Kept");
  await page.getByRole("button", { name: "Delete Olatz Kept and their data" }).click();
  await expect(page).toHaveURL(new RegExp(`/coach/squads/${squad.id}$`));
  await expect(page.getByRole("link", { name: "Olatz Kept" })).toHaveCount(0);
  expect(await db.query(`SELECT id FROM "User" WHERE id = $1`, [kept.id])).toEqual([]);
});
