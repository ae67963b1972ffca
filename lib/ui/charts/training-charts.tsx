"use client";

// Every plot of the athlete pages lives in this one module so that a page ships the chart library once,
// and lazily (see lazy-plots.tsx): the plots get ready series; titles, captions and tables are elsewhere.
// Each chart has one y axis: measures on different scales are drawn as small multiples on one x axis.
import {
  Area,
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceArea,
  ReferenceLine,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { fromDailySeries, type DailySeries } from "@/lib/athletes/daily-series";
import { joinPainSeries, type PainMark } from "@/lib/athletes/pain-series";
import type { WellnessTrendPoint } from "@/lib/training-load/wellness";
import { DASH, SERIES, SURFACE_COLOURS } from "./palette";
import {
  AXIS_LINE,
  ClipMark,
  DayMark,
  GRID,
  MARGIN,
  Panels,
  Plot,
  RowTooltip,
  TICK,
  clipped,
  legendProps,
  numberFormatter,
  useChartText,
  xDateAxisProps,
  yAxisProps,
  type TooltipItem,
} from "./chart-kit";

const OFF = { isAnimationActive: false } as const;
const CLIP_SCATTER = { shape: ClipMark, legendType: "none" as const, isAnimationActive: false, tooltipType: "none" as const };
const yDomain = (top: number | null, low: number | "auto" = 0) => (top !== null ? ([low, top] as const) : ([low, "auto"] as const));

export function LoadPlot({ data: series, unit }: { data: DailySeries; unit: string }) {
  const { t, locale } = useChartText();
  // The averages share the axis, so they are clipped with the loads (a spike lifts the 7-day mean too).
  const keys = ["load", "acute", "chronic"];
  const { rows, top } = clipped(fromDailySeries(series), keys);
  const dates = rows.map((r) => r.date);
  const items: TooltipItem[] = [
    { key: "load", name: t("series.dailyLoad", { unit }), colour: SERIES.bar },
    { key: "acute", name: t("series.mean7"), colour: SERIES.vermillion },
    { key: "chronic", name: t("series.mean28"), colour: SERIES.indigo },
  ];
  return (
    <Plot>
      <ComposedChart accessibilityLayer={false} data={rows} margin={MARGIN}>
        <CartesianGrid {...GRID} vertical={false} />
        <XAxis {...xDateAxisProps(dates, locale)} />
        <YAxis {...yAxisProps()} domain={yDomain(top)} allowDataOverflow={top !== null} />
        <Tooltip content={<RowTooltip items={items} locale={locale} />} />
        <Legend {...legendProps()} />
        <Bar dataKey="loadShown" name={items[0].name} fill={SERIES.bar} {...OFF} />
        <Line dataKey="acuteShown" name={items[1].name} stroke={SERIES.vermillion} dot={false} strokeWidth={2.5} legendType="plainline" {...OFF} />
        <Line
          dataKey="chronicShown"
          name={items[2].name}
          stroke={SERIES.indigo}
          strokeDasharray={DASH.dashed}
          dot={false}
          strokeWidth={2.5}
          legendType="plainline"
          {...OFF}
        />
        {top !== null ? <Scatter dataKey="loadOver" name={t("clippedMark")} {...CLIP_SCATTER} /> : null}
      </ComposedChart>
    </Plot>
  );
}

/** EWMA and rolling ratios over the 0.8-1.3 band, with the athlete's flag threshold as a line. */
export function AcwrPlot({ data: series, acwrHigh }: { data: DailySeries; acwrHigh: number }) {
  const { t, locale } = useChartText();
  const keys = ["acwr", "acwrRolling", "acwrRollingUncoupled"];
  const { rows, top } = clipped(fromDailySeries(series), keys);
  const dates = rows.map((r) => r.date);
  const items: TooltipItem[] = [
    { key: "acwr", name: t("series.acwrEwma"), colour: SERIES.blue },
    { key: "acwrRolling", name: t("series.acwrRolling"), colour: SERIES.vermillion },
    { key: "acwrRollingUncoupled", name: t("series.acwrUncoupled"), colour: SERIES.slate },
  ];
  const domainTop = top ?? ((max: number) => Math.max(2, Math.ceil(max * 10) / 10));
  return (
    <Plot>
      <ComposedChart accessibilityLayer={false} data={rows} margin={MARGIN}>
        <CartesianGrid {...GRID} vertical={false} />
        <XAxis {...xDateAxisProps(dates, locale)} />
        <YAxis {...yAxisProps()} domain={[0, domainTop]} allowDataOverflow={top !== null} />
        <ReferenceArea y1={0.8} y2={1.3} fill={SERIES.green} fillOpacity={0.12} ifOverflow="extendDomain" />
        <ReferenceLine
          y={acwrHigh}
          stroke={SERIES.threshold}
          strokeDasharray="4 4"
          label={{ value: t("flagAtLeast", { value: acwrHigh }), position: "insideTopRight", fontSize: 12, fill: SERIES.threshold }}
        />
        <Tooltip content={<RowTooltip items={items} locale={locale} />} />
        <Legend {...legendProps()} />
        <Line dataKey="acwrShown" name={items[0].name} stroke={SERIES.blue} dot={false} strokeWidth={2.5} legendType="plainline" {...OFF} />
        <Line
          dataKey="acwrRollingShown"
          name={items[1].name}
          stroke={SERIES.vermillion}
          strokeDasharray={DASH.dashed}
          dot={false}
          strokeWidth={2}
          legendType="plainline"
          {...OFF}
        />
        <Line
          dataKey="acwrRollingUncoupledShown"
          name={items[2].name}
          stroke={SERIES.slate}
          strokeDasharray={DASH.dotted}
          dot={false}
          strokeWidth={2}
          legendType="plainline"
          {...OFF}
        />
        {top !== null ? keys.map((k) => <Scatter key={k} dataKey={`${k}Over`} name={t("clippedMark")} {...CLIP_SCATTER} />) : null}
      </ComposedChart>
    </Plot>
  );
}

export function FitnessPlot({ data: series }: { data: DailySeries }) {
  const { t, locale } = useChartText();
  const rows = fromDailySeries(series);
  const dates = rows.map((r) => r.date);
  const items: TooltipItem[] = [
    { key: "fitness", name: t("series.fitness"), colour: SERIES.blue },
    { key: "fatigue", name: t("series.fatigue"), colour: SERIES.vermillion },
    { key: "form", name: t("series.form"), colour: SERIES.green },
  ];
  return (
    <Plot>
      <ComposedChart accessibilityLayer={false} data={rows} margin={MARGIN}>
        <CartesianGrid {...GRID} vertical={false} />
        <XAxis {...xDateAxisProps(dates, locale)} />
        <YAxis {...yAxisProps()} />
        <ReferenceLine y={0} stroke={AXIS_LINE.stroke} />
        <Tooltip content={<RowTooltip items={items} locale={locale} />} />
        <Legend {...legendProps()} />
        <Area dataKey="form" name={items[2].name} fill={SERIES.green} fillOpacity={0.18} stroke={SERIES.green} strokeWidth={1.5} {...OFF} />
        <Line dataKey="fitness" name={items[0].name} stroke={SERIES.blue} dot={false} strokeWidth={2.5} legendType="plainline" {...OFF} />
        <Line
          dataKey="fatigue"
          name={items[1].name}
          stroke={SERIES.vermillion}
          strokeDasharray={DASH.dashed}
          dot={false}
          strokeWidth={2.5}
          legendType="plainline"
          {...OFF}
        />
      </ComposedChart>
    </Plot>
  );
}

/** A week of WeeklySurfacePlot in the viewer's distance unit: the total, each surface, and the change. */
export type WeeklyRow = { weekStart: string; total: number; changePct: number | null; partial: boolean } & Record<
  string,
  number | string | boolean | null
>;

/** Stacked weekly distance by surface; under it, on the same weeks, the change against the week before. */
export function WeeklySurfacePlot({ data, surfaces, unit }: { data: WeeklyRow[]; surfaces: string[]; unit: string }) {
  const { t, locale } = useChartText();
  const base: (WeeklyRow & { date: string })[] = data.map((r) => ({ ...r, date: r.weekStart }));
  const distance = clipped(base, ["total"]);
  const change = clipped(base, ["changePct"]);
  // The stack is clipped as a whole: each surface's part scaled so the bar ends at the top.
  const rows = base.map((r, i) => {
    const out: Record<string, unknown> = { ...r, totalOver: distance.rows[i].totalOver, changePctShown: change.rows[i].changePctShown, changePctOver: change.rows[i].changePctOver };
    const scale = distance.top !== null && r.total > distance.top ? distance.top / r.total : 1;
    for (const s of surfaces) out[`${s}Shown`] = typeof r[s] === "number" ? (r[s] as number) * scale : null;
    return out;
  });
  const dates = base.map((r) => r.date);
  const number = numberFormatter(locale, 1);
  const surfaceName = (s: string) => (t.has(`surface.${s}`) ? t(`surface.${s}`) : s);
  const items: TooltipItem[] = [
    ...surfaces.map((s) => ({ key: s, name: surfaceName(s), colour: SURFACE_COLOURS[s] ?? SERIES.slate, format: (v: number) => `${number(v)} ${unit}` })),
    { key: "total", name: t("series.total"), colour: SERIES.clipped, format: (v: number) => `${number(v)} ${unit}` },
    { key: "changePct", name: t("series.changePct"), colour: SERIES.clipped, format: (v: number) => `${v > 0 ? "+" : ""}${number(v)}%` },
  ];
  const tooltip = <Tooltip content={<RowTooltip items={items} locale={locale} />} />;
  return (
    <Panels
      panels={[
        {
          label: t("panel.weeklyDistance", { unit }),
          weight: 3,
          chart: (
            <ComposedChart accessibilityLayer={false} data={rows} margin={MARGIN}>
              <CartesianGrid {...GRID} vertical={false} />
              <XAxis {...xDateAxisProps(dates, locale, { hidden: true })} />
              <YAxis {...yAxisProps(64)} unit={` ${unit}`} domain={yDomain(distance.top)} allowDataOverflow={distance.top !== null} />
              {tooltip}
              <Legend {...legendProps()} />
              {surfaces.map((s) => (
                <Bar key={s} dataKey={`${s}Shown`} stackId="km" name={surfaceName(s)} fill={SURFACE_COLOURS[s] ?? SERIES.slate} stroke="#ffffff" strokeWidth={0.5} {...OFF} />
              ))}
              {distance.top !== null ? <Scatter dataKey="totalOver" name={t("clippedMark")} {...CLIP_SCATTER} /> : null}
            </ComposedChart>
          ),
        },
        {
          label: t("panel.weeklyChange"),
          weight: 2,
          chart: (
            <ComposedChart accessibilityLayer={false} data={rows} margin={MARGIN}>
              <CartesianGrid {...GRID} vertical={false} />
              <XAxis {...xDateAxisProps(dates, locale)} />
              <YAxis {...yAxisProps(64)} unit="%" domain={yDomain(change.top, "auto")} allowDataOverflow={change.top !== null} />
              <ReferenceLine y={0} stroke={AXIS_LINE.stroke} />
              {tooltip}
              <Line dataKey="changePctShown" name={t("series.changePct")} stroke={SERIES.clipped} strokeDasharray={DASH.dashed} dot={{ r: 3, fill: SERIES.clipped }} {...OFF} />
              {change.top !== null ? <Scatter dataKey="changePctOver" name={t("clippedMark")} {...CLIP_SCATTER} /> : null}
            </ComposedChart>
          ),
        },
      ]}
    />
  );
}

/** Monotony (with the flag threshold) above, strain below: two scales, two panels. */
export function MonotonyPlot({ data: series, monotonyHigh, unit }: { data: DailySeries; monotonyHigh: number; unit: string }) {
  const { t, locale } = useChartText();
  const daily = fromDailySeries(series);
  const monotony = clipped(daily, ["monotony"]);
  const strain = clipped(daily, ["strain"]);
  const rows = daily.map((d, i) => ({ ...monotony.rows[i], strainShown: strain.rows[i].strainShown, strainOver: strain.rows[i].strainOver }));
  const dates = rows.map((r) => r.date);
  const items: TooltipItem[] = [
    { key: "monotony", name: t("series.monotony"), colour: SERIES.purple },
    { key: "strain", name: t("series.strain", { unit }), colour: SERIES.ochre },
  ];
  const tooltip = <Tooltip content={<RowTooltip items={items} locale={locale} />} />;
  // The threshold stays in view even when the axis is clipped below it.
  const monotonyTop = monotony.top !== null ? Math.max(monotony.top, monotonyHigh * 1.1) : null;
  return (
    <Panels
      panels={[
        {
          label: t("panel.monotony"),
          weight: 1,
          chart: (
            <ComposedChart accessibilityLayer={false} data={rows} margin={MARGIN}>
              <CartesianGrid {...GRID} vertical={false} />
              <XAxis {...xDateAxisProps(dates, locale, { hidden: true })} />
              <YAxis {...yAxisProps()} domain={monotonyTop !== null ? [0, Math.ceil(monotonyTop * 10) / 10] : [0, "auto"]} allowDataOverflow={monotonyTop !== null} />
              <ReferenceLine
                y={monotonyHigh}
                stroke={SERIES.threshold}
                strokeDasharray="4 4"
                ifOverflow="extendDomain"
                label={{ value: t("flagAbove", { value: monotonyHigh }), position: "insideTopRight", fontSize: 12, fill: SERIES.threshold }}
              />
              {tooltip}
              <Line dataKey="monotonyShown" name={items[0].name} stroke={SERIES.purple} dot={false} strokeWidth={2.5} {...OFF} />
              {monotony.top !== null ? <Scatter dataKey="monotonyOver" name={t("clippedMark")} {...CLIP_SCATTER} /> : null}
            </ComposedChart>
          ),
        },
        {
          label: t("panel.strain", { unit }),
          weight: 1,
          chart: (
            <ComposedChart accessibilityLayer={false} data={rows} margin={MARGIN}>
              <CartesianGrid {...GRID} vertical={false} />
              <XAxis {...xDateAxisProps(dates, locale)} />
              <YAxis {...yAxisProps(52)} domain={yDomain(strain.top)} allowDataOverflow={strain.top !== null} />
              {tooltip}
              <Bar dataKey="strainShown" name={items[1].name} fill={SERIES.ochre} {...OFF} />
              {strain.top !== null ? <Scatter dataKey="strainOver" name={t("clippedMark")} {...CLIP_SCATTER} /> : null}
            </ComposedChart>
          ),
        },
      ]}
    />
  );
}

/** Load with its overload days, worst pain (0-10) and OSTRC severity (0-100): three panels, one x axis. */
export function PainPlot({ daily, marks, unit }: { daily: DailySeries; marks: PainMark[]; unit: string }) {
  const { t, locale } = useChartText();
  const joined = joinPainSeries(fromDailySeries(daily), marks);
  const { rows: clippedRows, top } = clipped(joined, ["load"]);
  const rows = clippedRows.map((d) => ({ ...d, overloadMark: d.overload.length ? (d.loadShown ?? 0) : null }));
  const dates = rows.map((r) => r.date);
  const items: TooltipItem[] = [
    { key: "load", name: t("series.load", { unit }), colour: SERIES.bar },
    { key: "nrs", name: t("series.worstPain"), colour: SERIES.threshold, format: (v) => `${v}/10` },
    { key: "ostrcSeverity", name: t("series.ostrc"), colour: SERIES.purple, format: (v) => `${v}/100` },
  ];
  const overloadText = (row: Record<string, unknown>) => {
    const overload = row.overload as readonly string[] | undefined;
    if (!overload?.length) return null;
    return (
      <div>
        {t("overloadDay")}: {overload.map((o) => (t.has(`overload.${o}`) ? t(`overload.${o}`) : o)).join(", ")}
      </div>
    );
  };
  const tooltip = <Tooltip content={<RowTooltip items={items} locale={locale} extra={overloadText} />} />;
  return (
    <Panels
      panels={[
        {
          label: t("panel.load", { unit }),
          weight: 5,
          chart: (
            <ComposedChart accessibilityLayer={false} data={rows} margin={{ ...MARGIN, top: 14 }}>
              <CartesianGrid {...GRID} vertical={false} />
              <XAxis {...xDateAxisProps(dates, locale, { hidden: true })} />
              <YAxis {...yAxisProps()} domain={yDomain(top)} allowDataOverflow={top !== null} />
              {tooltip}
              <Legend {...legendProps()} />
              <Bar dataKey="loadShown" name={items[0].name} fill={SERIES.bar} {...OFF} />
              <Scatter dataKey="overloadMark" name={t("overloadDay")} fill={SERIES.vermillion} shape={DayMark} legendType="triangle" {...OFF} />
              {top !== null ? <Scatter dataKey="loadOver" name={t("clippedMark")} {...CLIP_SCATTER} /> : null}
            </ComposedChart>
          ),
        },
        {
          label: t("panel.worstPain"),
          weight: 3,
          chart: (
            <ComposedChart accessibilityLayer={false} data={rows} margin={MARGIN}>
              <CartesianGrid {...GRID} vertical={false} />
              <XAxis {...xDateAxisProps(dates, locale, { hidden: true })} />
              <YAxis {...yAxisProps()} domain={[0, 10]} ticks={[0, 5, 10]} />
              {tooltip}
              <Line dataKey="nrs" name={items[1].name} stroke={SERIES.threshold} strokeWidth={2} connectNulls dot={{ r: 4, fill: SERIES.threshold }} {...OFF} />
            </ComposedChart>
          ),
        },
        {
          label: t("panel.ostrc"),
          weight: 4,
          chart: (
            <ComposedChart accessibilityLayer={false} data={rows} margin={MARGIN}>
              <CartesianGrid {...GRID} vertical={false} />
              <XAxis {...xDateAxisProps(dates, locale)} />
              <YAxis {...yAxisProps()} domain={[0, 100]} ticks={[0, 50, 100]} />
              {tooltip}
              <Line
                dataKey="ostrcSeverity"
                name={items[2].name}
                stroke={SERIES.purple}
                strokeWidth={2}
                strokeDasharray={DASH.dashed}
                connectNulls
                dot={{ r: 4, fill: SERIES.purple }}
                {...OFF}
              />
            </ComposedChart>
          ),
        },
      ]}
    />
  );
}

export type TypeShareBar = { label: string; sessionSharePct: number | null; minuteSharePct: number | null };

export function SessionTypePlot({ data }: { data: TypeShareBar[] }) {
  const { t, locale } = useChartText();
  const number = numberFormatter(locale, 1);
  const items: TooltipItem[] = [
    { key: "sessionSharePct", name: t("series.sessionShare"), colour: SERIES.blue, format: (v) => `${number(v)}%` },
    { key: "minuteSharePct", name: t("series.minuteShare"), colour: SERIES.vermillion, format: (v) => `${number(v)}%` },
  ];
  return (
    <Plot>
      <BarChart accessibilityLayer={false} data={data} margin={MARGIN}>
        <CartesianGrid {...GRID} vertical={false} />
        <XAxis dataKey="label" tick={TICK} axisLine={AXIS_LINE} tickLine={AXIS_LINE} interval={0} />
        <YAxis {...yAxisProps()} unit="%" domain={[0, (max: number) => Math.max(10, Math.ceil(max / 10) * 10)]} />
        <Tooltip content={<RowTooltip items={items} locale={locale} />} />
        <Legend {...legendProps()} />
        <Bar dataKey="sessionSharePct" name={items[0].name} fill={SERIES.blue} {...OFF} />
        <Bar dataKey="minuteSharePct" name={items[1].name} fill={SERIES.vermillion} {...OFF} />
      </BarChart>
    </Plot>
  );
}

export type ShoeBar = { name: string; period: number; total: number };

export function ShoePlot({ data, unit }: { data: ShoeBar[]; unit: string }) {
  const { t, locale } = useChartText();
  const number = numberFormatter(locale, 1);
  const items: TooltipItem[] = [
    { key: "period", name: t("series.shoePeriod", { unit }), colour: SERIES.blue, format: (v) => `${number(v)} ${unit}` },
    { key: "total", name: t("series.shoeTotal", { unit }), colour: SERIES.slate, format: (v) => `${number(v)} ${unit}` },
  ];
  return (
    <Plot>
      <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ ...MARGIN, left: 8 }}>
        <CartesianGrid {...GRID} horizontal={false} />
        <XAxis type="number" tick={TICK} axisLine={AXIS_LINE} tickLine={AXIS_LINE} />
        <YAxis type="category" dataKey="name" {...yAxisProps(110)} />
        <Tooltip content={<RowTooltip items={items} locale={locale} />} />
        <Legend {...legendProps()} />
        <Bar dataKey="period" name={items[0].name} fill={SERIES.blue} {...OFF} />
        <Bar dataKey="total" name={items[1].name} fill={SERIES.slate} {...OFF} />
      </BarChart>
    </Plot>
  );
}

