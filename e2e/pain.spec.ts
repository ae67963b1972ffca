import { test, expect, login, answerPainQuestions } from "./fixtures";
import type { Page } from "@playwright/test";

const TRAINING_WORDS = /\btrain|\brun\b|\brunning|\bsession|\bmileage|\brest\b/i;

async function answerQuick(page: Page, area: string, nrs: number) {
  await page.getByRole("radiogroup", { name: "Where does it hurt?" }).getByRole("radio", { name: area, exact: true }).click();
  await page.getByRole("group", { name: /How strong is the pain/ }).getByRole("radio", { name: new RegExp(`^${nrs}\\b`) }).check();
}

test("a report without warning signs is confirmed and listed; bad input saves nothing", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("PainCalm");
  await login(page, athlete.email);
  await page.goto("/athlete");
  await page.getByRole("link", { name: "Report back pain" }).click();
  await expect(page.getByRole("heading", { name: "Report back pain" })).toBeVisible();

  // No question with a safety meaning starts answered.
  const warningSigns = page.getByRole("group", { name: "Warning signs" });
  await expect(warningSigns.getByRole("group")).toHaveCount(10);
  await expect(warningSigns.getByRole("radio", { checked: true })).toHaveCount(0);
  await expect(page.getByRole("group", { name: /change with movement or posture/ }).getByRole("radio", { checked: true })).toHaveCount(0);

  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Choose where it hurts on the map")).toBeVisible();
  await expect(page.getByText("Choose how strong the pain is, from 0 to 10")).toBeVisible();
  await expect(page.getByText("Answer yes, no or not sure")).toBeVisible();
  await expect(page.getByText("Answer every question yes or no: 10 still have no answer.")).toBeVisible();
  await expect(page.getByText("No reports yet.")).toBeVisible();

  await answerQuick(page, "Lower back, left", 4);
  await expect(page.getByText("Selected: Lower back, left")).toBeVisible();
  // The side follows the area unless the athlete picks one.
  await expect(page.getByRole("group", { name: "Which side?" }).getByRole("radio", { name: "Left" })).toBeChecked();
  await page.getByRole("group", { name: "When does it hurt most?" }).getByRole("radio", { name: "After the run" }).check();
  // One question left unanswered refuses the whole report, and the form takes the athlete to it.
  await answerPainQuestions(page, { skip: ["Do you have a fever or chills now?"] });
  const fever = page.getByRole("group", { name: "Do you have a fever or chills now?" });
  await page.getByLabel("Notes (optional)").fill("Stiff after the hills");
  await page.getByRole("button", { name: "Send report" }).click();
  await expect(page.getByText("Answer every question yes or no: 1 still has no answer.")).toBeVisible();
  await expect(fever.getByText("Answer yes or no")).toBeVisible();
  await expect(fever.getByRole("radio", { name: "Yes" })).toBeFocused();
  expect(await db.query(`SELECT 1 FROM "BackPainReport" WHERE "userId" = $1`, [athlete.id])).toHaveLength(0);
  await fever.getByRole("radio", { name: "No" }).check();
  await expect(fever.getByText("Answer yes or no")).toHaveCount(0);
  await page.getByRole("button", { name: "Send report" }).click();

  const result = page.getByRole("region", { name: "Report sent to your coach" });
  await expect(result).toBeVisible();
  await expect(result).toContainText("Lower back, left, pain 4/10");
  await expect(result).toContainText("2 points");
  await expect(page.getByRole("heading", { name: /See a clinician|Seek emergency care/ })).toHaveCount(0);
  await expect(page.getByRole("row", { name: /Lower back, left.*4\/10.*None/ })).toBeVisible();

  const [row] = await db.query<{ zone: string; subArea: string; side: string; nrs: number; timing: string; mechanical: boolean; redFlags: string[] }>(
    `SELECT zone, "subArea", side, nrs, timing, mechanical, "redFlags" FROM "BackPainReport" WHERE "userId" = $1`,
    [athlete.id],
  );
  expect(row).toEqual({
    zone: "LUMBAR",
    subArea: "lower-back-left",
    side: "LEFT",
    nrs: 4,
    timing: "AFTER_RUN",
    mechanical: true,
    redFlags: [],
  });

  await page.getByRole("button", { name: "Report again" }).click();
  await expect(page.getByText("No area chosen yet.")).toBeVisible();
});

test("a warning sign sends the athlete to a clinician with the organs to discuss, and no training advice", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("PainFlag");
  await login(page, athlete.email);
  await page.goto("/athlete/pain");
  await answerQuick(page, "Lower back, centre", 6);
  await answerPainQuestions(page, { yes: ["Do you have a fever or chills now?"] });
  await page.getByRole("button", { name: "Send report" }).click();

  const panel = page.getByRole("region", { name: "See a clinician" });
  await expect(panel).toBeVisible();
  await expect(page.getByRole("heading", { name: "See a clinician" })).toBeFocused();
  await expect(panel).toContainText("fever or chills");
  await expect(panel.getByRole("heading", { name: "Possible sources to discuss with your doctor" })).toBeVisible();
  const organs = panel.locator(".organ-list li");
  await expect(organs).toHaveText([/^Kidneys — lumbar region/, /^Pancreas — lower middle back/]);
  await expect(panel).toContainText("This is not a diagnosis.");
  expect(await panel.innerText()).not.toMatch(TRAINING_WORDS);

  await page.getByRole("link", { name: "Open this report" }).click();
  await expect(page.getByRole("heading", { name: "See a clinician" })).toBeVisible();
  await page.goto("/athlete/pain");
  await expect(page.getByRole("row", { name: /Lower back, centre.*6\/10.*See a clinician/ })).toBeVisible();
});

