import { test, expect, login } from "./fixtures";

test("a NUL pasted into a session's notes is refused with a message on the field, not the error page", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("Nul");
  await login(page, athlete.email);
  await page.goto("/athlete/sessions");

  await page.getByLabel("Duration").fill("40");
  await page.getByLabel("Distance (km)").fill("8");
  // As a paste from another program would leave it: a NUL in the middle of the text.
  await page.getByLabel("Notes (optional)").evaluate((el) => {
    (el as HTMLTextAreaElement).value = "felt good\u0000 after the hills";
  });
  await page.getByRole("button", { name: "Save session" }).click();

  await expect(page.locator("#field-notes-error")).toHaveText("Remove the control characters from this field");
  await expect(page.getByText(/went wrong/)).toHaveCount(0);
  await expect(page.getByRole("heading", { name: "Something went wrong" })).toHaveCount(0);
  expect(await db.query(`SELECT id FROM "TrainingSession" WHERE "userId" = $1`, [athlete.id])).toHaveLength(0);

  // Without it, the same session saves.
  await page.getByLabel("Notes (optional)").fill("felt good after the hills");
  await page.getByRole("button", { name: "Save session" }).click();
  await expect(page.getByText("Session saved.")).toBeVisible();
  expect(await db.query(`SELECT notes FROM "TrainingSession" WHERE "userId" = $1`, [athlete.id])).toEqual([{ notes: "felt good after the hills" }]);
});
