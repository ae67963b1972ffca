import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { getPlanningView } from "@/lib/plans/planning";
import { PLAN_WEEKS } from "@/lib/plans/schemas";
import { getAthleteCalendar } from "@/lib/plans/queries";
import { parseCalendarQuery } from "@/lib/plans/calendar";
import { plannedSessionTitle } from "@/lib/calendar/ics";
import { PlannedTitle } from "@/lib/ui/planned-title";
import { addDays, formatDate } from "@/lib/dates";
import { FlagList } from "@/lib/ui/flag-list";
import { ProjectionChart } from "@/lib/ui/charts/projection-chart";
import { AthleteCalendarGrid, CalendarNav, periodTitle } from "@/lib/ui/plan-calendar";
import { PlannedVsDoneTable } from "@/lib/ui/planned-vs-done-table";
import { SuggestionAction, SuggestionCard } from "@/lib/ui/suggestion-card";
import { engineText } from "@/lib/i18n/engine-text";
import { currentLocale } from "@/lib/i18n/server";
import { describeWorkout } from "@/lib/plans/workout-steps";
import { AddPlannedSessionForm, PlannedItemControls, SaveWeekAsTemplateForm } from "./plan-forms";
import { textInUnit } from "@/lib/units";

export const metadata: Metadata = { title: "Plan" };

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
  const words = engineText(await currentLocale(), unit);
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}/athletes/${athleteId}`}>← {calendar.athlete.name}</Link>
      </p>
      <h1>Plan for {calendar.athlete.name}</h1>
      <p className="page-links">
        <Link href={`/coach/squads/${squadId}/plan`}>Squad week</Link>
        {" · "}
        <Link href={`/coach/squads/${squadId}/plan/templates`}>Plan templates</Link>
      </p>

      <section aria-labelledby="calendar-heading">
        <h2 id="calendar-heading">Calendar: {periodTitle(calendar.grid)}</h2>
        {period.notice ? (
          <p className="notice notice-warn" role="status">
            {period.notice}
          </p>
        ) : null}
        <CalendarNav basePath={basePath} grid={calendar.grid} today={calendar.today} label="Calendar periods" />
        <AthleteCalendarGrid
          grid={calendar.grid}
          today={calendar.today}
          planned={calendar.planned}
          done={calendar.done}
          status={calendar.comparison.status}
          unit={unit}
          editHref={editHref}
        />
        <h3>Planned against done</h3>
        <p className="muted">
          A planned session counts as done when a session of the same type was logged on its day. Load is sRPE (effort × minutes);
          a session without an effort counts at RPE 5.
        </p>
        <PlannedVsDoneTable
          view={calendar.grid.view}
          days={calendar.comparison.days}
          weeks={calendar.comparison.weeks}
          unit={unit}
          caption={`${periodTitle(calendar.grid)}: planned against done`}
        />
        {calendar.grid.view === "week" && calendar.planned.some((p) => !p.held) ? (
          <p>
            <a
              className="button button-secondary"
              href={`/api/exports/squads/${encodeURIComponent(squadId)}/athletes/${encodeURIComponent(athleteId)}/workouts?week=${calendar.grid.start}`}
              download
            >
              Download this week&apos;s workouts for a watch (.zip of .fit files)
            </a>
          </p>
        ) : null}
        {calendar.grid.view === "week" ? (
          <div className="card">
            <h3 style={{ marginTop: 0 }}>Reuse this week</h3>
            <p className="muted">Saves the sessions planned for this week in this squad as a template, to apply to other athletes.</p>
            <SaveWeekAsTemplateForm {...hidden} monday={calendar.grid.start} templatesHref={`/coach/squads/${squadId}/plan/templates`} />
          </div>
        ) : null}
      </section>

      <section aria-labelledby="next-weeks-heading">
        <h2 id="next-weeks-heading">Plan the next {PLAN_WEEKS} weeks</h2>
        <section aria-labelledby="suggestions-heading">
          <h3 id="suggestions-heading">Suggested by the active flags</h3>
          {view.suggestions.length === 0 ? (
            <p className="muted">No suggestions: nothing flagged calls for a change.</p>
          ) : (
            <ul style={{ listStyle: "none", padding: 0 }}>
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

        <ProjectionChart data={view.projection} />

        <section aria-labelledby="projected-flags">
          <h3 id="projected-flags">Flags this plan would raise</h3>
          <FlagList flags={view.projectedFlags} audience="coach" unit={unit} />
        </section>

        <section aria-labelledby="plan-heading">
          <h3 id="plan-heading">Day by day</h3>
          {view.planned.some((p) => p.held) ? (
            <p className="notice notice-warn">
              Sessions <strong>on hold</strong> follow a red-flag report: they stay on hold until a clinician&apos;s clearance is recorded and
              you release them on <Link href={`/coach/squads/${squadId}/athletes/${athleteId}`}>the athlete&apos;s page</Link> (or replan
              them one by one after the clearance).
            </p>
          ) : null}
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Planned sessions day by day</caption>
              <thead>
                <tr>
                  <th scope="col">Day</th>
                  <th scope="col">Planned</th>
                </tr>
              </thead>
              <tbody>
                {days.map((day) => {
                  const items = view.planned.filter((p) => p.date === day);
                  return (
                    <tr key={day}>
                      <th scope="row">{formatDate(day)}</th>
                      <td>
                        {items.length === 0 ? <span className="muted">–</span> : null}
                        {items.map((p) => (
                          <div key={p.id} className="planned-item">
                            <span>
                              <PlannedTitle planned={p} unit={unit} />
                              {p.origin === "SUGGESTION" ? <span className="badge">{p.flagId ? words.flagName(p.flagId) : "suggested"}</span> : null}
                              {p.origin === "TEMPLATE" ? <span className="badge">template</span> : null}
                            </span>
                            {p.steps ? <div>{describeWorkout(p.steps, unit)}</div> : null}
                            {p.reason ? <div className="muted">{textInUnit(p.reason, unit)}</div> : null}
                            <PlannedItemControls plannedId={p.id} date={p.date} label={plannedSessionTitle(p, unit)} />
                            <Link href={editHref(p.id)}>
                              Edit<span className="visually-hidden"> {plannedSessionTitle(p, unit)}</span>
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
            Add a session
          </h3>
          <AddPlannedSessionForm {...hidden} unit={unit} defaultDate={addDays(view.asOf, 1)} />
        </section>
      </section>
    </>
  );
}
