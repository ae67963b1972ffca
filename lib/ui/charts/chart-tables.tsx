"use client";

// Table views of the daily and weekly charts. They are client components for one reason: they take the
// very arrays the plots take, which the page sends once, instead of the server sending every row again
// as markup. Each is drawn when its disclosure is first opened (TableDisclosure). Values are the true
// ones, also where a plot clips its axis.
import { fromDailySeries, type DailySeries } from "@/lib/athletes/daily-series";
import { joinPainSeries, type PainMark } from "@/lib/athletes/pain-series";
import type { WeeklyRow } from "./training-charts";
import type { WellnessTrendPoint } from "@/lib/training-load/wellness";
import { useChartText } from "./chart-text";
import { formatChartDate } from "./date-ticks";

function useTable() {
  const { t, locale } = useChartText();
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  const n = (x: number | string | null | undefined) => (x === null || x === undefined ? "–" : typeof x === "number" ? number.format(x) : x);
  const date = (d: string) => formatChartDate(d, locale);
  return { t, n, date };
}

function Head({ columns }: { columns: string[] }) {
  return (
    <thead>
      <tr>
        {columns.map((c) => (
          <th scope="col" key={c}>
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}

export function LoadTable({ data: series, unit }: { data: DailySeries; unit: string }) {
  const { t, n, date } = useTable();
  const data = fromDailySeries(series);
  return (
    <table>
      <Head columns={[t("table.date"), t("series.load", { unit }), t("series.mean7"), t("series.mean28")]} />
      <tbody>
        {data.map((d) => (
          <tr key={d.date}>
            <td>{date(d.date)}</td>
            <td>{n(d.load)}</td>
            <td>{n(d.acute)}</td>
            <td>{n(d.chronic)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AcwrTable({ data: series, unit }: { data: DailySeries; unit: string }) {
  const { t, n, date } = useTable();
  const data = fromDailySeries(series);
  return (
    <table>
      <Head
        columns={[
          t("table.date"),
          t("table.ewmaAcute", { unit }),
          t("table.ewmaChronic", { unit }),
          t("series.acwrEwma"),
          t("series.acwrRolling"),
          t("series.acwrUncoupled"),
        ]}
      />
      <tbody>
        {data.map((d) => (
          <tr key={d.date}>
            <td>{date(d.date)}</td>
            <td>{n(d.ewmaAcute)}</td>
            <td>{n(d.ewmaChronic)}</td>
            <td>{n(d.acwr)}</td>
            <td>{n(d.acwrRolling)}</td>
            <td>{n(d.acwrRollingUncoupled)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FitnessTable({ data: series, unit }: { data: DailySeries; unit: string }) {
  const { t, n, date } = useTable();
  const data = fromDailySeries(series);
  return (
    <table>
      <Head columns={[t("table.date"), t("table.fitness", { unit }), t("table.fatigue", { unit }), t("series.form"), t("table.rampRate")]} />
      <tbody>
        {data.map((d) => (
          <tr key={d.date}>
            <td>{date(d.date)}</td>
            <td>{n(d.fitness)}</td>
            <td>{n(d.fatigue)}</td>
            <td>{n(d.form)}</td>
            <td>{n(d.rampRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MonotonyTable({ data: series, unit }: { data: DailySeries; unit: string }) {
  const { t, n, date } = useTable();
  const data = fromDailySeries(series);
  return (
    <table>
      <Head columns={[t("table.date"), t("table.weekLoad", { unit }), t("series.monotony"), t("series.strain", { unit })]} />
      <tbody>
        {data.map((d) => (
          <tr key={d.date}>
            <td>{date(d.date)}</td>
            <td>{n(d.weekLoad)}</td>
            <td>{n(d.monotony)}</td>
            <td>{n(d.strain)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WeeklyTable({ data, surfaces, unit }: { data: WeeklyRow[]; surfaces: string[]; unit: string }) {
  const { t, n, date } = useTable();
  const surfaceName = (s: string) => (t.has(`surface.${s}`) ? t(`surface.${s}`) : s);
  return (
    <table>
      <Head columns={[t("table.weekOf"), ...surfaces.map((s) => `${surfaceName(s)} (${unit})`), `${t("series.total")} (${unit})`, t("series.changePct")]} />
      <tbody>
        {data.map((r) => (
          <tr key={r.weekStart}>
            <td>
              {date(r.weekStart)}
              {r.partial ? ` ${t("table.soFar")}` : ""}
            </td>
            {surfaces.map((s) => (
              <td key={s}>{n(r[s] as number | null)}</td>
            ))}
            <td>{n(r.total)}</td>
            <td>{r.changePct === null ? "–" : `${r.changePct > 0 ? "+" : ""}${n(r.changePct)}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Only the days with something to read: a pain report, a check-in or an overload rule. */
export function PainTable({ daily: series, marks, unit }: { daily: DailySeries; marks: PainMark[]; unit: string }) {
  const { t, n, date } = useTable();
  const daily = fromDailySeries(series);
  const days = joinPainSeries(daily, marks).filter((d) => d.nrs !== null || d.ostrcSeverity !== null || d.overload.length > 0);
  if (days.length === 0) return <p className="muted">{t("table.noPainDays")}</p>;
  return (
    <table>
      <caption className="muted">{t("table.painCaption")}</caption>
      <Head columns={[t("table.date"), t("series.load", { unit }), t("series.worstPain"), t("series.ostrc"), t("table.overload")]} />
      <tbody>
        {days.map((d) => (
          <tr key={d.date}>
            <td>{date(d.date)}</td>
            <td>{n(d.load)}</td>
            <td>{n(d.nrs)}</td>
            <td>{n(d.ostrcSeverity)}</td>
            <td>{d.overload.length ? d.overload.map((o) => (t.has(`overload.${o}`) ? t(`overload.${o}`) : o)).join(", ") : "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The days with a check-in: sum, back stiffness and the usual range of that day. */
export function WellnessTable({ data }: { data: WellnessTrendPoint[] }) {
  const { t, n, date } = useTable();
  const rows = data.filter((d) => d.hooper !== null);
  return (
    <table>
      <Head columns={[t("table.date"), t("series.wellnessSum"), t("series.stiffness"), t("series.usualRange"), t("series.worse")]} />
      <tbody>
        {rows.map((d) => (
          <tr key={d.date}>
            <td>{date(d.date)}</td>
            <td>{n(d.hooper)}</td>
            <td>{n(d.backStiffness)}</td>
            <td>{d.bandLow !== null && d.bandHigh !== null ? `${n(d.bandLow)}–${n(d.bandHigh)}` : "–"}</td>
            <td>{d.worse ? t("table.yes") : t("table.no")}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
