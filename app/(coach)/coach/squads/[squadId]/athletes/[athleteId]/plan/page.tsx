import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentIntlLocale } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { getPlanningView } from "@/lib/plans/planning";
import { PLAN_WEEKS } from "@/lib/plans/schemas";
import { getAthleteCalendar, getWeekCopyPreview } from "@/lib/plans/queries";
import { parseCalendarQuery } from "@/lib/plans/calendar";
import { plannedSessionTitleIn } from "@/lib/plans/session-words";
import { PlannedTitle } from "@/lib/ui/planned-title";
import { addDays, formatDate } from "@/lib/dates";
import { FlagList } from "@/lib/ui/flag-list";
import { ProjectionChart } from "@/lib/ui/charts/projection-chart";
import { AthleteCalendarGrid, CalendarNav, formatDayShort, periodTitle } from "@/lib/ui/plan-calendar";
import { PlannedVsDoneTable } from "@/lib/ui/planned-vs-done-table";
import { SuggestionAction, SuggestionCard } from "@/lib/ui/suggestion-card";
import { engineText } from "@/lib/i18n/engine-text";
import { currentLocale } from "@/lib/i18n/server";
import { describeWorkout, type WorkoutWords } from "@/lib/plans/workout-steps";
import { AddPlannedSessionForm, CopyWeekForm, PlannedItemControls, SaveWeekAsTemplateForm } from "./plan-forms";
import { PlannedReason } from "@/lib/ui/planned-reason";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("plan");
  return { title: t("metaTitle") };
}

const notFoundOn404 = (e: unknown): never => {
  if (e instanceof NotFoundError) notFound();
  throw e;
};

