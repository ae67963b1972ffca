import type { DayComparison, Totals, WeekComparison } from "@/lib/plans/planned-vs-done";
import { formatDistance, formatDuration, type Unit } from "@/lib/units";
import { formatDayShort } from "@/lib/ui/plan-calendar";

function Pair({ planned, done, format }: { planned: number; done: number | null; format: (v: number) => string }) {
  return (
    <>
      {format(planned)}
      <span className="muted"> / </span>
      {done === null ? <span className="muted">–</span> : format(done)}
    </>
  );
}

const minutes = (v: number) => (v === 0 ? "0" : formatDuration(v));
const load = (v: number) => `${Math.round(v)} AU`;

function completion(row: { plannedCount: number; completedCount: number; missedCount: number }): string {
  if (row.plannedCount === 0) return "–";
  const parts = [`${row.completedCount} of ${row.plannedCount} done`];
  if (row.missedCount) parts.push(`${row.missedCount} missed`);
  return parts.join(", ");
}

function Cells({ planned, done, unit, counts }: { planned: Totals; done: Totals | null; unit: Unit; counts: { plannedCount: number; completedCount: number; missedCount: number } }) {
  const km = (v: number) => (v === 0 ? "0" : formatDistance(v, unit));
  return (
    <>
      <td>
        <Pair planned={planned.durationMin} done={done?.durationMin ?? null} format={minutes} />
      </td>
      <td>
        <Pair planned={planned.distanceKm} done={done?.distanceKm ?? null} format={km} />
      </td>
      <td>
        <Pair planned={planned.loadAu} done={done?.loadAu ?? null} format={load} />
      </td>
      <td>{completion(counts)}</td>
    </>
  );
}

const head = (first: string) => (
  <thead>
    <tr>
      <th scope="col">{first}</th>
      <th scope="col">Time planned / done</th>
      <th scope="col">Distance planned / done</th>
      <th scope="col">Load planned / done (sRPE)</th>
      <th scope="col">Planned sessions</th>
    </tr>
  </thead>
);

/**
 * Planned against done, day by day with the week's total (week view) or week by week (month view).
 * A planned session counts as done when a session of its type was logged on its day.
 */
export function PlannedVsDoneTable({
  view,
  days,
  weeks,
  unit,
  caption,
}: {
  view: "week" | "month";
  days: DayComparison[];
  weeks: WeekComparison[];
  unit: Unit;
  caption: string;
}) {
  return (
    <div className="table-wrap">
      <table className="planned-vs-done">
        <caption>{caption}</caption>
        {head(view === "week" ? "Day" : "Week")}
        <tbody>
          {view === "week"
            ? days.map((d) => (
                <tr key={d.date}>
                  <th scope="row">{formatDayShort(d.date)}</th>
                  <Cells planned={d.planned} done={d.done} unit={unit} counts={d} />
                </tr>
              ))
            : weeks.map((w) => (
                <tr key={w.monday}>
                  <th scope="row">
                    {formatDayShort(w.from)} – {formatDayShort(w.to)}
                  </th>
                  <Cells planned={w.planned} done={w.done} unit={unit} counts={w} />
                </tr>
              ))}
        </tbody>
        {view === "week" && weeks[0] ? (
          <tfoot>
            <tr>
              <th scope="row">Week</th>
              <Cells planned={weeks[0].planned} done={weeks[0].done} unit={unit} counts={weeks[0]} />
            </tr>
          </tfoot>
        ) : null}
      </table>
      {view === "week" && weeks[0]?.done && weeks[0].plannedToDate.loadAu !== weeks[0].planned.loadAu ? (
        <p className="muted">
          {weeks[0].plannedToDate.durationMin > 0 || weeks[0].plannedToDate.loadAu > 0
            ? `The week is under way: the sessions planned up to today add up to ${minutes(weeks[0].plannedToDate.durationMin)} and ${load(weeks[0].plannedToDate.loadAu)}.`
            : "The week is under way: nothing was planned up to today, so this week's planned sessions are all still to come."}
        </p>
      ) : null}
    </div>
  );
}
