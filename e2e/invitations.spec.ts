import { test, expect, login, loggedInPage, uniqueEmail } from "./fixtures";

test("a coach invites an athlete, who joins once with the link", async ({ page, browser, db }) => {
  const coach = await db.createUser("Coach Inviter");
  const squad = await db.createSquad(`Harbour Harriers ${Date.now()}`, coach.id);
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}`);
  await page.getByLabel("Who is it for? (optional)").fill("Lucía");
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const linkBox = page.getByLabel("Invitation link");
  await expect(linkBox).toHaveValue(/\/invite\/[\w-]{40,}$/);
  const link = await linkBox.inputValue();

  const invitee = await (await browser.newContext()).newPage();
  await invitee.goto(link);
  await expect(invitee.getByRole("heading", { name: `Join ${squad.name}` })).toBeVisible();
  await invitee.getByLabel("Your name").fill("Lucía Runner");
  const email = uniqueEmail("lucia");
  await invitee.getByLabel("Email").fill(email);
  await invitee.getByLabel("Choose a password").fill("lucia's password");
  await invitee.getByRole("button", { name: "Join the squad" }).click();
  await expect(invitee).toHaveURL(/\/athlete$/);
  await expect(invitee.getByRole("heading", { name: "Hello, Lucía Runner" })).toBeVisible();
  await expect(invitee.getByText(squad.name)).toBeVisible();

  await page.goto("/coach");
  await expect(page.getByRole("link", { name: "Lucía Runner" })).toBeVisible();
  await page.goto(`/coach/squads/${squad.id}`);
  await expect(page.getByRole("row", { name: /Lucía.*used by Lucía Runner/ })).toBeVisible();

  const stranger = await (await browser.newContext()).newPage();
  await stranger.goto(link);
  await expect(stranger.getByText("This invitation link has already been used.")).toBeVisible();
});

test("an expired link gets a clear page", async ({ page, db }) => {
  const { squad } = await db.squadWithAthlete("Expired");
  const token = await db.createInvitation(squad.id, { expiresAt: new Date(Date.now() - 60_000) });
  await page.goto(`/invite/${token}`);
  await expect(page.getByRole("heading", { name: "This invitation cannot be used" })).toBeVisible();
  await expect(page.getByText(/has expired \(links last 7 days\)/)).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveCount(0);
});

test("a revoked link and a made-up link get clear pages", async ({ page, db }) => {
  const coach = await db.createUser("Coach Revoker");
  const squad = await db.createSquad(`Revokers ${Date.now()}`, coach.id);
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}`);
  await page.getByRole("button", { name: "Create invitation link" }).click();
  const link = await page.getByLabel("Invitation link").inputValue();
  await page.getByRole("button", { name: "Revoke", exact: true }).click();
  await expect(page.getByRole("cell", { name: "revoked" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Revoke", exact: true })).toHaveCount(0);

  await page.goto(link);
  await expect(page.getByText(/withdrawn by the coach/)).toBeVisible();
  await page.goto(`/invite/${"a".repeat(43)}`);
  await expect(page.getByText(/This invitation link is not valid/)).toBeVisible();
});

test("a coach removes an athlete, who loses the squad but keeps their account and data, and joins another", async ({ page, browser, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Removal");
  await db.createSession(athlete.id, { distanceKm: 17.3 });
  const other = await db.createUser("Stays On");
  await db.addMember(squad.id, other.id, "ATHLETE");
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}`);
  // Cancelling the confirmation removes nobody.
  await page.getByRole("link", { name: `Remove ${athlete.name}` }).click();
  const confirm = page.getByRole("region", { name: `Remove ${athlete.name} from ${squad.name}?` });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByText("Their data stays with them; you lose access.", { exact: false })).toBeVisible();
  await confirm.getByRole("link", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(page.getByRole("link", { name: athlete.name, exact: true })).toBeVisible();
  // The confirmation names the athlete whose button was pressed, and only they go.
  await page.getByRole("link", { name: `Remove ${athlete.name}` }).click();
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("status").filter({ hasText: `${athlete.name} was removed from ${squad.name}. Their data stays with them.` })).toBeVisible();
  await expect(page.getByRole("link", { name: athlete.name, exact: true })).toHaveCount(0);
  // Undo puts them back as they were; removing them again is one more confirmation away.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText(`${athlete.name} is back in ${squad.name}, as before.`)).toBeVisible();
  await expect(page.getByRole("link", { name: athlete.name, exact: true })).toBeVisible();
  await page.getByRole("link", { name: `Remove ${athlete.name}` }).click();
  await confirm.getByRole("button", { name: "Confirm" }).click();
  await expect(page.getByRole("button", { name: "Undo" })).toBeVisible();
  await expect(page.getByRole("link", { name: athlete.name, exact: true })).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("link", { name: athlete.name, exact: true })).toHaveCount(0);
  await expect(page.getByRole("link", { name: other.name, exact: true })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Athletes (1)" })).toBeVisible();

  const athletePage = await loggedInPage(browser, athlete.email);
  const response = await athletePage.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}`);
  expect(response?.status()).toBe(404);
  // The athlete's own pages still open, with their data and a word on what happened.
  const home = await athletePage.goto("/athlete");
  expect(home?.status()).toBe(200);
  await expect(athletePage.getByText("You are not in a squad at the moment.")).toBeVisible();
  await athletePage.goto("/athlete/sessions");
  await expect(athletePage.getByRole("cell", { name: "17.3 km" })).toBeVisible();
  // Another coach's invitation brings them into a new squad, history and all.
  const next = await db.squadWithAthlete("Next squad");
  const token = await db.createInvitation(next.squad.id);
  await athletePage.goto(`/invite/${token}`);
  await athletePage.getByRole("button", { name: `Join as ${athlete.name}` }).click();
  await expect(athletePage).toHaveURL(/\/athlete$/);
  await expect(athletePage.getByText("You are not in a squad at the moment.")).toHaveCount(0);
  await expect(athletePage.getByRole("listitem").filter({ hasText: next.squad.name })).toBeVisible();
  expect(await db.query(`SELECT id FROM "TrainingSession" WHERE "userId" = $1`, [athlete.id])).toHaveLength(1);
});
