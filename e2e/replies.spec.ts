import { test, expect, login, loggedInPage } from "./fixtures";
import { daysFromToday } from "./coach-fixtures";

test("the athlete replies to a comment; the coach sees the unread reply on their home, opens the thread and answers", async ({ page, db, browser }) => {
  const { coach, squad, athlete } = await db.squadWithAthlete("Replies");
  const sessionId = await db.createSession(athlete.id, { date: daysFromToday(-1), distanceKm: 12 });

  // The coach comments on the session.
  await login(page, coach.email);
  await page.goto(`/coach/squads/${squad.id}/athletes/${athlete.id}?tab=sessions`);
  const target = page.locator("li", { has: page.getByLabel(/Comment on: Run, 40 min, 12\.0 km/) });
  await target.getByRole("button", { name: /Comment on:/ }).click();
  await target.getByLabel(/Comment on:/).fill("How did the last 3 km feel?");
  await target.getByRole("button", { name: "Send comment" }).click();
  await expect(target.getByText("Comment sent.", { exact: false })).toBeVisible();

  // The athlete replies from their home; an empty reply is refused first.
  const athletePage = await loggedInPage(browser, athlete.email);
  await athletePage.goto("/athlete");
  const thread = athletePage.locator(".comment-thread", { hasText: "How did the last 3 km feel?" });
  await expect(thread).toContainText(/Comments on your run session of/);
  await thread.getByRole("button", { name: `Reply to ${coach.name}` }).click();
  await thread.getByRole("button", { name: "Send reply" }).click();
  await expect(thread.getByText("Write a reply")).toBeVisible();
  await thread.getByLabel(`Your reply to ${coach.name}`).fill("Heavy legs, but I held the pace.");
  await thread.getByRole("button", { name: "Send reply" }).click();
  await expect(thread.getByText("Reply sent.")).toBeVisible();
  await expect(thread.locator(".comment-reply")).toContainText("Heavy legs, but I held the pace.");
  await expect(thread.locator(".comment-reply")).toContainText("Reply from you,");
  // The session's own page shows the same thread.
  await athletePage.goto(`/athlete/sessions/${sessionId}`);
  await expect(athletePage.getByRole("heading", { name: "Comments from your coaches" })).toBeVisible();
  await expect(athletePage.locator(".comment-thread")).toContainText("Heavy legs, but I held the pace.");

  const rows = await db.query<{ authorId: string; replyToId: string | null; sessionId: string }>(
    `SELECT "authorId", "replyToId", "sessionId" FROM "CoachComment" WHERE "athleteId" = $1 ORDER BY "createdAt"`,
    [athlete.id],
  );
  expect(rows).toHaveLength(2);
  expect(rows[1]).toMatchObject({ authorId: athlete.id, sessionId, replyToId: expect.any(String) });

  // The coach's home counts the reply; the inbox opens the thread and marks it read.
  await page.goto("/coach");
  await page.getByRole("link", { name: "1 unread reply" }).click();
  await expect(page).toHaveURL(/\/inbox$/);
  await page.getByRole("button", { name: `${athlete.name} replied to a comment`, exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/coach/squads/${squad.id}/athletes/${athlete.id}#comment-`));
  const coachThread = page.locator(".comment-thread", { hasText: "How did the last 3 km feel?" });
  const entries = coachThread.locator(".comment-entry");
  await expect(entries).toHaveCount(2);
  await expect(entries.nth(0)).toContainText(`${coach.name},`);
  await expect(entries.nth(1)).toContainText("Heavy legs, but I held the pace.");
  await expect(entries.nth(1)).toContainText(`Reply from ${athlete.name},`);

  // The coach answers back in the thread; the athlete is alerted as for a comment.
  await coachThread.getByRole("button", { name: `Reply to ${athlete.name}` }).click();
  await coachThread.getByLabel(`Your reply to ${athlete.name}`).fill("Good: keep Thursday easy.");
  await coachThread.getByRole("button", { name: "Send reply" }).click();
  await expect(coachThread.getByText("Reply sent.")).toBeVisible();
  await expect(coachThread.locator(".comment-entry")).toHaveCount(3);

  await page.goto("/coach");
  await expect(page.getByRole("heading", { name: "Your squads" })).toBeVisible();
  await expect(page.getByText(/unread repl/)).toHaveCount(0);
  const alerts = await db.query<{ userId: string; kind: string; read: boolean }>(
    `SELECT "userId", kind::text, "readAt" IS NOT NULL AS read FROM "Notification" WHERE "athleteId" = $1 ORDER BY "createdAt"`,
    [athlete.id],
  );
  expect(alerts).toEqual([
    { userId: athlete.id, kind: "COMMENT", read: false },
    { userId: coach.id, kind: "REPLY", read: true },
    { userId: athlete.id, kind: "COMMENT", read: false },
  ]);
  // The reply's email says only that an athlete replied.
  const emails = await db.query<{ subject: string; body: string }>(
    `SELECT o.subject, o.body FROM "OutboxEmail" o JOIN "Notification" n ON n.id = o."notificationId" WHERE n."userId" = $1 AND n.kind = 'REPLY'`,
    [coach.id],
  );
  expect(emails).toHaveLength(1);
  expect(emails[0].subject).toBe("[Backbone] An athlete replied to a comment");
  for (const secret of ["Heavy legs", athlete.name]) expect(`${emails[0].subject}\n${emails[0].body}`).not.toContain(secret);

  await athletePage.goto("/athlete");
  await expect(athletePage.locator(".comment-thread")).toContainText("Good: keep Thursday easy.");
  await athletePage.context().close();
});
