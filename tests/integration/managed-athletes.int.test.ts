import { describe, expect, it, vi } from "vitest";
import { strFromU8, unzipSync } from "fflate";
import { db } from "@/lib/db";
import { AppError, ConflictError, NotFoundError, ValidationError } from "@/lib/errors";
import { checkCredentials } from "@/lib/auth/credentials";
import { loadViewerForSession } from "@/lib/auth/permissions";
import { openSession } from "@/lib/auth/sessions";
import { verifyPassword } from "@/lib/auth/password";
import {
  claimProfile,
  createClaimInvitation,
  createManagedAthlete,
  deleteManagedAthlete,
} from "@/lib/managed-athletes/mutations";
import { getAthleteLogin, getClaimByToken } from "@/lib/managed-athletes/queries";
import { buildManagedAthleteDataZip } from "@/lib/account-data/export";
import { acceptInvitationAsNewUser, InvitationUnusableError, removeMember } from "@/lib/squads/mutations";
import { getInvitationByToken, getSquadForCoach } from "@/lib/squads/queries";
import { getCoachAthleteView } from "@/lib/athletes/coach-view";
import { getPlanningView } from "@/lib/plans/planning";
import { getAthleteCalendar } from "@/lib/plans/queries";
import { listSquadAudit } from "@/lib/audit-view/queries";
import { notifyAthlete } from "@/lib/notifications/mutations";
import { toDbDate, todayIn } from "@/lib/dates";
import { createUser, twoSquads, viewerOf } from "./factories";

vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const PLACEHOLDER = /@backbone\.invalid/;
const newLogin = (n = 1) => ({ name: `Ana Runner ${n}`, email: `ana${n}@example.test`, password: "a good password" });

/** Two squads, and in squad A an athlete the coach keeps without a login, with a week of history. */
async function world() {
  const w = await twoSquads();
  await db().user.update({ where: { id: w.coachA.id }, data: { timeZone: "Europe/Madrid", unitPreference: "MI" } });
  const coachA = await viewerOf(w.coachA.id);
  const { athleteId } = await createManagedAthlete(coachA, {
    squadId: w.squadA.id,
    name: "Ana Runner",
    birthDate: "2001-04-12",
    sex: "FEMALE",
    heightCm: "165",
    weightKg: "",
  });
  return { ...w, coachA, athleteId };
}

async function logHistory(squadId: string, athleteId: string) {
  const prisma = db();
  const today = todayIn("UTC");
  await prisma.trainingSession.createMany({
    data: [0, 2, 4].map((d) => ({
      userId: athleteId,
      localDate: toDbDate(today),
      type: "RUN" as const,
      durationMin: 40 + d,
      distanceKm: 8,
      rpe: 5,
      notes: `run ${d}`,
    })),
  });
  await prisma.backPainReport.create({ data: { userId: athleteId, localDate: toDbDate(today), zone: "LUMBAR", subArea: "lower-back-centre", nrs: 3 } });
  await prisma.plannedSession.create({ data: { squadId, athleteId, date: toDbDate(today), type: "CORE", durationMin: 25, origin: "COACH" } });
}

