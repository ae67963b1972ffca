import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";
import { test, expect, login } from "./fixtures";
import { buildTour, type Tour } from "./page-tour";

// Every page, as each kind of person sees it, in English and in Spanish: no violation of WCAG 2.1 A or AA
// that axe can find. One test per role and language, each visiting that role's pages in turn.
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];
const ROLES = ["loggedOut", "athlete", "coach", "clinician"] as const;
const LANGUAGES = [
  { locale: "en-GB", lang: "en" },
  { locale: "es-ES", lang: "es" },
] as const;

async function violationsOn(page: Page, url: string, lang: string): Promise<string[]> {
  const response = await page.goto(url);
  expect(response?.status(), url).toBeLessThan(500);
  await expect(page.locator("html")).toHaveAttribute("lang", lang);
  // Charts draw after hydration; wait for the page to settle before reading it.
  await page.waitForLoadState("networkidle");
  const { violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  return violations.map(
    (v) => `${url}: ${v.id} (${v.impact}) ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join(" | ")}`,
  );
}

for (const { locale, lang } of LANGUAGES) {
  test.describe(`in ${locale}`, () => {
    test.use({ locale });
    for (const role of ROLES) {
      test(`every page of the ${role === "loggedOut" ? "logged-out visitor" : role} passes axe (WCAG 2.1 A and AA)`, async ({ page, db }) => {
        test.setTimeout(240_000);
        const tour: Tour = await buildTour(db, `${role}-${lang}`);
        if (role !== "loggedOut") await login(page, tour[role].email);
        const found: string[] = [];
        for (const url of tour.pages[role]) found.push(...(await violationsOn(page, url, lang)));
        expect(found).toEqual([]);
      });
    }
  });
}
