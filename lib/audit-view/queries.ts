import "server-only";
import { db } from "@/lib/db";
import { assertCoachOf, type Viewer } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";

export const AUDIT_PAGE_SIZE = 50;

// Sign-in and password events are account security, not health data: coaches have no business seeing them.
const HIDDEN_ACTIONS = ["auth.login", "auth.logout-everywhere", "account.password-changed"];

const ACTION_TEXT: Record<string, string> = {
  "athlete.view": "Viewed the athlete's page",
  "session.create": "Logged a session",
  "session.update": "Changed a session",
  "session.delete": "Deleted a session",
  "import.commit": "Imported sessions",
  "session.grid-save": "Logged sessions in the squad's training log",
  "import.squad-log": "Imported sessions from the squad's training log",
  "pain.report": "Reported back pain",
  "ostrc.submit": "Answered the weekly check-in",
  "profile.update": "Changed the athlete profile",
  "comment.create": "Commented",
  "comment.reply": "Replied to a comment",
  "thresholds.update": "Changed flag thresholds",
  "flag.acknowledge": "Acknowledged a flag",
  "flag.resolve": "Resolved a flag",
  "export.plan": "Exported a plan",
  "export.history": "Exported the load and pain history",
  "invitation.create": "Created an invitation",
  "invitation.revoke": "Revoked an invitation",
  "invitation.accept": "Joined the squad",
  "squad.create": "Created the squad",
  "squad.remove-member": "Removed someone from the squad",
  "account.signup": "Signed up",
  "account.export": "Downloaded their data",
  "account.delete": "Deleted their account",
  "athlete.create-managed": "Added an athlete without a login",
  "athlete.claim": "Set up their own login",
  "plan.add": "Added a session to the plan",
  "plan.add-suggestion": "Added a suggested session to the plan",
  "plan.apply-cap": "Trimmed planned runs to a suggested cap",
  "plan.move": "Moved a planned session",
  "plan.update": "Changed a planned session",
  "plan.delete": "Removed a planned session",
  "plan.template-create": "Created a plan template",
  "plan.template-delete": "Deleted a plan template",
  "plan.template-apply": "Planned sessions from a template",
  "calendar.feed-create": "Created a calendar link",
  "calendar.feed-revoke": "Revoked a calendar link",
};

/** An audit action in plain words; unknown actions show as recorded. */
export function actionText(action: string, meta: Prisma.JsonValue | null): string {
  const text = ACTION_TEXT[action] ?? action;
  if (action === "thresholds.update" && meta && typeof meta === "object" && !Array.isArray(meta)) {
    return meta.level === "athlete" ? "Changed the athlete's flag thresholds" : "Changed the squad's flag thresholds";
  }
  if ((action === "account.export" || action === "account.delete") && meta && typeof meta === "object" && !Array.isArray(meta) && meta.by === "coach") {
    return action === "account.export" ? "Downloaded the athlete's data" : "Deleted the athlete and their data";
  }
  if (action === "invitation.create" && meta && typeof meta === "object" && !Array.isArray(meta) && meta.claim) {
    return "Created a link to set up the athlete's login";
  }
  if (action === "comment.create" && meta && typeof meta === "object" && !Array.isArray(meta)) {
    return meta.sessionId ? "Commented on a session" : meta.painReportId ? "Commented on a pain report" : text;
  }
  return text;
}

export type AuditRow = {
  id: string;
  at: Date;
  actor: string;
  action: string;
  athlete: string | null;
};

export type AuditPage = { rows: AuditRow[]; page: number; pageCount: number; total: number; squadName: string };

/**
 * Who viewed or changed what in a squad, newest first: entries recorded for the squad, and entries about
 * any athlete who is in it now. Its coaches only.
 */
export async function listSquadAudit(viewer: Viewer, squadId: string, page = 1): Promise<AuditPage> {
  assertCoachOf(viewer, squadId);
  const prisma = db();
  const [squad, athletes] = await Promise.all([
    prisma.squad.findUnique({ where: { id: squadId }, select: { name: true } }),
    prisma.membership.findMany({ where: { squadId, role: "ATHLETE" }, select: { userId: true } }),
  ]);
  const athleteIds = athletes.map((a) => a.userId);
  const where: Prisma.AuditLogWhereInput = {
    OR: [{ squadId }, ...(athleteIds.length ? [{ subjectUserId: { in: athleteIds } }] : [])],
    action: { notIn: HIDDEN_ACTIONS },
  };
  const total = await prisma.auditLog.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE));
  const current = Number.isInteger(page) && page >= 1 ? Math.min(page, pageCount) : 1;
  const entries = await prisma.auditLog.findMany({
    where,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    skip: (current - 1) * AUDIT_PAGE_SIZE,
    take: AUDIT_PAGE_SIZE,
    select: {
      id: true,
      createdAt: true,
      action: true,
      meta: true,
      subjectUserId: true,
      actor: { select: { name: true } },
    },
  });
  // Subjects are kept as plain ids so entries outlive accounts; a missing user is a deleted account.
  const subjectIds = [...new Set(entries.map((e) => e.subjectUserId).filter((id): id is string => id !== null))];
  const subjects = subjectIds.length
    ? await prisma.user.findMany({ where: { id: { in: subjectIds } }, select: { id: true, name: true } })
    : [];
  const names = new Map(subjects.map((s) => [s.id, s.name]));
  return {
    squadName: squad?.name ?? "Squad",
    page: current,
    pageCount,
    total,
    rows: entries.map((e) => ({
      id: e.id,
      at: e.createdAt,
      actor: e.actor?.name ?? "deleted account",
      action: actionText(e.action, e.meta),
      athlete: e.subjectUserId ? (names.get(e.subjectUserId) ?? "deleted account") : null,
    })),
  };
}
