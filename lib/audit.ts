import type { Prisma } from "@/lib/generated/prisma/client";
import { db } from "@/lib/db";

export type AuditEntry = {
  actorId?: string | null;
  squadId?: string | null;
  subjectUserId?: string | null;
  action: string;
  entity?: string;
  entityId?: string;
  meta?: Prisma.InputJsonValue;
  ip?: string;
};

type AuditWriter = Pick<Prisma.TransactionClient, "auditLog">;

/** Appends to the audit log; pass the transaction client to make the entry part of a change. */
export async function recordAudit(entry: AuditEntry, client: AuditWriter = db()): Promise<void> {
  await client.auditLog.create({
    data: {
      actorId: entry.actorId ?? null,
      squadId: entry.squadId ?? null,
      subjectUserId: entry.subjectUserId ?? null,
      action: entry.action,
      entity: entry.entity,
      entityId: entry.entityId,
      meta: entry.meta,
      ip: entry.ip,
    },
  });
}
