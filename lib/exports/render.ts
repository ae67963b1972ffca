import "server-only";
import { buildPlanCalendar } from "@/lib/calendar/ics";
import { planCsv } from "./plan-csv";
import { buildPlanPdf } from "./plan-pdf";
import { fileResponse, fileSlug } from "./http";
import { encodeWorkoutFit, workoutFileName, zipWorkouts } from "./fit-workout";
import type { PlanExport, WorkoutExport, WorkoutSelection } from "./queries";
import type { ExportRange, PlanFormat } from "./schemas";
import type { Unit } from "@/lib/units";
import { currentLocale } from "@/lib/i18n/server";

/**
 * A plan export as the file of the format asked for. The PDF and the calendar read in the viewer's unit;
 * the CSV stays metric, its headers naming the unit. Reasons of suggested sessions are in the viewer's
 * language in every format (CSV column names stay machine names).
 */
export async function planFileResponse(
  plan: PlanExport,
  range: ExportRange,
  format: PlanFormat,
  host: string,
  unit: Unit = "KM",
  now = new Date(),
) {
  const name = `backbone-plan-${fileSlug(plan.subject)}-${range.from}-to-${range.to}`;
  if (format === "csv") return fileResponse(planCsv(plan.rows, await currentLocale()), "csv", name);
  if (format === "ics") {
    const rows = plan.multiAthlete ? plan.rows : plan.rows.map((r) => ({ ...r, athleteName: undefined }));
    return fileResponse(buildPlanCalendar(rows, { name: `Backbone plan – ${plan.subject}`, host, unit, locale: await currentLocale() }), "ics", name);
  }
  const pdf = await buildPlanPdf({
    subject: plan.subject,
    squadName: plan.squadName,
    from: range.from,
    to: range.to,
    rows: plan.rows,
    showAthlete: plan.multiAthlete,
    unit,
    locale: await currentLocale(),
    generatedAt: now,
  });
  return fileResponse(pdf, "pdf", name);
}

/** One session as a FIT workout file, or a week's as a zip of them. */
export function workoutFileResponse(workouts: WorkoutExport, selection: WorkoutSelection, now = new Date()) {
  if ("plannedId" in selection) {
    const [session] = workouts.sessions;
    return fileResponse(encodeWorkoutFit(session, { now }), "fit", workoutFileName(session));
  }
  return fileResponse(zipWorkouts(workouts.sessions, { now }), "zip", `backbone-workouts-${fileSlug(workouts.athleteName)}-week-of-${selection.monday}`);
}
