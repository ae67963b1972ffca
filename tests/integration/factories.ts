import { db } from "@/lib/db";
import { hashPassword } from "@/lib/auth/password";
import { loadViewer, type Viewer } from "@/lib/auth/permissions";

let counter = 0;
let cachedHash: Promise<string> | undefined;
export const TEST_PASSWORD = "correct horse battery";

async function passwordHash() {
  cachedHash ??= hashPassword(TEST_PASSWORD);
  return cachedHash;
}

export async function createUser(name = "Person"): Promise<{ id: string; email: string }> {
  counter += 1;
  return db().user.create({
    data: { name: `${name} ${counter}`, email: `${name.toLowerCase().replace(/\W+/g, "-")}-${counter}-${Date.now()}@example.test`, passwordHash: await passwordHash() },
    select: { id: true, email: true },
  });
}

export async function createSquadWithCoach(name = "Squad") {
  const coach = await createUser("Coach");
  const squad = await db().squad.create({
    data: { name: `${name} ${counter}`, createdById: coach.id, memberships: { create: { userId: coach.id, role: "COACH", isOwner: true } } },
    select: { id: true, name: true },
  });
  return { coach, squad };
}

export async function addAthlete(squadId: string, existing?: { id: string; email: string }) {
  const athlete = existing ?? (await createUser("Athlete"));
  await db().membership.create({ data: { userId: athlete.id, squadId, role: "ATHLETE" } });
  await db().athleteProfile.upsert({ where: { userId: athlete.id }, create: { userId: athlete.id }, update: {} });
  return athlete;
}

export async function viewerOf(userId: string): Promise<Viewer> {
  const viewer = await loadViewer(db(), userId);
  if (!viewer) throw new Error("viewer not loadable");
  return viewer;
}

/** Two squads, each with a coach and an athlete: the world every access test walks. */
export async function twoSquads() {
  const a = await createSquadWithCoach("Alpha");
  const b = await createSquadWithCoach("Beta");
  const athleteA = await addAthlete(a.squad.id);
  const athleteB = await addAthlete(b.squad.id);
  return {
    squadA: a.squad,
    squadB: b.squad,
    coachA: await viewerOf(a.coach.id),
    coachB: await viewerOf(b.coach.id),
    athleteA: await viewerOf(athleteA.id),
    athleteB: await viewerOf(athleteB.id),
  };
}
