import Link from "next/link";
import type { CalendarGrid, CalendarView } from "@/lib/plans/calendar";
import { calendarHref } from "@/lib/plans/calendar";
import type { PlannedStatus } from "@/lib/plans/planned-vs-done";
import type { DoneRow, PlannedDetailRow } from "@/lib/plans/queries";
import { toDbDate } from "@/lib/dates";
import { formatDistance, formatDuration, type Unit } from "@/lib/units";
import { plannedReasonText } from "@/lib/plans/reason";
import { sessionSummaryIn } from "@/lib/plans/session-words";
import type { Locale } from "@/lib/i18n/config";
import { sessionKind } from "@/lib/sessions/labels";
import { engineText } from "@/lib/i18n/engine-text";
import { describeWorkout, type WorkoutWords } from "@/lib/plans/workout-steps";
import { getTranslations } from "next-intl/server";
import { currentIntlLocale, currentLocale } from "@/lib/i18n/server";
import { DraggablePlanned, DropDay, PlanDragBoard } from "@/lib/ui/plan-drag";

// Calendars of planned and done sessions, for one athlete (week or month) and for a squad's week.
// Server components: they get ready rows; a month scrolls sideways on a phone, a week becomes a list of days.

const dayFormats = new Map<string, Intl.DateTimeFormat>();
const monthFormats = new Map<string, Intl.DateTimeFormat>();
const cached = (cache: Map<string, Intl.DateTimeFormat>, locale: string, options: Intl.DateTimeFormatOptions) => {
  let f = cache.get(locale);
  if (!f) cache.set(locale, (f = new Intl.DateTimeFormat(locale, options)));
  return f;
};
const WEEKDAY_MONDAYS = ["2026-11-30", "2026-12-01", "2026-12-02", "2026-12-03", "2026-12-04", "2026-12-05", "2026-12-06"];

