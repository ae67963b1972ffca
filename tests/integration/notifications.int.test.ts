import { createServer } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createPrismaClient, db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { alertStaffOfReport, kickOutbox, markAllNotificationsRead, markNotificationRead, notifyAthlete } from "@/lib/notifications/mutations";
import { countUnreadNotifications, listNotifications } from "@/lib/notifications/queries";
import { createMailer, createOutboxSender, drainOutbox, type OutboxMailer, type OutboxSender } from "@/lib/notifications/outbox";
import { MAX_ATTEMPTS } from "@/lib/notifications/delivery";
import { messageIdFor } from "@/lib/notifications/messages";
import type { MailSettings } from "@/lib/notifications/settings";
import { symptomWordsIn } from "@/lib/notifications/privacy.test-data";
import { createComment } from "@/lib/comments/mutations";
import { removeMember } from "@/lib/squads/mutations";
import { deleteOwnAccount } from "@/lib/account-data/delete";
import { startSmtpSink, type SmtpSink } from "../../e2e/smtp-sink";
import { addAthlete, createSquadWithCoach, createUser, TEST_PASSWORD, viewerOf } from "./factories";

const NOTES = "numb in the saddle area since the long run, 9/10";

const sinks: SmtpSink[] = [];
const senders: OutboxSender[] = [];
afterEach(async () => {
  await Promise.all(senders.splice(0).map((s) => s.stop()));
  await Promise.all(sinks.splice(0).map((s) => s.close()));
});

function sender(settings: MailSettings, options: Parameters<typeof createOutboxSender>[1] = {}) {
  const started = createOutboxSender(settings, options);
  senders.push(started);
  return started;
}

async function sink(port?: number) {
  const started = await startSmtpSink({ port });
  sinks.push(started);
  return started;
}

/** A port nothing listens on: the mail server is down. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (!address || typeof address === "string") throw new Error("no port");
  return address.port;
}

function settingsFor(port: number): MailSettings {
  return {
    smtpUrl: `smtp://127.0.0.1:${port}`,
    from: "Backbone <alerts@backbone.test>",
    appUrl: "https://backbone.test",
    messageIdDomain: "backbone.test",
    pollMs: 1000,
  };
}

async function addMember(squadId: string, role: "COACH" | "CLINICIAN", existing?: { id: string; email: string }) {
  const user = existing ?? (await createUser(role === "COACH" ? "Coach" : "Clinician"));
  await db().membership.create({ data: { userId: user.id, squadId, role } });
  return user;
}

/**
 * The athlete is in squads A and B. A has its coach, an assistant coach and a clinician; B has its coach,
 * and A's coach coaches B too. Squad C, with its own coach, clinician and athlete, is someone else's.
 */
async function world() {
  const a = await createSquadWithCoach("Alpha");
  const b = await createSquadWithCoach("Beta");
  const c = await createSquadWithCoach("Gamma");
  const athlete = await addAthlete(a.squad.id);
  await addAthlete(b.squad.id, athlete);
  const assistant = await addMember(a.squad.id, "COACH");
  const clinician = await addMember(a.squad.id, "CLINICIAN");
  await addMember(b.squad.id, "COACH", a.coach);
  const otherClinician = await addMember(c.squad.id, "CLINICIAN");
  const otherAthlete = await addAthlete(c.squad.id);
  return {
    squadA: a.squad,
    squadB: b.squad,
    athlete,
    recipients: [a.coach, assistant, clinician, b.coach],
    outsiders: [c.coach, otherClinician, otherAthlete, athlete],
    coachA: a.coach,
    coachC: c.coach,
  };
}

/** Saves a report as the pain-report form does, with the alert in the same transaction. */
async function saveReport(
  athleteId: string,
  kind: "EMERGENCY" | "REFERRAL" | "SEVERE_PAIN",
  settings: MailSettings | null,
  options: { failAfterAlert?: boolean } = {},
) {
  const report = await db().$transaction(async (tx) => {
    const row = await tx.backPainReport.create({
      data: { userId: athleteId, localDate: new Date("2026-12-06T00:00:00Z"), zone: "LUMBAR", nrs: 9, redFlags: ["saddle-numbness"], notes: NOTES },
      select: { id: true },
    });
    await alertStaffOfReport(tx, { athleteId, reportId: row.id, kind }, settings);
    if (options.failAfterAlert) throw new Error("the save failed after the alert was written");
    return row;
  });
  kickOutbox();
  return report.id;
}

