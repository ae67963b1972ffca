import { test, expect, login } from "./fixtures";
import { buildTour } from "./page-tour";

// On a 375 px phone no page scrolls sideways: wide tables, grids and heat maps scroll inside their own
// container or become lists.
const ROLES = ["loggedOut", "athlete", "coach", "clinician"] as const;

for (const role of ROLES) {
  test(`no page of the ${role === "loggedOut" ? "logged-out visitor" : role} is wider than a 375 px screen`, async ({ page, db }) => {
    test.setTimeout(240_000);
    const tour = await buildTour(db, `phone-${role}`);
    if (role !== "loggedOut") await login(page, tour[role].email);
    const wide: string[] = [];
    for (const url of tour.pages[role]) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      const width = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth));
      const viewport = page.viewportSize()?.width ?? 375;
      if (width > viewport) wide.push(`${url}: ${width} px`);
    }
    expect(wide).toEqual([]);
  });
}
