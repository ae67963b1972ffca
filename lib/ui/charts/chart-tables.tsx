"use client";

// Table views of the daily and weekly charts. They are client components for one reason: they take the
// very arrays the plots take, which the page sends once, instead of the server sending every row again
// as markup. Each is drawn when its disclosure is first opened (TableDisclosure).
import { fromDailySeries, type DailySeries } from "@/lib/athletes/daily-series";
import { joinPainSeries, type PainMark } from "@/lib/athletes/pain-series";
import type { WeeklyRow } from "./training-charts";
import type { WellnessTrendPoint } from "@/lib/training-load/wellness";

const dash = (x: number | string | null | undefined) => (x === null || x === undefined ? "–" : x);

const OVERLOAD_WORDS: Record<string, string> = {
  "session-spike": "session spike",
  "weekly-distance-increase": "weekly distance increase",
  "acwr-high": "high ACWR",
  "monotony-high": "high monotony",
};

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
  const data = fromDailySeries(series);
  return (
    <table>
      <Head columns={["Date", `Load (${unit})`, "7-day mean", "28-day mean"]} />
      <tbody>
        {data.map((d) => (
          <tr key={d.date}>
            <td>{d.date}</td>
            <td>{d.load}</td>
            <td>{dash(d.acute)}</td>
            <td>{dash(d.chronic)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function AcwrTable({ data: series, unit }: { data: DailySeries; unit: string }) {
  const data = fromDailySeries(series);
  return (
    <table>
      <Head
        columns={[
          "Date",
          `Acute load, exponentially weighted (${unit}/day)`,
          `Chronic load, exponentially weighted (${unit}/day)`,
          "ACWR (exponentially weighted)",
          "ACWR (rolling, coupled)",
          "ACWR (rolling, uncoupled)",
        ]}
      />
      <tbody>
        {data.map((d) => (
          <tr key={d.date}>
            <td>{d.date}</td>
            <td>{dash(d.ewmaAcute)}</td>
            <td>{dash(d.ewmaChronic)}</td>
            <td>{dash(d.acwr)}</td>
            <td>{dash(d.acwrRolling)}</td>
            <td>{dash(d.acwrRollingUncoupled)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function FitnessTable({ data: series, unit }: { data: DailySeries; unit: string }) {
  const data = fromDailySeries(series);
  return (
    <table>
      <Head columns={["Date", `Fitness, CTL (${unit}/day)`, `Fatigue, ATL (${unit}/day)`, "Form, TSB", "Fitness change over 7 days"]} />
      <tbody>
        {data.map((d) => (
          <tr key={d.date}>
            <td>{d.date}</td>
            <td>{dash(d.fitness)}</td>
            <td>{dash(d.fatigue)}</td>
            <td>{dash(d.form)}</td>
            <td>{dash(d.rampRate)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function MonotonyTable({ data: series, unit }: { data: DailySeries; unit: string }) {
  const data = fromDailySeries(series);
  return (
    <table>
      <Head columns={["Date", `7-day load (${unit})`, "Monotony", "Strain"]} />
      <tbody>
        {data.map((d) => (
          <tr key={d.date}>
            <td>{d.date}</td>
            <td>{dash(d.weekLoad)}</td>
            <td>{dash(d.monotony)}</td>
            <td>{dash(d.strain)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function WeeklyTable({ data, surfaces }: { data: WeeklyRow[]; surfaces: string[] }) {
  return (
    <table>
      <Head columns={["Week of", ...surfaces, "Total", "Change vs week before"]} />
      <tbody>
        {data.map((r) => (
          <tr key={r.weekStart}>
            <td>
              {r.weekStart}
              {r.partial ? " (so far)" : ""}
            </td>
            {surfaces.map((s) => (
              <td key={s}>{r[s]}</td>
            ))}
            <td>{r.total}</td>
            <td>{r.changePct === null ? "–" : `${r.changePct > 0 ? "+" : ""}${r.changePct}%`}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** Only the days with something to read: a pain report, a check-in or an overload rule. */
export function PainTable({ daily: series, marks, unit }: { daily: DailySeries; marks: PainMark[]; unit: string }) {
  const daily = fromDailySeries(series);
  const days = joinPainSeries(daily, marks).filter((d) => d.nrs !== null || d.ostrcSeverity !== null || d.overload.length > 0);
  if (days.length === 0) return <p className="muted">No pain reports, check-ins or overload days in this period.</p>;
  return (
    <table>
      <caption className="muted">Days with a pain report, a check-in or an overload rule.</caption>
      <Head columns={["Date", `Load (${unit})`, "Worst pain (0-10)", "OSTRC severity (0-100)", "Overload"]} />
      <tbody>
        {days.map((d) => (
          <tr key={d.date}>
            <td>{d.date}</td>
            <td>{d.load}</td>
            <td>{dash(d.nrs)}</td>
            <td>{dash(d.ostrcSeverity)}</td>
            <td>{d.overload.length ? d.overload.map((o) => OVERLOAD_WORDS[o] ?? o).join(", ") : "–"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The days with a check-in: sum, back stiffness and the usual range of that day. */
export function WellnessTable({ data }: { data: WellnessTrendPoint[] }) {
  const rows = data.filter((d) => d.hooper !== null);
  return (
    <table>
      <Head columns={["Date", "Wellness sum (5-25)", "Back stiffness (0-10)", "Usual range", "Worse than usual"]} />
      <tbody>
        {rows.map((d) => (
          <tr key={d.date}>
            <td>{d.date}</td>
            <td>{d.hooper}</td>
            <td>{dash(d.backStiffness)}</td>
            <td>{d.bandLow !== null && d.bandHigh !== null ? `${d.bandLow}–${d.bandHigh}` : "–"}</td>
            <td>{d.worse ? "yes" : "no"}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
