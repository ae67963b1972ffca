import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { addDays, mondayOf, todayIn } from "@/lib/dates";
import { formatDayShort } from "@/lib/ui/plan-calendar";
import { readWeekParam } from "@/lib/squad-log/cells";
import { getSquadLogWeek } from "@/lib/squad-log/queries";
import { SquadLogGrid } from "./log-grid";

export const metadata: Metadata = { title: "Squad training log" };

export default async function SquadLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ squadId: string }>;
  searchParams: Promise<{ week?: string | string[] }>;
}) {
  const { squadId } = await params;
  const viewer = await requireViewer();
  const today = todayIn(viewer.timeZone);
  const { monday, notice } = readWeekParam((await searchParams).week, today);
  const log = await getSquadLogWeek(viewer, squadId, monday).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const basePath = `/coach/squads/${squadId}/log`;
  const unitWord = viewer.unitPreference === "MI" ? "miles" : "km";
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}`}>← {log.squad.name}</Link>
      </p>
      <h1>
        Training log: week of {formatDayShort(monday)} {monday.slice(0, 4)}
      </h1>
      {notice ? (
        <p className="notice notice-warn" role="status">
          {notice}
        </p>
      ) : null}
      <nav aria-label="Training log weeks" className="page-links">
        <Link href={`${basePath}?week=${addDays(monday, -7)}`}>← Previous week</Link>
        {" · "}
        {monday === mondayOf(today) ? <span>This week</span> : <Link href={basePath}>This week</Link>}
        {" · "}
        <Link href={`${basePath}?week=${addDays(monday, 7)}`}>Next week →</Link>
        {" · "}
        <Link href={`${basePath}/import`}>Upload a training log (CSV)</Link>
      </nav>
      <details className="card log-help">
        <summary>How the grid works</summary>
        <ul>
          <li>
            Each day holds one run: distance in {unitWord}, minutes (45, or 1:15 for an hour and a quarter) and RPE from 0 to 10. Runs
            only; log other sessions on the athlete&apos;s page or upload them in a CSV.
          </li>
          <li>Days are each athlete&apos;s own calendar days. Days still to come cannot be logged.</li>
          <li>
            Arrow keys move between fields (left and right once the cursor is at the edge of the text), Tab and Shift+Tab go in order,
            Enter goes down a row (back to where a run of Tabs started), Shift+Enter up.
          </li>
          <li>
            Paste a block copied from a spreadsheet: its rows fill athletes downwards and its columns days across, starting at the
            field you paste into. A value written as distance/minutes/RPE (8/45/6) fills the whole day; a plain number fills the same
            field (distance, minutes or RPE) of each day. Empty values leave a day as it was.
          </li>
          <li>
            A run that you or another coach entered can be changed here; empty its three fields to delete it when you save. Sessions
            the athlete logged or changed, and days with several sessions, are shown read-only: open the athlete&apos;s page for those.
          </li>
          <li>Saving checks every cell first: if any needs a correction, nothing is saved and each is named.</li>
        </ul>
      </details>
      {log.rows.length === 0 ? (
        <p className="muted">No athletes in this squad yet.</p>
      ) : (
        <SquadLogGrid squadId={squadId} week={monday} days={log.days} rows={log.rows} unit={viewer.unitPreference} />
      )}
    </>
  );
}
