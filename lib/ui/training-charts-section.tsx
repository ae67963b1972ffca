import Link from "next/link";
import { getTranslations } from "next-intl/server";
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
import { ChartFigure } from "@/lib/ui/charts/chart-figure";
import { ChartRangePicker } from "@/lib/ui/chart-range-picker";
import { AcwrCritique } from "@/lib/ui/acwr-critique";
import { BackZoneHeatmap } from "@/lib/ui/back-zone-heatmap";
import { formatDate } from "@/lib/dates";
import { currentIntlLocale } from "@/lib/i18n/server";
import { KM_PER_MILE, type Unit } from "@/lib/units";

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

function Th({ children }: { children: React.ReactNode }) {
  return <th scope="col">{children}</th>;
}

/** Where the viewer logs or imports the athlete's sessions: null when they cannot (a clinician). */
export type EntryLinks = { log: string; import: string } | null;

const ATHLETE_LINKS: EntryLinks = { log: "/athlete/sessions", import: "/athlete/import" };

/** A chart needs two drawn points at least; fewer says so instead of a bare frame. */
const drawable = (points: DailyPoint[], key: keyof DailyPoint) => points.filter((p) => p[key] !== null).length >= 2;

/**
 * The athlete's charts for the chosen period: load, ACWR (with its critique), fitness and fatigue,
 * weekly distance by surface, monotony and strain, pain over load, pain by back zone, compensatory
 * sessions and shoes. Plots load in the browser, and each table when it is first opened; headings and notes render on
 * the server. With nothing to draw, one message says what to do (log or import a session) with the
 * viewer's links.
 */