describe("athletes without a login", () => {
  it("are created with a placeholder login that never works, a profile and a membership, in the coach's zone and units", async () => {
    const w = await world();
    const user = await db().user.findUniqueOrThrow({
      where: { id: w.athleteId },
      include: { profile: true, memberships: true },
    });
    expect(user).toMatchObject({ name: "Ana Runner", hasLogin: false, passwordHash: "!", timeZone: "Europe/Madrid", unitPreference: "MI" });
    expect(user.email).toMatch(/^no-login\+[0-9a-f-]{36}@backbone\.invalid$/);
    expect(user.profile).toMatchObject({ sex: "FEMALE", heightCm: 165, weightKg: null });
    expect(user.profile?.birthDate?.toISOString().slice(0, 10)).toBe("2001-04-12");
    expect(user.memberships).toEqual([expect.objectContaining({ squadId: w.squadA.id, role: "ATHLETE" })]);
    const audit = await db().auditLog.findFirstOrThrow({ where: { action: "athlete.create-managed" } });
    expect(audit).toMatchObject({ actorId: w.coachA.id, squadId: w.squadA.id, subjectUserId: w.athleteId });
  });

  it("refuses a bad profile field and writes nothing", async () => {
    const w = await world();
    const before = await db().user.count();
    await expect(createManagedAthlete(w.coachA, { squadId: w.squadA.id, name: " ", sex: "FEMALE", heightCm: "20" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await db().user.count()).toBe(before);
  });

  it("cannot log in, by email or by a session row", async () => {
    const w = await world();
    const { email, passwordHash } = await db().user.findUniqueOrThrow({ where: { id: w.athleteId } });
    expect(await verifyPassword(passwordHash, "!")).toBe(false);
    for (const password of ["!", "", "a good password"]) {
      expect(await checkCredentials(db(), email, password)).toBeNull();
    }
    expect(await checkCredentials(db(), "nobody@example.test", "a good password")).toBeNull();
    const sessionId = await openSession(db(), w.athleteId, { maxAgeSeconds: 3600 });
    expect(await loadViewerForSession(db(), w.athleteId, sessionId)).toBeNull();
  });

  it("never show their placeholder email to staff", async () => {
    const w = await world();
    await logHistory(w.squadA.id, w.athleteId);
    const squad = await getSquadForCoach(w.coachA, w.squadA.id);
    expect(squad.members.find((m) => m.userId === w.athleteId)).toMatchObject({ email: null, hasLogin: false });
    expect(squad.members.find((m) => m.userId === w.athleteA.id)?.email).toBe(w.athleteA.email);
    const views = [
      squad,
      await getCoachAthleteView(w.coachA, w.squadA.id, w.athleteId),
      await listSquadAudit(w.coachA, w.squadA.id),
    ];
    for (const view of views) expect(JSON.stringify(view)).not.toMatch(PLACEHOLDER);
    const { zip } = await buildManagedAthleteDataZip(w.coachA, w.squadA.id, w.athleteId);
    const files = unzipSync(zip);
    for (const [name, bytes] of Object.entries(files)) expect(strFromU8(bytes), name).not.toMatch(PLACEHOLDER);
    const data = JSON.parse(strFromU8(files["backbone-data.json"]));
    expect(data.account).toMatchObject({ id: w.athleteId, email: null, name: "Ana Runner" });
    expect(data.sessions).toHaveLength(3);
  });

  it("get their alerts in the inbox, and no email to the placeholder", async () => {
    const w = await world();
    const settings = { smtpUrl: "smtp://127.0.0.1:1", from: "Backbone <alerts@backbone.test>", appUrl: "https://backbone.test", messageIdDomain: "backbone.test", pollMs: 1000 };
    const input = { athleteId: w.athleteId, kind: "COMMENT" as const, squadId: w.squadA.id, entityId: "c1", link: "/athlete" };
    expect(await db().$transaction((tx) => notifyAthlete(tx, input, settings))).toEqual({ created: 1 });
    expect(await db().outboxEmail.count()).toBe(0);
  });

  it("have working athlete and plan pages for their coach", async () => {
    const w = await world();
    await logHistory(w.squadA.id, w.athleteId);
    const view = await getCoachAthleteView(w.coachA, w.squadA.id, w.athleteId);
    expect(view.profile).toMatchObject({ name: "Ana Runner", email: null });
    const planning = await getPlanningView(w.coachA, w.squadA.id, w.athleteId);
    expect(planning.planned).toHaveLength(1);
    const calendar = await getAthleteCalendar(w.coachA, w.squadA.id, w.athleteId, { view: "week", start: todayIn("UTC") });
    expect(calendar).toBeTruthy();
    expect(await getAthleteLogin(w.coachA, w.squadA.id, w.athleteId)).toMatchObject({ hasLogin: false, pendingClaimExpiresAt: null });
  });

  it("cannot be removed from the squad (their data would be out of everyone's reach)", async () => {
    const w = await world();
    await expect(removeMember(w.coachA, { squadId: w.squadA.id, userId: w.athleteId })).rejects.toBeInstanceOf(AppError);
    expect(await db().membership.count({ where: { userId: w.athleteId } })).toBe(1);
  });
});

describe("claiming a profile", () => {
  it("turns the same user into the person's account, history intact", async () => {
    const w = await world();
    await logHistory(w.squadA.id, w.athleteId);
    const { token } = await createClaimInvitation(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteId });
    expect(await getClaimByToken(token)).toMatchObject({ status: "pending", name: "Ana Runner", squadName: w.squadA.name });
    const { userId } = await claimProfile({ token, ...newLogin() });
    expect(userId).toBe(w.athleteId);
    const user = await db().user.findUniqueOrThrow({ where: { id: w.athleteId } });
    expect(user).toMatchObject({ email: "ana1@example.test", name: "Ana Runner 1", hasLogin: true });
    expect(await checkCredentials(db(), "ana1@example.test", "a good password")).toMatchObject({ id: w.athleteId });
    const prisma = db();
    expect(await prisma.trainingSession.count({ where: { userId: w.athleteId } })).toBe(3);
    expect(await prisma.backPainReport.count({ where: { userId: w.athleteId } })).toBe(1);
    expect(await prisma.plannedSession.count({ where: { athleteId: w.athleteId } })).toBe(1);
    expect(await prisma.membership.count({ where: { userId: w.athleteId, squadId: w.squadA.id, role: "ATHLETE" } })).toBe(1);
    expect(await prisma.auditLog.findFirstOrThrow({ where: { action: "athlete.claim" } })).toMatchObject({
      actorId: w.athleteId,
      subjectUserId: w.athleteId,
      squadId: w.squadA.id,
    });
    const squad = await getSquadForCoach(w.coachA, w.squadA.id);
    expect(squad.members.find((m) => m.userId === w.athleteId)).toMatchObject({ email: "ana1@example.test", hasLogin: true });
  });

  it("works once: a used, expired, revoked or replaced link is refused and changes nothing", async () => {
    const w = await world();
    const past = new Date(Date.now() - 8 * 86_400_000);
    const expired = await createClaimInvitation(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteId }, past);
    const replaced = await createClaimInvitation(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteId });
    const current = await createClaimInvitation(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteId });
    expect(await getClaimByToken(expired.token)).toEqual({ status: "expired" });
    expect(await getClaimByToken(replaced.token)).toEqual({ status: "revoked" });
    for (const token of [expired.token, replaced.token, "z".repeat(43)]) {
      await expect(claimProfile({ token, ...newLogin(2) })).rejects.toBeInstanceOf(InvitationUnusableError);
    }
    await claimProfile({ token: current.token, ...newLogin(1) });
    await expect(claimProfile({ token: current.token, ...newLogin(3) })).rejects.toBeInstanceOf(InvitationUnusableError);
    expect(await getClaimByToken(current.token)).toEqual({ status: "used" });
    expect(await db().user.findUniqueOrThrow({ where: { id: w.athleteId } })).toMatchObject({ email: "ana1@example.test" });
    // The athlete has a login now: no new link.
    await expect(createClaimInvitation(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteId })).rejects.toMatchObject({ status: 403 });
  });

  it("admits exactly one of two simultaneous claims", async () => {
    const w = await world();
    const { token } = await createClaimInvitation(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteId });
    const results = await Promise.allSettled([claimProfile({ token, ...newLogin(1) }), claimProfile({ token, ...newLogin(2) })]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(InvitationUnusableError);
    const winner = results.findIndex((r) => r.status === "fulfilled") + 1;
    expect(await db().user.findUniqueOrThrow({ where: { id: w.athleteId } })).toMatchObject({ email: `ana${winner}@example.test` });
    expect(await db().user.count({ where: { email: { in: ["ana1@example.test", "ana2@example.test"] } } })).toBe(1);
  });

  it("refuses an email that already has an account, and keeps the link usable", async () => {
    const w = await world();
    const existing = await createUser("Existing");
    const { token } = await createClaimInvitation(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteId });
    await expect(claimProfile({ token, ...newLogin(), email: existing.email })).rejects.toBeInstanceOf(ConflictError);
    await expect(claimProfile({ token, ...newLogin(), email: "x@backbone.invalid" })).rejects.toBeInstanceOf(ValidationError);
    expect(await getClaimByToken(token)).toMatchObject({ status: "pending" });
    expect(await db().user.findUniqueOrThrow({ where: { id: w.athleteId } })).toMatchObject({ hasLogin: false, passwordHash: "!" });
  });

  it("cannot be used as an ordinary invitation to join as someone new", async () => {
    const w = await world();
    const { token } = await createClaimInvitation(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteId });
    expect(await getInvitationByToken(token)).toEqual({ status: "claim" });
    await expect(acceptInvitationAsNewUser({ token, ...newLogin() })).rejects.toBeInstanceOf(InvitationUnusableError);
    expect(await db().user.count({ where: { email: "ana1@example.test" } })).toBe(0);
  });
});