test("pain that movement does not change counts as a warning sign", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("PainMech");
  await login(page, athlete.email);
  await page.goto("/athlete/pain");
  await answerQuick(page, "Between the shoulder blades", 3);
  await answerPainQuestions(page, { movement: "No, it stays the same" });
  await page.getByRole("button", { name: "Send report" }).click();
  const panel = page.getByRole("region", { name: "See a clinician" });
  await expect(panel).toContainText("pain unrelated to movement or posture");
  await expect(panel.locator(".organ-list li")).toContainText([/Stomach/, /Esophagus/, /Lungs/]);
});

test("an emergency symptom says to seek emergency care now", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("PainUrgent");
  await login(page, athlete.email);
  await page.goto("/athlete/pain");
  await answerQuick(page, "Sacrum and buttocks", 7);
  await answerPainQuestions(page, { yes: ["Do you have weakness or numbness in one or both legs now that is getting worse?"] });
  await page.getByRole("button", { name: "Send report" }).click();

  const panel = page.getByRole("region", { name: "Seek emergency care now" });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText("Call your local emergency number");
  await expect(panel).toContainText("progressive leg weakness or numbness");
  // A neurological emergency points at the nerves of the lower back, not at an organ.
  await expect(panel.locator(".organ-list li")).toHaveText([/^Nerves of the lower back \(cauda equina\)/]);
  expect(await panel.innerText()).not.toMatch(TRAINING_WORDS);
  await page.goto("/athlete/pain");
  await expect(page.getByRole("row", { name: /Sacrum and buttocks.*7\/10.*Emergency care/ })).toBeVisible();
});

test("the body map is operable with the keyboard alone", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("PainKeys");
  await login(page, athlete.email);
  await page.goto("/athlete/pain");
  const map = page.getByRole("radiogroup", { name: "Where does it hurt?" });

  // Tab from the top of the page until the map has focus: it is one tab stop.
  let onMap = false;
  for (let i = 0; i < 40 && !onMap; i++) {
    await page.keyboard.press("Tab");
    onMap = await map.evaluate((el) => el.contains(document.activeElement));
  }
  expect(onMap).toBe(true);
  await expect(map.getByRole("radio", { name: "Nape" })).toBeFocused();
  await expect(page.locator(".bm-focus-ring")).toHaveCount(1);

  await page.keyboard.press("Space");
  await expect(map.getByRole("radio", { name: "Nape" })).toHaveAttribute("aria-checked", "true");
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowDown");
  const right = map.getByRole("radio", { name: "Neck, right" });
  await expect(right).toBeFocused();
  await expect(right).toHaveAttribute("aria-checked", "true");
  await expect(map.getByRole("radio", { name: "Nape" })).toHaveAttribute("aria-checked", "false");
  await page.keyboard.press("End");
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowUp");
  await expect(map.getByRole("radio", { name: "Flanks" })).toBeFocused();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("Enter");
  await expect(map.getByRole("radio", { name: "Neck, left" })).toHaveAttribute("aria-checked", "true");
  await expect(page.locator('input[name="zone"]')).toHaveValue("CERVICAL");
  await expect(page.locator('input[name="subArea"]')).toHaveValue("neck-left");

  // Tab leaves the map for the next question; the pain score is chosen with the arrow keys too.
  await page.keyboard.press("Tab");
  await expect(page.getByText("Choose from a list instead")).toBeFocused();
  await page.keyboard.press("Tab");
  await page.keyboard.press("ArrowRight");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("group", { name: /How strong is the pain/ }).getByRole("radio", { name: /^2\b/ })).toBeChecked();
  // A warning-sign question is answered from the keyboard too: its first tab stop, then the arrow to "No".
  const firstSign = page.getByRole("group", { name: "Warning signs" }).getByRole("group").first();
  await firstSign.getByRole("radio", { name: "Yes" }).focus();
  await page.keyboard.press("ArrowRight");
  await expect(firstSign.getByRole("radio", { name: "No" })).toBeChecked();
  await answerPainQuestions(page);
  await page.getByRole("button", { name: "Send report" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("region", { name: "Report sent to your coach" })).toContainText("Neck, left, pain 2/10");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 740 }, hasTouch: true, isMobile: true });

  test("the report fits one column with large targets and a list alternative to the map", async ({ page, db }) => {
    const { athlete } = await db.squadWithAthlete("PainPhone");
    await login(page, athlete.email);
    await page.goto("/athlete/pain");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    for (const tile of await page.locator(".pain-form .tile-face").all()) {
      if (!(await tile.isVisible())) continue;
      const box = await tile.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(44);
      expect(box!.width).toBeGreaterThanOrEqual(44);
    }
    await page.getByText("Choose from a list instead").tap();
    await page.getByRole("group", { name: "Upper and mid back (dorsal)" }).getByRole("radio", { name: "Mid-back" }).check();
    await expect(page.getByRole("radio", { name: "Mid-back" }).first()).toHaveAttribute("aria-checked", "true");
    await page.getByRole("group", { name: /How strong is the pain/ }).getByRole("radio", { name: /^5\b/ }).tap();
    await page.getByRole("group", { name: "Do you have a fever or chills now?" }).getByRole("radio", { name: "No" }).tap();
    await answerPainQuestions(page);
    await page.getByRole("button", { name: "Send report" }).tap();
    await expect(page.getByRole("region", { name: "Report sent to your coach" })).toContainText("Mid-back, pain 5/10");
  });
});
