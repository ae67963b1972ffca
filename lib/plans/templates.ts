import { addDays } from "@/lib/dates";
import { TEMPLATE_DAYS } from "@/lib/plans/limits";
import type { TemplateSession } from "@/lib/plans/schemas";

// Plan templates without the database: turning a template into dated sessions and a planned week into
// a template. Day offset 0 is the Monday the template starts on.

/**
 * A translator of the catalogue's `plan` namespace, for "templateDay" ("Week {week}, {weekday}"):
 * next-intl's useTranslations or getTranslations("plan").
 */
export type TemplateDayWords = (key: "templateDay", values: { week: number; weekday: string }) => string;

/** "Week 2, Wednesday" for day offset 9 in English ("Semana 2, miércoles" in Spanish). */
export function templateDayLabel(dayOffset: number, words: TemplateDayWords, intlLocale: string): string {
  // 1 January 2024 was a Monday.
  const weekday = new Intl.DateTimeFormat(intlLocale, { weekday: "long", timeZone: "UTC" }).format(new Date(Date.UTC(2024, 0, 1 + (dayOffset % 7))));
  return words("templateDay", { week: Math.floor(dayOffset / 7) + 1, weekday });
}

/** The template form's day choices, from the Monday of week 1 to the Sunday of the last week. */
export function templateDayOptions(words: TemplateDayWords, intlLocale: string): { value: string; label: string }[] {
  return Array.from({ length: TEMPLATE_DAYS }, (_, i) => ({ value: String(i), label: templateDayLabel(i, words, intlLocale) }));
}

export type DatedTemplateSession = Omit<TemplateSession, "dayOffset"> & { date: string };

/** A template's sessions on the calendar, from the Monday it starts on, in date order. */
export function expandTemplate(sessions: TemplateSession[], startMonday: string): DatedTemplateSession[] {
  return [...sessions]
    .sort((a, b) => a.dayOffset - b.dayOffset)
    .map(({ dayOffset, ...rest }) => ({ ...rest, date: addDays(startMonday, dayOffset) }));
}

type PlannedLike = {
  date: string;
  type: string;
  subType: string | null;
  durationMin: number;
  distanceKm: number | null;
  targetRpe: number | null;
  title: string | null;
};

/** The planned sessions of the week that starts on `monday` as template sessions (offsets 0-6). */
export function weekAsTemplate(planned: PlannedLike[], monday: string): TemplateSession[] {
  const sunday = addDays(monday, 6);
  return planned
    .filter((p) => p.date >= monday && p.date <= sunday)
    .map((p) => ({
      dayOffset: Math.round((Date.parse(`${p.date}T00:00:00Z`) - Date.parse(`${monday}T00:00:00Z`)) / 86_400_000),
      type: p.type as TemplateSession["type"],
      subType: p.type === "CROSS_TRAINING" ? ((p.subType as TemplateSession["subType"]) ?? "OTHER") : null,
      durationMin: p.durationMin,
      distanceKm: p.distanceKm,
      targetRpe: p.targetRpe,
      title: p.title,
    }))
    .sort((a, b) => a.dayOffset - b.dayOffset);
}

/** How many weeks a template's sessions reach into (1-4). */
export const templateWeeks = (sessions: TemplateSession[]) =>
  sessions.length === 0 ? 1 : Math.floor(Math.max(...sessions.map((s) => s.dayOffset)) / 7) + 1;

const sameSessionKey = (s: PlannedLike) => JSON.stringify([s.date, s.type, s.subType, s.durationMin, s.distanceKm, s.targetRpe, s.title]);

/**
 * The template sessions not yet in an athlete's plan. A session counts as planned when one with the same
 * day, type, kind, title, duration, distance and target RPE is there, so applying a template twice adds
 * nothing the second time; each planned session stands for one template session (a template with two
 * identical sessions on a day adds the second when only one is planned).
 */
export function notYetPlanned<T extends PlannedLike>(sessions: T[], planned: PlannedLike[]): T[] {
  const left = new Map<string, number>();
  for (const p of planned) {
    const key = sameSessionKey(p);
    left.set(key, (left.get(key) ?? 0) + 1);
  }
  return sessions.filter((s) => {
    const key = sameSessionKey(s);
    const n = left.get(key) ?? 0;
    if (n === 0) return true;
    left.set(key, n - 1);
    return false;
  });
}