describe("data export and deletion by the coach", () => {
  it("works while the athlete has no login, audited as the coach's", async () => {
    const w = await world();
    await logHistory(w.squadA.id, w.athleteId);
    await buildManagedAthleteDataZip(w.coachA, w.squadA.id, w.athleteId);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "account.export" } })).toMatchObject({
      actorId: w.coachA.id,
      subjectUserId: w.athleteId,
      squadId: w.squadA.id,
      meta: { by: "coach" },
    });
    await expect(deleteManagedAthlete(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteId, confirm: "Ana" })).rejects.toBeInstanceOf(
      ValidationError,
    );
    expect(await db().user.count({ where: { id: w.athleteId } })).toBe(1);
    await deleteManagedAthlete(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteId, confirm: " ana runner " });
    expect(await db().user.count({ where: { id: w.athleteId } })).toBe(0);
    expect(await db().trainingSession.count({ where: { userId: w.athleteId } })).toBe(0);
    expect(await db().auditLog.findFirstOrThrow({ where: { action: "account.delete" } })).toMatchObject({
      actorId: w.coachA.id,
      subjectUserId: w.athleteId,
      squadId: w.squadA.id,
      meta: { by: "coach" },
    });
    const audit = await listSquadAudit(w.coachA, w.squadA.id);
    expect(audit.rows.map((r) => r.action)).toContain("Deleted the athlete and their data");
  });

  it("stops once the athlete has claimed the profile: then only they can", async () => {
    const w = await world();
    const { token } = await createClaimInvitation(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteId });
    await claimProfile({ token, ...newLogin() });
    await expect(buildManagedAthleteDataZip(w.coachA, w.squadA.id, w.athleteId)).rejects.toMatchObject({ status: 403 });
    await expect(
      deleteManagedAthlete(w.coachA, { squadId: w.squadA.id, athleteId: w.athleteId, confirm: "Ana Runner 1" }),
    ).rejects.toMatchObject({ status: 403 });
    // An athlete who signed up themselves was never the coach's to export or delete.
    await expect(buildManagedAthleteDataZip(w.coachA, w.squadA.id, w.athleteA.id)).rejects.toMatchObject({ status: 403 });
    expect(await db().user.count({ where: { id: w.athleteId } })).toBe(1);
    expect(await getAthleteLogin(w.coachA, w.squadA.id, w.athleteId)).toMatchObject({ hasLogin: true });
  });
});

