import type { NextRequest } from "next/server";
import { isAthlete } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { handleExport } from "@/lib/exports/http";
import { parseWorkoutWeekQuery } from "@/lib/exports/schemas";
import { getOwnWorkoutExport } from "@/lib/exports/queries";
import { workoutFileResponse } from "@/lib/exports/render";

export const dynamic = "force-dynamic";

/** The signed-in athlete's planned sessions of a week, as a zip of FIT workout files. */
export async function GET(request: NextRequest) {
  return handleExport(request, async (viewer) => {
    if (!isAthlete(viewer)) throw new NotFoundError("Plan not found");
    const selection = parseWorkoutWeekQuery(request.nextUrl.searchParams);
    return workoutFileResponse(await getOwnWorkoutExport(viewer, selection), selection);
  });
}
