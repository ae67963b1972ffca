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

  test("a coach's pages do not scroll sideways, in English and in Spanish; wide tables scroll in their own box", async ({ page, db }) => {
    const coach = await db.createUser("Coach Phone Pages");
    const squad = await db.createSquad(`Phone squad with a rather long name ${Date.now()}`, coach.id);
    const athletes = [];
    for (const name of ["Ana García Fernández", "Bartholomew Longname-Runner", "Cleo Phone"]) {
      const athlete = await db.createUser(name);
      await db.addMember(squad.id, athlete.id, "ATHLETE");
      athletes.push(athlete);
    }
    await db.createPainReport(athletes[0].id, { nrs: 6, redFlags: ["fever"] });
    await db.createSession(athletes[1].id, { distanceKm: 12.5 });
    await db.createInvitation(squad.id);
    const managed = await db.createManagedAthlete(squad.id, "Managed Phone Athlete");
    const widest = () =>
      page.evaluate(() => {
        const width = document.documentElement.clientWidth;
        const wide = [...document.querySelectorAll("main *")].filter((el) => el.getBoundingClientRect().right > width + 1 && !el.closest(".table-wrap"));
        return wide.slice(0, 3).map((el) => `${el.tagName}.${el.className}: ${Math.round(el.getBoundingClientRect().right)}`);
      });
    const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await login(page, coach.email);
    for (const locale of ["en", "es"]) {
      await db.query(`UPDATE "User" SET locale = $1 WHERE id = $2`, [locale, coach.id]);
      for (const url of [
        "/coach",
        `/coach/squads/${squad.id}`,
        `/coach/squads/${squad.id}?remove=${athletes[0].id}`,
        `/coach/squads/${squad.id}/log`,
        `/coach/squads/${squad.id}/log/import`,
        `/coach/squads/${squad.id}/audit`,
        `/coach/squads/${squad.id}/thresholds`,
        `/coach/squads/${squad.id}/athletes/${managed.id}/thresholds`,
      ]) {
        await page.goto(url);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), `${locale} ${url} ${(await widest()).join("; ")}`).toBeLessThanOrEqual(375);
        expect(await overflow(), `${locale} ${url}`).toBeLessThanOrEqual(0);
      }
    }
    // The squad grid and the overview table scroll inside their own box instead.
    await page.goto(`/coach/squads/${squad.id}/log`);
    const grid = page.locator(".table-wrap").filter({ has: page.locator("table.log-grid") });
    expect(await grid.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
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
