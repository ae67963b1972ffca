import { dateOnly, formatDate, timeIn, todayIn } from "@/lib/dates";

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

/** "3 Dec", or "3 Dec 2026" when the year differs from the day shown beside it. */
function dayLabel(date: string, beside: string): string {
  const full = formatDate(date);
  return date.slice(0, 4) === beside.slice(0, 4) ? full.replace(/ \d{4}$/, "") : full;
}

/**
 * Date and time of a session as the viewer reads them: both from the start instant in the viewer's zone,
 * so they never disagree. The load keeps counting on the stored day (the engine works on localDate), and
 * when that day is not the one shown, the note names it and the zone it was worked out in. `whose` words
 * that zone for the athlete ("your") or for a coach looking at an athlete ("the athlete's").
 */
export function sessionWhen(session: SessionTiming, viewerZone: string, whose: "your" | "the athlete's" = "your"): SessionWhen {
  if (!session.startTime) return { date: session.localDate, time: null, countedNote: null };
  const date = todayIn(viewerZone, session.startTime);
  const time = timeIn(session.startTime, viewerZone);
  if (date === session.localDate) return { date, time, countedNote: null };
  const day = dayLabel(session.localDate, date);
  const countedNote =
    session.timeZone && session.timeZone !== viewerZone
      ? `Counted on ${day} (${whose} time zone then: ${session.timeZone})`
      : `Counted on ${day}, the day it was logged`;
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
): { date: string; shownDate: string; startTime: string | null; countedNote: string | null } {
  const date = dateOnly(s.localDate);
  const when = sessionWhen({ localDate: date, startTime: s.startTime, timeZone: s.timeZone }, viewerZone, whose);
  return { date, shownDate: when.date, startTime: when.time, countedNote: when.countedNote };
}
