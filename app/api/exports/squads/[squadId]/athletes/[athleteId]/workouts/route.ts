import type { NextRequest } from "next/server";
import { assertCoachOf } from "@/lib/auth/permissions";
import { handleExport } from "@/lib/exports/http";
import { parseWorkoutWeekQuery } from "@/lib/exports/schemas";
import { getSquadWorkoutExport } from "@/lib/exports/queries";
import { workoutFileResponse } from "@/lib/exports/render";

export const dynamic = "force-dynamic";

/** The week's planned sessions of one athlete of the squad, as a zip of FIT workout files, for its coaches. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ squadId: string; athleteId: string }> }) {
  const { squadId, athleteId } = await params;
  return handleExport(request, async (viewer) => {
    // Outsiders learn nothing, not even whether their parameters were valid.
    assertCoachOf(viewer, squadId);
    const selection = parseWorkoutWeekQuery(request.nextUrl.searchParams);
    return workoutFileResponse(await getSquadWorkoutExport(viewer, squadId, athleteId, selection), selection);
  });
}
