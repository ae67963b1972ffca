import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { getSquadWeek } from "@/lib/plans/queries";
import { parseCalendarQuery } from "@/lib/plans/calendar";
import { todayIn } from "@/lib/dates";
import { CalendarNav, formatDayShort } from "@/lib/ui/plan-calendar";
import { SquadWeekGrid } from "@/lib/ui/squad-week-grid";

export const metadata: Metadata = { title: "Squad plan" };

export default async function SquadPlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ squadId: string }>;
  searchParams: Promise<{ start?: string | string[] }>;
}) {
  const { squadId } = await params;
  const viewer = await requireViewer();
  const today = todayIn(viewer.timeZone);
  // The squad grid shows weeks only, so a view parameter has nothing to choose.
  const period = parseCalendarQuery({ start: (await searchParams).start }, today);
  const week = await getSquadWeek(viewer, squadId, period.start).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const basePath = `/coach/squads/${squadId}/plan`;
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}`}>← {week.squad.name}</Link>
      </p>
      <h1>Squad plan: week of {formatDayShort(week.grid.start)} {week.grid.start.slice(0, 4)}</h1>
      <p className="page-links">
        <Link href={`${basePath}/templates`}>Plan templates: create one, apply it to several athletes</Link>
      </p>
      {period.notice ? (
        <p className="notice notice-warn" role="status">
          {period.notice}
        </p>
      ) : null}
      <CalendarNav basePath={basePath} grid={week.grid} today={today} views={["week"]} label="Squad plan weeks" />
      {week.rows.length === 0 ? (
        <p className="muted">No athletes in this squad yet.</p>
      ) : (
        <SquadWeekGrid week={week} unit={viewer.unitPreference} today={today} />
      )}
      <p className="muted">
        Days up to each athlete&apos;s today show what they logged. A planned session counts as done when a session of its type was
        logged on its day. Open an athlete&apos;s name to edit their plan.
      </p>
    </>
  );
}
