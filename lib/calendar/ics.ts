import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { HELD_REASON } from "@/lib/safety/labels";
import type { PlannedRow } from "@/lib/plans/queries";
import { sessionKind, type SessionTypeWords } from "@/lib/sessions/labels";
import { formatDuration, shortDistance, type Unit } from "@/lib/units";
import { describeWorkout, type WorkoutWords } from "@/lib/plans/workout-steps";
import { plannedReasonText } from "@/lib/plans/reason";
import { engineText } from "@/lib/i18n/engine-text";
import type { Locale } from "@/lib/i18n/config";
import { translatorFor } from "@/lib/i18n/catalogue";

/**
 * "Run 7.8 km", or "Tempo (Run, 4.8 mi)" with a title; km unless the reader's unit is given, English
 * unless a sessionTypes translator is.
 */
export function plannedSessionTitle(
  row: Pick<PlannedRow, "type" | "subType" | "title" | "durationMin" | "distanceKm">,
  unit: Unit = "KM",
  words?: SessionTypeWords,
): string {
  const kind = sessionKind(row.type, row.subType, words);
  const size = row.distanceKm ? shortDistance(row.distanceKm, unit) : formatDuration(row.durationMin);
  return row.title ? `${row.title} (${kind}, ${size})` : `${kind} ${size}`;
}

// Sessions suggested for a pain flag carry pain scores in their reason: calendars travel beyond the app
// (shared calendars, lock screens), so those reasons are left in the app.
const PAIN_FLAG_IDS = new Set(["red-flag", "back-pain-rising", "severe-back-pain", "pain-after-overload", "return-to-run"]);

function why(row: PlannedRow, unit: Unit, locale: Locale): string | null {
  if ((!row.reason && !row.reasonParts) || row.held) return null;
  if (row.flagId && PAIN_FLAG_IDS.has(row.flagId)) return "Why: adapted to your back-health reports (details in Backbone)";
  const text = plannedReasonText(row, engineText(locale, unit));
  return text ? `Why: ${text}` : null;
}

function description(row: PlannedRow, unit: Unit, locale: Locale): string {
  const lines = [
    // Calendars travel beyond the app: the reason names no symptom.
    row.held ? HELD_REASON : null,
    `Duration: ${formatDuration(row.durationMin)}`,
    row.distanceKm ? `Distance: ${shortDistance(row.distanceKm, unit)}` : null,
    row.targetRpe != null ? `Target effort: RPE ${row.targetRpe}/10` : null,
    row.steps ? `Workout: ${describeWorkout(row.steps, unit, translatorFor("en", "workoutSteps") as unknown as WorkoutWords)}` : null,
    row.description,
    why(row, unit, locale),
    `Plan: ${row.squadName}`,
  ];
  return lines.filter(Boolean).join("\n");
}

/** A planned session, with whose it is when one calendar holds several athletes' plans. */
export type CalendarRow = PlannedRow & { athleteName?: string };

/**
 * An RFC 5545 calendar of planned sessions, one all-day event each (a plan fixes the day, not the
 * hour). Event ids are stable so calendar apps update events instead of duplicating them.
 */
export function buildPlanCalendar(rows: CalendarRow[], options: { name: string; host: string; unit?: Unit; locale?: Locale }): string {
  const unit = options.unit ?? "KM";
  // The reasons of suggested sessions are worded in the exporter's language (English by default).
  const locale = options.locale ?? "en";
  const calendar = ical({ name: options.name, prodId: { company: "Backbone", product: "Training plan", language: "EN" } });
  calendar.method(ICalCalendarMethod.PUBLISH);
  for (const row of rows) {
    // The library writes all-day dates from a Date's UTC fields: midnight UTC keeps the day whatever
    // the server's own time zone.
    const title = `${row.held ? "On hold: " : ""}${plannedSessionTitle(row, unit)}`;
    calendar.createEvent({
      id: `${row.id}@${options.host}`,
      start: new Date(`${row.date}T00:00:00Z`),
      allDay: true,
      summary: row.athleteName ? `${row.athleteName}: ${title}` : title,
      description: description(row, unit, locale),
      stamp: row.updatedAt,
      // Calendar apps apply a changed event (held, released) when its sequence grows.
      sequence: Math.floor(row.updatedAt.getTime() / 1000),
      // A held session stays in the feed, cancelled, so calendar apps strike it instead of losing it.
      ...(row.held ? { status: ICalEventStatus.CANCELLED } : {}),
    });
  }
  return calendar.toString();
}
