import "server-only";
import { db } from "@/lib/db";
import { Prisma } from "@/lib/generated/prisma/client";
import { recordAudit } from "@/lib/audit";
import { NotFoundError, ValidationError } from "@/lib/errors";
import { assertCoachOf, assertCoachOfAthlete, type Viewer } from "@/lib/auth/permissions";
import { parseWith } from "@/lib/forms";
import { DEFAULT_THRESHOLDS, ThresholdOverrideError, resolveThresholds, type ThresholdOverrides } from "@/lib/training-load";
import {
  athleteTargetSchema,
  diffFromParent,
  displayWithUnit,
  parseThresholdForm,
  readStoredOverrides,
  squadTargetSchema,
  toValidationError,
} from "@/lib/thresholds/schemas";

function asObject(input: unknown): Record<string, unknown> {
  return input !== null && typeof input === "object" && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
}

const stored = (overrides: ThresholdOverrides) =>
  Object.keys(overrides).length === 0 ? Prisma.DbNull : (overrides as Prisma.InputJsonObject);

function resolveOrExplain(...levels: ThresholdOverrides[]) {
  try {
    return resolveThresholds(...levels);
  } catch (error) {
    if (error instanceof ThresholdOverrideError) throw toValidationError(error);
    throw error;
  }
}

/**
 * Sets the squad's thresholds from the posted form (display units; empty = use the default). Only the
 * values that differ from the defaults are kept, so a later change of a default reaches the squad.
 */
export async function updateSquadThresholds(viewer: Viewer, input: unknown): Promise<{ saved: ThresholdOverrides }> {
  const raw = asObject(input);
  const { squadId } = parseWith(squadTargetSchema, raw);
  assertCoachOf(viewer, squadId);
  const parsed = parseThresholdForm(raw, ["squadId"]);
  const overrides = diffFromParent(parsed, DEFAULT_THRESHOLDS);
  resolveOrExplain(overrides);

  return db().$transaction(async (tx) => {
    const squad = await tx.squad.findUnique({
      where: { id: squadId },
      select: {
        thresholds: true,
        memberships: { where: { role: "ATHLETE" }, select: { thresholds: true, user: { select: { name: true } } } },
      },
    });
    if (!squad) throw new NotFoundError("Squad not found");
    // An athlete's own spike levels must stay consistent on top of the new squad values, or their flags could not be computed.
    for (const m of squad.memberships) {
      const own = readStoredOverrides(m.thresholds);
      if (Object.keys(own).length === 0) continue;
      try {
        resolveThresholds(overrides, own);
      } catch (error) {
        if (!(error instanceof ThresholdOverrideError)) throw error;
        const field = "spikeCaution" in parsed ? "spikeCaution" : "spikeWarning";
        throw new ValidationError("Please correct the highlighted fields.", {
          [field]: [
            `${m.user.name}'s own thresholds would put the warning level below the caution level; change theirs first`,
          ],
        });
      }
    }
    await tx.squad.update({ where: { id: squadId }, data: { thresholds: stored(overrides) } });
    await recordAudit(
      {
        actorId: viewer.id,
        squadId,
        action: "thresholds.update",
        entity: "Squad",
        entityId: squadId,
        meta: { level: "squad", before: readStoredOverrides(squad.thresholds), after: overrides } as Prisma.InputJsonObject,
      },
      tx,
    );
    return { saved: overrides };
  });
}

/**
 * Sets one athlete's thresholds within a squad (display units; empty = use the squad's value). Only the
 * values that differ from the squad's are kept.
 */
export async function updateAthleteThresholds(viewer: Viewer, input: unknown): Promise<{ saved: ThresholdOverrides }> {
  const raw = asObject(input);
  const { squadId, athleteId } = parseWith(athleteTargetSchema, raw);
  const prisma = db();
  await assertCoachOfAthlete(prisma, viewer, squadId, athleteId);
  const parsed = parseThresholdForm(raw, ["squadId", "athleteId"]);

  return prisma.$transaction(async (tx) => {
    const membership = await tx.membership.findFirst({
      where: { squadId, userId: athleteId, role: "ATHLETE" },
      select: { id: true, thresholds: true, squad: { select: { thresholds: true } } },
    });
    if (!membership) throw new NotFoundError("Athlete not found");
    const squadLevel = readStoredOverrides(membership.squad.thresholds);
    const overrides = diffFromParent(parsed, resolveOrExplain(squadLevel));
    try {
      resolveThresholds(squadLevel, overrides);
    } catch (error) {
      if (!(error instanceof ThresholdOverrideError)) throw error;
      throw new ValidationError("Please correct the highlighted fields.", {
        spikeWarning: [
          `The warning level must be at least the caution level (${displayWithUnit("spikeCaution", overrides.spikeCaution ?? resolveThresholds(squadLevel).spikeCaution)} here)`,
        ],
      });
    }
    await tx.membership.update({ where: { id: membership.id }, data: { thresholds: stored(overrides) } });
    await recordAudit(
      {
        actorId: viewer.id,
        squadId,
        subjectUserId: athleteId,
        action: "thresholds.update",
        entity: "Membership",
        entityId: membership.id,
        meta: { level: "athlete", before: readStoredOverrides(membership.thresholds), after: overrides } as Prisma.InputJsonObject,
      },
      tx,
    );
    return { saved: overrides };
  });
}