describe("scoping", () => {
  it("answers not found to everyone but the athlete's own coaches, on every new action", async () => {
    const w = await world();
    const ids = { squadId: w.squadA.id, athleteId: w.athleteId };
    const tries = (v: typeof w.coachB) => [
      () => createManagedAthlete(v, { squadId: w.squadA.id, name: "Intruder", sex: "UNDISCLOSED" }),
      () => createClaimInvitation(v, ids),
      () => getAthleteLogin(v, w.squadA.id, w.athleteId),
      () => buildManagedAthleteDataZip(v, w.squadA.id, w.athleteId),
      () => deleteManagedAthlete(v, { ...ids, confirm: "Ana Runner" }),
      // Guessing the athlete's id through one's own squad.
      () => createClaimInvitation(v, { squadId: w.squadB.id, athleteId: w.athleteId }),
      () => buildManagedAthleteDataZip(v, w.squadB.id, w.athleteId),
      () => deleteManagedAthlete(v, { squadId: w.squadB.id, athleteId: w.athleteId, confirm: "Ana Runner" }),
    ];
    const audits = await db().auditLog.count();
    for (const v of [w.coachB, w.athleteA, w.athleteB]) {
      for (const run of tries(v)) await expect(run()).rejects.toBeInstanceOf(NotFoundError);
    }
    expect(await db().auditLog.count()).toBe(audits);
    expect(await db().invitation.count()).toBe(0);
    expect(await db().user.count({ where: { id: w.athleteId } })).toBe(1);
    expect(await db().user.count({ where: { name: "Intruder" } })).toBe(0);
  });
});
