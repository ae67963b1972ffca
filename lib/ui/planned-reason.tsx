import { engineText } from "@/lib/i18n/engine-text";
import { currentLocale } from "@/lib/i18n/server";
import { plannedReasonText } from "@/lib/plans/reason";
import type { EngineMessage } from "@/lib/training-load/types";
import type { Unit } from "@/lib/units";

/** Why a planned session was planned, in the reader's language and unit; nothing when there is no reason. */
export async function PlannedReason({
  row,
  unit,
  as: Tag = "div",
  className = "muted",
}: {
  row: { reason: string | null; reasonParts?: EngineMessage[] | null };
  unit: Unit;
  as?: "div" | "span" | "p";
  className?: string;
}) {
  const text = plannedReasonText(row, engineText(await currentLocale(), unit));
  return text ? <Tag className={className}>{text}</Tag> : null;
}
