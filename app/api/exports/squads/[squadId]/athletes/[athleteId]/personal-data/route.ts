import { fileResponse, fileSlug, handleExport } from "@/lib/exports/http";
import { buildManagedAthleteDataZip } from "@/lib/account-data/export";

export const dynamic = "force-dynamic";

/**
 * The personal data zip of an athlete kept without a login, for the coaches of their squad; once the
 * athlete has their own login, only they download it (from their settings).
 */
export async function GET(request: Request, { params }: { params: Promise<{ squadId: string; athleteId: string }> }) {
  const { squadId, athleteId } = await params;
  return handleExport(request, async (viewer) => {
    const { zip, name } = await buildManagedAthleteDataZip(viewer, squadId, athleteId);
    return fileResponse(zip, "zip", `backbone-data-${fileSlug(name)}`);
  });
}
