import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isAthlete, isAthleteWithoutSquad } from "@/lib/auth/permissions";
import { acceptInvitationAsViewer, createInvitation, removeMember, undoRemoveMember } from "@/lib/squads/mutations";
import { getRecentRemoval } from "@/lib/squads/queries";
import { AppError } from "@/lib/errors";
import { createSession } from "@/lib/sessions/mutations";
import { listOwnSessions } from "@/lib/sessions/queries";
import { getAthleteSummary } from "@/lib/athletes/queries";
import { createPainReport } from "@/lib/pain/mutations";
import { NotFoundError } from "@/lib/errors";
import { ASKED_RED_FLAGS, redFlagField } from "@/lib/pain/labels";
import { twoSquads, viewerOf } from "./factories";

const NOW = new Date("2026-06-15T12:00:00Z");

const painReport = {
  date: "2026-06-15",
  zone: "LUMBAR",
  subArea: "lumbosacral",
  side: "CENTRAL",
  nrs: "3",
  timing: "AFTER_RUN",
  triggerPoint: "yes",
  mechanical: "yes",
  ...Object.fromEntries(ASKED_RED_FLAGS.map((s) => [redFlagField(s.id), "no"])),
};

describe("leaving a squad", () => {
  it("keeps the athlete's account and data, and their own pages, with no squad", async () => {
    const { squadA, squadB, coachA, coachB, athleteA } = await twoSquads();
    await createSession(athleteA, { type: "RUN", date: "2026-06-14", duration: "50", distance: "10" }, NOW);
    await removeMember(coachA, { squadId: squadA.id, userId: athleteA.id });

    const removed = await viewerOf(athleteA.id);
    expect(removed.memberships).toEqual([]);
    expect(isAthlete(removed)).toBe(true);
    expect(isAthleteWithoutSquad(removed)).toBe(true);
    expect(await listOwnSessions(removed, 7, NOW)).toHaveLength(1);
    expect((await getAthleteSummary(removed, athleteA.id, NOW)).squads).toEqual([]);
    // Logging goes on, and alerts nobody: no squad's staff see this athlete now.
    await createSession(removed, { type: "RUN", date: "2026-06-15", duration: "30", distance: "6" }, NOW);
    await createPainReport(removed, painReport, NOW);
    expect(await db().notification.count({ where: { athleteId: athleteA.id } })).toBe(0);
    // The old squad's coach no longer sees them.
    expect(await getAthleteSummary(coachA, athleteA.id, NOW).catch((e) => e)).toBeInstanceOf(NotFoundError);

    // An invitation from another squad brings them in with their history.
    const { token } = await createInvitation(coachB, { squadId: squadB.id, role: "ATHLETE" });
    await acceptInvitationAsViewer(removed, token);
    const joined = await viewerOf(athleteA.id);
    expect(isAthleteWithoutSquad(joined)).toBe(false);
    expect((await getAthleteSummary(coachB, athleteA.id, NOW)).squads.map((s) => s.id)).toEqual([squadB.id]);
    expect(await db().trainingSession.count({ where: { userId: athleteA.id } })).toBe(2);
  });

  it("leaves coaches without a profile outside the athlete's pages", async () => {
    const { coachA } = await twoSquads();
    expect(isAthlete(coachA)).toBe(false);
  });

  it("can be undone by the coach who removed them, for 15 minutes, as the membership was", async () => {
    const { squadA, coachA, coachB, athleteA } = await twoSquads();
    await db().membership.updateMany({ where: { squadId: squadA.id, userId: athleteA.id }, data: { thresholds: { compensatoryMinRuns: 4 } } });
    const before = await db().membership.findFirstOrThrow({ where: { squadId: squadA.id, userId: athleteA.id } });
    await removeMember(coachA, { squadId: squadA.id, userId: athleteA.id });

    expect(await getRecentRemoval(coachA, squadA.id, athleteA.id)).toMatchObject({ name: athleteA.name, undoable: true, role: "ATHLETE" });
    // Too late, or someone else's removal: refused, nothing written.
    const later = new Date(Date.now() + 16 * 60_000);
    expect(await undoRemoveMember(coachA, { squadId: squadA.id, userId: athleteA.id }, later).catch((e) => e)).toBeInstanceOf(AppError);
    expect(await undoRemoveMember(coachB, { squadId: squadA.id, userId: athleteA.id }).catch((e) => e)).toBeInstanceOf(NotFoundError);
    expect(await db().membership.count({ where: { squadId: squadA.id, userId: athleteA.id } })).toBe(0);

    await undoRemoveMember(coachA, { squadId: squadA.id, userId: athleteA.id });
    const after = await db().membership.findFirstOrThrow({ where: { squadId: squadA.id, userId: athleteA.id } });
    expect(after).toMatchObject({ role: "ATHLETE", thresholds: { compensatoryMinRuns: 4 }, createdAt: before.createdAt });
    expect(await getRecentRemoval(coachA, squadA.id, athleteA.id)).toBeNull();
    expect(await db().auditLog.count({ where: { action: "squad.restore-member", subjectUserId: athleteA.id } })).toBe(1);
  });
});