/** A mailer that takes its time, so two senders draining together really overlap. */
function slowMailer(mailer: OutboxMailer, ms = 20): OutboxMailer {
  return { sendMail: async (message) => (await new Promise((r) => setTimeout(r, ms)), mailer.sendMail(message)) };
}

const outbox = () => db().outboxEmail.findMany({ orderBy: { createdAt: "asc" } });

describe("alerts of a report", () => {
  it("reach every coach and clinician of the athlete's squads once each, in the inbox and by one email each", async () => {
    const w = await world();
    const server = await sink();
    const settings = settingsFor(server.port);
    const reportId = await saveReport(w.athlete.id, "EMERGENCY", settings);

    const alerts = await db().notification.findMany();
    expect(alerts.map((n) => n.userId).sort()).toEqual(w.recipients.map((r) => r.id).sort());
    for (const alert of alerts) {
      expect(alert).toMatchObject({ kind: "EMERGENCY", athleteId: w.athlete.id, readAt: null, dedupeKey: `report:${reportId}:EMERGENCY:${alert.userId}` });
      expect([w.squadA.id, w.squadB.id]).toContain(alert.squadId);
      expect(alert.link).toBe(`/coach/squads/${alert.squadId}/athletes/${w.athlete.id}`);
      expect(alert.title).toMatch(/^Urgent: .+ needs your attention now$/);
      expect(symptomWordsIn(alert.title)).toEqual([]);
    }
    // A's coach also coaches B: one alert, through the squad they joined first.
    expect(alerts.find((n) => n.userId === w.coachA.id)?.squadId).toBe(w.squadA.id);

    const rows = await outbox();
    expect(rows.map((r) => r.toAddress).sort()).toEqual(w.recipients.map((r) => r.email).sort());
    expect(rows.every((r) => r.status === "PENDING" && r.attempts === 0)).toBe(true);

    // The save is retried (a double submit, a replayed request): nothing doubles.
    await db().$transaction((tx) => alertStaffOfReport(tx, { athleteId: w.athlete.id, reportId, kind: "EMERGENCY" }, settings));
    expect(await db().notification.count()).toBe(4);
    expect(await db().outboxEmail.count()).toBe(4);
  });

  it("each message arrives once, to the right people, with two senders draining at the same time", async () => {
    const w = await world();
    const server = await sink();
    const settings = settingsFor(server.port);
    // Three reports, four recipients each: twelve emails for two senders to share.
    for (const kind of ["EMERGENCY", "REFERRAL", "SEVERE_PAIN"] as const) await saveReport(w.athlete.id, kind, settings);
    const rows = await outbox();
    expect(rows).toHaveLength(12);

    // A second app instance: its own pool on the same database.
    const otherInstance = createPrismaClient(process.env.DATABASE_URL!, 2);
    try {
      const [one, two] = await Promise.all([
        drainOutbox({ mailer: slowMailer(createMailer(settings)), settings }),
        drainOutbox({ prisma: otherInstance, mailer: slowMailer(createMailer(settings)), settings }),
      ]);
      expect(one.sent + two.sent).toBe(12);
      expect(one.sent).toBeGreaterThan(0);
      expect(two.sent).toBeGreaterThan(0);
    } finally {
      await otherInstance.$disconnect();
    }
    expect(await drainOutbox({ mailer: createMailer(settings), settings })).toMatchObject({ sent: 0, nextDueInSeconds: null });

    expect(server.messages).toHaveLength(12);
    const ids = server.messages.map((m) => m.messageId);
    expect(new Set(ids).size).toBe(12);
    expect(ids.sort()).toEqual(rows.map((r) => messageIdFor(r.id, "backbone.test")).sort());
    for (const recipient of w.recipients) expect(server.messagesTo(recipient.email), recipient.email).toHaveLength(3);
    for (const outsider of w.outsiders) expect(server.messagesTo(outsider.email), outsider.email).toHaveLength(0);
    for (const message of server.messages) {
      expect(message.to).toHaveLength(1);
      expect(message.from).toBe("alerts@backbone.test");
      expect(symptomWordsIn(`${message.subject}\n${message.text}`)).toEqual([]);
      expect(message.text).not.toContain("saddle");
      expect(message.text).toMatch(/https:\/\/backbone\.test\/coach\/squads\/\w+\/athletes\/\w+/);
    }
    expect(server.messages.filter((m) => m.subject === "[Backbone] Urgent: an athlete needs your attention now")).toHaveLength(4);

    const sent = await outbox();
    expect(sent.every((r) => r.status === "SENT" && r.attempts === 1 && r.sentAt !== null && r.lockedUntil === null && r.lastError === null)).toBe(true);
  });

  it("when the mail server is down, the save and its alerts stand, the emails wait, and they go once it is back", async () => {
    const w = await world();
    const port = await closedPort();
    const settings = settingsFor(port);
    const reportId = await saveReport(w.athlete.id, "REFERRAL", settings);

    const down = await drainOutbox({ mailer: createMailer(settings), settings });
    expect(down).toMatchObject({ sent: 0, retrying: 4, failed: 0 });
    expect(down.firstError).toMatch(/ECONNREFUSED/);
    expect(down.nextDueInSeconds).toBeGreaterThan(20);

    expect(await db().backPainReport.count({ where: { id: reportId } })).toBe(1);
    expect(await db().notification.count()).toBe(4);
    const coachA = await viewerOf(w.coachA.id);
    expect(await countUnreadNotifications(coachA)).toBe(1);
    const waiting = await outbox();
    expect(waiting).toHaveLength(4);
    for (const row of waiting) {
      expect(row).toMatchObject({ status: "PENDING", attempts: 1, lockedUntil: null, sentAt: null });
      expect(row.lastError).toMatch(/ECONNREFUSED/);
      expect(row.nextAttemptAt.getTime()).toBeGreaterThan(Date.now() + 20_000);
    }

    // Not due yet: a drain before the retry time leaves them alone.
    const server = await sink(port);
    expect(await drainOutbox({ mailer: createMailer(settings), settings })).toMatchObject({ sent: 0, retrying: 0 });
    expect(server.messages).toHaveLength(0);

    // The retry time comes.
    await db().$executeRaw`UPDATE "OutboxEmail" SET "nextAttemptAt" = "nextAttemptAt" - interval '1 hour'`;
    expect(await drainOutbox({ mailer: createMailer(settings), settings })).toMatchObject({ sent: 4, retrying: 0, nextDueInSeconds: null });
    expect(server.messages.map((m) => m.to[0]).sort()).toEqual(w.recipients.map((r) => r.email).sort());
    for (const row of await outbox()) expect(row).toMatchObject({ status: "SENT", attempts: 2, lastError: null });
  });

  it("a save that fails leaves no alert and no email behind", async () => {
    const w = await world();
    await expect(saveReport(w.athlete.id, "EMERGENCY", settingsFor(await closedPort()), { failAfterAlert: true })).rejects.toThrow(/save failed/);
    expect(await db().backPainReport.count()).toBe(0);
    expect(await db().notification.count()).toBe(0);
    expect(await db().outboxEmail.count()).toBe(0);
  });

  it("gives an email up after the last attempt and keeps its error", async () => {
    const w = await world();
    const settings = settingsFor(await closedPort());
    await saveReport(w.athlete.id, "SEVERE_PAIN", settings);
    await db().outboxEmail.updateMany({ data: { attempts: MAX_ATTEMPTS - 1 } });
    expect(await drainOutbox({ mailer: createMailer(settings), settings })).toMatchObject({ sent: 0, retrying: 0, failed: 4, nextDueInSeconds: null });
    const failed = await db().outboxEmail.findMany({ where: { status: "FAILED" } });
    expect(failed).toHaveLength(4);
    for (const row of failed) expect(row).toMatchObject({ attempts: MAX_ATTEMPTS, lockedUntil: null, lastError: expect.stringMatching(/ECONNREFUSED/) });
    // Given up means given up: the next drain does not touch them.
    expect(await drainOutbox({ mailer: createMailer(settings), settings })).toMatchObject({ sent: 0, retrying: 0, failed: 0 });
  });

  it("an email another sender holds is left alone until its lease runs out", async () => {
    const w = await world();
    const server = await sink();
    const settings = settingsFor(server.port);
    await saveReport(w.athlete.id, "REFERRAL", settings);
    await db().$executeRaw`UPDATE "OutboxEmail" SET "lockedUntil" = (now() AT TIME ZONE 'UTC') + interval '1 minute', "attempts" = 1`;
    expect(await drainOutbox({ mailer: createMailer(settings), settings })).toMatchObject({ sent: 0 });
    expect(server.messages).toHaveLength(0);
    // That sender died mid-send: once its lease is over the email goes, with the same Message-ID as before.
    await db().$executeRaw`UPDATE "OutboxEmail" SET "lockedUntil" = (now() AT TIME ZONE 'UTC') - interval '1 second'`;
    expect(await drainOutbox({ mailer: createMailer(settings), settings })).toMatchObject({ sent: 4 });
    const rows = await outbox();
    expect(server.messages.map((m) => m.messageId).sort()).toEqual(rows.map((r) => messageIdFor(r.id, "backbone.test")).sort());
    expect(rows.every((r) => r.status === "SENT" && r.attempts === 2)).toBe(true);
  });

  it("without SMTP_URL, alerts reach the inbox only", async () => {
    const w = await world();
    expect(process.env.SMTP_URL ?? "").toBe("");
    // The mail settings come from the environment unless a caller passes its own.
    await db().$transaction(async (tx) => {
      const row = await tx.backPainReport.create({ data: { userId: w.athlete.id, localDate: new Date("2026-12-06T00:00:00Z"), zone: "LUMBAR", nrs: 8 }, select: { id: true } });
      await alertStaffOfReport(tx, { athleteId: w.athlete.id, reportId: row.id, kind: "SEVERE_PAIN" });
    });
    kickOutbox();
    expect(await db().notification.count()).toBe(4);
    expect(await db().outboxEmail.count()).toBe(0);
  });
});

