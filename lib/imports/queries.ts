import "server-only";
import { db } from "@/lib/db";
import { athleteOfSquad, type Viewer } from "@/lib/auth/permissions";
import { listImportHistory, type ImportHistoryRow } from "@/lib/imports/store";

/** The viewer's own recent imports, newest first, for their import page. */
export async function getOwnImportHistory(viewer: Viewer): Promise<ImportHistoryRow[]> {
  return listImportHistory(db(), viewer.id);
}

/**
 * The athlete a coach imports for, from their squad's athlete page: NotFoundError unless the viewer coaches
 * the squad and the athlete is in it; null when the athlete's account is gone.
 */
export async function getImportAthlete(viewer: Viewer, squadId: string, athleteId: string): Promise<{ name: string; timeZone: string } | null> {
  return athleteOfSquad(db(), viewer, squadId, athleteId, "coach");
}
