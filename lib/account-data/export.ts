import "server-only";
import { strToU8, zipSync } from "fflate";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/permissions";
import { recordAudit } from "@/lib/audit";
import { assertManagedAthleteOf } from "@/lib/managed-athletes/queries";
import { dateOnly } from "@/lib/dates";
import { spreadsheetCsv, type CsvCell } from "@/lib/exports/csv";

type Row = Record<string, unknown>;

const cell = (v: unknown): CsvCell => {
  if (v === null || v === undefined) return null;
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.join(" ");
  if (typeof v === "object") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return v;
  return String(v);
};

// Through the app's one CSV writer: what the person's coaches typed (planned-session titles, reasons)
// is in these files too, and must not run as a formula when the person opens them.
// Each column is [header, field]: headers are snake_case and name their unit (distances in km, times in
// minutes, instants in UTC), whatever unit the person reads the app in.
function toCsv(rows: Row[], columns: readonly (readonly [string, string])[]): string {
  return spreadsheetCsv(
    columns.map(([header]) => header),
    rows.map((r) => columns.map(([, field]) => cell(r[field]))),
  );
}

const SESSION_COLUMNS = [
  ["local_date", "localDate"],
  ["start_time_utc", "startTime"],
  ["time_zone", "timeZone"],
  ["type", "type"],
  ["cross_training_mode", "subType"],
  ["duration_min", "durationMin"],
  ["moving_min", "movingMin"],
  ["distance_km", "distanceKm"],
  ["elevation_gain_m", "elevationGainM"],
  ["rpe", "rpe"],
  ["avg_hr_bpm", "avgHr"],
  ["surface", "surface"],
  ["shoe_id", "shoeId"],
  ["source", "source"],
  ["source_sport", "sourceSport"],
  ["external_id", "externalId"],
  ["needs_a_look", "reviewReason"],
  ["notes", "notes"],
] as const;

const PAIN_COLUMNS = [
  ["local_date", "localDate"],
  ["zone", "zone"],
  ["sub_area", "subArea"],
  ["side", "side"],
  ["pain_nrs", "nrs"],
  ["timing", "timing"],
  ["trigger_point", "triggerPoint"],
  ["mechanical", "mechanical"],
  ["red_flags", "redFlags"],
  ["notes", "notes"],
] as const;

const OSTRC_COLUMNS = [
  ["week_start", "weekStart"],
  ["zone", "zone"],
  ["q1_score", "q1"],
  ["q2_score", "q2"],
  ["q3_score", "q3"],
  ["q4_score", "q4"],
  ["ostrc_severity", "severity"],
  ["substantial", "substantial"],
] as const;

const SHOE_COLUMNS = [
  ["id", "id"],
  ["name", "name"],
  ["brand", "brand"],
  ["initial_km", "initialKm"],
  ["started_on", "startedOn"],
  ["retired_at_utc", "retiredAt"],
] as const;

const PLANNED_COLUMNS = [
  ["date", "date"],
  ["type", "type"],
  ["cross_training_mode", "subType"],
  ["title", "title"],
  ["duration_min", "durationMin"],
  ["distance_km", "distanceKm"],
  ["target_rpe", "targetRpe"],
  ["origin", "origin"],
  ["flag", "flagId"],
  ["reason", "reason"],
] as const;

const withDate = <T extends { localDate?: Date; date?: Date; weekStart?: Date }>(row: T) => ({
  ...row,
  ...(row.localDate ? { localDate: dateOnly(row.localDate) } : {}),
  ...(row.date ? { date: dateOnly(row.date) } : {}),
  ...(row.weekStart ? { weekStart: dateOnly(row.weekStart) } : {}),
});

/**
 * Everything the person entered or was given about themselves, as JSON (complete) and CSV (one file
 * per kind, for spreadsheets), in one zip. Their password hash and other people's data stay out.
 */
export async function buildPersonalDataZip(viewer: Viewer, now = new Date()): Promise<Uint8Array> {
  const zip = await personalDataZip(viewer.id, now);
  await recordAudit({ actorId: viewer.id, subjectUserId: viewer.id, action: "account.export" });
  return zip;
}

/**
 * The same zip of an athlete a coach keeps without a login, for a coach of their squad (say, when the
 * athlete asks for their data). Once the athlete has claimed the profile, only they can download it.
 */
