import { test, expect, login } from "./fixtures";

test("the coach sees the overloaded athlete at the top of triage, with the reason", async ({ page, db }) => {
  const { coach, squad, athlete: steady } = await db.squadWithAthlete("Triage");
  const overloaded = await db.createUser("Overloaded Runner");
  await db.addMember(squad.id, overloaded.id, "ATHLETE");
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await db.createSession(steady.id, { date: day(-3), distanceKm: 8 });
  await db.createSession(overloaded.id, { date: day(-12), distanceKm: 10 });
  await db.createSession(overloaded.id, { date: day(-1), distanceKm: 21 });

  await login(page, coach.email);
  await page.goto("/coach");
  const first = page.locator(".triage-list > li").first();
  await expect(first).toContainText("Overloaded Runner");
  await expect(first).toContainText("Warning");
  await expect(first).toContainText("110% longer than the longest run of the previous 30 days");
  await first.getByRole("link", { name: "Overloaded Runner" }).click();
  await expect(page.getByRole("heading", { name: "Overloaded Runner" })).toBeVisible();
  // The flag is one row of the summary; it opens to its evidence.
  await page.locator(".flag-row > details > summary", { hasText: "Long-run spike" }).click();
  await expect(page.getByText(/Evidence: moderate\. Frandsen/)).toBeVisible();
});

test("the coach reads the 12-week heat map, sorts the squad, and acknowledges then resolves a flag with a note", async ({ page, db }) => {
  const { coach, squad, athlete: steady } = await db.squadWithAthlete("Heat");
  const overloaded = await db.createUser("Overloaded Heat Runner");
  await db.addMember(squad.id, overloaded.id, "ATHLETE");
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);
  await db.createSession(steady.id, { date: day(-3), distanceKm: 8 });
  await db.createSession(overloaded.id, { date: day(-12), distanceKm: 10 });
  await db.createSession(overloaded.id, { date: day(-1), distanceKm: 21 });

  await login(page, coach.email);
  await page.goto("/coach");
  const table = page.locator("table.overview-table");
  const rows = table.locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Overloaded Heat Runner");
  // Twelve week cells per athlete; the week of the spike is a warning, and says so in words.
  await expect(rows.first().locator("td.heat")).toHaveCount(12);
  const spikeWeek = rows.first().locator("td.heat-warning").first();
  await expect(spikeWeek).toContainText("Warning");
  await expect(spikeWeek).toHaveAttribute("title", /^Warning: Long-run spike/);
  await expect(rows.nth(1).locator("td.heat-warning")).toHaveCount(0);

  // Sort by name: the steady athlete ("Athlete Heat") comes first; the header says how it is sorted.
  await table.getByRole("columnheader", { name: /^Athlete/ }).getByRole("link").click();
  await expect(page).toHaveURL(/sort=name&dir=asc/);
  await expect(table.getByRole("columnheader", { name: /^Athlete/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(rows.first()).toContainText("Athlete Heat");
  await table.getByRole("columnheader", { name: /^Athlete/ }).getByRole("link").click();
  await expect(rows.first()).toContainText("Overloaded Heat Runner");

  // The flags panel: the numbers, the evidence, and the sessions the flag calls for.
  // The summary lists the flag as one row; the plan tab holds every flag in full.
  await page.goto(`/coach/squads/${squad.id}/athletes/${overloaded.id}`);
  await expect(page.locator(".flag-row > details > summary", { hasText: "Long-run spike" })).toBeVisible();
  await page.getByRole("navigation", { name: /^Parts of/ }).getByRole("link", { name: "Plan", exact: true }).click();
  await expect(page).toHaveURL(/\?tab=plan$/);
  const card = page.getByRole("listitem", { name: "Long-run spike" });
  await card.getByText("The numbers").click();
  await expect(card.getByText("Run distance (km)")).toBeVisible();
  await expect(card.getByText(/Evidence: moderate\. Frandsen/)).toBeVisible();
  await expect(card.getByRole("heading", { name: "What it calls for" })).toBeVisible();
  // Without a plan the spike calls for a cap, not a session: the card applies the cap and never offers an
  // "Add" the server would refuse.
  await card.getByRole("button", { name: "Apply the cap to the plan" }).first().click();
  await expect(card.getByText("Nothing to trim: every run planned for the next 7 days is within the cap.")).toBeVisible();

  // Resolving needs a note; acknowledging does not.
  await card.getByText("Acknowledge or resolve").click();
  await card.getByRole("button", { name: "Resolve" }).click();
  await expect(card.getByText("Say how it was resolved")).toBeVisible();
  await card.getByLabel(/Note on/).fill("Spoke with her about the long run");
  await card.getByRole("button", { name: "Acknowledge" }).click();
  await expect(card.getByText("Acknowledged.", { exact: true })).toBeVisible();
  await expect(card.getByText(/Acknowledged\s+by Coach Heat: “Spoke with her about the long run”/)).toBeVisible();

  await page.goto("/coach");
  await expect(page.locator(".triage-list > li").first()).toContainText("acknowledged");

  await page.goto(`/coach/squads/${squad.id}/athletes/${overloaded.id}?tab=plan`);
  await card.getByText("Acknowledge or resolve").click();
  await card.getByLabel(/Note on/).fill("Next long run capped at 12 km");
  await card.getByRole("button", { name: "Resolve" }).click();
  await expect(card.getByText("Marked as resolved.")).toBeVisible();
  await page.getByText(/Review history \(2\)/).click();
  await expect(page.locator(".review-history li")).toHaveCount(2);
  await expect(page.locator(".review-history li").first()).toContainText("resolved “Long-run spike”");

  await page.goto("/coach");
  await expect(page.getByText("Nobody needs attention today.")).toBeVisible();
});
