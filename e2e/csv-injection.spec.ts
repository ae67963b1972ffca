import { unzipSync, strFromU8 } from "fflate";
import { parse } from "csv-parse/sync";
import { test, expect, login } from "./fixtures";

const FORMULA = '=HYPERLINK("http://x","y")';

test("a formula a coach types as a session title reaches the athlete's data export inert", async ({ browser, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Formula");
  const date = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

  const coachPage = await (await browser.newContext()).newPage();
  await login(coachPage, coach.email);
  await coachPage.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}/plan`);
  await coachPage.getByLabel("Date").fill(date);
  await coachPage.getByLabel("Title (optional)").fill(FORMULA);
  await coachPage.getByLabel("Duration").fill("30");
  await coachPage.getByRole("button", { name: "Add to plan" }).last().click();
  await expect(coachPage.getByText("Added to the plan.")).toBeVisible();
  expect(await db.query(`SELECT title FROM "PlannedSession" WHERE "athleteId" = $1`, [athlete.id])).toEqual([{ title: FORMULA }]);

  const athletePage = await (await browser.newContext()).newPage();
  await login(athletePage, athlete.email);
  await athletePage.goto("/settings");
  const downloadPromise = athletePage.waitForEvent("download");
  await athletePage.getByRole("link", { name: "Download all your data" }).click();
  const download = await downloadPromise;
  const files = unzipSync(new Uint8Array(Buffer.concat(await (await download.createReadStream()).toArray())));

  const rows = parse(strFromU8(files["planned-sessions.csv"]), { columns: true, bom: true }) as Record<string, string>[];
  expect(rows).toHaveLength(1);
  // The leading apostrophe makes a spreadsheet show the text instead of running it.
  expect(rows[0].title).toBe(`'${FORMULA}`);
  // The complete JSON copy keeps what the coach typed, as typed.
  expect(JSON.parse(strFromU8(files["backbone-data.json"])).plannedSessions[0].title).toBe(FORMULA);
});
