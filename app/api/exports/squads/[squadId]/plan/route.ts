import type { NextRequest } from "next/server";
import { assertCoachOf } from "@/lib/auth/permissions";
import { handleExport } from "@/lib/exports/http";
import { parsePlanExportQuery } from "@/lib/exports/schemas";
import { getSquadPlanExport } from "@/lib/exports/queries";
import { planFileResponse } from "@/lib/exports/render";

export const dynamic = "force-dynamic";

/** A squad's plan, or one athlete's with `athleteId`, as CSV, .ics or PDF, for the squad's coaches. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ squadId: string }> }) {
  const { squadId } = await params;
  return handleExport(request, async (viewer) => {
    // Outsiders learn nothing, not even whether their parameters were valid.
    assertCoachOf(viewer, squadId);
    const query = parsePlanExportQuery(request.nextUrl.searchParams);
    const plan = await getSquadPlanExport(viewer, squadId, query, { format: query.format });
    return planFileResponse(plan, query, query.format, request.nextUrl.host, viewer.unitPreference);
  });
}
