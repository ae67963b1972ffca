import type { PlannedRow } from "@/lib/plans/queries";
import type { SessionRow } from "@/lib/sessions/queries";
import { PlannedTitle } from "@/lib/ui/planned-title";
import { addDays, formatDate } from "@/lib/dates";
import { formatDistance, formatDuration, type Unit } from "@/lib/units";
import { PlannedReason } from "@/lib/ui/planned-reason";
import { sessionKind, type SessionTypeWords } from "@/lib/sessions/labels";
import { describeWorkout, type WorkoutWords } from "@/lib/plans/workout-steps";
import { plannedSessionTitleIn } from "@/lib/plans/session-words";
import { loadMinutesOf } from "@/lib/imports/plausibility";
import { getTranslations } from "next-intl/server";
import { currentIntlLocale, currentLocale } from "@/lib/i18n/server";
import { exerciseList } from "@/lib/ui/plan-calendar";

/** Monday to Sunday of the current week: what is planned and what was done, day by day. */
export async function WeekPlan({
  monday,
  planned,
  done,
  unit,
  workoutHref,
}: {
  monday: string;
  planned: PlannedRow[];
  done: SessionRow[];
  unit: Unit;
  /** Where a session's FIT workout file is downloaded; held sessions get no link. */
  workoutHref?: (plannedId: string) => string;
}) {
  const t = await getTranslations("plan");
  const stepWords = (await getTranslations("workoutSteps")) as unknown as WorkoutWords;
  const names = (await getTranslations("sessionTypes")) as unknown as SessionTypeWords;
  const locale = await currentIntlLocale();
  const localeCode = await currentLocale();
  const days = Array.from({ length: 7 }, (_, i) => addDays(monday, i));
  return (
    <div className="table-wrap">
      <table>
        <caption className="visually-hidden">{t("weekPlanCaption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("dayColumn")}</th>
            <th scope="col">{t("plannedColumn")}</th>
            <th scope="col">{t("doneHeading")}</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => {
            const p = planned.filter((x) => x.date === day);
            const d = done.filter((x) => x.date === day);
            return (
              <tr key={day}>
                <th scope="row">{formatDate(day, locale)}</th>
                <td>
                  {p.length
                    ? p.map((x) => {
                        const exercises = exerciseList(x);
                        return (
                        <div key={x.id}>
                          <PlannedTitle planned={x} unit={unit} />
                          {exercises ? (
                            <details className="cal-exercises">
                              <summary>{t("exerciseCount", { count: exercises.length })}</summary>
                              <ul>
                                {exercises.map((e, i) => (
                                  <li key={i}>{e}</li>
                                ))}
                              </ul>
                            </details>
                          ) : null}
                          {x.steps ? <div className={x.held ? "held-session" : undefined}>{describeWorkout(x.steps, unit, stepWords)}</div> : null}
                          {x.held ? null : <PlannedReason row={x} unit={unit} />}
                          {workoutHref && !x.held ? (
                            <a href={workoutHref(x.id)} download>
                              {t("downloadFit")}
                              <span className="visually-hidden">: {plannedSessionTitleIn(x, unit, localeCode)}, {formatDate(day, locale)}</span>
                            </a>
                          ) : null}
                        </div>
                        );
                      })
                    : <span className="muted">–</span>}
                </td>
                <td>
                  {d.length
                    ? d.map((x) => (
                        <div key={x.id}>
                          {sessionKind(x.type, null, names)} {formatDuration(loadMinutesOf(x))}
                          {x.distanceKm ? `, ${formatDistance(x.distanceKm, unit)}` : ""}
                        </div>
                      ))
                    : <span className="muted">–</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
