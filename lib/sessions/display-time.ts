import { dateOnly, timeIn, todayIn } from "@/lib/dates";
import { translatorFor } from "@/lib/i18n/catalogue";
import { intlLocale, type Locale } from "@/lib/i18n/config";

export type SessionTiming = {
  /** The calendar day the session counts on (the stored localDate, "YYYY-MM-DD"). */
  localDate: string;
  /** The stored instant the session started, if it has one. */
  startTime: Date | null;
  /** The time zone localDate was worked out in; null for sessions logged before it was recorded. */
  timeZone: string | null;
};

export type SessionWhen = {
  /** The day shown: the start instant's day in the viewer's zone, else the stored day. */
  date: string;
  /** "HH:MM" of the start instant in the viewer's zone, or null without a start time. */
  time: string | null;
  /**
   * Set when the viewer's zone puts the start on another calendar day than the one the load counts on:
   * says which day it counts on and why.
   */
  countedNote: string | null;
};

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/**
 * "3 Dec" ("3 dic" in Spanish), or "3 Dec 2026" when the year differs from the day shown beside it, in
 * the Intl locale given.
 */
export function dayLabel(date: string, beside: string, locale = "en-GB"): string {
  const withYear = date.slice(0, 4) !== beside.slice(0, 4);
  const key = `${locale}|${withYear}`;
  let format = dayFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, { day: "numeric", month: "short", ...(withYear ? { year: "numeric" } : {}), timeZone: "UTC" });
    dayFormats.set(key, format);
  }
  return format.format(new Date(`${date}T00:00:00Z`));
}

/**
 * Date and time of a session as the viewer reads them: both from the start instant in the viewer's zone,
 * so they never disagree. The load keeps counting on the stored day (the engine works on localDate), and
 * when that day is not the one shown, the note names it and the zone it was worked out in. `whose` words
 * that zone for the athlete ("your") or for a coach looking at an athlete ("the athlete's"); the note is
 * written in `locale`.
 */
export function sessionWhen(
  session: SessionTiming,
  viewerZone: string,
  whose: "your" | "the athlete's" = "your",
  locale: Locale = "en",
): SessionWhen {
  if (!session.startTime) return { date: session.localDate, time: null, countedNote: null };
  const date = todayIn(viewerZone, session.startTime);
  const time = timeIn(session.startTime, viewerZone);
  if (date === session.localDate) return { date, time, countedNote: null };
  const day = dayLabel(session.localDate, date, intlLocale(locale));
  const t = translatorFor(locale, "sessions");
  const countedNote =
    session.timeZone && session.timeZone !== viewerZone
      ? t("countedOnZone", { day, whose: whose === "your" ? "own" : "athlete", zone: session.timeZone })
      : t("countedOnLogged", { day });
  return { date, time, countedNote };
}

/**
 * The date fields of a stored session as lists show them: the stored day (`date`, what load counts on)
 * and, from sessionWhen, the day and time shown and the note when they differ.
 */
export function shownTiming(
  s: { localDate: Date; startTime: Date | null; timeZone: string | null },
  viewerZone: string,
  whose: "your" | "the athlete's" = "your",
  locale: Locale = "en",
): { date: string; shownDate: string; startTime: string | null; countedNote: string | null } {
  const date = dateOnly(s.localDate);
  const when = sessionWhen({ localDate: date, startTime: s.startTime, timeZone: s.timeZone }, viewerZone, whose, locale);
  return { date, shownDate: when.date, startTime: when.time, countedNote: when.countedNote };
}
