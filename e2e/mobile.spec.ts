import { test, expect, login } from "./fixtures";
import { seedChartHistory } from "./chart-fixtures";

// A 375 px wide phone: nothing may need sideways scrolling.
test("pages fit a 375 px phone", async ({ page, db }) => {
  const { athlete } = await db.squadWithAthlete("Phone");
  await page.goto("/login");
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(await overflow()).toBeLessThanOrEqual(0);
  await login(page, athlete.email);
  for (const url of ["/athlete", "/athlete/profile", "/settings"]) {
    await page.goto(url);
    expect(await overflow(), url).toBeLessThanOrEqual(0);
  }
});

// A mobile browser zooms a page that is too wide out to fit, which hides the overflow; a plain 375 px
// window shows it.
test.describe("in a 375 px window", () => {
  test.use({ isMobile: false, hasTouch: false, viewport: { width: 375, height: 740 } });

  test("a coach's and a clinician's triage and inbox do not scroll sideways", async ({ page, db }) => {
    const { coach, squad, athlete } = await db.squadWithAthlete("PhoneStaff");
    const physio = await db.createUser("Physio PhoneStaff");
    await db.addMember(squad.id, physio.id, "CLINICIAN");
    await db.createPainReport(athlete.id, { nrs: 6, redFlags: ["fever"] });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    for (const who of [coach, physio]) {
      await page.context().clearCookies();
      await login(page, who.email);
      for (const url of ["/coach", "/inbox"]) {
        await page.goto(url);
        expect(await overflow(), `${who.name} ${url}`).toBeLessThanOrEqual(0);
      }
    }
  });
});

test.describe("the athlete page in a 375 px window", () => {
  test.use({ isMobile: false, hasTouch: false, viewport: { width: 375, height: 740 } });

  test("a coach reads every tab of an athlete with flags, charts and comments without sideways scrolling", async ({ page, db }) => {
    test.setTimeout(120_000);
    const { coach, squad, athlete } = await db.squadWithAthlete("PhoneAthlete");
    await seedChartHistory(db, athlete.id);
    await db.createPlannedSession(squad.id, athlete.id, { title: "Easy run", type: "RUN", durationMin: 40 });
    await login(page, coach.email);
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    const base = `/coach/squads/${squad.id}/athletes/${athlete.id}`;
    for (const tab of ["", "?tab=load", "?tab=back", "?tab=plan", "?tab=sessions", "?tab=profile"]) {
      await page.goto(`${base}${tab}`);
      await expect(page.getByRole("heading", { name: athlete.name, level: 1 })).toBeVisible();
      expect(await overflow(), tab || "summary").toBeLessThanOrEqual(0);
    }
    // An opened flag row fits too.
    await page.goto(base);
    await page.locator(".flag-row > details > summary").first().click();
    expect(await overflow(), "opened flag").toBeLessThanOrEqual(0);
  });
});
