import type { PlannedRow } from "@/lib/plans/queries";
import { plannedSessionTitle } from "@/lib/calendar/ics";
import type { Unit } from "@/lib/units";
import type { SessionTypeWords } from "@/lib/sessions/labels";
import { getTranslations } from "next-intl/server";

/** A planned session's title; a held one says "On hold" in words and is struck through. */
export async function PlannedTitle({
  planned,
  unit,
}: {
  planned: Pick<PlannedRow, "type" | "subType" | "title" | "durationMin" | "distanceKm" | "held">;
  unit: Unit;
}) {
  const title = plannedSessionTitle(planned, unit, (await getTranslations("sessionTypes")) as unknown as SessionTypeWords);
  if (!planned.held) return <>{title}</>;
  return (
    <>
      <span className="badge badge-held">{(await getTranslations("plan"))("onHold")}</span> <s>{title}</s>
    </>
  );
}
