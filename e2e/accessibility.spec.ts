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

// Words common in English UI text that Spanish never uses: on a Spanish page, one of them outside
// people's own data and outside text marked as English (lang="en", e.g. a paper's title) is a string that
// bypassed the catalogue. "plan" is Spanish too, so it is not here.
const ENGLISH_WORDS = [
  "the", "and", "your", "you", "with", "session", "sessions", "week", "weeks", "save", "cancel", "delete",
  "add", "remove", "from", "this", "what", "when", "nothing", "training", "step", "steps", "load", "run",
  "runs", "today", "yesterday", "days", "edit", "show", "hide", "choose", "optional", "none", "other",
];
// Lower case or capitalised: a word in capitals is a token to type or a unit ("Escribe DELETE para confirmar", RPE).
const forms = ENGLISH_WORDS.flatMap((w) => [w, w[0].toUpperCase() + w.slice(1)]);
const ENGLISH = new RegExp(`(?<![\\p{L}\\d_@.-])(${forms.join("|")})(?![\\p{L}\\d_@-])`, "u");

/** The text a reader meets on the page: what is shown, options of its lists, and labels read aloud. */
async function readableText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const foreign = (el: Element | null) => {
      const lang = el?.closest("[lang]")?.getAttribute("lang") ?? "";
      return lang !== "" && !lang.startsWith("es");
    };
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      const text = node.textContent?.trim();
      if (!el || !text || el.closest("script, style, noscript, template") || foreign(el)) continue;
      if (el.closest("option") || el.checkVisibility({ visibilityProperty: true, opacityProperty: false })) out.push(text);
    }
    for (const el of document.body.querySelectorAll("[aria-label], [title], [placeholder], [alt]")) {
      if (foreign(el)) continue;
      for (const name of ["aria-label", "title", "placeholder", "alt"]) {
        const value = el.getAttribute(name)?.trim();
        if (value) out.push(value);
      }
    }
    return out;
  });
}

/** English words on a Spanish page, each with the text it was found in. */
async function englishOn(page: Page, url: string, userText: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const text of await readableText(page)) {
    let rest = text;
    for (const own of userText) rest = rest.split(own).join(" ");
    const hit = ENGLISH.exec(rest);
    if (hit) found.push(`${url}: "${hit[1]}" in "${text.slice(0, 120)}"`);
  }
  return [...new Set(found)];
}

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
      test(`every page of the ${role === "loggedOut" ? "logged-out visitor" : role} passes axe (WCAG 2.1 A and AA)${lang === "es" ? " and shows no English" : ""}`, async ({ page, db }) => {
        // A coach has some 26 pages to visit, each read by axe and, in Spanish, for English words.
        test.setTimeout(420_000);
        const tour: Tour = await buildTour(db, `${role}-${lang}`);
        if (role !== "loggedOut") await login(page, tour[role].email);
        const found: string[] = [];
        const english: string[] = [];
        for (const url of tour.pages[role]) {
          found.push(...(await violationsOn(page, url, lang)));
          if (lang === "es") english.push(...(await englishOn(page, url, tour.userText)));
        }
        expect(found).toEqual([]);
        expect(english, "English text on Spanish pages").toEqual([]);
      });
    }
  });
}
