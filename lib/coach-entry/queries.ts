import "server-only";
import { db } from "@/lib/db";
import { athleteOfSquad, canCoachSquad, type Viewer } from "@/lib/auth/permissions";
import { listShoesOf, type ShoeRow } from "@/lib/sessions/queries";
import { dateOnly, formatDate, todayIn } from "@/lib/dates";
import { translatorFor } from "@/lib/i18n/catalogue";
import { intlLocale, type Locale } from "@/lib/i18n/config";
import { areaLabel } from "@/lib/pain/labels";

/** What a coach or clinician sees of an entry they made for an athlete, and what became of it. */
export type EntryRow = {
  id: string;
  kind: "session" | "pain";
  /** "Run, 2026-12-03" or "Lower back, centre 6/10, 2026-12-03"; null once the entry is gone. */
  what: string | null;
  enteredAt: Date;
  state: "as-entered" | "changed" | "deleted";
  /** When the athlete changed or deleted it. */
  changedAt: Date | null;
};

export type CoachEntryPage = {
  athlete: { id: string; name: string; timeZone: string; today: string };
  /** Coaches log sessions and import files; clinicians report pain only. */
  canLogSessions: boolean;
  shoes: ShoeRow[];
  entries: EntryRow[];
};

/**
 * The page where staff put data in for one athlete of their squad: the athlete, their shoes, and the
 * viewer's own last entries for them with what the athlete did to each since (kept, changed, deleted).
 */
export async function getCoachEntryPage(
  viewer: Viewer,
  squadId: string,
  athleteId: string,
  now = new Date(),
  locale: Locale = "en",
): Promise<CoachEntryPage> {
  const names = translatorFor(locale, "sessionTypes") as unknown as (key: string) => string;
  const t = translatorFor(locale, "coachEntry");
  const prisma = db();
  const athlete = await athleteOfSquad(prisma, viewer, squadId, athleteId, "staff");
  const canLogSessions = canCoachSquad(viewer, squadId);
  const [shoes, audit] = await Promise.all([
    canLogSessions ? listShoesOf(athleteId) : Promise.resolve([]),
    prisma.auditLog.findMany({
      where: { actorId: viewer.id, subjectUserId: athleteId, action: { in: ["session.create", "pain.report"] } },
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { entityId: true, action: true, createdAt: true },
    }),
  ]);
  const ids = audit.map((a) => a.entityId).filter((id): id is string => Boolean(id));
  const [sessions, reports, deletions] = await Promise.all([
    prisma.trainingSession.findMany({
      where: { id: { in: ids }, userId: athleteId },
      select: { id: true, localDate: true, type: true, athleteEditedAt: true },
    }),
    prisma.backPainReport.findMany({
      where: { id: { in: ids }, userId: athleteId },
      select: { id: true, localDate: true, zone: true, subArea: true, nrs: true, athleteEditedAt: true },
    }),
    prisma.auditLog.findMany({
      where: { entityId: { in: ids }, subjectUserId: athleteId, action: { in: ["session.delete", "session.bulk-delete", "pain.delete"] } },
      select: { entityId: true, createdAt: true },
    }),
  ]);
  const sessionById = new Map(sessions.map((s) => [s.id, s]));
  const reportById = new Map(reports.map((r) => [r.id, r]));
  const deletedAt = new Map(deletions.map((d) => [d.entityId, d.createdAt]));
  const entries: EntryRow[] = audit.flatMap((a): EntryRow[] => {
    if (!a.entityId) return [];
    if (a.action === "session.create") {
      const s = sessionById.get(a.entityId);
      return [
        {
          id: a.entityId,
          kind: "session",
          what: s ? t("sessionWhat", { type: names(`types.${s.type}`), date: formatDate(dateOnly(s.localDate), intlLocale(locale)) }) : null,
          enteredAt: a.createdAt,
          state: s ? (s.athleteEditedAt ? "changed" : "as-entered") : "deleted",
          changedAt: s ? s.athleteEditedAt : (deletedAt.get(a.entityId) ?? null),
        },
      ];
    }
    const r = reportById.get(a.entityId);
    return [
      {
        id: a.entityId,
        kind: "pain",
        what: r ? `${areaLabel(r.zone, r.subArea)} ${r.nrs}/10, ${formatDate(dateOnly(r.localDate), intlLocale(locale))}` : null,
        enteredAt: a.createdAt,
        state: r ? (r.athleteEditedAt ? "changed" : "as-entered") : "deleted",
        changedAt: r ? r.athleteEditedAt : (deletedAt.get(a.entityId) ?? null),
      },
    ];
  });
  return {
    athlete: { ...athlete, today: todayIn(athlete.timeZone, now) },
    canLogSessions,
    shoes,
    entries,
  };
}
