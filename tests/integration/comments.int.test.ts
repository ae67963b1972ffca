import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { createSession } from "@/lib/sessions/mutations";
import { createComment } from "@/lib/comments/mutations";
import { listCommentTargets } from "@/lib/comments/queries";
import { listCommentsForAthlete } from "@/lib/athletes/comments";
import type { Viewer } from "@/lib/auth/permissions";
import { twoSquads } from "./factories";

const NOW = new Date("2026-06-15T12:00:00Z");

async function painReport(athleteId: string, nrs = 4) {
  const r = await db().backPainReport.create({
    data: { userId: athleteId, localDate: new Date("2026-06-14T00:00:00Z"), zone: "LUMBAR", nrs, notes: "stiff after the long run" },
    select: { id: true },
  });
  return r.id;
}

async function session(athlete: Viewer) {
  return (await createSession(athlete, { type: "RUN", date: "2026-06-14", duration: "40", distance: "8", rpe: "5" }, NOW)).id;
}

describe("coach comments", () => {
  it("a coach comments on a pain report and a session; the athlete reads them on their home", async () => {
    const { coachA, squadA, athleteA } = await twoSquads();
    const reportId = await painReport(athleteA.id);
    const sessionId = await session(athleteA);

    await createComment(coachA, { squadId: squadA.id, athleteId: athleteA.id, painReportId: reportId, body: "  Ease off the hills this week.  " });
    await createComment(coachA, { squadId: squadA.id, athleteId: athleteA.id, sessionId, body: "Nice even pacing." });

    const seen = await listCommentsForAthlete(athleteA, athleteA.id);
    expect(seen.map((c) => c.body).sort()).toEqual(["Ease off the hills this week.", "Nice even pacing."]);
    expect(seen.find((c) => c.body.startsWith("Ease"))).toMatchObject({ author: coachA.name, about: "lumbar pain report of 2026-06-14" });
    expect(seen.find((c) => c.body.startsWith("Nice"))?.about).toBe("run session of 2026-06-14");

    const audits = await db().auditLog.findMany({ where: { action: "comment.create" } });
    expect(audits).toHaveLength(2);
    expect(audits[0]).toMatchObject({ actorId: coachA.id, squadId: squadA.id, subjectUserId: athleteA.id, entity: "CoachComment" });

    const targets = await listCommentTargets(coachA, squadA.id, athleteA.id);
    expect(targets.painReports).toEqual([expect.objectContaining({ id: reportId, nrs: 4, commentCount: 1 })]);
    expect(targets.sessions).toEqual([expect.objectContaining({ id: sessionId, type: "RUN", commentCount: 1 })]);
  });

  it("checks the body and the target", async () => {
    const { coachA, squadA, athleteA } = await twoSquads();
    const reportId = await painReport(athleteA.id);
    const sessionId = await session(athleteA);
    const base = { squadId: squadA.id, athleteId: athleteA.id };
    const fieldErrors = (p: Promise<unknown>) =>
      p.then(
        () => null,
        (e: unknown) => (e instanceof ValidationError ? e.fieldErrors : e),
      );
    expect(await fieldErrors(createComment(coachA, { ...base, painReportId: reportId, body: "   " }))).toMatchObject({ body: ["Write a comment"] });
    expect(await fieldErrors(createComment(coachA, { ...base, painReportId: reportId, body: "x".repeat(2001) }))).toMatchObject({
      body: ["Use at most 2000 characters"],
    });
    expect(await fieldErrors(createComment(coachA, { ...base, body: "On what?" }))).toMatchObject({ form: [expect.any(String)] });
    expect(await fieldErrors(createComment(coachA, { ...base, sessionId, painReportId: reportId, body: "Both?" }))).toMatchObject({
      form: [expect.any(String)],
    });
    await expect(createComment(coachA, { ...base, painReportId: reportId, body: "x".repeat(2000) })).resolves.toBeDefined();
    expect(await db().coachComment.count()).toBe(1);
  });
});

describe("comment scoping", () => {
  for (const who of ["athleteA", "athleteB", "coachB"] as const) {
    it(`answers ${who} with not-found and writes nothing`, async () => {
      const w = await twoSquads();
      const reportId = await painReport(w.athleteA.id);
      const sessionId = await session(w.athleteA);
      const v = w[who];
      await expect(
        createComment(v, { squadId: w.squadA.id, athleteId: w.athleteA.id, painReportId: reportId, body: "Hello" }),
      ).rejects.toBeInstanceOf(NotFoundError);
      await expect(createComment(v, { squadId: w.squadA.id, athleteId: w.athleteA.id, sessionId, body: "Hello" })).rejects.toBeInstanceOf(
        NotFoundError,
      );
      await expect(listCommentTargets(v, w.squadA.id, w.athleteA.id)).rejects.toBeInstanceOf(NotFoundError);
      expect(await db().coachComment.count()).toBe(0);
      expect(await db().auditLog.count({ where: { action: "comment.create" } })).toBe(0);
    });
  }

  it("refuses a session or report of another athlete, even one the coach may comment on", async () => {
    const w = await twoSquads();
    const reportB = await painReport(w.athleteB.id);
    const sessionB = await session(w.athleteB);
    // Coach A names their own athlete but points at athlete B's records.
    await expect(
      createComment(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteA.id, painReportId: reportB, body: "Hello" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createComment(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteA.id, sessionId: sessionB, body: "Hello" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    // Coach B through their own squad, naming athlete A.
    const reportA = await painReport(w.athleteA.id);
    await expect(
      createComment(w.coachB, { squadId: w.squadB.id, athleteId: w.athleteA.id, painReportId: reportA, body: "Hello" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    await expect(
      createComment(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteA.id, painReportId: "no-such-report", body: "Hello" }),
    ).rejects.toBeInstanceOf(NotFoundError);
    expect(await db().coachComment.count()).toBe(0);
  });

  it("the athlete of another squad never sees squad A's comments", async () => {
    const w = await twoSquads();
    const reportA = await painReport(w.athleteA.id);
    await createComment(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteA.id, painReportId: reportA, body: "For A only" });
    expect(await listCommentsForAthlete(w.athleteB, w.athleteB.id)).toEqual([]);
    await expect(listCommentsForAthlete(w.coachB, w.athleteA.id)).rejects.toBeInstanceOf(NotFoundError);
  });
});
