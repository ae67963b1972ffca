import { getTranslations } from "next-intl/server";
import type { DayComparison, Totals, WeekComparison } from "@/lib/plans/planned-vs-done";
import type { Unit } from "@/lib/units";
import { toDbDate } from "@/lib/dates";
import { currentIntlLocale } from "@/lib/i18n/server";
import { numberWords } from "@/lib/ui/athlete-summary";

type Translate = Awaited<ReturnType<typeof getTranslations<"athletePage">>>;
type Counts = { plannedCount: number; completedCount: number; missedCount: number };
type Words = { km: (v: number) => string; minutes: (v: number) => string; load: (v: number) => string };

function Pair({ planned, done, format }: { planned: number; done: number | null; format: (v: number) => string }) {
  return (
    <>
      {format(planned)}
      <span className="muted"> / </span>
      {done === null ? <span className="muted">–</span> : format(done)}
    </>
  );
}

function completion(t: Translate, row: Counts): string {
  if (row.plannedCount === 0) return "–";
  const done = t("plan.doneOf", { done: row.completedCount, planned: row.plannedCount });
  return row.missedCount ? `${done}, ${t("plan.missed", { count: row.missedCount })}` : done;
}

function Cells({ planned, done, counts, words, t }: { planned: Totals; done: Totals | null; counts: Counts; words: Words; t: Translate }) {
  return (
    <>
      <td>
        <Pair planned={planned.durationMin} done={done?.durationMin ?? null} format={words.minutes} />
      </td>
      <td>
        <Pair planned={planned.distanceKm} done={done?.distanceKm ?? null} format={words.km} />
      </td>
      <td>
        <Pair planned={planned.loadAu} done={done?.loadAu ?? null} format={words.load} />
      </td>
      <td>{completion(t, counts)}</td>
    </>
  );
}

/**
 * Planned against done, day by day with the week's total (week view) or week by week (month view).
 * A planned session counts as done when a session of its type was logged on its day.
 */
export async function PlannedVsDoneTable({
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
  const [t, intl] = await Promise.all([getTranslations("athletePage"), currentIntlLocale()]);
  const base = numberWords(intl, unit);
  const words: Words = {
    km: (v) => (v === 0 ? "0" : base.distance(v)),
    minutes: (v) => (v === 0 ? "0" : base.duration(v)),
    load: (v) => t("units.au", { value: base.int(v) }),
  };
  // "Mon 7 Dec" / "lun 7 dic": one short day style per language.
  const dayFormat = new Intl.DateTimeFormat(intl, { weekday: "short", day: "numeric", month: "short", timeZone: "UTC" });
  const day = (date: string) => dayFormat.format(toDbDate(date));
  return (
    <div className="table-wrap">
      <table className="planned-vs-done">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{view === "week" ? t("plan.day") : t("plan.week")}</th>
            <th scope="col">{t("plan.time")}</th>
            <th scope="col">{t("plan.distance")}</th>
            <th scope="col">{t("plan.load")}</th>
            <th scope="col">{t("plan.sessions")}</th>
          </tr>
        </thead>
        <tbody>
          {view === "week"
            ? days.map((d) => (
                <tr key={d.date}>
                  <th scope="row">{day(d.date)}</th>
                  <Cells planned={d.planned} done={d.done} counts={d} words={words} t={t} />
                </tr>
              ))
            : weeks.map((w) => (
                <tr key={w.monday}>
                  <th scope="row">
                    {day(w.from)} – {day(w.to)}
                  </th>
                  <Cells planned={w.planned} done={w.done} counts={w} words={words} t={t} />
                </tr>
              ))}
        </tbody>
        {view === "week" && weeks[0] ? (
          <tfoot>
            <tr>
              <th scope="row">{t("plan.week")}</th>
              <Cells planned={weeks[0].planned} done={weeks[0].done} counts={weeks[0]} words={words} t={t} />
            </tr>
          </tfoot>
        ) : null}
      </table>
      {view === "week" && weeks[0]?.done && weeks[0].plannedToDate.loadAu !== weeks[0].planned.loadAu ? (
        <p className="muted">
          {weeks[0].plannedToDate.durationMin > 0 || weeks[0].plannedToDate.loadAu > 0
            ? t("plan.underWay", { time: words.minutes(weeks[0].plannedToDate.durationMin), load: words.load(weeks[0].plannedToDate.loadAu) })
            : t("plan.underWayNothingYet")}
        </p>
      ) : null}
    </div>
  );
}
