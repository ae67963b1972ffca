import type { TrainingView } from "@/lib/athletes/training";
import type { DailyPoint } from "@/lib/athletes/chart-series";
import type { ParsedChartRange } from "@/lib/athletes/schemas";
import type { WeeklyRow } from "@/lib/ui/charts/training-charts";
import { toDailySeries } from "@/lib/athletes/daily-series";
import {
  AcwrPlot,
  FitnessPlot,
  LoadPlot,
  MonotonyPlot,
  PainPlot,
  SessionTypePlot,
  ShoePlot,
  WeeklySurfacePlot,
  WellnessPlot,
} from "@/lib/ui/charts/lazy-plots";
import { AcwrTable, FitnessTable, LoadTable, MonotonyTable, PainTable, WeeklyTable, WellnessTable } from "@/lib/ui/charts/chart-tables";
import { TableDisclosure } from "@/lib/ui/charts/table-disclosure";
import { ChartRangePicker } from "@/lib/ui/chart-range-picker";
import { AcwrCritique } from "@/lib/ui/acwr-critique";
import { BackZoneHeatmap } from "@/lib/ui/back-zone-heatmap";
import { formatDate } from "@/lib/dates";
import { KM_PER_MILE, type Unit } from "@/lib/units";
import { SESSION_TYPE_LABELS } from "@/lib/sessions/labels";

const MEASURE_NAMES = { srpe: "sRPE", km: "running km", min: "minutes" } as const;

// Fields of a day that are loads (or sums and averages of loads); the rest are ratios, dates and flags.
const LOAD_FIELDS = ["load", "acute", "chronic", "ewmaAcute", "ewmaChronic", "strain", "weekLoad", "fitness", "fatigue", "form", "rampRate"] as const;

/** A km-measured load series in miles: every load field scaled, ratios (the same either way) left as they are. */
function loadSeriesInMiles(points: DailyPoint[]): DailyPoint[] {
  return points.map((p) => {
    const out = { ...p };
    for (const k of LOAD_FIELDS) {
      const v = p[k];
      if (v !== null) out[k] = Math.round((v / KM_PER_MILE) * 100) / 100;
    }
    return out;
  });
}

/** A chart card: heading, a line on how to read it, the plot's box, and the same numbers as a table. */
function ChartFigure({
  title,
  note,
  plot,
  plotHeight = 260,
  table,
  after,
}: {
  title: string;
  note?: React.ReactNode;
  plot: React.ReactNode;
  plotHeight?: number;
  table: React.ReactNode;
  after?: React.ReactNode;
}) {
  return (
    <figure className="card" style={{ margin: "0 0 1rem" }}>
      <figcaption>
        <h3 style={{ marginTop: 0 }}>{title}</h3>
        {note ? <p className="muted chart-note">{note}</p> : null}
      </figcaption>
      {/* The picture is for sighted readers; the table below carries the same numbers for everyone. */}
      <div className="chart-plot" style={{ height: plotHeight }} aria-hidden="true">
        {plot}
      </div>
      {after}
      <TableDisclosure>{table}</TableDisclosure>
    </figure>
  );
}

function Th({ children }: { children: React.ReactNode }) {
  return <th scope="col">{children}</th>;
}

/**
 * The athlete's charts for the chosen period: load, ACWR (with its critique), fitness and fatigue,
 * weekly distance by surface, monotony and strain, pain over load, pain by back zone, compensatory
 * sessions and shoes. Plots load in the browser, and each table when it is first opened; headings and notes render on
 * the server.
 */
