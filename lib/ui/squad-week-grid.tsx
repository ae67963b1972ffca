import Link from "next/link";
import { getTranslations } from "next-intl/server";
import type { SquadWeek } from "@/lib/plans/queries";
import { calendarHref } from "@/lib/plans/calendar";
import { currentIntlLocale } from "@/lib/i18n/server";
import { formatDuration, type Unit } from "@/lib/units";
import { DayContents, formatDayShort } from "@/lib/ui/plan-calendar";

/**
 * Athletes down, Monday to Sunday across: each athlete's planned sessions and, up to their today, what they
 * did. On a phone each athlete becomes a list of days, named by their dates.
 */
export async function SquadWeekGrid({ week, unit, today }: { week: SquadWeek; unit: Unit; today: string }) {
  const t = await getTranslations("plan");
  const locale = await currentIntlLocale();
  const days = week.grid.weeks[0];
  return (
    <div className="table-wrap calendar-wrap squad-week-list">
      <table className="calendar squad-week">
        <caption>
          {t("squadWeekCaption", { squad: week.squad.name, day: formatDayShort(week.grid.start, locale), year: week.grid.start.slice(0, 4) })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t("athleteColumn")}</th>
            {days.map((d) => (
              <th key={d.date} scope="col" className={d.date === today ? "cal-today" : undefined}>
                {formatDayShort(d.date, locale)}
              </th>
            ))}
            <th scope="col">{t("weekColumn")}</th>
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
                    <p className="cal-date cal-date-phone">{formatDayShort(d.date, locale)}</p>
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
                  <p className="cal-date cal-date-phone">{t("weekColumn")}</p>
                  {total ? (
                    <>
                      <div>{t("weekPlanned", { duration: formatDuration(total.planned.durationMin) })}</div>
                      <div>
                        {total.done ? t("weekDone", { duration: formatDuration(total.done.durationMin) }) : <span className="muted">{t("notStarted")}</span>}
                      </div>
                      {total.plannedCount ? (
                        <div className="muted">
                          {t("doneOf", { done: total.completedCount, planned: total.plannedCount })}
                          {total.missedCount ? t("missedCount", { count: total.missedCount }) : ""}
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
