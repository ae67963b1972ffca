import type { PlannedRow } from "@/lib/plans/queries";
import { plannedSessionTitle } from "@/lib/calendar/ics";

/** A planned session's title; a held one says "On hold" in words and is struck through. */
export function PlannedTitle({ planned }: { planned: Pick<PlannedRow, "type" | "subType" | "title" | "durationMin" | "distanceKm" | "held"> }) {
  const title = plannedSessionTitle(planned);
  if (!planned.held) return <>{title}</>;
  return (
    <>
      <span className="badge badge-held">On hold</span> <s>{title}</s>
    </>
  );
}
