import "server-only";
import { cache } from "react";
import { redirect } from "next/navigation";
import { auth } from "@/lib/auth";
import { db } from "@/lib/db";
import { loadViewer, type Viewer } from "@/lib/auth/permissions";

export type { Viewer } from "@/lib/auth/permissions";

/**
 * The signed-in person with their memberships, or null. A session whose version is older than
 * the user's (password changed since) or whose user is gone counts as signed out.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  const session = await auth();
  const userId = session?.user?.id;
  if (!userId) return null;
  return loadViewer(db(), userId, session.sessionVersion);
});

/** For pages and actions: the viewer, or a redirect to the login page. */
export async function requireViewer(): Promise<Viewer> {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
}