export async function buildManagedAthleteDataZip(
  viewer: Viewer,
  squadId: string,
  athleteId: string,
  now = new Date(),
): Promise<{ zip: Uint8Array; name: string }> {
  const athlete = await assertManagedAthleteOf(viewer, squadId, athleteId);
  const zip = await personalDataZip(athlete.id, now);
  await recordAudit({ actorId: viewer.id, squadId, subjectUserId: athlete.id, action: "account.export", meta: { by: "coach" } });
  return { zip, name: athlete.name };
}

async function personalDataZip(userId: string, now: Date): Promise<Uint8Array> {
  const prisma = db();
  const [user, profile, shoes, sessions, painReports, ostrc, planned, comments, memberships, logins, sportChoices, wellness] = await Promise.all([
    prisma.user.findUniqueOrThrow({
      where: { id: userId },
      select: { id: true, email: true, hasLogin: true, name: true, unitPreference: true, timeZone: true, createdAt: true },
    }),
    prisma.athleteProfile.findUnique({ where: { userId } }),
    prisma.shoe.findMany({ where: { userId }, orderBy: { createdAt: "asc" } }),
    prisma.trainingSession.findMany({ where: { userId }, orderBy: [{ localDate: "asc" }, { startTime: "asc" }] }),
    prisma.backPainReport.findMany({ where: { userId }, orderBy: { localDate: "asc" } }),
    prisma.ostrcResponse.findMany({ where: { userId }, orderBy: { weekStart: "asc" } }),
    prisma.plannedSession.findMany({ where: { athleteId: userId }, orderBy: { date: "asc" } }),
    prisma.coachComment.findMany({
      where: { athleteId: userId },
      orderBy: { createdAt: "asc" },
      select: { id: true, createdAt: true, body: true, sessionId: true, painReportId: true, replyToId: true, author: { select: { name: true } } },
    }),
    prisma.membership.findMany({ where: { userId }, select: { role: true, createdAt: true, squad: { select: { name: true } } } }),
    // Open sessions: where and with which browser the person is logged in (never the session's id).
    prisma.authSession.findMany({
      where: { userId, expiresAt: { gt: now } },
      orderBy: { createdAt: "asc" },
      select: { createdAt: true, expiresAt: true, ip: true, userAgent: true },
    }),
    // How the person asked each source sport of their imports to be read.
    prisma.importSportChoice.findMany({ where: { userId }, orderBy: { sport: "asc" }, select: { sport: true, type: true, subType: true, skip: true } }),
    prisma.wellnessEntry.findMany({
      where: { userId },
      orderBy: { localDate: "asc" },
      select: { localDate: true, sleep: true, fatigue: true, soreness: true, stress: true, mood: true, backStiffness: true, createdAt: true, updatedAt: true },
    }),
  ]);

  const sessionRows = sessions.map(withDate);
  const painRows = painReports.map(withDate);
  const ostrcRows = ostrc.map(withDate);
  const plannedRows = planned.map(withDate);
  const { hasLogin, ...account } = user;
  const data = {
    exportedAt: now.toISOString(),
    // An athlete without a login has a placeholder address, which is nobody's and never shown.
    account: { ...account, email: hasLogin ? account.email : null },
    squads: memberships.map((m) => ({ squad: m.squad.name, role: m.role, joinedAt: m.createdAt })),
    profile: profile ? { ...profile, birthDate: profile.birthDate ? dateOnly(profile.birthDate) : null } : null,
    shoes,
    sessions: sessionRows,
    backPainReports: painRows,
    ostrcCheckIns: ostrcRows,
    plannedSessions: plannedRows,
    coachComments: comments.map((c) => ({ ...c, author: c.author?.name ?? null })),
    openLogins: logins,
    importSportChoices: sportChoices,
    wellnessCheckIns: wellness.map(withDate),
  };

  const files: Record<string, Uint8Array> = {
    "backbone-data.json": strToU8(JSON.stringify(data, null, 2)),
    "sessions.csv": strToU8(toCsv(sessionRows, SESSION_COLUMNS)),
    "back-pain-reports.csv": strToU8(toCsv(painRows, PAIN_COLUMNS)),
    "ostrc-check-ins.csv": strToU8(toCsv(ostrcRows, OSTRC_COLUMNS)),
    "shoes.csv": strToU8(toCsv(shoes, SHOE_COLUMNS)),
    "planned-sessions.csv": strToU8(toCsv(plannedRows, PLANNED_COLUMNS)),
  };
  return zipSync(files, { level: 6 });
}