export function TrainingCharts({ training, unit, range }: { training: TrainingView; unit: Unit; range: ParsedChartRange }) {
  const { chartThresholds: t } = training;
  // A squad measuring load in running km: a miles reader sees it in miles (ratios are unchanged).
  const loadInMiles = training.loadMeasure === "km" && unit === "MI";
  const loadUnit = loadInMiles ? "mi" : training.loadUnit;
  // One columnar copy of the daily series for every plot and table (see lib/athletes/daily-series).
  const daily = toDailySeries(loadInMiles ? loadSeriesInMiles(training.load) : training.load);
  const factor = unit === "MI" ? 1 / KM_PER_MILE : 1;
  const distance = unit === "MI" ? "mi" : "km";
  const conv = (km: number) => Math.round(km * factor * 10) / 10;

  const weekly: WeeklyRow[] = training.weeklySurfaceKm.map((w) => {
    const row: WeeklyRow = { weekStart: w.weekStart, total: conv(w.totalKm), changePct: w.changePct, partial: w.partial };
    for (const s of training.surfaces) row[s] = conv(Number(w[s] ?? 0));
    return row;
  });
  const share = training.sessionTypes;
  const shareBars = [
    ...share.rows
      .filter((r) => r.type === "CORE" || r.type === "STRENGTH" || r.type === "MOBILITY")
      .map((r) => ({ label: r.type === "MOBILITY" ? "Mobility" : SESSION_TYPE_LABELS[r.type], sessionSharePct: r.sessionSharePct, minuteSharePct: r.minuteSharePct })),
    { label: "All three", sessionSharePct: share.support.sessionSharePct, minuteSharePct: share.support.minuteSharePct },
  ];
  const pct = (x: number | null) => (x === null ? "–" : `${x}%`);
  const shoes = training.shoes.map((s) => ({ ...s, periodKm: conv(s.periodKm), totalKm: conv(s.totalKm) }));

  return (
    <section aria-labelledby="charts-heading">
      <h2 id="charts-heading">
        Load and back health, {formatDate(training.from)} – {formatDate(training.to)}
      </h2>
      <ChartRangePicker parsed={range} />

      <ChartFigure
        title={`Daily load (${loadInMiles ? "running mi" : MEASURE_NAMES[training.loadMeasure]}) with 7- and 28-day averages`}
        plot={<LoadPlot data={daily} unit={loadUnit} />}
        table={<LoadTable data={daily} unit={loadUnit} />}
      />

      <ChartFigure
        title="Acute:chronic workload ratio (ACWR)"
        note={
          <>
            Last week&apos;s load against the last four weeks&apos;, from exponentially weighted loads (the flag uses
            this one) and from rolling means. Shaded: 0.8–1.3; the red line is the flag threshold.
          </>
        }
        plot={<AcwrPlot data={daily} acwrHigh={t.acwrHigh} />}
        after={<AcwrCritique acwrHigh={t.acwrHigh} />}
        table={<AcwrTable data={daily} unit={loadUnit} />}
      />

      <ChartFigure
        title="Fitness, fatigue and form"
        note={
          <>
            Fitness (CTL) and fatigue (ATL) are the daily load weighted exponentially over 42 and 7 days; form (TSB) is
            yesterday&apos;s fitness minus fatigue. A model of the load, not a measurement of the body.
          </>
        }
        plot={<FitnessPlot data={daily} />}
        table={<FitnessTable data={daily} unit={loadUnit} />}
      />

      <ChartFigure
        title={`Weekly running (${distance}) by surface`}
        note="Monday-to-Sunday weeks; the dashed line is the change against the week before (none after a week without running)."
        plot={<WeeklySurfacePlot data={weekly} surfaces={training.surfaces} unit={distance} />}
        table={<WeeklyTable data={weekly} surfaces={training.surfaces} />}
      />

      <ChartFigure
        title="Training monotony and strain"
        note={
          <>
            Monotony: the 7-day average load divided by its day-to-day spread; above {t.monotonyHigh} the days were too
            alike. Strain: the 7-day load times monotony (Foster 1998).
          </>
        }
        plot={<MonotonyPlot data={daily} monotonyHigh={t.monotonyHigh} unit={loadUnit} />}
        table={<MonotonyTable data={daily} unit={loadUnit} />}
      />

      <ChartFigure
        title="Back pain and OSTRC severity over load"
        note={
          <>
            Worst pain of the day (0-10) and the weekly check-in&apos;s severity (0-100) over the daily load. Triangles mark
            overload days: a run much longer than the month&apos;s longest, a steep weekly distance rise, a high ACWR or
            high monotony, by the flag thresholds in use.
          </>
        }
        plot={<PainPlot daily={daily} marks={training.pain} unit={loadUnit} />}
        plotHeight={280}
        table={<PainTable daily={daily} marks={training.pain} unit={loadUnit} />}
      />

      <BackZoneHeatmap heatmap={training.heatmap} />

      {training.wellness.enabled || training.wellness.answered > 0 ? (
        <ChartFigure
          title="Daily wellness check-in"
          note={
            <>
              Sleep, fatigue, muscle soreness, stress and mood added up (5 best, 25 worst) and back stiffness (0-10). The shaded
              band is the usual range: the mean of the 28 days before each day ± 1.5 standard deviations, once there are 10
              check-ins; triangles mark days at or above it.
            </>
          }
          plot={
            training.wellness.answered ? (
              <WellnessPlot data={training.wellness.points} />
            ) : (
              <p className="muted">No check-ins in this period.</p>
            )
          }
          plotHeight={training.wellness.answered ? 260 : 40}
          table={training.wellness.answered ? <WellnessTable data={training.wellness.points} /> : <p className="muted">No check-ins in this period.</p>}
        />
      ) : null}

      <ChartFigure
        title="Share of core, strength and mobility sessions"
        note={`Of all ${share.totalSessions} session${share.totalSessions === 1 ? "" : "s"} (${Math.round(share.totalMin)} min) in the period, by count and by minutes.`}
        plot={<SessionTypePlot data={shareBars} />}
        plotHeight={240}
        table={
          <table>
            <thead>
              <tr>
                <Th>Type</Th>
                <Th>Sessions</Th>
                <Th>Share of sessions</Th>
                <Th>Minutes</Th>
                <Th>Share of minutes</Th>
              </tr>
            </thead>
            <tbody>
              {share.rows.map((r) => (
                <tr key={r.type}>
                  <td>{SESSION_TYPE_LABELS[r.type]}</td>
                  <td>{r.sessions}</td>
                  <td>{pct(r.sessionSharePct)}</td>
                  <td>{Math.round(r.durationMin)}</td>
                  <td>{pct(r.minuteSharePct)}</td>
                </tr>
              ))}
              <tr>
                <td>Core, strength and mobility</td>
                <td>{share.support.sessions}</td>
                <td>{pct(share.support.sessionSharePct)}</td>
                <td>{Math.round(share.support.durationMin)}</td>
                <td>{pct(share.support.minuteSharePct)}</td>
              </tr>
            </tbody>
          </table>
        }
      />

      <ChartFigure
        title="Distance per shoe"
        note="Running in each shoe during the period, and in total (with what it had run before it was added)."
        plot={
          shoes.length ? (
            <ShoePlot data={shoes.map((s) => ({ name: s.retired ? `${s.name} (retired)` : s.name, period: s.periodKm, total: s.totalKm }))} unit={distance} />
          ) : (
            <p className="muted">No shoes recorded.</p>
          )
        }
        plotHeight={shoes.length ? Math.max(140, 48 * shoes.length + 60) : 40}
        table={
          shoes.length ? (
            <table>
              <thead>
                <tr>
                  <Th>Shoe</Th>
                  <Th>In this period ({distance})</Th>
                  <Th>Total ({distance})</Th>
                  <Th>Status</Th>
                </tr>
              </thead>
              <tbody>
                {shoes.map((s) => (
                  <tr key={s.id}>
                    <td>{s.name}</td>
                    <td>{s.periodKm}</td>
                    <td>{s.totalKm}</td>
                    <td>{s.retired ? "Retired" : "In use"}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="muted">No shoes recorded.</p>
          )
        }
      />
    </section>
  );
}
