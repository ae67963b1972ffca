import Link from "next/link";
import type { CalendarGrid, CalendarView } from "@/lib/plans/calendar";
import { calendarHref } from "@/lib/plans/calendar";
import type { PlannedStatus } from "@/lib/plans/planned-vs-done";
import type { DoneRow, PlannedDetailRow } from "@/lib/plans/queries";
import { toDbDate } from "@/lib/dates";
import { formatDistance, formatDuration, textInUnit, type Unit } from "@/lib/units";
import { MODE_LABELS, SESSION_TYPE_LABELS } from "@/lib/sessions/labels";
import { engineText } from "@/lib/i18n/engine-text";
import { describeWorkout } from "@/lib/plans/workout-steps";

// Calendars of planned and done sessions, for one athlete (week or month) and for a squad's week.
// Server components: they get ready rows and render tables that scroll sideways on a phone.

const dayFormat = new Intl.DateTimeFormat("en-GB", { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
const monthFormat = new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" });
const WEEKDAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** "Mon 30 Nov". */
export const formatDayShort = (date: string) => dayFormat.format(toDbDate(date));
/** "December 2026". */
export const formatMonth = (date: string) => monthFormat.format(toDbDate(date));

export function periodTitle(grid: CalendarGrid): string {
  return grid.view === "month" ? formatMonth(grid.start) : `Week of ${formatDayShort(grid.start)} ${grid.start.slice(0, 4)}`;
}

type SessionLike = { type: string; subType?: string | null; durationMin: number; distanceKm: number | null };

/** "Cycling · 1 h 00 min · 25.0 km": what a session is and how big, in the viewer's unit. */
export function sessionSummary(s: SessionLike, unit: Unit): string {
  const kind = s.subType
    ? MODE_LABELS[s.subType as keyof typeof MODE_LABELS]
    : SESSION_TYPE_LABELS[s.type as keyof typeof SESSION_TYPE_LABELS] ?? s.type;
  return [kind, formatDuration(s.durationMin), s.distanceKm ? formatDistance(s.distanceKm, unit) : null].filter(Boolean).join(" · ");
}

// A held session says so with its own badge.
const STATUS_TEXT: Record<PlannedStatus, string | null> = { done: "Done", missed: "Missed", due: null, held: null };

/** One planned session with its effort, where it came from and, once its day has passed, whether it was done. */
export function PlannedItem({
  planned,
  status,
  unit,
  editHref,
  compact = false,
}: {
  planned: PlannedDetailRow;
  status?: PlannedStatus;
  unit: Unit;
  editHref?: string;
  compact?: boolean;
}) {
  const statusText = status ? STATUS_TEXT[status] : null;
  return (
    <li className={`cal-item${status ? ` cal-${status}` : ""}${planned.held ? " cal-held" : ""}`}>
      {planned.held ? <span className="badge badge-held">On hold</span> : null}
      {planned.title ? <strong className={`cal-title${planned.held ? " held-session" : ""}`}>{planned.title}</strong> : null}
      <span className={planned.held ? "held-session" : undefined}>
        {sessionSummary(planned, unit)}
        {planned.targetRpe != null ? ` · RPE ${planned.targetRpe}` : ""}
      </span>{" "}
      {planned.steps && !compact ? <span className={`cal-steps${planned.held ? " held-session" : ""}`}>{describeWorkout(planned.steps, unit)}</span> : null}
      {statusText ? <span className={status === "done" ? "badge badge-ok" : "badge badge-danger"}>{statusText}</span> : null}
      {planned.origin === "SUGGESTION" ? <span className="badge">Suggested: {planned.flagId ? engineText("en").flagName(planned.flagId) : "engine"}</span> : null}
      {planned.origin === "TEMPLATE" ? <span className="badge">Template</span> : null}
      {planned.reason ? <span className="cal-reason muted">{textInUnit(planned.reason, unit)}</span> : null}
      {planned.description && !compact ? <span className="cal-reason muted">{planned.description}</span> : null}
      {editHref ? (
        <Link className="cal-edit" href={editHref}>
          Edit<span className="visually-hidden"> {planned.title ?? sessionSummary(planned, unit)} on {formatDayShort(planned.date)}</span>
        </Link>
      ) : null}
    </li>
  );
}

export function DoneItem({ done, unit }: { done: DoneRow; unit: Unit }) {
  return (
    <li className="cal-item cal-did">
      <span aria-hidden="true">✓ </span>
      {sessionSummary(done, unit)}
      {done.rpe != null ? ` · RPE ${done.rpe}` : ""}
    </li>
  );
}

/** What one day holds: the plan, and what was done when the day is not in the future. */
export function DayContents({
  date,
  today,
  planned,
  done,
  status,
  unit,
  editHref,
  compact,
}: {
  date: string;
  today: string;
  planned: PlannedDetailRow[];
  done: DoneRow[];
  status: Record<string, PlannedStatus>;
  unit: Unit;
  editHref?: (plannedId: string) => string;
  compact?: boolean;
}) {
  const plannedToday = planned.filter((p) => p.date === date);
  const doneToday = date <= today ? done.filter((d) => d.date === date) : [];
  if (plannedToday.length === 0 && doneToday.length === 0) return <span className="muted">–</span>;
  return (
    <>
      {plannedToday.length ? (
        <ul className="cal-items" aria-label="Planned">
          {plannedToday.map((p) => (
            <PlannedItem key={p.id} planned={p} status={status[p.id]} unit={unit} editHref={editHref?.(p.id)} compact={compact} />
          ))}
        </ul>
      ) : null}
      {doneToday.length ? (
        <>
          <p className="cal-done-heading">Done</p>
          <ul className="cal-items" aria-label="Done">
            {doneToday.map((d) => (
              <DoneItem key={d.id} done={d} unit={unit} />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

/** Previous, current and next period, and the week/month switch, as plain links. */
export function CalendarNav({
  basePath,
  grid,
  today,
  views = ["week", "month"],
  label,
}: {
  basePath: string;
  grid: CalendarGrid;
  today: string;
  views?: CalendarView[];
  label: string;
}) {
  const noun = grid.view === "week" ? "week" : "month";
  return (
    <nav className="calendar-nav" aria-label={label}>
      <div className="row">
        <Link className="button button-secondary" href={calendarHref(basePath, grid.view, grid.previousStart)}>
          ← Previous {noun}
        </Link>
        <Link className="button button-secondary" href={calendarHref(basePath, grid.view, today)}>
          This {noun}
        </Link>
        <Link className="button button-secondary" href={calendarHref(basePath, grid.view, grid.nextStart)}>
          Next {noun} →
        </Link>
      </div>
      {views.length > 1 ? (
        <ul className="view-toggle" aria-label="Calendar view">
          {views.map((v) => (
            <li key={v}>
              <Link href={calendarHref(basePath, v, grid.start)} aria-current={v === grid.view ? "page" : undefined}>
                {v === "week" ? "Week" : "Month"}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </nav>
  );
}

/** One athlete's week (7 columns) or month (Monday-to-Sunday rows) of planned and done sessions. */
export function AthleteCalendarGrid({
  grid,
  today,
  planned,
  done,
  status,
  unit,
  editHref,
}: {
  grid: CalendarGrid;
  today: string;
  planned: PlannedDetailRow[];
  done: DoneRow[];
  status: Record<string, PlannedStatus>;
  unit: Unit;
  editHref: (plannedId: string) => string;
}) {
  const month = grid.view === "month";
  return (
    <div className="table-wrap calendar-wrap">
      <table className={`calendar calendar-${grid.view}`}>
        <caption>{periodTitle(grid)}: planned and done</caption>
        <thead>
          <tr>
            {month
              ? WEEKDAY_NAMES.map((name) => (
                  <th key={name} scope="col">
                    <abbr title={name}>{name.slice(0, 3)}</abbr>
                  </th>
                ))
              : grid.weeks[0].map((d) => (
                  <th key={d.date} scope="col" className={d.date === today ? "cal-today" : undefined}>
                    {formatDayShort(d.date)}
                  </th>
                ))}
          </tr>
        </thead>
        <tbody>
          {grid.weeks.map((week) => (
            <tr key={week[0].date}>
              {week.map((d) => (
                <td
                  key={d.date}
                  className={[d.inPeriod ? null : "cal-outside", d.date === today ? "cal-today" : null].filter(Boolean).join(" ") || undefined}
                  aria-current={d.date === today ? "date" : undefined}
                >
                  {month ? <p className="cal-date">{formatDayShort(d.date)}</p> : null}
                  <DayContents
                    date={d.date}
                    today={today}
                    planned={planned}
                    done={done}
                    status={status}
                    unit={unit}
                    editHref={editHref}
                    compact={month}
                  />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
