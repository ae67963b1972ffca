import "server-only";
import { db } from "@/lib/db";
import { athleteOfSquad, type Viewer } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";

export type ImportTarget = { userId: string; timeZone: string; enteredById: string | null };

/**
 * Whose import it is: the viewer's own, or, when a squad and an athlete are named, an athlete of a squad
 * the viewer coaches (NotFoundError otherwise, the same whether the squad or the athlete is wrong).
 */
export async function importTarget(viewer: Viewer, squadId: unknown, athleteId: unknown): Promise<ImportTarget> {
  if ((squadId === null || squadId === undefined || squadId === "") && (athleteId === null || athleteId === undefined || athleteId === "")) {
    return { userId: viewer.id, timeZone: viewer.timeZone, enteredById: null };
  }
  if (typeof squadId !== "string" || typeof athleteId !== "string" || squadId.length > 64 || athleteId.length > 64) {
    throw new NotFoundError("Athlete not found");
  }
  const athlete = await athleteOfSquad(db(), viewer, squadId, athleteId, "coach");
  // Importing for oneself through the coach's page is just one's own import.
  return { userId: athlete.id, timeZone: athlete.timeZone, enteredById: athlete.id === viewer.id ? null : viewer.id };
}
