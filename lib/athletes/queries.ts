import "server-only";
import { countsForLoad, DEFAULT_RPE, loadMinutes } from "@/lib/sessions/daily-load";
import { isEmergencySymptom } from "@/lib/pain/labels";
import { db } from "@/lib/db";
import { NotFoundError } from "@/lib/errors";
import { athleteSquads, canViewAthlete, isStaffRole, type Viewer } from "@/lib/auth/permissions";
import { readAthleteRecord } from "@/lib/profiles/queries";
import { addDays, dateOnly, todayIn, toDbDate } from "@/lib/dates";
import { sessionWhen } from "@/lib/sessions/display-time";

export type WindowSummary = { sessions: number; runKm: number; durationMin: number; loadAu: number };

export type AthleteSummary = {
  athleteId: string;
  name: string;
  today: string;
  last7: WindowSummary;
  last28: WindowSummary;
  recentSessions: {
    id: string;
    /** The day the session counts on. */
    date: string;
    /** The start's day and time in the viewer's zone, and why it counts on another day when it does. */
    shownDate: string;
    startTime: string | null;
    countedNote: string | null;
    type: string;
    durationMin: number;
    distanceKm: number | null;
    rpe: number | null;
  }[];
  /** The latest report; `redFlag` is "emergency" for an emergency symptom, else whether it had a warning sign. */
  lastPainReport: { date: string; zone: string; nrs: number; redFlag: boolean | "emergency" } | null;
  squads: { id: string; name: string; coaches: string[] }[];
};

function summarise(
  rows: { localDate: Date; type: string; durationMin: number; movingMin: number | null; distanceKm: number | null; rpe: number | null }[],
  from: string,
): WindowSummary {
  const out: WindowSummary = { sessions: 0, runKm: 0, durationMin: 0, loadAu: 0 };
  for (const r of rows) {
    if (dateOnly(r.localDate) < from) continue;
    out.sessions += 1;
    const minutes = loadMinutes(r);
    out.durationMin += minutes;
    out.loadAu += (r.rpe ?? DEFAULT_RPE) * minutes;
    if (r.type === "RUN") out.runKm += r.distanceKm ?? 0;
  }
  return out;
}

/** The last 7 and 28 days of an athlete, for the athlete or their coaches. */
export async function getAthleteSummary(viewer: Viewer, athleteId: string, now = new Date()): Promise<AthleteSummary> {
  const prisma = db();
  if (!(await canViewAthlete(prisma, viewer, athleteId))) throw new NotFoundError("Athlete not found");
  const [record, squads] = await Promise.all([readAthleteRecord(prisma, athleteId), athleteSquads(prisma, athleteId)]);
  if (!record) throw new NotFoundError("Athlete not found");
  const user = record.profile;
  const today = todayIn(user.timeZone, now);
  const from28 = addDays(today, -27);
  const [sessions, lastReport] = await Promise.all([
    prisma.trainingSession.findMany({
      where: { userId: athleteId, localDate: { gte: toDbDate(from28), lte: toDbDate(today) }, ...countsForLoad },
      select: { id: true, localDate: true, startTime: true, timeZone: true, type: true, durationMin: true, movingMin: true, distanceKm: true, rpe: true },
      orderBy: [{ localDate: "desc" }, { startTime: "desc" }],
    }),
    prisma.backPainReport.findFirst({
      where: { userId: athleteId },
      orderBy: [{ localDate: "desc" }, { reportedAt: "desc" }],
      select: { localDate: true, zone: true, nrs: true, redFlags: true },
    }),
  ]);
  // Staff see only the squads they share with the athlete.
  const visibleSquads = squads.filter(
    (s) => viewer.id === athleteId || viewer.memberships.some((vm) => vm.squadId === s.squadId && isStaffRole(vm.role)),
  );
  return {
    athleteId: user.userId,
    name: user.name,
    today,
    last7: summarise(sessions, addDays(today, -6)),
    last28: summarise(sessions, from28),
    recentSessions: sessions.slice(0, 10).map((s) => {
      const date = dateOnly(s.localDate);
      const whose = viewer.id === athleteId ? "your" : "the athlete's";
      const when = sessionWhen({ localDate: date, startTime: s.startTime, timeZone: s.timeZone }, viewer.timeZone, whose);
      return {
        id: s.id,
        date,
        shownDate: when.date,
        startTime: when.time,
        countedNote: when.countedNote,
        type: s.type,
        durationMin: loadMinutes(s),
        distanceKm: s.distanceKm,
        rpe: s.rpe,
      };
    }),
    lastPainReport: lastReport
      ? {
          date: dateOnly(lastReport.localDate),
          zone: lastReport.zone,
          nrs: lastReport.nrs,
          redFlag: lastReport.redFlags.some(isEmergencySymptom) ? "emergency" : lastReport.redFlags.length > 0,
        }
      : null,
    squads: visibleSquads.map((s) => ({ id: s.squadId, name: s.squadName, coaches: s.coaches })),
  };
}
