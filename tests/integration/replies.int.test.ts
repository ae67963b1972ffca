import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import type { Viewer } from "@/lib/auth/permissions";
import { createSession } from "@/lib/sessions/mutations";
import { createComment, replyToComment } from "@/lib/comments/mutations";
import { listCommentThreads } from "@/lib/athletes/comments";
import { alertStaffOfReply, markNotificationRead } from "@/lib/notifications/mutations";
import { countUnreadNotifications, countUnreadOfKind, listNotifications } from "@/lib/notifications/queries";
import { removeMember } from "@/lib/squads/mutations";
import type { MailSettings } from "@/lib/notifications/settings";
import { CONTROL_CHARACTERS_MESSAGE } from "@/lib/input-schemas";
import { createUser, twoSquads, viewerOf } from "./factories";

const NOW = new Date("2026-06-15T12:00:00Z");

async function painReport(athleteId: string) {
  return (
    await db().backPainReport.create({
      data: { userId: athleteId, localDate: new Date("2026-06-14T00:00:00Z"), zone: "LUMBAR", nrs: 4, notes: "stiff after the long run" },
      select: { id: true },
    })
  ).id;
}

async function session(athlete: Viewer) {
  return (await createSession(athlete, { type: "RUN", date: "2026-06-14", duration: "40", distance: "8", rpe: "5" }, NOW)).id;
}

/** Squad A's coach has commented on one of athlete A's sessions and one of their reports. */
async function commented() {
  const w = await twoSquads();
  const sessionId = await session(w.athleteA);
  const reportId = await painReport(w.athleteA.id);
  const onSession = await createComment(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteA.id, sessionId, body: "Nice even pacing." });
  const onReport = await createComment(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteA.id, painReportId: reportId, body: "Ease off the hills." });
  // The comments' own alerts to the athlete are not what these tests count.
  await db().notification.deleteMany();
  return { ...w, sessionId, reportId, onSession, onReport };
}

async function addStaff(squadId: string, role: "COACH" | "CLINICIAN") {
  const user = await createUser(role === "COACH" ? "Assistant" : "Physio");
  await db().membership.create({ data: { userId: user.id, squadId, role } });
  return viewerOf(user.id);
}

const counts = async () => {
  const prisma = db();
  const [comments, audits, alerts] = await Promise.all([prisma.coachComment.count(), prisma.auditLog.count(), prisma.notification.count()]);
  return { comments, audits, alerts };
};

const fieldErrors = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof ValidationError ? e.fieldErrors : e),
  );

