import { devices, type Page } from "@playwright/test";
import ICAL from "ical.js";
import { test, expect, login, answerPainQuestions } from "./fixtures";
import { E2E_SMTP_PORT, startSmtpSink, type SmtpSink } from "./smtp-sink";

// The end-to-end server sends mail to one fixed port: one spec at a time listens on it.
test.describe.configure({ mode: "serial" });

let sink: SmtpSink;
test.beforeAll(async () => {
  sink = await startSmtpSink({ port: E2E_SMTP_PORT });
});
test.afterAll(async () => {
  await sink.close();
});

const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function noSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
}

test("a red flag holds the plan until a clinician clears the athlete, and staff hear of it at once", async ({ browser, db, playwright, baseURL }) => {
  // Four people in four browsers through the whole loop.
  test.setTimeout(150_000);
  const { coach, squad, athlete } = await db.squadWithAthlete("Safety");
  const assistant = await db.createUser("Assistant Safety");
  await db.addMember(squad.id, assistant.id, "COACH");
  const physio = await db.createUser("Physio Safety");
  await db.addMember(squad.id, physio.id, "CLINICIAN");
  // Staff of another squad hear nothing.
  const elsewhere = await db.squadWithAthlete("SafetyElsewhere");
  const yesterday = await db.createPlannedSession(squad.id, athlete.id, { date: day(-1), type: "CORE", title: "Core circuit" });
  const intervals = await db.createPlannedSession(squad.id, athlete.id, { date: day(1), type: "RUN", title: "Track intervals", durationMin: 50 });
  const longRun = await db.createPlannedSession(squad.id, athlete.id, { date: day(5), type: "RUN", title: "Weekend long run", durationMin: 110 });
  // A calm report by another athlete of the squad, who must sort below the emergency.
  const calm = await db.createUser("Calm Safety");
  await db.addMember(squad.id, calm.id, "ATHLETE");
  await db.createPainReport(calm.id, { nrs: 5, redFlags: ["fever"] });

  // The athlete, on a 375 px phone, reports saddle numbness.
  const phone = await browser.newContext({ ...devices["Pixel 7"], viewport: { width: 375, height: 740 } });
  const athletePage = await phone.newPage();
  await login(athletePage, athlete.email);
  await athletePage.goto("/athlete/pain");
  await athletePage.getByRole("radiogroup", { name: "Where does it hurt?" }).getByRole("radio", { name: "Lower back, centre", exact: true }).click();
  await athletePage.getByRole("group", { name: /How strong is the pain/ }).getByRole("radio", { name: /^6\b/ }).check();
  await answerPainQuestions(athletePage, { yes: [/saddle area/] });
  await athletePage.getByRole("button", { name: "Send report" }).click();
  const emergency = athletePage.getByRole("heading", { name: "Seek emergency care now" });
  await expect(emergency).toBeVisible();
  await expect(emergency).toBeFocused();
  await noSidewaysScroll(athletePage);

  // Home: the emergency card comes before anything else, and the plan shows as held.
  await athletePage.goto("/athlete");
  const firstHeading = athletePage.locator("main h1, main h2").first();
  await expect(firstHeading).toHaveText(/Seek emergency care now/);
  await expect(athletePage.getByText(/Your training plan is on hold/)).toBeVisible();
  await expect(athletePage.getByRole("row", { name: /Track intervals/ }).getByText("On hold")).toBeVisible();
  await noSidewaysScroll(athletePage);
  await athletePage.goto("/athlete/calendar");
  await expect(athletePage.getByRole("listitem").filter({ hasText: "Weekend long run" }).getByText("On hold")).toBeVisible();

  // The calendar feed lists the runs as cancelled, and says why without naming a symptom.
  const token = await db.createFeedToken(athlete.id);
  const anonymous = await playwright.request.newContext({ baseURL });
  const feed = await (await anonymous.get(`/api/calendar/${token}.ics`)).text();
  const events = new ICAL.Component(ICAL.parse(feed)).getAllSubcomponents("vevent");
  const status = (id: string) => events.find((e) => String(e.getFirstPropertyValue("uid")).startsWith(id))?.getFirstPropertyValue("status") ?? null;
  expect(status(intervals)).toBe("CANCELLED");
  expect(status(longRun)).toBe("CANCELLED");
  expect(status(yesterday)).toBeNull();
  expect(feed).not.toMatch(/saddle|numb/i);
  await anonymous.dispose();

  // The coach: an Emergency badge at the top of triage, and an unread alert.
  const desk = await browser.newContext();
  const coachPage = await desk.newPage();
  await login(coachPage, coach.email);
  await coachPage.goto("/coach");
  const triage = coachPage.locator(".triage-list > li");
  await expect(triage.first()).toContainText(athlete.name);
  await expect(triage.first().getByText("Emergency", { exact: true })).toBeVisible();
  await expect(triage.nth(1)).toContainText(calm.name);
  await expect(triage.nth(1).getByText("See a clinician", { exact: true })).toBeVisible();
  await expect(coachPage.getByRole("link", { name: /^Inbox \(1\)$/ })).toBeVisible();
  await coachPage.getByRole("link", { name: /^Inbox/ }).click();
  await coachPage.getByRole("button", { name: new RegExp(athlete.name) }).first().click();
  await expect(coachPage).toHaveURL(new RegExp(`/coach/squads/${squad.id}/athletes/${athlete.id}`));
  const safety = coachPage.getByRole("region", { name: /Referral open since/ });
  await expect(safety.getByText("Emergency", { exact: true })).toBeVisible();
  // The numbers behind the referral in words, not engine ids.
  const redFlagCard = coachPage.getByRole("listitem", { name: "Red flag" });
  await coachPage.locator(".flag-row > details > summary", { hasText: "Red flag" }).click();
  await redFlagCard.getByText("The numbers").click();
  await expect(redFlagCard.getByText(/numbness in the saddle area/i).first()).toBeVisible();
  await expect(redFlagCard.locator("dl")).not.toContainText("saddle-numbness");
  // A referral is not resolved with a note.
  await expect(coachPage.getByRole("button", { name: "Resolve" })).toHaveCount(0);
  await expect(coachPage.getByRole("link", { name: /^Inbox$/ })).toBeVisible();

  // Every coach and clinician of the squad got one message at once; nobody else did, and no symptom is named.
  await sink.waitFor((m) => m.to.includes(coach.email));
  await sink.waitFor((m) => m.to.includes(assistant.email));
  await sink.waitFor((m) => m.to.includes(physio.email));
  await coachPage.waitForTimeout(1500);
  for (const staff of [coach, assistant, physio]) {
    const mail = sink.messagesTo(staff.email);
    expect(mail, staff.email).toHaveLength(1);
    expect(`${mail[0].subject}\n${mail[0].text}`).not.toMatch(/saddle|numb|bladder|bowel/i);
  }
  expect(sink.messagesTo(athlete.email)).toHaveLength(0);
  expect(sink.messagesTo(elsewhere.coach.email)).toHaveLength(0);

  // The physiotherapist records the clearance.
  const physioContext = await browser.newContext();
  const physioPage = await physioContext.newPage();
  await login(physioPage, physio.email);
  await physioPage.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}`);
  await expect(physioPage.getByRole("link", { name: "Plan the next weeks" })).toHaveCount(0);
  // An emergency needs a doctor's clearance: the physiotherapist records the emergency doctor's.
  await physioPage.getByLabel("Cleared by (name)").fill(physio.name);
  await physioPage.getByLabel("Who cleared").selectOption("PHYSIOTHERAPIST");
  await physioPage.getByLabel("What the clinician said").fill("Examined in A&E: no serious cause found. Easy running allowed.");
  await physioPage.getByRole("button", { name: "Record clearance" }).click();
  await expect(physioPage.getByText(/An emergency referral ends only with a doctor's clearance: record the doctor/)).toBeVisible();
  await physioPage.getByLabel("Cleared by (name)").fill("Dr Ana Ruiz (A&E)");
  await physioPage.getByLabel("Who cleared").selectOption("DOCTOR");
  await physioPage.getByRole("button", { name: "Record clearance" }).click();
  // The page now shows the referral as cleared, with the sessions still held for a coach to release.
  await expect(physioPage.getByText(/Cleared by Dr Ana Ruiz \(A&E\) \(doctor\)/)).toBeVisible();
  await expect(physioPage.getByText(/A coach of the squad releases or replans them/)).toBeVisible();
  await expect(physioPage.getByRole("button", { name: /Release the held plan/ })).toHaveCount(0);

  // Back with the coach: told of the clearance at once; the referral has ended, the sessions stay held until
  // released, the return to running is graded.
  await coachPage.reload();
  await expect(coachPage.getByRole("link", { name: /^Inbox \(1\)$/ })).toBeVisible();
  await expect(coachPage.getByRole("region", { name: /Referral open since/ })).toHaveCount(0);
  await expect(coachPage.getByText(/still on hold/)).toBeVisible();
  await coachPage.locator(".flag-row > details > summary", { hasText: "Return to running" }).click();
  await expect(coachPage.getByRole("listitem", { name: "Return to running" })).toBeVisible();
  await expect(coachPage.getByRole("listitem", { name: "Return to running" })).toContainText(/run.{0,3}walk|walk/i);
  await coachPage.getByRole("button", { name: /Release the held plan/ }).click();
  await expect(coachPage.getByText(new RegExp(`The held plan was released by ${coach.name}`))).toBeVisible();
  const held = await db.query<{ id: string }>(`SELECT id FROM "PlannedSession" WHERE "athleteId" = $1 AND "holdId" IS NOT NULL`, [athlete.id]);
  expect(held).toEqual([]);

  // The athlete hears of the clearance in their inbox and by email; so do the coaches, not the one who recorded it.
  await sink.waitFor((m) => m.to.includes(athlete.email));
  await sink.waitFor((m) => m.to.includes(coach.email), 2);
  await sink.waitFor((m) => m.to.includes(assistant.email), 2);
  expect(sink.messagesTo(physio.email)).toHaveLength(1);
  await athletePage.goto("/athlete");
  await expect(athletePage.getByRole("heading", { name: "Seek emergency care now" })).toHaveCount(0);
  await expect(athletePage.getByRole("link", { name: /^Inbox \(1\)$/ })).toBeVisible();
  // The released plan comes with the graded return, whatever the sessions say.
  await athletePage.goto("/athlete/calendar");
  await expect(athletePage.getByText(/You are returning to running until/)).toBeVisible();
  await expect(athletePage.getByText(/4 x \(4 min run, 1 min walk\)/)).toBeVisible();
  await expect(athletePage.getByText("On hold")).toHaveCount(0);
  await noSidewaysScroll(athletePage);

  await phone.close();
  await desk.close();
  await physioContext.close();
});

test("an alert email is written in its recipient's language, with the time in their zone", async ({ page, db }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Idioma");
  await db.query(`UPDATE "User" SET locale = 'es', "timeZone" = 'Europe/Madrid' WHERE id = $1`, [athlete.id]);
  await db.createSession(athlete.id, { notes: "rodaje suave" });

  // The coach reads the app in English and comments on the athlete's session.
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}?tab=sessions`);
  const target = page.locator("li", { has: page.getByLabel(/Comment on: Run/) });
  await target.getByRole("button", { name: /Comment on:/ }).click();
  await target.getByLabel(/Comment on:/).fill("Buen trabajo esta semana.");
  await target.getByRole("button", { name: "Send comment" }).click();
  await expect(target.getByText("Comment sent.", { exact: false })).toBeVisible();

  const [mail] = await sink.waitFor((m) => m.to.includes(athlete.email));
  expect(mail.subject).toBe("[Backbone] Tienes un comentario nuevo");
  expect(mail.text).toContain("Tienes un comentario nuevo sobre tu entrenamiento.");
  expect(mail.text).toMatch(/Aviso del \d{1,2} \S+ \d{4}, \d{1,2}:\d{2} \(Europe\/Madrid\)\./);
  expect(mail.text).toContain("Por privacidad, este correo no incluye nombres ni detalles");
  expect(mail.text).not.toContain("Buen trabajo");
  // The inbox alert is in Spanish too.
  const alerts = await db.query<{ title: string }>(`SELECT title FROM "Notification" WHERE "userId" = $1`, [athlete.id]);
  expect(alerts).toEqual([{ title: "Tienes un comentario nuevo sobre tu entrenamiento" }]);
});