/**
 * The daily check-in's Hooper sum (5-25, lower is better) over the athlete's usual band (mean ± 1.5 SD of
 * the 28 days before each day), days worse than usual marked; back stiffness (0-10) in its own panel.
 */
export function WellnessPlot({ data }: { data: WellnessTrendPoint[] }) {
  const { t, locale } = useChartText();
  const rows = data.map((p) => ({
    date: p.date,
    hooper: p.hooper,
    backStiffness: p.backStiffness,
    bandLow: p.bandLow,
    bandHigh: p.bandHigh,
    band: p.bandLow !== null && p.bandHigh !== null ? [p.bandLow, p.bandHigh] : null,
    worseMark: p.worse ? p.hooper : null,
  }));
  const dates = rows.map((r) => r.date);
  const items: TooltipItem[] = [
    { key: "hooper", name: t("series.wellnessSum"), colour: SERIES.blue },
    { key: "bandLow", name: t("series.usualFrom"), colour: SERIES.blue },
    { key: "bandHigh", name: t("series.usualTo"), colour: SERIES.blue },
    { key: "backStiffness", name: t("series.stiffness"), colour: SERIES.ochre, format: (v) => `${v}/10` },
  ];
  const tooltip = <Tooltip content={<RowTooltip items={items} locale={locale} />} />;
  return (
    <Panels
      panels={[
        {
          label: t("panel.wellnessSum"),
          weight: 3,
          chart: (
            <ComposedChart accessibilityLayer={false} data={rows} margin={{ ...MARGIN, top: 14 }}>
              <CartesianGrid {...GRID} vertical={false} />
              <XAxis {...xDateAxisProps(dates, locale, { hidden: true })} />
              <YAxis {...yAxisProps()} domain={[5, 25]} ticks={[5, 10, 15, 20, 25]} />
              {tooltip}
              <Legend {...legendProps()} />
              <Area dataKey="band" name={t("series.usualRange")} fill={SERIES.blue} stroke="none" fillOpacity={0.15} connectNulls={false} legendType="square" {...OFF} />
              <Line dataKey="hooper" name={items[0].name} stroke={SERIES.blue} strokeWidth={2} connectNulls dot={{ r: 3, fill: SERIES.blue }} legendType="plainline" {...OFF} />
              <Scatter dataKey="worseMark" name={t("series.worse")} fill={SERIES.vermillion} shape={DayMark} legendType="triangle" {...OFF} />
            </ComposedChart>
          ),
        },
        {
          label: t("panel.stiffness"),
          weight: 2,
          chart: (
            <ComposedChart accessibilityLayer={false} data={rows} margin={MARGIN}>
              <CartesianGrid {...GRID} vertical={false} />
              <XAxis {...xDateAxisProps(dates, locale)} />
              <YAxis {...yAxisProps()} domain={[0, 10]} ticks={[0, 5, 10]} />
              {tooltip}
              <Line
                dataKey="backStiffness"
                name={items[3].name}
                stroke={SERIES.ochre}
                strokeWidth={2}
                strokeDasharray={DASH.dashed}
                connectNulls
                dot={{ r: 3, fill: SERIES.ochre }}
                {...OFF}
              />
            </ComposedChart>
          ),
        },
      ]}
    />
  );
}