describe("the sender in a server process", () => {
  it("sends after the commit when kicked, once, with two processes' senders kicked together", async () => {
    const w = await world();
    const server = await sink();
    const settings = { ...settingsFor(server.port), pollMs: 200 };
    const otherInstance = createPrismaClient(process.env.DATABASE_URL!, 2);
    try {
      const senderA = sender(settings, { mailer: slowMailer(createMailer(settings)) });
      const senderB = sender(settings, { prisma: otherInstance, mailer: slowMailer(createMailer(settings)) });
      for (const kind of ["EMERGENCY", "REFERRAL", "SEVERE_PAIN"] as const) {
        await saveReport(w.athlete.id, kind, settings);
        senderA.kick();
        senderB.kick();
      }
      await server.waitFor(() => true, 12);
      await new Promise((r) => setTimeout(r, 400));
      await Promise.all([senderA.stop(), senderB.stop()]);
    } finally {
      await otherInstance.$disconnect();
    }
    expect(server.messages).toHaveLength(12);
    expect(new Set(server.messages.map((m) => m.messageId)).size).toBe(12);
    expect(await db().outboxEmail.count({ where: { status: "SENT", attempts: 1 } })).toBe(12);
  });

  it("keeps looking while emails are pending, and sends those another sender left when its lease ends", async () => {
    const w = await world();
    const server = await sink();
    const settings = { ...settingsFor(server.port), pollMs: 200 };
    await saveReport(w.athlete.id, "REFERRAL", settings);
    // Claimed by a sender in another process that then died.
    await db().$executeRaw`UPDATE "OutboxEmail" SET "lockedUntil" = (now() AT TIME ZONE 'UTC') + interval '1 second', "attempts" = 1`;
    const started = Date.now();
    sender(settings).kick();
    await server.waitFor(() => true, 4, 5000);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
    expect(await db().outboxEmail.count({ where: { status: "SENT" } })).toBe(4);
  });

  it("stops without leaving work behind", async () => {
    const w = await world();
    const settings = { ...settingsFor(await closedPort()), pollMs: 200 };
    await saveReport(w.athlete.id, "REFERRAL", settings);
    const s = sender(settings);
    s.kick();
    await new Promise((r) => setTimeout(r, 300));
    await s.stop();
    const rows = await outbox();
    expect(rows.every((r) => r.status === "PENDING" && r.attempts === 1 && r.lockedUntil === null)).toBe(true);
  });
});

