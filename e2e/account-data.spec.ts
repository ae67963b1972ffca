import { unzipSync, strFromU8 } from "fflate";
import { test, expect, login, PASSWORD } from "./fixtures";

test("an athlete downloads their data, then deletes the account", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("Leaver");
  await db.createSession(athlete.id, { notes: "hill repeats" });
  await login(page, athlete.email);
  await page.goto("/settings");

  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download all your data" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe("backbone-my-data.zip");
  const files = unzipSync(new Uint8Array(await (await download.createReadStream()).toArray().then((c) => Buffer.concat(c))));
  expect(strFromU8(files["sessions.csv"])).toContain("hill repeats");
  expect(JSON.parse(strFromU8(files["backbone-data.json"])).account.email).toBe(athlete.email);

  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByLabel("Type DELETE to confirm").fill("nope");
  await page.getByRole("button", { name: "Delete my account and data" }).click();
  await expect(page.getByText("Type DELETE to confirm", { exact: true }).last()).toBeVisible();
  await expect(page.getByRole("status").filter({ hasText: "Please correct" })).toBeVisible();

  await page.getByLabel("Your password").fill(PASSWORD);
  await page.getByLabel("Type DELETE to confirm").fill("DELETE");
  await page.getByRole("button", { name: "Delete my account and data" }).click();
  await expect(page.getByText("Your account and data were deleted.")).toBeVisible();
  expect(await db.query(`SELECT id FROM "TrainingSession" WHERE "userId" = $1`, [athlete.id])).toHaveLength(0);

  await page.getByLabel("Email").fill(athlete.email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Log in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
});
