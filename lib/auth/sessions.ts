import { randomBytes } from "node:crypto";
import type { PrismaClient } from "@/lib/generated/prisma/client";

// Server-side session records. The session cookie (an encrypted JWT) carries the row's id as `sid`;
// lib/auth/permissions.ts loadViewerForSession accepts a cookie only while its row exists and has not
// expired, so deleting the row ends the session for every copy of the cookie.

type Db = Pick<PrismaClient, "authSession">;

/** A new session row for a successful login; returns its id, which goes into the cookie. */
export async function openSession(
  prisma: Db,
  userId: string,
  details: { maxAgeSeconds: number; ip?: string; userAgent?: string | null },
): Promise<string> {
  const id = randomBytes(24).toString("base64url");
  const now = Date.now();
  await prisma.authSession.create({
    data: {
      id,
      userId,
      expiresAt: new Date(now + details.maxAgeSeconds * 1000),
      ip: details.ip?.slice(0, 64) ?? null,
      userAgent: details.userAgent?.replace(/[\u0000-\u001f\u007f]/g, "").slice(0, 200) || null,
    },
  });
  // Expired rows of this person go when they next sign in.
  await prisma.authSession.deleteMany({ where: { userId, expiresAt: { lte: new Date(now) } } });
  return id;
}

/** Whether the session row exists, is the person's and has not expired. */
export async function sessionIsOpen(prisma: Db, sessionId: string, userId: string | undefined): Promise<boolean> {
  if (!userId) return false;
  const row = await prisma.authSession.findFirst({ where: { id: sessionId, userId, expiresAt: { gt: new Date() } }, select: { id: true } });
  return row !== null;
}

/** Ends one session (logout). Unknown ids are ignored: the session is already over. */
export async function closeSession(prisma: Db, sessionId: string): Promise<void> {
  await prisma.authSession.deleteMany({ where: { id: sessionId } });
}

/**
 * Ends every session of the person ("log out everywhere", password change) and turns off their calendar
 * feed address, which someone holding a session could have made for themselves.
 */
export async function closeAllSessions(prisma: Pick<PrismaClient, "authSession" | "calendarFeedToken">, userId: string): Promise<number> {
  const { count } = await prisma.authSession.deleteMany({ where: { userId } });
  await prisma.calendarFeedToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: new Date() } });
  return count;
}

export type OpenSession = { id: string; createdAt: Date; expiresAt: Date; ip: string | null; userAgent: string | null; current: boolean };

/** The person's unexpired sessions, newest first, the current one marked. */
export async function listSessions(prisma: Db, userId: string, currentId: string | undefined): Promise<OpenSession[]> {
  const rows = await prisma.authSession.findMany({
    where: { userId, expiresAt: { gt: new Date() } },
    orderBy: { createdAt: "desc" },
    take: 50,
    select: { id: true, createdAt: true, expiresAt: true, ip: true, userAgent: true },
  });
  return rows.map((r) => ({ ...r, current: r.id === currentId }));
}
