import { test, expect, login } from "./fixtures";
import { expectNotFound } from "./coach-fixtures";

test("the audit log lists the coach's view of the athlete, for the squad's coaches only", async ({ page, db, browser }) => {
  const a = await db.squadWithAthlete("AuditA");
  const b = await db.squadWithAthlete("AuditB");

  await login(page, a.coach.email);
  await page.goto(`/coach/squads/${a.squad.id}/athletes/${a.athlete.id}`);
  await expect(page.getByRole("heading", { name: a.athlete.name })).toBeVisible();
  await page.goto(`/coach/squads/${a.squad.id}`);
  await page.getByRole("link", { name: "Audit log" }).click();
  await expect(page.getByRole("heading", { name: `Audit log of ${a.squad.name}` })).toBeVisible();
  const row = page.getByRole("row").filter({ hasText: "Viewed the athlete's page" }).first();
  await expect(row).toContainText(a.coach.name);
  await expect(row).toContainText(a.athlete.name);
  await expect(row.locator("time")).toHaveText(/\d{4}/);

  const outsider = await browser.newContext();
  const other = await outsider.newPage();
  await login(other, b.coach.email);
  await expectNotFound(other, `/coach/squads/${a.squad.id}/audit`);
  await other.goto(`/coach/squads/${b.squad.id}/audit`);
  await expect(other.getByRole("heading", { name: `Audit log of ${b.squad.name}` })).toBeVisible();
  await expect(other.locator("main")).not.toContainText(a.athlete.name);
  await outsider.close();
});
