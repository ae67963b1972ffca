import type { NextRequest } from "next/server";
import { isAthlete } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { handleExport } from "@/lib/exports/http";
import { parseOwnPlanExportQuery } from "@/lib/exports/schemas";
import { getOwnPlanExport } from "@/lib/exports/queries";
import { planFileResponse } from "@/lib/exports/render";

export const dynamic = "force-dynamic";

/** The signed-in athlete's own plan as CSV or PDF (the .ics is at /api/calendar/download). */
export async function GET(request: NextRequest) {
  return handleExport(request, async (viewer) => {
    if (!isAthlete(viewer)) throw new NotFoundError("Plan not found");
    const query = parseOwnPlanExportQuery(request.nextUrl.searchParams);
    const plan = await getOwnPlanExport(viewer, query, { format: query.format });
    return planFileResponse(plan, query, query.format, request.nextUrl.host, viewer.unitPreference);
  });
}
