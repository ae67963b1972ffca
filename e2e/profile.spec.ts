import { test, expect, login, loggedInPage } from "./fixtures";

test("an athlete edits the profile, bad values are refused, and the coach reads it", async ({ page, browser, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Profile");
  await login(page, athlete.email);
  await page.goto("/athlete/profile");

  await page.getByLabel("Height (cm)").fill("500");
  await page.getByLabel("Leg-length difference (mm)").fill("12");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Height must be at most 230")).toBeVisible();
  const rows = await db.query<{ heightCm: number | null }>(`SELECT "heightCm" FROM "AthleteProfile" WHERE "userId" = $1`, [athlete.id]);
  expect(rows[0].heightCm).toBeNull();

  await page.getByLabel("Birth date").fill("1979-04-02");
  await page.getByLabel("Height (cm)").fill("172");
  await page.getByLabel("Footprint type").selectOption("PRONATOR");
  await page.getByLabel("Desk work").check();
  await page.getByLabel("Lumbar hyperlordosis").check();
  await page.getByLabel("Injury and back-pain history").fill("Lower back stiffness after long runs in 2024.");
  await page.getByRole("button", { name: "Save profile" }).click();
  await expect(page.getByText("Profile saved.")).toBeVisible();

  const coachPage = await loggedInPage(browser, coach.email);
  await coachPage.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}?tab=profile`);
  await expect(coachPage.getByText("Pronator", { exact: true })).toBeVisible();
  await expect(coachPage.getByText("12 mm", { exact: true })).toBeVisible();
  await expect(coachPage.getByText("Desk work", { exact: true })).toBeVisible();
  await expect(coachPage.getByText("Lumbar hyperlordosis", { exact: true })).toBeVisible();
  await expect(coachPage.getByText("Lower back stiffness after long runs in 2024.")).toBeVisible();
});

test("retiring a shoe asks first, can be cancelled, and can be undone", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("ShoeRetire");
  await db.query(`INSERT INTO "Shoe" (id, "userId", name, "initialKm", "updatedAt") VALUES ($1, $2, 'Pegasus 40', 120, now())`, [
    `e2eshoe${athlete.id}`,
    athlete.id,
  ]);
  const retiredAt = async () =>
    (await db.query<{ retiredAt: Date | null }>(`SELECT "retiredAt" FROM "Shoe" WHERE "userId" = $1`, [athlete.id]))[0].retiredAt;
  await login(page, athlete.email);
  await page.goto("/athlete/shoes");

  const question = page.getByText("Retire Pegasus 40? It stays in your history and stops counting towards its distance limit.");
  const retire = page.locator("summary").filter({ hasText: "Retire Pegasus 40" });
  await expect(question).toBeHidden();
  // The first step only asks; "Cancel" leaves the shoe as it was.
  await retire.click();
  await expect(question).toBeVisible();
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(question).toBeHidden();
  expect(await retiredAt()).toBeNull();

  // By keyboard: open the question, confirm.
  await retire.focus();
  await page.keyboard.press("Enter");
  await expect(question).toBeVisible();
  await page.getByRole("button", { name: /^Confirm\b.*Retire Pegasus 40$/ }).click();
  await expect(page.getByText("Pegasus 40 retired.")).toBeVisible();
  await expect(page.getByText("retired", { exact: true })).toBeVisible();
  expect(await retiredAt()).not.toBeNull();

  const undo = page.getByRole("button", { name: /^Undo\b.*Pegasus 40$/ });
  await expect(undo).toBeFocused();
  await undo.click();
  await expect(page.getByText("Pegasus 40 is back in use.")).toBeVisible();
  await expect(retire).toBeVisible();
  expect(await retiredAt()).toBeNull();
});

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("the shoe's retire question still opens, and confirming retires it", async ({ page, db }) => {
    const { athlete } = await db.squadWithAthlete("ShoeNoJs");
    await db.query(`INSERT INTO "Shoe" (id, "userId", name, "initialKm", "updatedAt") VALUES ($1, $2, 'Road pair', 0, now())`, [
      `e2eshoe${athlete.id}`,
      athlete.id,
    ]);
    await login(page, athlete.email);
    await page.goto("/athlete/shoes");
    await page.locator("summary").filter({ hasText: "Retire Road pair" }).click();
    await expect(page.getByText("Retire Road pair? It stays in your history")).toBeVisible();
    await page.getByRole("button", { name: /^Confirm\b.*Retire Road pair$/ }).click();
    await expect(page.getByText("retired", { exact: true })).toBeVisible();
    const [shoe] = await db.query<{ retiredAt: Date | null }>(`SELECT "retiredAt" FROM "Shoe" WHERE "userId" = $1`, [athlete.id]);
    expect(shoe.retiredAt).not.toBeNull();
  });
});
