import { readFile } from "node:fs/promises";
import type { APIRequest, Browser, Download, Page } from "@playwright/test";
import { parse } from "csv-parse/sync";
import ICAL from "ical.js";
import { test, expect, login } from "./fixtures";
import { rebuildDailyLoads } from "./exports-fixtures";
import { pdfPageCount, pdfPlainText } from "./pdf-text";

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function downloadFrom(page: Page, formTitle: string, fields: { from: string; to: string; format?: string; athlete?: string }) {
  const form = page.locator("form", { has: page.getByRole("heading", { name: formTitle, exact: true }) });
  await form.getByLabel("From").fill(fields.from);
  await form.getByLabel("To").fill(fields.to);
  if (fields.format) await form.getByLabel("Format").selectOption(fields.format);
  if (fields.athlete) await form.getByLabel("Athletes").selectOption({ label: fields.athlete });
  const [download] = await Promise.all([page.waitForEvent("download"), form.getByRole("button", { name: "Download" }).click()]);
  return download;
}

async function bytesOf(download: Download) {
  return readFile((await download.path())!);
}

async function requestAs(browser: Browser, baseURL: string, email: string, api: APIRequest) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, email);
  const request = await api.newContext({ baseURL, storageState: await context.storageState() });
  await context.close();
  return request;
}

test("a coach exports an athlete's plan as PDF, ICS and CSV, and their history as CSV", async ({ page, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Exporter");
  await db.createPlannedSession(squad.id, athlete.id, {
    date: day(2),
    title: "Export hip bridges",
    reason: "Fewer than 2 core or strength sessions in 14 days",
    flagId: "compensatory-deficit",
  });
  await db.createPlannedSession(squad.id, athlete.id, { date: day(4), type: "RUN", title: "Steady, \"easy\" run", durationMin: 50 });
  for (const offset of [-9, -5, -1]) await db.createSession(athlete.id, { date: day(offset), distanceKm: 8 });
  await rebuildDailyLoads(db, athlete.id);
  await db.createPainReport(athlete.id, { date: day(-5), nrs: 6, zone: "LUMBAR" });
  await db.createPainReport(athlete.id, { date: day(-5), nrs: 3, zone: "CERVICAL" });

  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}?tab=profile`);
  await expect(page.getByRole("heading", { name: "Export", exact: true })).toBeVisible();
  const range = { from: day(-7), to: day(20) };

  const pdfDownload = await downloadFrom(page, "Plan", { ...range, format: "pdf" });
  expect(pdfDownload.suggestedFilename()).toMatch(/^backbone-plan-athlete-exporter-.*\.pdf$/);
  const pdf = await bytesOf(pdfDownload);
  expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");
  expect(pdfPageCount(pdf)).toBeGreaterThanOrEqual(1);
  const text = pdfPlainText(pdf);
  expect(text).toContain("Export hip bridges (Core, 25 min)");
  expect(text).toContain("Why: Fewer than 2 core or strength sessions in 14 days");

  const icsDownload = await downloadFrom(page, "Plan", { ...range, format: "ics" });
  expect(icsDownload.suggestedFilename()).toMatch(/\.ics$/);
  const calendar = new ICAL.Component(ICAL.parse((await bytesOf(icsDownload)).toString("utf8")));
  const events = calendar.getAllSubcomponents("vevent").map((e) => new ICAL.Event(e));
  expect(events.map((e) => e.summary).sort()).toEqual(["Export hip bridges (Core, 25 min)", 'Steady, "easy" run (Run, 50 min)']);
  expect(events.find((e) => e.summary.startsWith("Export"))!.startDate.toString()).toBe(day(2));

  const csvDownload = await downloadFrom(page, "Plan", { ...range, format: "csv" });
  const csv = await bytesOf(csvDownload);
  expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
  expect(rows.map((r) => [r.date, r.title])).toEqual([
    [day(2), "Export hip bridges"],
    [day(4), 'Steady, "easy" run'],
  ]);
  expect(rows[0]).toMatchObject({ athlete: athlete.name, flag: "compensatory-deficit", origin: "Suggested" });

  const historyDownload = await downloadFrom(page, "Load and pain history (CSV)", { from: day(-13), to: day(0) });
  expect(historyDownload.suggestedFilename()).toMatch(/^backbone-history-athlete-exporter-.*\.csv$/);
  const history = parse(await bytesOf(historyDownload), { columns: true, bom: true }) as Record<string, string>[];
  expect(history).toHaveLength(14);
  expect(history[0].date).toBe(day(-13));
  expect(history.at(-1)!.date).toBe(day(0));
  expect(history.find((r) => r.date === day(-5))).toMatchObject({ sessions: "1", srpe_load_au: "200", run_km: "8", worst_pain_nrs: "6", pain_zones: "lumbar" });
  expect(history.find((r) => r.date === day(-4))).toMatchObject({ sessions: "0", srpe_load_au: "0", worst_pain_nrs: "" });
});

test("a coach exports the whole squad's plan from the squad page", async ({ page, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("SquadExport");
  const second = await db.createUser("Zoë Ødegård");
  await db.addMember(squad.id, second.id, "ATHLETE");
  await db.createPlannedSession(squad.id, athlete.id, { date: day(1), title: "First athlete core" });
  await db.createPlannedSession(squad.id, second.id, { date: day(1), title: "Second athlete core" });
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}`);
  const download = await downloadFrom(page, "Plan", { from: day(0), to: day(6), format: "csv" });
  const rows = parse(await bytesOf(download), { columns: true, bom: true }) as Record<string, string>[];
  expect(rows.map((r) => r.athlete).sort()).toEqual([athlete.name, "Zoë Ødegård"].sort());
  const pdf = await bytesOf(await downloadFrom(page, "Plan", { from: day(0), to: day(6), format: "pdf", athlete: "Zoë Ødegård" }));
  const text = pdfPlainText(pdf);
  expect(text).toContain("Training plan: Zoë Ødegård");
  expect(text).not.toContain("First athlete core");
});