describe("replies to comments", () => {
  it("the athlete replies on their own session and report; both sides read each thread in time order", async () => {
    const w = await commented();
    const onSession = await replyToComment(w.athleteA, { commentId: w.onSession.id, body: "  Thanks, it felt easy.  " });
    await replyToComment(w.athleteA, { commentId: w.onReport.id, body: "Will do." });

    const stored = await db().coachComment.findUniqueOrThrow({ where: { id: onSession.id } });
    expect(stored).toMatchObject({
      authorId: w.athleteA.id,
      athleteId: w.athleteA.id,
      squadId: w.squadA.id,
      sessionId: w.sessionId,
      painReportId: null,
      replyToId: w.onSession.id,
      body: "Thanks, it felt easy.",
    });

    // The coach answers back in the same thread.
    await new Promise((r) => setTimeout(r, 5));
    await replyToComment(w.coachA, { commentId: onSession.id, body: "Good. Same next week." });

    for (const viewer of [w.athleteA, w.coachA]) {
      const threads = await listCommentThreads(viewer, w.athleteA.id);
      expect(threads).toHaveLength(2);
      const [sessionThread, reportThread] = threads;
      expect(sessionThread).toMatchObject({ id: w.onSession.id, squadId: w.squadA.id, sessionId: w.sessionId, about: "run session of 2026-06-14", canReply: true });
      expect(sessionThread?.target).toEqual({ kind: "session", type: "RUN", date: "2026-06-14", time: null });
      expect(sessionThread.entries.map((e) => [e.body, e.author, e.byAthlete, e.isReply])).toEqual([
        ["Nice even pacing.", w.coachA.name, false, false],
        ["Thanks, it felt easy.", w.athleteA.name, true, true],
        ["Good. Same next week.", w.coachA.name, false, true],
      ]);
      expect(sessionThread.entries.map((e) => e.mine)).toEqual(viewer === w.athleteA ? [false, true, false] : [true, false, true]);
      expect(reportThread).toMatchObject({ painReportId: w.reportId, about: "lumbar pain report of 2026-06-14" });
      expect(reportThread?.target).toEqual({ kind: "painReport", zone: "LUMBAR", date: "2026-06-14" });
      expect(reportThread.entries.map((e) => e.body)).toEqual(["Ease off the hills.", "Will do."]);
    }
    // Narrowed to one session, as the athlete's session page asks.
    expect((await listCommentThreads(w.athleteA, w.athleteA.id, { sessionId: w.sessionId })).map((t) => t.id)).toEqual([w.onSession.id]);

    const audits = await db().auditLog.findMany({ where: { action: "comment.reply" } });
    expect(audits).toHaveLength(3);
    for (const a of audits) expect(a).toMatchObject({ squadId: w.squadA.id, subjectUserId: w.athleteA.id, entity: "CoachComment" });
    expect(audits.filter((a) => a.actorId === w.athleteA.id)).toHaveLength(2);
    expect(audits.find((a) => a.entityId === onSession.id)?.meta).toEqual({ replyToId: w.onSession.id, sessionId: w.sessionId });
  });

  it("an athlete's reply alerts the staff who wrote in the thread once; the coach's home counts it until it is read", async () => {
    const w = await commented();
    const clinician = await addStaff(w.squadA.id, "CLINICIAN");
    const reply = await replyToComment(w.athleteA, { commentId: w.onSession.id, body: "My back was sore after it." });

    const alerts = await db().notification.findMany();
    expect(alerts).toEqual([
      expect.objectContaining({
        userId: w.coachA.id,
        kind: "REPLY",
        squadId: w.squadA.id,
        athleteId: w.athleteA.id,
        title: `${w.athleteA.name} replied to a comment`,
        link: `/coach/squads/${w.squadA.id}/athletes/${w.athleteA.id}#comment-${reply.id}`,
        dedupeKey: `reply:${reply.id}:${w.coachA.id}`,
        readAt: null,
      }),
    ]);
    expect(alerts[0].title).not.toContain("sore");
    // Without SMTP_URL, the inbox only.
    expect(await db().outboxEmail.count()).toBe(0);

    expect(await countUnreadOfKind(w.coachA, "REPLY")).toBe(1);
    expect(await countUnreadOfKind(clinician, "REPLY")).toBe(0);
    expect(await countUnreadOfKind(w.coachB, "REPLY")).toBe(0);

    // Saving the same alert again (a retried transaction) never doubles it.
    const again = await db().$transaction((tx) =>
      alertStaffOfReply(tx, { athleteId: w.athleteA.id, squadId: w.squadA.id, replyId: reply.id, link: alerts[0].link, threadAuthorIds: [w.coachA.id] }),
    );
    expect(again).toEqual({ created: 0 });
    expect(await db().notification.count()).toBe(1);

    const { link } = await markNotificationRead(w.coachA, { notificationId: alerts[0].id });
    expect(link).toBe(alerts[0].link);
    expect(await countUnreadOfKind(w.coachA, "REPLY")).toBe(0);
    expect((await listNotifications(w.coachA)).items).toEqual([expect.objectContaining({ kind: "REPLY", read: true })]);

    // Once the clinician has answered in the thread, the athlete's next reply reaches both.
    await replyToComment(clinician, { commentId: reply.id, body: "Let's look at it on Thursday." });
    const next = await replyToComment(w.athleteA, { commentId: w.onSession.id, body: "Thursday works." });
    const recipients = await db().notification.findMany({ where: { kind: "REPLY", dedupeKey: { startsWith: `reply:${next.id}:` } }, select: { userId: true } });
    expect(recipients.map((r) => r.userId).sort()).toEqual([w.coachA.id, clinician.id].sort());
  });

  it("a staff answer alerts the athlete with a comment alert linking to the thread's page", async () => {
    const w = await commented();
    const reply = await replyToComment(w.athleteA, { commentId: w.onReport.id, body: "Will do." });
    const answer = await replyToComment(w.coachA, { commentId: reply.id, body: "Tell me how Thursday goes." });
    const alerts = await db().notification.findMany({ where: { userId: w.athleteA.id } });
    expect(alerts).toEqual([
      expect.objectContaining({
        kind: "COMMENT",
        squadId: w.squadA.id,
        link: `/athlete/pain/${w.reportId}#comment-${answer.id}`,
        dedupeKey: `comment:${answer.id}:${w.athleteA.id}`,
      }),
    ]);
    expect(await countUnreadNotifications(w.athleteA)).toBe(1);
    expect(await countUnreadOfKind(w.coachA, "REPLY")).toBe(1);
  });

  it("when nobody who wrote in the thread is staff of the squad any more, every coach and clinician of it is alerted", async () => {
    const w = await commented();
    const assistant = await addStaff(w.squadA.id, "COACH");
    const clinician = await addStaff(w.squadA.id, "CLINICIAN");
    await db().membership.deleteMany({ where: { squadId: w.squadA.id, userId: w.coachA.id } });
    await replyToComment(w.athleteA, { commentId: w.onSession.id, body: "Still there?" });
    const recipients = await db().notification.findMany({ where: { kind: "REPLY" }, select: { userId: true } });
    expect(recipients.map((r) => r.userId).sort()).toEqual([assistant.id, clinician.id].sort());
  });

  it("the alert's email says only that an athlete replied, with the link", async () => {
    const w = await commented();
    const reply = await replyToComment(w.athleteA, { commentId: w.onSession.id, body: "Numb leg since the run." });
    await db().notification.deleteMany();
    const settings: MailSettings = {
      smtpUrl: "smtp://127.0.0.1:1",
      from: "Backbone <alerts@backbone.test>",
      appUrl: "https://backbone.test",
      messageIdDomain: "backbone.test",
      pollMs: 1000,
    };
    const link = `/coach/squads/${w.squadA.id}/athletes/${w.athleteA.id}#comment-${reply.id}`;
    await db().$transaction((tx) =>
      alertStaffOfReply(tx, { athleteId: w.athleteA.id, squadId: w.squadA.id, replyId: reply.id, link, threadAuthorIds: [w.coachA.id] }, settings),
    );
    const emails = await db().outboxEmail.findMany();
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ toAddress: w.coachA.email, subject: "[Backbone] An athlete replied to a comment" });
    expect(emails[0].body).toContain(`https://backbone.test${link}`);
    for (const secret of ["Numb", w.athleteA.name]) expect(`${emails[0].subject}\n${emails[0].body}`).not.toContain(secret);
  });

  it("refuses an empty, too long or control-character reply and a malformed id, writing nothing", async () => {
    const w = await commented();
    const before = await counts();
    const commentId = w.onSession.id;
    expect(await fieldErrors(replyToComment(w.athleteA, { commentId, body: "   " }))).toMatchObject({ body: ["Write a reply"] });
    expect(await fieldErrors(replyToComment(w.athleteA, { commentId }))).toMatchObject({ body: ["Write a reply"] });
    expect(await fieldErrors(replyToComment(w.athleteA, { commentId, body: "x".repeat(2001) }))).toMatchObject({ body: ["Use at most 2000 characters"] });
    expect(await fieldErrors(replyToComment(w.athleteA, { commentId, body: "ok\u0000" }))).toMatchObject({ body: [CONTROL_CHARACTERS_MESSAGE] });
    expect(await fieldErrors(replyToComment(w.athleteA, { commentId: "not an id!", body: "Hello" }))).toMatchObject({ commentId: [expect.any(String)] });
    await expect(replyToComment(w.athleteA, { commentId: "no-such-comment", body: "Hello" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await counts()).toEqual(before);
    // Line breaks are fine, and a reply as long as a comment may be.
    await expect(replyToComment(w.athleteA, { commentId, body: `Line one\nline two${"x".repeat(1980)}` })).resolves.toBeDefined();
  });
});

