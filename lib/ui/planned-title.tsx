import type { PlannedRow } from "@/lib/plans/queries";
import { plannedSessionTitleIn } from "@/lib/plans/session-words";
import { currentLocale } from "@/lib/i18n/server";
import type { Unit } from "@/lib/units";
import { getTranslations } from "next-intl/server";

/** A planned session's title in the reader's language; a held one says "On hold" in words and is struck through. */
export async function PlannedTitle({
  planned,
  unit,
}: {
  planned: Pick<PlannedRow, "type" | "subType" | "title" | "durationMin" | "distanceKm" | "held">;
  unit: Unit;
}) {
  const title = plannedSessionTitleIn(planned, unit, await currentLocale());
  if (!planned.held) return <>{title}</>;
  return (
    <>
      <span className="badge badge-held">{(await getTranslations("plan"))("onHold")}</span> <s>{title}</s>
    </>
  );
}
