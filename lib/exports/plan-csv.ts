import type { PlannedRow } from "@/lib/plans/queries";
import { plannedSessionTitle } from "@/lib/calendar/ics";
import { MODE_LABELS, SESSION_TYPE_LABELS } from "@/lib/sessions/labels";
import { spreadsheetCsv, textCell, type CsvCell } from "./csv";
import { plannedReasonText } from "@/lib/plans/reason";
import { engineText } from "@/lib/i18n/engine-text";
import type { Locale } from "@/lib/i18n/config";

/** A planned session as exports carry it: with whose it is. */
export type ExportPlanRow = PlannedRow & { athleteId: string; athleteName: string };

export const ORIGIN_LABELS: Record<string, string> = {
  COACH: "Coach",
  SUGGESTION: "Suggested",
  TEMPLATE: "Template",
};

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];

export const weekdayOf = (date: string) => WEEKDAYS[new Date(`${date}T00:00:00Z`).getUTCDay()];

export const PLAN_CSV_COLUMNS = [
  "date",
  "weekday",
  "athlete",
  "session",
  "type",
  "cross_training_mode",
  "title",
  "duration_min",
  "distance_km",
  "target_rpe",
  "description",
  "origin",
  "flag",
  "reason",
  "squad",
  "held",
] as const;

/** One row per planned session, in date order, for a spreadsheet; reasons in the exporter's language, distances in km. */
export function planCsv(rows: readonly ExportPlanRow[], locale: Locale = "en"): string {
  const words = engineText(locale, "KM");
  const body = rows.map((r): CsvCell[] => [
    r.date,
    weekdayOf(r.date),
    textCell(r.athleteName),
    textCell(plannedSessionTitle(r)),
    SESSION_TYPE_LABELS[r.type as keyof typeof SESSION_TYPE_LABELS] ?? r.type,
    r.subType ? (MODE_LABELS[r.subType as keyof typeof MODE_LABELS] ?? r.subType) : null,
    textCell(r.title),
    Math.round(r.durationMin * 10) / 10,
    r.distanceKm == null ? null : Math.round(r.distanceKm * 100) / 100,
    r.targetRpe,
    textCell(r.description),
    ORIGIN_LABELS[r.origin] ?? r.origin,
    r.flagId,
    textCell(plannedReasonText(r, words)),
    textCell(r.squadName),
    // Held after a red-flag report, until a clinician's clearance and the coach's release; no symptom named.
    r.held ? "on hold" : null,
  ]);
  return spreadsheetCsv(PLAN_CSV_COLUMNS, body);
}
