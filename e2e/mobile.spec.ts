import { test, expect, login } from "./fixtures";

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
