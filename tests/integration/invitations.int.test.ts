import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import {
  acceptInvitationAsNewUser,
  acceptInvitationAsViewer,
  createInvitation,
  InvitationUnusableError,
  removeMember,
  revokeInvitation,
} from "@/lib/squads/mutations";
import { getInvitationByToken, getSquadForCoach } from "@/lib/squads/queries";
import { hashToken } from "@/lib/tokens";
import { AppError, ConflictError } from "@/lib/errors";
import { addAthlete, createSquadWithCoach, createUser, viewerOf } from "./factories";

const newcomer = (n = 1) => ({ name: `New Runner ${n}`, email: `runner${n}@example.test`, password: "a good password" });

async function setup() {
  const { coach, squad } = await createSquadWithCoach();
  return { squad, coach: await viewerOf(coach.id) };
}

describe("invitations", () => {
  it("stores only the token's hash and expires after 7 days", async () => {
    const { squad, coach } = await setup();
    const now = new Date("2026-03-01T10:00:00Z");
    const { token, expiresAt } = await createInvitation(coach, { squadId: squad.id, role: "ATHLETE" }, now);
    const row = await db().invitation.findFirstOrThrow({ where: { squadId: squad.id } });
    expect(row.tokenHash).toBe(hashToken(token));
    expect(row.tokenHash).not.toContain(token);
    expect(expiresAt.toISOString()).toBe("2026-03-08T10:00:00.000Z");
  });

  it("lets a new person join once; the link is then used", async () => {
    const { squad, coach } = await setup();
    const { token } = await createInvitation(coach, { squadId: squad.id, role: "ATHLETE", note: "Maria" });
    expect(await getInvitationByToken(token)).toMatchObject({ status: "pending", squadName: squad.name });
    const { userId } = await acceptInvitationAsNewUser({ token, ...newcomer() });
    const membership = await db().membership.findFirstOrThrow({ where: { userId } });
    expect(membership).toMatchObject({ squadId: squad.id, role: "ATHLETE" });
    expect(await db().athleteProfile.count({ where: { userId } })).toBe(1);
    expect(await getInvitationByToken(token)).toEqual({ status: "used" });
    await expect(acceptInvitationAsNewUser({ token, ...newcomer(2) })).rejects.toBeInstanceOf(InvitationUnusableError);
    expect(await db().user.count({ where: { email: "runner2@example.test" } })).toBe(0);
  });

  it("admits exactly one of two simultaneous accepts", async () => {
    const { squad, coach } = await setup();
    const { token } = await createInvitation(coach, { squadId: squad.id, role: "ATHLETE" });
    const results = await Promise.allSettled([
      acceptInvitationAsNewUser({ token, ...newcomer(1) }),
      acceptInvitationAsNewUser({ token, ...newcomer(2) }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await db().membership.count({ where: { squadId: squad.id, role: "ATHLETE" } })).toBe(1);
  });

  it("refuses expired, revoked and unknown links with nothing written", async () => {
    const { squad, coach } = await setup();
    const past = new Date(Date.now() - 8 * 86_400_000);
    const expired = await createInvitation(coach, { squadId: squad.id, role: "ATHLETE" }, past);
    const revoked = await createInvitation(coach, { squadId: squad.id, role: "ATHLETE" });
    await revokeInvitation(coach, { invitationId: revoked.invitationId });
    expect(await getInvitationByToken(expired.token)).toEqual({ status: "expired" });
    expect(await getInvitationByToken(revoked.token)).toEqual({ status: "revoked" });
    expect(await getInvitationByToken("x".repeat(43))).toEqual({ status: "unknown" });
    for (const token of [expired.token, revoked.token, "y".repeat(43)]) {
      await expect(acceptInvitationAsNewUser({ token, ...newcomer() })).rejects.toBeInstanceOf(InvitationUnusableError);
    }
    expect(await db().user.count({ where: { email: "runner1@example.test" } })).toBe(0);
  });

  it("keeps the link usable when the email is taken (the whole accept rolls back)", async () => {
    const { squad, coach } = await setup();
    const existing = await createUser("Existing");
    const { token } = await createInvitation(coach, { squadId: squad.id, role: "ATHLETE" });
    await expect(
      acceptInvitationAsNewUser({ token, name: "Someone", email: existing.email, password: "a good password" }),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await getInvitationByToken(token)).toMatchObject({ status: "pending" });
  });

  it("lets a signed-in person join another squad with their account", async () => {
    const { squad, coach } = await setup();
    const other = await createSquadWithCoach("Other");
    const otherCoach = await viewerOf(other.coach.id);
    const { token } = await createInvitation(coach, { squadId: squad.id, role: "ATHLETE" });
    await acceptInvitationAsViewer(otherCoach, token);
    const roles = await db().membership.findMany({ where: { userId: otherCoach.id }, select: { role: true, squadId: true } });
    expect(roles).toHaveLength(2);
    expect(roles).toContainEqual({ role: "ATHLETE", squadId: squad.id });
  });

  it("only the head coach invites assistant coaches and clinicians", async () => {
    const { squad, coach } = await setup();
    const { token } = await createInvitation(coach, { squadId: squad.id, role: "COACH" });
    const assistant = await acceptInvitationAsNewUser({ token, ...newcomer(3) });
    const assistantViewer = await viewerOf(assistant.userId);
    for (const role of ["COACH", "CLINICIAN"]) {
      await expect(createInvitation(assistantViewer, { squadId: squad.id, role })).rejects.toMatchObject({
        code: "forbidden",
        message: "Only the squad's head coach can invite assistant coaches and clinicians.",
      });
    }
    await expect(createInvitation(assistantViewer, { squadId: squad.id, role: "ATHLETE" })).resolves.toBeDefined();
  });

  it("a clinician joins as staff: reads the squad's athletes, and lands on the squads page", async () => {
    const { squad, coach } = await setup();
    const { token } = await createInvitation(coach, { squadId: squad.id, role: "CLINICIAN" });
    const physio = await acceptInvitationAsNewUser({ token, ...newcomer(4) });
    const viewer = await viewerOf(physio.userId);
    expect(viewer.memberships).toEqual([expect.objectContaining({ squadId: squad.id, role: "CLINICIAN", isOwner: false })]);
    // No athlete profile for staff.
    expect(await db().athleteProfile.count({ where: { userId: physio.userId } })).toBe(0);
  });
});

describe("removing a member", () => {
  it("removes the athlete from the squad and keeps their own data", async () => {
    const { squad, coach } = await setup();
    const athlete = await addAthlete(squad.id);
    await db().trainingSession.create({
      data: { userId: athlete.id, localDate: new Date("2026-01-01T00:00:00Z"), type: "RUN", durationMin: 30, distanceKm: 6 },
    });
    await removeMember(coach, { squadId: squad.id, userId: athlete.id });
    expect(await db().membership.count({ where: { userId: athlete.id } })).toBe(0);
    expect(await db().trainingSession.count({ where: { userId: athlete.id } })).toBe(1);
    expect((await getSquadForCoach(coach, squad.id)).members.map((m) => m.userId)).not.toContain(athlete.id);
    expect(await db().auditLog.count({ where: { action: "squad.remove-member", subjectUserId: athlete.id } })).toBe(1);
  });

  it("never removes the head coach", async () => {
    const { squad, coach } = await setup();
    await expect(removeMember(coach, { squadId: squad.id, userId: coach.id })).rejects.toBeInstanceOf(AppError);
  });
});
