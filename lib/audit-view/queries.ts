import "server-only";
import { db } from "@/lib/db";
import { assertCoachOf, type Viewer } from "@/lib/auth/permissions";
import type { Prisma } from "@/lib/generated/prisma/client";
import { translatorFor } from "@/lib/i18n/catalogue";
import type { Locale } from "@/lib/i18n/config";

export const AUDIT_PAGE_SIZE = 50;

// Sign-in and password events are account security, not health data: coaches have no business seeing them.
const HIDDEN_ACTIONS = ["auth.login", "auth.logout-everywhere", "account.password-changed"];

/** Each recorded action's words, as a key of the `audit.actions` catalogue. */
const ACTION_KEY: Record<string, string> = {
  "athlete.view": "athleteView",
  "session.create": "sessionCreate",
  "session.update": "sessionUpdate",
  "session.delete": "sessionDelete",
  "import.commit": "importCommit",
  "session.grid-save": "sessionGridSave",
  "import.squad-log": "importSquadLog",
  "pain.report": "painReport",
  "ostrc.submit": "ostrcSubmit",
  "profile.update": "profileUpdate",
  "comment.create": "commentCreate",
  "comment.reply": "commentReply",
  "thresholds.update": "thresholdsUpdate",
  "flag.acknowledge": "flagAcknowledge",
  "flag.resolve": "flagResolve",
  "export.plan": "exportPlan",
  "export.history": "exportHistory",
  "invitation.create": "invitationCreate",
  "invitation.revoke": "invitationRevoke",
  "invitation.accept": "invitationAccept",
  "squad.create": "squadCreate",
  "squad.remove-member": "squadRemoveMember",
  "account.signup": "accountSignup",
  "account.export": "accountExport",
  "account.delete": "accountDelete",
  "athlete.create-managed": "athleteCreateManaged",
  "athlete.claim": "athleteClaim",
  "plan.add": "planAdd",
  "plan.add-suggestion": "planAddSuggestion",
  "plan.apply-cap": "planApplyCap",
  "plan.move": "planMove",
  "plan.update": "planUpdate",
  "plan.delete": "planDelete",
  "plan.template-create": "planTemplateCreate",
  "plan.template-delete": "planTemplateDelete",
  "plan.template-apply": "planTemplateApply",
  "calendar.feed-create": "calendarFeedCreate",
  "calendar.feed-revoke": "calendarFeedRevoke",
  "squad.restore-member": "squadRestoreMember",
  "clearance.record": "clearanceRecord",
  "import.undo": "importUndo",
  "plan.release": "planRelease",
  "plan.template-update": "planTemplateUpdate",
  "session.confirm": "sessionConfirm",
};

type Meta = Prisma.JsonValue | null;
const metaObject = (meta: Meta) => (meta && typeof meta === "object" && !Array.isArray(meta) ? meta : null);

/** The catalogue key of an audit action's words (under `audit.actions`); null: an action with no words yet. */
export function actionKey(action: string, meta: Meta): string | null {
  const m = metaObject(meta);
  if (action === "thresholds.update" && m) return m.level === "athlete" ? "thresholdsUpdateAthlete" : "thresholdsUpdateSquad";
  if ((action === "account.export" || action === "account.delete") && m?.by === "coach") {
    return action === "account.export" ? "accountExportByCoach" : "accountDeleteByCoach";
  }
  if (action === "invitation.create" && m?.claim) return "invitationCreateClaim";
  if (action === "squad.wellness-check-in") return m?.enabled ? "wellnessOn" : "wellnessOff";
  if (action === "comment.create" && m) {
    if (m.sessionId) return "commentCreateSession";
    if (m.painReportId) return "commentCreatePain";
  }
  return ACTION_KEY[action] ?? null;
}

/** An audit action in plain words in `locale`; one with no words yet reads as "Another change". */
export function actionText(action: string, meta: Meta, locale: Locale = "en"): string {
  const t = translatorFor(locale, "audit") as unknown as (key: string, values?: Record<string, string>) => string;
  const key = actionKey(action, meta);
  return t(`actions.${key ?? "unknown"}`);
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
export async function listSquadAudit(viewer: Viewer, squadId: string, page = 1, locale: Locale = "en"): Promise<AuditPage> {
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
  const deleted = translatorFor(locale, "audit")("deletedAccount");
  return {
    squadName: squad?.name ?? "Squad",
    page: current,
    pageCount,
    total,
    rows: entries.map((e) => ({
      id: e.id,
      at: e.createdAt,
      actor: e.actor?.name ?? deleted,
      action: actionText(e.action, e.meta, locale),
      athlete: e.subjectUserId ? (names.get(e.subjectUserId) ?? deleted) : null,
    })),
  };
}