export default async function PlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ squadId: string; athleteId: string }>;
  searchParams: Promise<{ view?: string | string[]; start?: string | string[] }>;
}) {
  const { squadId, athleteId } = await params;
  const viewer = await requireViewer();
  const view = await getPlanningView(viewer, squadId, athleteId).catch(notFoundOn404);
  const period = parseCalendarQuery(await searchParams, view.asOf);
  const calendar = await getAthleteCalendar(viewer, squadId, athleteId, period).catch(notFoundOn404);
  const days = Array.from({ length: PLAN_WEEKS * 7 }, (_, i) => addDays(view.asOf, i + 1));
  const hidden = { squadId, athleteId };
  const basePath = `/coach/squads/${squadId}/athletes/${athleteId}/plan`;
  const editHref = (plannedId: string) => `${basePath}/sessions/${plannedId}`;
  const unit = viewer.unitPreference;
  const t = await getTranslations("plan");
  const stepWords = (await getTranslations("workoutSteps")) as unknown as WorkoutWords;
  const locale = await currentIntlLocale();
  const title = await periodTitle(calendar.grid);
  const copyPreview =
    calendar.grid.view === "week" ? await getWeekCopyPreview(viewer, squadId, athleteId, calendar.grid.start).catch(notFoundOn404) : null;
  const nextMonday = addDays(calendar.grid.start, 7);
  const words = engineText(await currentLocale(), unit);
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}/athletes/${athleteId}`}>← {calendar.athlete.name}</Link>
      </p>
      <h1>{t("planFor", { name: calendar.athlete.name })}</h1>
      <p className="page-links">
        <Link href={`/coach/squads/${squadId}/plan`}>{t("squadWeek")}</Link>
        {" · "}
        <Link href={`/coach/squads/${squadId}/plan/templates`}>{t("planTemplates")}</Link>
      </p>

      <section aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">{t("calendarHeading", { period: title })}</h2>
        {period.notice ? (
          <p className="notice notice-warn" role="status">
            {period.notice}
          </p>
        ) : null}
        <CalendarNav basePath={basePath} grid={calendar.grid} today={calendar.today} label={t("calendarPeriods")} />
        <AthleteCalendarGrid
          grid={calendar.grid}
          today={calendar.today}
          planned={calendar.planned}
          done={calendar.done}
          status={calendar.comparison.status}
          unit={unit}
          editHref={editHref}
          movable
        />
        {copyPreview ? (
          <div className="card">
            <h3 style={{ marginTop: 0 }}>{t("copyHeading")}</h3>
            <CopyWeekForm
              {...hidden}
              monday={calendar.grid.start}
              nextWeekLabel={t("copyWeekLabel", { day: formatDayShort(nextMonday, locale), year: nextMonday.slice(0, 4) })}
              toCopy={copyPreview.toCopy}
              alreadyThere={copyPreview.alreadyThere}
              held={copyPreview.held}
            />
          </div>
        ) : null}
        <h3>{t("plannedAgainstDone")}</h3>
        <p className="muted">{t("plannedAgainstDoneHelp")}</p>
        <PlannedVsDoneTable
          view={calendar.grid.view}
          days={calendar.comparison.days}
          weeks={calendar.comparison.weeks}
          unit={unit}
          caption={t("plannedAgainstDoneCaption", { period: title })}
        />
        {calendar.grid.view === "week" && calendar.planned.some((p) => !p.held) ? (
          <p>
            <a
              className="button button-secondary"
              href={`/api/exports/squads/${encodeURIComponent(squadId)}/athletes/${encodeURIComponent(athleteId)}/workouts?week=${calendar.grid.start}`}
              download
            >
              {t("downloadWeekWorkouts")}
            </a>
          </p>
        ) : null}
        {calendar.grid.view === "week" ? (
          <div className="card">
            <h3 style={{ marginTop: 0 }}>{t("reuseHeading")}</h3>
            <p className="muted">{t("reuseHelp")}</p>
            <SaveWeekAsTemplateForm {...hidden} monday={calendar.grid.start} templatesHref={`/coach/squads/${squadId}/plan/templates`} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="next-weeks-heading">
        <h2 id="next-weeks-heading">{t("nextWeeksHeading", { weeks: PLAN_WEEKS })}</h2>
        <section aria-labelledby="suggestions-heading">
          <h3 id="suggestions-heading">{t("suggestionsHeading")}</h3>
          {view.suggestions.length === 0 ? (
            <p className="muted">{t("noSuggestions")}</p>
          ) : (
            <ul style={{ listStyle: "none", padding: 0 }} data-suggestions>
              {view.suggestions.map((s) => (
                <SuggestionCard
                  key={s.id}
                  suggestion={s}
                  unit={unit}
                  badge={<span className="badge">{words.flagName(s.flagId)}</span>}
                  action={<SuggestionAction {...hidden} suggestion={s} />}
                />
              ))}
            </ul>
          )}
        </section>

        <ProjectionChart data={view.projection} loadUnit={view.projectionUnit} unit={unit} />

        <section aria-labelledby="projected-flags">
          <h3 id="projected-flags">{t("projectedFlags")}</h3>
          <FlagList flags={view.projectedFlags} audience="coach" unit={unit} />
        </section>

        <section aria-labelledby="plan-heading">
          <h3 id="plan-heading">{t("dayByDay")}</h3>
          {view.planned.some((p) => p.held) ? (
            <p className="notice notice-warn">
              {t.rich("heldNotice", {
                strong: (chunks) => <strong>{chunks}</strong>,
                link: (chunks) => <Link href={`/coach/squads/${squadId}/athletes/${athleteId}`}>{chunks}</Link>,
              })}
            </p>
          ) : null}
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("dayByDayCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("dayColumn")}</th>
                  <th scope="col">{t("plannedColumn")}</th>
                </tr>
              </thead>
              <tbody>
                {days.map((day) => {
                  const items = view.planned.filter((p) => p.date === day);
                  return (
                    <tr key={day}>
                      <th scope="row">{formatDate(day, locale)}</th>
                      <td>
                        {items.length === 0 ? <span className="muted">–</span> : null}
                        {items.map((p) => (
                          <div key={p.id} className="planned-item">
                            <span>
                              <PlannedTitle planned={p} unit={unit} />
                              {p.origin === "SUGGESTION" ? <span className="badge">{p.flagId ? words.flagName(p.flagId) : t("suggested")}</span> : null}
                              {p.origin === "TEMPLATE" ? <span className="badge">{t("templateBadgeLower")}</span> : null}
                            </span>
                            {p.steps ? <div>{describeWorkout(p.steps, unit, stepWords)}</div> : null}
                            <PlannedReason row={p} unit={unit} />
                            <PlannedItemControls plannedId={p.id} date={p.date} label={plannedSessionTitleIn(p, unit, words.locale)} />
                            <Link href={editHref(p.id)}>
                              {t("edit")}
                              <span className="visually-hidden"> {plannedSessionTitleIn(p, unit, words.locale)}</span>
                            </Link>
                          </div>
                        ))}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </section>

        <section className="card" aria-labelledby="add-heading">
          <h3 id="add-heading" style={{ marginTop: 0 }}>
            {t("addHeading")}
          </h3>
          <AddPlannedSessionForm {...hidden} unit={unit} defaultDate={addDays(view.asOf, 1)} />
        </section>
      </section>
    </>
  );
}
