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
