import "server-only";
import { buildPlanCalendar } from "@/lib/calendar/ics";
import { planCsv } from "./plan-csv";
import { buildPlanPdf } from "./plan-pdf";
import { fileResponse, fileSlug } from "./http";
import type { PlanExport } from "./queries";
import type { ExportRange, PlanFormat } from "./schemas";
import type { Unit } from "@/lib/units";

/**
 * A plan export as the file of the format asked for. The PDF and the calendar read in the viewer's unit;
 * the CSV stays metric, its headers naming the unit.
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
  if (format === "csv") return fileResponse(planCsv(plan.rows), "csv", name);
  if (format === "ics") {
    const rows = plan.multiAthlete ? plan.rows : plan.rows.map((r) => ({ ...r, athleteName: undefined }));
    return fileResponse(buildPlanCalendar(rows, { name: `Backbone plan – ${plan.subject}`, host, unit }), "ics", name);
  }
  const pdf = await buildPlanPdf({
    subject: plan.subject,
    squadName: plan.squadName,
    from: range.from,
    to: range.to,
    rows: plan.rows,
    showAthlete: plan.multiAthlete,
    unit,
    generatedAt: now,
  });
  return fileResponse(pdf, "pdf", name);
}
