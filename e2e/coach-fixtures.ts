import type { Page } from "@playwright/test";
import { expect } from "./fixtures";

/** A calendar day relative to today, as the app stores it for athletes in UTC. */
export const daysFromToday = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** Opens a URL and checks that the app answers it with its 404 page. */
export async function expectNotFound(page: Page, url: string) {
  const response = await page.goto(url);
  expect(response?.status(), url).toBe(404);
}
