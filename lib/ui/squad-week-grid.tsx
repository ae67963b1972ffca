import Link from "next/link";
import type { SquadWeek } from "@/lib/plans/queries";
import { calendarHref } from "@/lib/plans/calendar";
import { formatDuration, type Unit } from "@/lib/units";
import { DayContents, formatDayShort } from "@/lib/ui/plan-calendar";

/** Athletes down, Monday to Sunday across: each athlete's planned sessions and, up to their today, what they did. */
export function SquadWeekGrid({ week, unit, today }: { week: SquadWeek; unit: Unit; today: string }) {
  const days = week.grid.weeks[0];
  return (
    <div className="table-wrap calendar-wrap">
      <table className="calendar squad-week">
        <caption>
          {week.squad.name}, week of {formatDayShort(week.grid.start)} {week.grid.start.slice(0, 4)}: planned and done
        </caption>
        <thead>
          <tr>
            <th scope="col">Athlete</th>
            {days.map((d) => (
              <th key={d.date} scope="col" className={d.date === today ? "cal-today" : undefined}>
                {formatDayShort(d.date)}
              </th>
            ))}
            <th scope="col">Week</th>
          </tr>
        </thead>
        <tbody>
          {week.rows.map((row) => {
            const total = row.comparison.weeks[0];
            const planHref = calendarHref(`/coach/squads/${week.squad.id}/athletes/${row.athlete.id}/plan`, "week", week.grid.start);
            return (
              <tr key={row.athlete.id}>
                <th scope="row">
                  <Link href={planHref}>{row.athlete.name}</Link>
                </th>
                {days.map((d) => (
                  <td key={d.date} className={d.date === row.today ? "cal-today" : undefined}>
                    <DayContents
                      date={d.date}
                      today={row.today}
                      planned={row.planned}
                      done={row.done}
                      status={row.comparison.status}
                      unit={unit}
                      compact
                    />
                  </td>
                ))}
                <td>
                  {total ? (
                    <>
                      <div>Planned {formatDuration(total.planned.durationMin)}</div>
                      <div>{total.done ? `Done ${formatDuration(total.done.durationMin)}` : <span className="muted">Not started</span>}</div>
                      {total.plannedCount ? (
                        <div className="muted">
                          {total.completedCount} of {total.plannedCount} done
                          {total.missedCount ? `, ${total.missedCount} missed` : ""}
                        </div>
                      ) : null}
                    </>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