describe("alerts to an athlete", () => {
  it("a comment to an athlete alerts that athlete, once", async () => {
    const w = await world();
    const coach = await viewerOf(w.coachA.id);
    const report = await db().backPainReport.create({
      data: { userId: w.athlete.id, localDate: new Date("2026-12-06T00:00:00Z"), zone: "LUMBAR", nrs: 4 },
      select: { id: true },
    });
    const comment = await createComment(coach, { squadId: w.squadA.id, athleteId: w.athlete.id, painReportId: report.id, body: "Easy week, please." });
    const alerts = await db().notification.findMany();
    expect(alerts).toEqual([
      expect.objectContaining({
        userId: w.athlete.id,
        kind: "COMMENT",
        squadId: w.squadA.id,
        link: "/athlete",
        dedupeKey: `comment:${comment.id}:${w.athlete.id}`,
        title: "You have a new comment on your training",
      }),
    ]);
    const athlete = await viewerOf(w.athlete.id);
    expect(await countUnreadNotifications(athlete)).toBe(1);
    expect(await countUnreadNotifications(coach)).toBe(0);
  });

  it("a clearance alerts the athlete by inbox and email, once however often it is saved", async () => {
    const w = await world();
    const server = await sink();
    const settings = settingsFor(server.port);
    const input = { athleteId: w.athlete.id, kind: "CLEARANCE" as const, squadId: w.squadA.id, entityId: "clearance-1", link: "/athlete" };
    expect(await db().$transaction((tx) => notifyAthlete(tx, input, settings))).toEqual({ created: 1 });
    expect(await db().$transaction((tx) => notifyAthlete(tx, input, settings))).toEqual({ created: 0 });
    await drainOutbox({ mailer: createMailer(settings), settings });
    expect(server.messages).toHaveLength(1);
    expect(server.messages[0]).toMatchObject({ to: [w.athlete.email], subject: "[Backbone] There is an update to your training" });
    expect(server.messages[0].text).toContain("https://backbone.test/athlete");
    await expect(db().$transaction((tx) => notifyAthlete(tx, { ...input, entityId: "clearance-2", link: "https://evil.example" }, settings))).rejects.toThrow(
      /page of the app/,
    );
  });
});

