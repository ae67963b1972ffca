import ICAL from "ical.js";
import { test, expect, login } from "./fixtures";

test("an athlete subscribes to the plan, the feed is a valid calendar, and a revoked feed is gone", async ({ page, db, request }) => {
  const { squad, athlete } = await db.squadWithAthlete("Calendar");
  const date = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  await db.createPlannedSession(squad.id, athlete.id, {
    date,
    title: "Core circuit",
    reason: "Only one core session in the last 14 days.",
    flagId: "compensatory-deficit",
  });
  await login(page, athlete.email);
  await page.goto("/athlete/calendar");
  await expect(page.getByText(/Core circuit/)).toBeVisible();
  await expect(page.getByText("Only one core session in the last 14 days.")).toBeVisible();

  await page.getByRole("button", { name: "Create a feed address" }).click();
  const feedUrl = await page.getByLabel("Calendar feed address").inputValue();
  expect(feedUrl).toMatch(/\/api\/calendar\/[\w-]{40,}\.ics$/);

  const response = await request.get(feedUrl);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/calendar");
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
  expect(events).toHaveLength(1);
  expect(events[0].summary).toBe("Core circuit (Core, 25 min)");
  expect(events[0].startDate.toString()).toBe(date);
  expect(events[0].description).toContain("Why: Only one core session");

  const download = await page.request.get("/api/calendar/download");
  expect(download.headers()["content-disposition"]).toContain("backbone-plan.ics");
  expect(await download.text()).toContain("Core circuit");

  await page.getByRole("button", { name: "Stop the feed" }).click();
  await expect(page.getByText("No feed address is active.")).toBeVisible();
  expect((await request.get(feedUrl)).status()).toBe(404);
});