/** "Mon 30 Nov" ("lun 30 nov" in Spanish). */
export const formatDayShort = (date: string, locale = "en-GB") =>
  cached(dayFormats, locale, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" }).format(toDbDate(date)).replace(",", "");
/** "December 2026". */
export const formatMonth = (date: string, locale = "en-GB") =>
  cached(monthFormats, locale, { month: "long", year: "numeric", timeZone: "UTC" }).format(toDbDate(date));
/** Monday to Sunday, long and short, in a language. */
const weekdayNames = (locale: string) =>
  WEEKDAY_MONDAYS.map((d) => ({
    long: new Intl.DateTimeFormat(locale, { weekday: "long", timeZone: "UTC" }).format(toDbDate(d)),
    short: new Intl.DateTimeFormat(locale, { weekday: "short", timeZone: "UTC" }).format(toDbDate(d)),
  }));

export async function periodTitle(grid: CalendarGrid): Promise<string> {
  const locale = await currentIntlLocale();
  if (grid.view === "month") return formatMonth(grid.start, locale);
  const t = await getTranslations("plan");
  return t("weekOf", { day: formatDayShort(grid.start, locale), year: grid.start.slice(0, 4) });
}

/** Core, strength and mobility sessions list their exercises, comma separated: read as a list to fold. */
export function exerciseList(planned: { type: string; description: string | null }): string[] | null {
  if (!planned.description || !["CORE", "STRENGTH", "MOBILITY"].includes(planned.type)) return null;
  const items = planned.description
    .split(/,|\n/)
    .map((x) => x.trim())
    .filter(Boolean);
  return items.length >= 2 ? items : null;
}

type SessionLike = { type: string; subType?: string | null; durationMin: number; distanceKm: number | null };

/**
 * "Cycling · 1 h 00 min · 25.0 km": what a session is and how big, in the viewer's unit; in the reader's
 * language when `locale` is given, in English without (files that leave the app).
 */
export function sessionSummary(s: SessionLike, unit: Unit, locale?: Locale): string {
  if (locale) return sessionSummaryIn(s, unit, locale);
  const kind = sessionKind(s.type, s.subType);
  return [kind, formatDuration(s.durationMin), s.distanceKm ? formatDistance(s.distanceKm, unit) : null].filter(Boolean).join(" · ");
}

/** One planned session with its effort, where it came from and, once its day has passed, whether it was done. */
export async function PlannedItem({
  planned,
  status,
  unit,
  editHref,
  compact = false,
  movable = false,
}: {
  planned: PlannedDetailRow;
  status?: PlannedStatus;
  unit: Unit;
  editHref?: string;
  compact?: boolean;
  /** In a coach's week calendar: the session can be dragged to another day. */
  movable?: boolean;
}) {
  const t = await getTranslations("plan");
  const locale = await currentIntlLocale();
  const localeCode = await currentLocale();
  const reason = plannedReasonText(planned, engineText(localeCode, unit));
  const statusText = status === "done" ? t("statusDone") : status === "missed" ? t("statusMissed") : null;
  const exercises = exerciseList(planned);
  const className = `cal-item${status ? ` cal-${status}` : ""}${planned.held ? " cal-held" : ""}`;
  const body = (
    <>
      {planned.held ? <span className="badge badge-held">{t("onHold")}</span> : null}
      {planned.title ? <strong className={`cal-title${planned.held ? " held-session" : ""}`}>{planned.title}</strong> : null}
      <span className={planned.held ? "held-session" : undefined}>
        {sessionSummary(planned, unit, localeCode)}
        {planned.targetRpe != null ? ` · RPE ${planned.targetRpe}` : ""}
      </span>{" "}
      {planned.steps && !compact ? <span className={`cal-steps${planned.held ? " held-session" : ""}`}>{describeWorkout(planned.steps, unit, (await getTranslations("workoutSteps")) as unknown as WorkoutWords)}</span> : null}
      {statusText ? <span className={status === "done" ? "badge badge-ok" : "badge badge-danger"}>{statusText}</span> : null}
      {planned.origin === "SUGGESTION" ? (
        <span className="badge">{t("suggestedBadge", { flag: planned.flagId ? engineText(localeCode).flagName(planned.flagId) : t("engine") })}</span>
      ) : null}
      {planned.origin === "TEMPLATE" ? <span className="badge">{t("templateBadge")}</span> : null}
      {reason ? <span className="cal-reason muted">{reason}</span> : null}
      {exercises ? (
        <details className="cal-exercises">
          <summary>{t("exerciseCount", { count: exercises.length })}</summary>
          <ul>
            {exercises.map((x, i) => (
              <li key={i}>{x}</li>
            ))}
          </ul>
        </details>
      ) : planned.description && !compact ? (
        <span className="cal-reason muted">{planned.description}</span>
      ) : null}
      {editHref ? (
        <Link className="cal-edit" href={editHref}>
          {t("edit")}
          <span className="visually-hidden">
            {" "}
            {t("editWhat", { what: planned.title ?? sessionSummary(planned, unit, localeCode), day: formatDayShort(planned.date, locale) })}
          </span>
        </Link>
      ) : null}
    </>
  );
  if (movable) {
    return (
      <DraggablePlanned plannedId={planned.id} date={planned.date} enabled={!planned.held} className={className}>
        {body}
      </DraggablePlanned>
    );
  }
  return <li className={className}>{body}</li>;
}

export async function DoneItem({ done, unit }: { done: DoneRow; unit: Unit }) {
  return (
    <li className="cal-item cal-did">
      <span aria-hidden="true">✓ </span>
      {sessionSummary(done, unit, await currentLocale())}
      {done.rpe != null ? ` · RPE ${done.rpe}` : ""}
    </li>
  );
}

/** What one day holds: the plan, and what was done when the day is not in the future. */
export async function DayContents({
  date,
  today,
  planned,
  done,
  status,
  unit,
  editHref,
  compact,
  movable = false,
}: {
  date: string;
  today: string;
  planned: PlannedDetailRow[];
  done: DoneRow[];
  status: Record<string, PlannedStatus>;
  unit: Unit;
  editHref?: (plannedId: string) => string;
  compact?: boolean;
  movable?: boolean;
}) {
  const t = await getTranslations("plan");
  const plannedToday = planned.filter((p) => p.date === date);
  const doneToday = date <= today ? done.filter((d) => d.date === date) : [];
  if (plannedToday.length === 0 && doneToday.length === 0) return <span className="muted">–</span>;
  return (
    <>
      {plannedToday.length ? (
        <ul className="cal-items" aria-label={t("plannedLabel")}>
          {plannedToday.map((p) => (
            <PlannedItem key={p.id} planned={p} status={status[p.id]} unit={unit} editHref={editHref?.(p.id)} compact={compact} movable={movable} />
          ))}
        </ul>
      ) : null}
      {doneToday.length ? (
        <>
          <p className="cal-done-heading">{t("doneHeading")}</p>
          <ul className="cal-items" aria-label={t("doneHeading")}>
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
export async function CalendarNav({
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
  const t = await getTranslations("plan");
  const week = grid.view === "week";
  return (
    <nav className="calendar-nav" aria-label={label}>
      <div className="row">
        <Link className="button button-secondary" href={calendarHref(basePath, grid.view, grid.previousStart)}>
          ← {week ? t("previousWeek") : t("previousMonth")}
        </Link>
        <Link className="button button-secondary" href={calendarHref(basePath, grid.view, today)}>
          {week ? t("thisWeek") : t("thisMonth")}
        </Link>
        <Link className="button button-secondary" href={calendarHref(basePath, grid.view, grid.nextStart)}>
          {week ? t("nextWeek") : t("nextMonth")} →
        </Link>
      </div>
      {views.length > 1 ? (
        <ul className="view-toggle" aria-label={t("calendarView")}>
          {views.map((v) => (
            <li key={v}>
              <Link href={calendarHref(basePath, v, grid.start)} aria-current={v === grid.view ? "page" : undefined}>
                {v === "week" ? t("viewWeek") : t("viewMonth")}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
    </nav>
  );
}

/**
 * One athlete's week (7 columns; a list of days on a phone) or month (Monday-to-Sunday rows) of planned
 * and done sessions. A coach's week can be replanned by dragging a session to another day (`movable`).
 */
export async function AthleteCalendarGrid({
  grid,
  today,
  planned,
  done,
  status,
  unit,
  editHref,
  movable = false,
}: {
  grid: CalendarGrid;
  today: string;
  planned: PlannedDetailRow[];
  done: DoneRow[];
  status: Record<string, PlannedStatus>;
  unit: Unit;
  editHref?: (plannedId: string) => string;
  movable?: boolean;
}) {
  const t = await getTranslations("plan");
  const locale = await currentIntlLocale();
  const month = grid.view === "month";
  const drag = movable && !month;
  const title = await periodTitle(grid);
  const table = (
    <div className={`table-wrap calendar-wrap${month ? "" : " calendar-wrap-week"}`}>
      <table className={`calendar calendar-${grid.view}`}>
        <caption>{t("calendarCaption", { period: title })}</caption>
        <thead>
          <tr>
            {month
              ? weekdayNames(locale).map((name) => (
                  <th key={name.long} scope="col">
                    <abbr title={name.long}>{name.short}</abbr>
                  </th>
                ))
              : grid.weeks[0].map((d) => (
                  <th key={d.date} scope="col" className={d.date === today ? "cal-today" : undefined}>
                    {formatDayShort(d.date, locale)}
                  </th>
                ))}
          </tr>
        </thead>
        <tbody>
          {grid.weeks.map((week) => (
            <tr key={week[0].date}>
              {week.map((d) => (
                <DropDay
                  key={d.date}
                  date={d.date}
                  className={[d.inPeriod ? null : "cal-outside", d.date === today ? "cal-today" : null].filter(Boolean).join(" ") || undefined}
                  ariaCurrent={d.date === today ? "date" : undefined}
                >
                  {/* In a month, and in a week read on a phone (one day under another), each day names itself. */}
                  <p className={month ? "cal-date" : "cal-date cal-date-phone"}>{formatDayShort(d.date, locale)}</p>
                  <DayContents
                    date={d.date}
                    today={today}
                    planned={planned}
                    done={done}
                    status={status}
                    unit={unit}
                    editHref={editHref}
                    compact={month}
                    movable={drag}
                  />
                </DropDay>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
  return drag ? <PlanDragBoard>{table}</PlanDragBoard> : table;
}