describe("the inbox", () => {
  async function inboxWorld() {
    const w = await world();
    await saveReport(w.athlete.id, "REFERRAL", null);
    await new Promise((r) => setTimeout(r, 5));
    await saveReport(w.athlete.id, "EMERGENCY", null);
    return { ...w, coachA: await viewerOf(w.coachA.id), coachC: await viewerOf(w.coachC.id), athlete: await viewerOf(w.athlete.id) };
  }

  const readAts = async () => (await db().notification.findMany({ orderBy: { id: "asc" }, select: { id: true, readAt: true } })).map((n) => [n.id, n.readAt?.toISOString() ?? null]);

  it("lists the viewer's own alerts newest first, and marks one read when it is opened", async () => {
    const w = await inboxWorld();
    const inbox = await listNotifications(w.coachA);
    expect(inbox.unread).toBe(2);
    expect(inbox.items.map((i) => i.kind)).toEqual(["EMERGENCY", "REFERRAL"]);
    expect(inbox.items.every((i) => !i.read)).toBe(true);
    expect(await countUnreadNotifications(w.coachA)).toBe(2);

    const { link } = await markNotificationRead(w.coachA, { notificationId: inbox.items[0].id });
    expect(link).toBe(inbox.items[0].link);
    const after = await listNotifications(w.coachA);
    expect(after.unread).toBe(1);
    expect(after.items.map((i) => i.read)).toEqual([true, false]);
    // Opening it again keeps the first read time.
    const firstRead = (await db().notification.findUniqueOrThrow({ where: { id: inbox.items[0].id } })).readAt;
    await markNotificationRead(w.coachA, { notificationId: inbox.items[0].id }, new Date(Date.now() + 60_000));
    expect((await db().notification.findUniqueOrThrow({ where: { id: inbox.items[0].id } })).readAt).toEqual(firstRead);

    expect(await markAllNotificationsRead(w.coachA)).toEqual({ count: 1 });
    expect(await countUnreadNotifications(w.coachA)).toBe(0);
    // Everyone else's alerts are untouched.
    expect(await db().notification.count({ where: { readAt: null } })).toBe(6);
  });

  for (const who of ["coachC", "athlete"] as const) {
    it(`answers ${who} with not-found for someone else's alert and changes nothing`, async () => {
      const w = await inboxWorld();
      const target = (await listNotifications(w.coachA)).items[0];
      const before = await readAts();
      const viewer: Viewer = w[who];
      await expect(markNotificationRead(viewer, { notificationId: target.id })).rejects.toBeInstanceOf(NotFoundError);
      await expect(markNotificationRead(viewer, { notificationId: "no-such-alert" })).rejects.toBeInstanceOf(NotFoundError);
      expect(await markAllNotificationsRead(viewer)).toEqual({ count: 0 });
      expect((await listNotifications(viewer)).items).toEqual([]);
      expect(await countUnreadNotifications(viewer)).toBe(0);
      expect(await readAts()).toEqual(before);
    });
  }

  it("an alert of a squad the viewer has left goes with it", async () => {
    const w = await inboxWorld();
    const assistant = w.recipients[1];
    const assistantViewer = await viewerOf(assistant.id);
    const target = (await listNotifications(assistantViewer)).items[0];
    await removeMember(w.coachA, { squadId: w.squadA.id, userId: assistant.id });
    const removed = await viewerOf(assistant.id);
    expect(await listNotifications(removed)).toEqual({ items: [], unread: 0, more: false });
    expect(await countUnreadNotifications(removed)).toBe(0);
    await expect(markNotificationRead(removed, { notificationId: target.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("an athlete who deletes their account takes the alerts about them, and their emails, along", async () => {
    const w = await world();
    await saveReport(w.athlete.id, "EMERGENCY", settingsFor(await closedPort()));
    const comment = await db().$transaction((tx) =>
      notifyAthlete(tx, { athleteId: w.athlete.id, kind: "COMMENT", squadId: w.squadA.id, entityId: "c1", link: "/athlete" }, null),
    );
    expect(comment.created).toBe(1);
    expect(await db().notification.count()).toBe(5);
    await deleteOwnAccount(await viewerOf(w.athlete.id), { password: TEST_PASSWORD, confirm: "DELETE" });
    expect(await db().notification.count()).toBe(0);
    expect(await db().outboxEmail.count()).toBe(0);
  });

  it("counts at most one past the header's cap", async () => {
    const w = await world();
    const coach = await viewerOf(w.coachA.id);
    await db().notification.createMany({
      data: Array.from({ length: 120 }, (_, i) => ({ userId: coach.id, kind: "COMMENT" as const, squadId: w.squadA.id, title: `t${i}`, link: "/coach", dedupeKey: `cap:${i}` })),
    });
    expect(await countUnreadNotifications(coach)).toBe(100);
    const inbox = await listNotifications(coach);
    expect(inbox).toMatchObject({ unread: 120, more: true });
    expect(inbox.items).toHaveLength(50);
  });
});
