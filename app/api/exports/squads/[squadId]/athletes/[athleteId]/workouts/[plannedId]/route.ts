import { handleExport } from "@/lib/exports/http";
import { getSquadWorkoutExport } from "@/lib/exports/queries";
import { workoutFileResponse } from "@/lib/exports/render";

export const dynamic = "force-dynamic";

/** One planned session of an athlete of the squad as a FIT workout file, for its coaches. */
export async function GET(request: Request, { params }: { params: Promise<{ squadId: string; athleteId: string; plannedId: string }> }) {
  const { squadId, athleteId, plannedId } = await params;
  return handleExport(request, async (viewer) => {
    const selection = { plannedId };
    return workoutFileResponse(await getSquadWorkoutExport(viewer, squadId, athleteId, selection), selection);
  });
}