describe("reply scoping", () => {
  for (const who of ["athleteB", "coachB"] as const) {
    it(`${who} can neither answer nor read squad A's threads: not found, nothing written`, async () => {
      const w = await commented();
      const before = await counts();
      await expect(replyToComment(w[who], { commentId: w.onSession.id, body: "Hello" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(replyToComment(w[who], { commentId: w.onReport.id, body: "Hello" })).rejects.toBeInstanceOf(NotFoundError);
      await expect(listCommentThreads(w[who], w.athleteA.id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await counts()).toEqual(before);
    });
  }

  it("an athlete cannot reply to a comment to another athlete of their own squad", async () => {
    const w = await commented();
    const mate = await viewerOf((await createUser("Athlete")).id);
    await db().membership.create({ data: { userId: mate.id, squadId: w.squadA.id, role: "ATHLETE" } });
    await db().athleteProfile.create({ data: { userId: mate.id } });
    const before = await counts();
    await expect(replyToComment(await viewerOf(mate.id), { commentId: w.onSession.id, body: "Hi" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await counts()).toEqual(before);
  });

  it("the staff of another squad of the same athlete neither read nor answer this squad's threads", async () => {
    const w = await commented();
    // Athlete A joins squad B too: coach B sees them, but not squad A's conversation.
    await db().membership.create({ data: { userId: w.athleteA.id, squadId: w.squadB.id, role: "ATHLETE" } });
    expect(await listCommentThreads(w.coachB, w.athleteA.id)).toEqual([]);
    const before = await counts();
    await expect(replyToComment(w.coachB, { commentId: w.onSession.id, body: "Hello" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await counts()).toEqual(before);
  });

  it("once the athlete has left the squad, its threads stay readable to them but take no reply", async () => {
    const w = await commented();
    await removeMember(w.coachA, { squadId: w.squadA.id, userId: w.athleteA.id });
    const athlete = await viewerOf(w.athleteA.id);
    const threads = await listCommentThreads(athlete, athlete.id);
    expect(threads.map((t) => t.canReply)).toEqual([false, false]);
    const before = await counts();
    await expect(replyToComment(athlete, { commentId: w.onSession.id, body: "Hello?" })).rejects.toBeInstanceOf(NotFoundError);
    await expect(replyToComment(await viewerOf(w.coachA.id), { commentId: w.onSession.id, body: "Hello?" })).rejects.toBeInstanceOf(NotFoundError);
    expect(await counts()).toEqual(before);
  });
});
