import type { NextRequest } from "next/server";
import { fileResponse, fileSlug, handleExport } from "@/lib/exports/http";
import { parseHistoryExportQuery } from "@/lib/exports/schemas";
import { assertCanExportHistory, getHistoryExport } from "@/lib/exports/queries";
import { historyCsv } from "@/lib/exports/history-csv";

export const dynamic = "force-dynamic";

/** An athlete's daily load and back-pain history as CSV, for the coaches of their squad. */
export async function GET(request: NextRequest, { params }: { params: Promise<{ squadId: string; athleteId: string }> }) {
  const { squadId, athleteId } = await params;
  return handleExport(request, async (viewer) => {
    // Outsiders learn nothing, not even whether their parameters were valid.
    await assertCanExportHistory(viewer, squadId, athleteId);
    const range = parseHistoryExportQuery(request.nextUrl.searchParams);
    const history = await getHistoryExport(viewer, squadId, athleteId, range);
    return fileResponse(historyCsv(history.days), "csv", `backbone-history-${fileSlug(history.athleteName)}-${range.from}-to-${range.to}`);
  });
}
