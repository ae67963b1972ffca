import type { Db } from "./fixtures";

/** A calendar day relative to today, as the app stores it for athletes in UTC. */
export const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

/** The Monday of the week holding a date. */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - ((d.getUTCDay() + 6) % 7));
  return d.toISOString().slice(0, 10);
}

export const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** A coach with a squad of athletes with distinct first names, so a name never matches another as a prefix. */
export async function squadWithAthletes(db: Db, label: string, firstNames: string[]) {
  const coach = await db.createUser(`Coach ${label}`);
  const squad = await db.createSquad(`Squad ${label} ${Math.random().toString(36).slice(2, 6)}`, coach.id);
  const athletes = [];
  for (const first of firstNames) {
    const athlete = await db.createUser(`${first} ${label}`);
    await db.addMember(squad.id, athlete.id, "ATHLETE");
    athletes.push(athlete);
  }
  return { coach, squad, athletes };
}
