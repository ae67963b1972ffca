import { randomUUID } from "node:crypto";
import type { Db } from "./fixtures";
import { seedChartHistory } from "./chart-fixtures";
import { daysFromToday } from "./coach-fixtures";

/**
 * Every page of the app, as each kind of person reaches it, on one squad with enough history that the
 * charts, flags, reports and plans all have something to show: a coach (the squad's owner), a clinician,
 * an athlete with ten weeks of training, pain reports, a check-in, a planned week and a comment, and an
 * athlete the coaches keep without a login. Used by the accessibility sweep (every page, every role, both
 * languages) and the phone sweep (no page wider than a 375 px screen).
 */
export type Tour = {
  coach: { email: string };
  clinician: { email: string };
  athlete: { email: string };
  pages: { loggedOut: string[]; athlete: string[]; coach: string[]; clinician: string[] };
  /** Words the tour itself wrote (names, notes, a comment, titles): people's data, in whatever language they typed. */
  userText: string[];
};

export async function buildTour(db: Db, label: string): Promise<Tour> {
  const { coach, squad, athlete } = await db.squadWithAthlete(`Tour ${label}`);
  const clinician = await db.createUser(`Clinician ${label}`);
  await db.addMember(squad.id, clinician.id, "CLINICIAN");
  await db.query(`UPDATE "Squad" SET "wellnessCheckIn" = true WHERE id = $1`, [squad.id]);
  await seedChartHistory(db, athlete.id);
  const sessionId = await db.createSession(athlete.id, { date: daysFromToday(-1), notes: "Easy loop" });
  const reportId = await db.createPainReport(athlete.id, { date: daysFromToday(0), zone: "LUMBAR", nrs: 4 });
  const plannedId = await db.createPlannedSession(squad.id, athlete.id, { date: daysFromToday(2), title: "Core A" });
  await db.createPlannedSession(squad.id, athlete.id, { date: daysFromToday(3), type: "RUN", durationMin: 45 });
  const templateName = `Base week ${randomUUID().slice(0, 4)}`;
  const templateId = await db.createTemplate(squad.id, templateName);
  const comment = "Nice week, keep the long run easy.";
  await db.createComment(squad.id, athlete.id, coach.id, comment);
  const managed = await db.createManagedAthlete(squad.id, `Kept ${label}`);
  const invitation = await db.createInvitation(squad.id);
  const claim = await db.createInvitation(squad.id, { claimUserId: managed.id });

  const s = `/coach/squads/${squad.id}`;
  const a = `${s}/athletes/${athlete.id}`;
  // The athlete page's tabs each render different parts: every one is a page of its own here.
  const staffShared = [`/coach`, s, a, `${a}?tab=load`, `${a}?tab=back`, `${a}?tab=sessions`, `/inbox`, `/settings`];
  return {
    coach,
    clinician,
    athlete,
    userText: [comment, templateName, "Easy loop", "Core A", "Road pair", coach.name, clinician.name, athlete.name, squad.name, managed.name, coach.email, athlete.email, clinician.email],
    pages: {
      loggedOut: [`/login`, `/signup`, `/invite/${invitation}`, `/claim/${claim}`, `/this-page-does-not-exist`],
      athlete: [
        `/athlete`,
        `/athlete?tab=load`,
        `/athlete?tab=sessions`,
        `/athlete/sessions`,
        `/athlete/sessions/${sessionId}`,
        `/athlete/import`,
        `/athlete/calendar`,
        `/athlete/shoes`,
        `/athlete/pain`,
        `/athlete/pain/${reportId}`,
        `/athlete/check-in`,
        `/athlete/wellness`,
        `/athlete/profile`,
        `/inbox`,
        `/settings`,
      ],
      coach: [
        ...staffShared,
        `${a}?tab=plan`,
        `${a}?tab=profile`,
        `${a}/plan`,
        `${a}/plan/sessions/${plannedId}`,
        `${a}/thresholds`,
        `${a}/log`,
        `${a}/import`,
        `${s}/athletes/${managed.id}/account`,
        `${s}/audit`,
        `${s}/log`,
        `${s}/log/import`,
        `${s}/plan`,
        `${s}/plan/templates`,
        `${s}/plan/templates/${templateId}`,
        `${s}/thresholds`,
      ],
      clinician: staffShared,
    },
  };
}