test("exports are the squad's coaches' only: 404 for others, 401 for anonymous", async ({ browser, db, playwright, baseURL }) => {
  const a = await db.squadWithAthlete("ExportA");
  const b = await db.squadWithAthlete("ExportB");
  await db.createPlannedSession(a.squad.id, a.athlete.id, { date: day(1), title: "secret export plan" });
  const q = `from=${day(-3)}&to=${day(10)}`;
  const urls = [
    ...["csv", "ics", "pdf"].map((f) => `/api/exports/squads/${a.squad.id}/plan?${q}&format=${f}`),
    ...["csv", "ics", "pdf"].map((f) => `/api/exports/squads/${a.squad.id}/plan?${q}&format=${f}&athleteId=${a.athlete.id}`),
    `/api/exports/squads/${a.squad.id}/athletes/${a.athlete.id}/history?${q}`,
  ];
  const coachB = await requestAs(browser, baseURL!, b.coach.email, playwright.request);
  const athleteA = await requestAs(browser, baseURL!, a.athlete.email, playwright.request);
  const coachA = await requestAs(browser, baseURL!, a.coach.email, playwright.request);
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const url of urls) {
    for (const [who, request] of [["coach of another squad", coachB], ["athlete", athleteA]] as const) {
      const response = await request.get(url);
      expect(response.status(), `${who} ${url}`).toBe(404);
      const body = await response.text();
      expect(body).not.toContain("secret export plan");
      expect(body).not.toContain(a.athlete.name);
    }
    const response = await anonymous.get(url);
    expect(response.status(), `anonymous ${url}`).toBe(401);
    expect((await response.json()).error.code).toBe("unauthenticated");
  }
  // Their own coach may, but not for an athlete of another squad through this squad.
  expect((await coachA.get(urls[0])).status()).toBe(200);
  expect((await coachA.get(`/api/exports/squads/${a.squad.id}/plan?${q}&format=csv&athleteId=${b.athlete.id}`)).status()).toBe(404);
  expect((await coachA.get(`/api/exports/squads/${a.squad.id}/athletes/${b.athlete.id}/history?${q}`)).status()).toBe(404);
  const bad = await coachA.get(`/api/exports/squads/${a.squad.id}/plan?from=${day(10)}&to=${day(0)}&format=csv`);
  expect(bad.status()).toBe(422);
  expect((await bad.json()).error.message).toBe("To must be on or after From");

  // The athlete's own plan: theirs to export; a coach has none; anonymous must log in.
  const own = await athleteA.get(`/api/exports/me/plan?${q}&format=csv`);
  expect(own.status()).toBe(200);
  expect(await own.text()).toContain("secret export plan");
  expect((await coachB.get(`/api/exports/me/plan?${q}&format=csv`)).status()).toBe(404);
  expect((await anonymous.get(`/api/exports/me/plan?${q}&format=pdf`)).status()).toBe(401);
  for (const r of [coachA, coachB, athleteA, anonymous]) await r.dispose();
});

test("an export opened in the browser with too long a range shows the reason as a page, not JSON", async ({ page, db }) => {
  const { coach, squad } = await db.squadWithAthlete("TooLongExport");
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}`);
  const from = page.url();
  const response = await page.goto(`/api/exports/squads/${squad.id}/plan?from=${day(-400)}&to=${day(0)}&format=csv`, { referer: from });
  expect(response!.status()).toBe(422);
  expect(response!.headers()["content-type"]).toBe("text/html; charset=utf-8");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("This could not be done");
  await expect(page.getByText("The range covers 401 days; export at most 366 days at a time")).toBeVisible();
  expect(await page.content()).not.toContain('"error"');
  await page.getByRole("link", { name: "Go back" }).click();
  await expect(page).toHaveURL(from);
});
