import { handleExport } from "@/lib/exports/http";
import { getOwnWorkoutExport } from "@/lib/exports/queries";
import { workoutFileResponse } from "@/lib/exports/render";

export const dynamic = "force-dynamic";

/** One of the signed-in athlete's planned sessions as a FIT workout file. */
export async function GET(request: Request, { params }: { params: Promise<{ plannedId: string }> }) {
  const { plannedId } = await params;
  return handleExport(request, async (viewer) => {
    const selection = { plannedId };
    return workoutFileResponse(await getOwnWorkoutExport(viewer, selection), selection);
  });
}