export async function TrainingCharts({
  training,
  unit,
  range,
  entryLinks = ATHLETE_LINKS,
}: {
  training: TrainingView;
  unit: Unit;
  range: ParsedChartRange;
  /** The athlete's own pages by default; a coach's pages for the athlete; null for a reader who cannot add. */
  entryLinks?: EntryLinks;
}) {
  const t = await getTranslations("charts");
  const locale = await currentIntlLocale();
  const { chartThresholds: th } = training;
  // A squad measuring load in running km: a miles reader sees it in miles (ratios are unchanged).
  const loadInMiles = training.loadMeasure === "km" && unit === "MI";
  const loadUnit = loadInMiles ? "mi" : training.loadUnit === "AU" ? t("unit.AU") : training.loadUnit;
  const points = loadInMiles ? loadSeriesInMiles(training.load) : training.load;
  // One columnar copy of the daily series for every plot and table (see lib/athletes/daily-series).
  const daily = toDailySeries(points);
  const factor = unit === "MI" ? 1 / KM_PER_MILE : 1;
  const distance = unit === "MI" ? "mi" : "km";
  const conv = (km: number) => Math.round(km * factor * 10) / 10;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

  const weekly: WeeklyRow[] = training.weeklySurfaceKm.map((w) => {
    const row: WeeklyRow = { weekStart: w.weekStart, total: conv(w.totalKm), changePct: w.changePct, partial: w.partial };
    for (const s of training.surfaces) row[s] = conv(Number(w[s] ?? 0));
    return row;
  });
  const share = training.sessionTypes;
  const typeName = (type: string) => t(`sessionType.${type}` as "sessionType.RUN");
  const shareBars = [
    ...share.rows
      .filter((r) => r.type === "CORE" || r.type === "STRENGTH" || r.type === "MOBILITY")
      .map((r) => ({ label: typeName(r.type), sessionSharePct: r.sessionSharePct, minuteSharePct: r.minuteSharePct })),
    { label: t("sessionTypes.allThree"), sessionSharePct: share.support.sessionSharePct, minuteSharePct: share.support.minuteSharePct },
  ];
  const pct = (x: number | null) => (x === null ? "–" : `${number.format(x)}%`);
  const shoes = training.shoes.map((s) => ({ ...s, periodKm: conv(s.periodKm), totalKm: conv(s.totalKm) }));

  const hasLoad = points.some((p) => p.load > 0) || share.totalSessions > 0;
  const hasPain = training.pain.length > 0 || training.heatmap.rows.some((r) => r.cells.some((c) => c.reports > 0));
  const hasWellness = training.wellness.answered > 0;
  const nothing = !hasLoad && !hasPain && !hasWellness && shoes.length === 0;

  const noSessions = (
    <p className="chart-empty-text">
      {t("empty.noSessions")}{" "}
      {entryLinks ? (
        t.rich("empty.logOrImport", {
          log: (chunks) => <Link href={entryLinks.log}>{chunks}</Link>,
          import: (chunks) => <Link href={entryLinks.import}>{chunks}</Link>,
        })
      ) : (
        <>{t("empty.noneToShow")}</>
      )}
    </p>
  );
  const tooFew = (key: string) => <p className="chart-empty-text">{t(`tooFew.${key}` as "tooFew.acwr")}</p>;

  const heading = (
    <h2 id="charts-heading">{t("sectionTitle", { from: formatDate(training.from, locale), to: formatDate(training.to, locale) })}</h2>
  );

  if (nothing) {
    return (
      <section aria-labelledby="charts-heading">
        {heading}
        <ChartRangePicker parsed={range} />
        <div className="card chart-empty-state">
          <h3 style={{ marginTop: 0 }}>{t("empty.title")}</h3>
          {noSessions}
          <p className="muted">{t("empty.whatAppears")}</p>
        </div>
      </section>
    );
  }

  const measureName = loadInMiles ? t("measure.mi") : t(`measure.${training.loadMeasure}`);

  return (
    <section aria-labelledby="charts-heading">
      {heading}
      <ChartRangePicker parsed={range} />

      <ChartFigure
        title={t("load.title", { measure: measureName })}
        note={t("load.note")}
        plot={<LoadPlot data={daily} unit={loadUnit} />}
        empty={hasLoad ? undefined : noSessions}
        table={<LoadTable data={daily} unit={loadUnit} />}
      />

      <ChartFigure
        title={t("acwr.title")}
        note={t("acwr.note")}
        plot={<AcwrPlot data={daily} acwrHigh={th.acwrHigh} />}
        empty={!hasLoad ? noSessions : drawable(points, "acwr") ? undefined : tooFew("acwr")}
        after={<AcwrCritique acwrHigh={th.acwrHigh} />}
        table={<AcwrTable data={daily} unit={loadUnit} />}
      />

      <ChartFigure
        title={t("fitness.title")}
        note={t("fitness.note")}
        plot={<FitnessPlot data={daily} />}
        empty={!hasLoad ? noSessions : drawable(points, "fitness") ? undefined : tooFew("fitness")}
        table={<FitnessTable data={daily} unit={loadUnit} />}
      />

      <ChartFigure
        title={t("weekly.title", { unit: distance })}
        note={t("weekly.note")}
        plot={<WeeklySurfacePlot data={weekly} surfaces={training.surfaces} unit={distance} />}
        plotHeight={340}
        empty={weekly.some((w) => w.total > 0) ? undefined : <p className="chart-empty-text">{t("empty.noRunning")}</p>}
        table={<WeeklyTable data={weekly} surfaces={training.surfaces} unit={distance} />}
      />

      <ChartFigure
        title={t("monotony.title")}
        note={t("monotony.note", { high: th.monotonyHigh })}
        plot={<MonotonyPlot data={daily} monotonyHigh={th.monotonyHigh} unit={loadUnit} />}
        plotHeight={340}
        empty={!hasLoad ? noSessions : drawable(points, "monotony") ? undefined : tooFew("monotony")}
        table={<MonotonyTable data={daily} unit={loadUnit} />}
      />

      <ChartFigure
        title={t("pain.title")}
        note={t("pain.note")}
        plot={<PainPlot daily={daily} marks={training.pain} unit={loadUnit} />}
        plotHeight={400}
        empty={hasLoad || training.pain.length ? undefined : <p className="chart-empty-text">{t("empty.noPain")}</p>}
        table={<PainTable daily={daily} marks={training.pain} unit={loadUnit} />}
      />

      <BackZoneHeatmap heatmap={training.heatmap} />

      {training.wellness.enabled || hasWellness ? (
        <ChartFigure
          title={t("wellness.title")}
          note={t("wellness.note")}
          plot={<WellnessPlot data={training.wellness.points} />}
          plotHeight={340}
          empty={hasWellness ? undefined : <p className="chart-empty-text">{t("empty.noCheckIns")}</p>}
          table={<WellnessTable data={training.wellness.points} />}
        />
      ) : null}

      <ChartFigure
        title={t("sessionTypes.title")}
        note={t("sessionTypes.note", { sessions: share.totalSessions, minutes: Math.round(share.totalMin) })}
        plot={<SessionTypePlot data={shareBars} />}
        plotHeight={260}
        empty={share.totalSessions > 0 ? undefined : noSessions}
        table={
          <table>
            <thead>
              <tr>
                <Th>{t("sessionTypes.type")}</Th>
                <Th>{t("sessionTypes.sessions")}</Th>
                <Th>{t("series.sessionShare")}</Th>
                <Th>{t("sessionTypes.minutes")}</Th>
                <Th>{t("series.minuteShare")}</Th>
              </tr>
            </thead>
            <tbody>
              {share.rows.map((r) => (
                <tr key={r.type}>
                  <td>{typeName(r.type)}</td>
                  <td>{r.sessions}</td>
                  <td>{pct(r.sessionSharePct)}</td>
                  <td>{Math.round(r.durationMin)}</td>
                  <td>{pct(r.minuteSharePct)}</td>
                </tr>
              ))}
              <tr>
                <td>{t("sessionTypes.support")}</td>
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
        title={t("shoes.title")}
        note={t("shoes.note")}
        plot={
          <ShoePlot
            data={shoes.map((s) => ({ name: s.retired ? t("shoes.retiredName", { name: s.name }) : s.name, period: s.periodKm, total: s.totalKm }))}
            unit={distance}
          />
        }
        plotHeight={Math.max(160, 48 * shoes.length + 80)}
        empty={shoes.length ? undefined : <p className="chart-empty-text">{t("shoes.none")}</p>}
        table={
          <table>
            <thead>
              <tr>
                <Th>{t("shoes.shoe")}</Th>
                <Th>{t("series.shoePeriod", { unit: distance })}</Th>
                <Th>{t("series.shoeTotal", { unit: distance })}</Th>
                <Th>{t("shoes.status")}</Th>
              </tr>
            </thead>
            <tbody>
              {shoes.map((s) => (
                <tr key={s.id}>
                  <td>{s.name}</td>
                  <td>{number.format(s.periodKm)}</td>
                  <td>{number.format(s.totalKm)}</td>
                  <td>{s.retired ? t("shoes.retired") : t("shoes.inUse")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        }
      />
    </section>
  );
}
