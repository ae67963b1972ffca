import "server-only";
import { db } from "@/lib/db";
import type { Viewer } from "@/lib/auth/permissions";
import { listSessions, type OpenSession } from "@/lib/auth/sessions";

/** The viewer's own open sessions, newest first, the one of this request marked (see listSessions). */
export async function getOwnSessions(viewer: Viewer): Promise<OpenSession[]> {
  return listSessions(db(), viewer.id, viewer.sessionId);
}
