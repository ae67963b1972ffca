"use client";

// Every plot of the athlete pages lives in this one module so that a page ships the chart library once,
// and lazily (see lazy-plots.tsx): the plots get ready series; titles, captions and tables are elsewhere.
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
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
  type TooltipContentProps,
} from "recharts";
import { fromDailySeries, type DailySeries } from "@/lib/athletes/daily-series";
import { joinPainSeries, type PainMark, type PainPoint } from "@/lib/athletes/pain-series";
import type { WellnessTrendPoint } from "@/lib/training-load/wellness";

const SURFACE_COLOURS: Record<string, string> = {
  asphalt: "#4b5563",
  track: "#c2410c",
  trail: "#15803d",
  grass: "#65a30d",
  sand: "#ca8a04",
  treadmill: "#7c3aed",
  mixed: "#0e7490",
  unrecorded: "#9ca3af",
};

const OVERLOAD_LABELS: Record<string, string> = {
  "session-spike": "session spike",
  "weekly-distance-increase": "weekly distance increase",
  "acwr-high": "high ACWR",
  "monotony-high": "high monotony",
};

const shortDate = (d: string) => d.slice(5);
const MARGIN = { top: 8, right: 8, bottom: 0, left: -12 };
const AXIS_FONT = 12;

// The box around the plot (its height, and aria-hidden: the table view carries the same numbers for
// screen readers) is drawn by the server, so the page does not jump when the plot arrives. Each chart
// turns off the library's keyboard layer: a focus stop inside an aria-hidden box would be announced as
// nothing, and keyboard users read the same numbers in the table.
function Plot({ children }: { children: React.ReactElement }) {
  return <ResponsiveContainer width="100%" height="100%">{children}</ResponsiveContainer>;
}

export function LoadPlot({ data: series, unit }: { data: DailySeries; unit: string }) {
  const data = fromDailySeries(series);
  return (
    <Plot>
      <ComposedChart accessibilityLayer={false} data={data} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} fontSize={AXIS_FONT} />
        <YAxis fontSize={AXIS_FONT} />
        <Tooltip />
        <Legend />
        <Bar dataKey="load" name={`Daily load (${unit})`} fill="#93c5fd" isAnimationActive={false} />
        <Line dataKey="acute" name="7-day mean" stroke="#1d4ed8" dot={false} strokeWidth={2} isAnimationActive={false} />
        <Line dataKey="chronic" name="28-day mean" stroke="#b45309" dot={false} strokeWidth={2} isAnimationActive={false} />
      </ComposedChart>
    </Plot>
  );
}

/** EWMA and rolling ratios over the 0.8-1.3 band, with the athlete's flag threshold as a line. */
export function AcwrPlot({ data: series, acwrHigh }: { data: DailySeries; acwrHigh: number }) {
  const data = fromDailySeries(series);
  return (
    <Plot>
      <ComposedChart accessibilityLayer={false} data={data} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} fontSize={AXIS_FONT} />
        <YAxis fontSize={AXIS_FONT} domain={[0, (max: number) => Math.max(2, Math.ceil(max * 10) / 10)]} />
        <ReferenceArea y1={0.8} y2={1.3} fill="#16a34a" fillOpacity={0.12} ifOverflow="extendDomain" />
        <ReferenceLine y={acwrHigh} stroke="#b42318" strokeDasharray="4 4" label={{ value: `flag ≥ ${acwrHigh}`, position: "insideTopRight", fontSize: 11 }} />
        <Tooltip />
        <Legend />
        <Line dataKey="acwr" name="ACWR (exponentially weighted)" stroke="#1d4ed8" dot={false} strokeWidth={2} isAnimationActive={false} />
        <Line dataKey="acwrRolling" name="ACWR (rolling, coupled)" stroke="#b45309" dot={false} strokeWidth={1.5} isAnimationActive={false} />
        <Line
          dataKey="acwrRollingUncoupled"
          name="ACWR (rolling, uncoupled)"
          stroke="#6b7280"
          strokeDasharray="5 3"
          dot={false}
          strokeWidth={1.5}
          isAnimationActive={false}
        />
      </ComposedChart>
    </Plot>
  );
}

export function FitnessPlot({ data: series }: { data: DailySeries }) {
  const data = fromDailySeries(series);
  return (
    <Plot>
      <ComposedChart accessibilityLayer={false} data={data} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} fontSize={AXIS_FONT} />
        <YAxis fontSize={AXIS_FONT} />
        <ReferenceLine y={0} stroke="#566270" />
        <Tooltip />
        <Legend />
        <Area dataKey="form" name="Form (TSB)" fill="#a7f3d0" stroke="#047857" fillOpacity={0.5} isAnimationActive={false} />
        <Line dataKey="fitness" name="Fitness (CTL)" stroke="#1d4ed8" dot={false} strokeWidth={2} isAnimationActive={false} />
        <Line dataKey="fatigue" name="Fatigue (ATL)" stroke="#be185d" dot={false} strokeWidth={2} isAnimationActive={false} />
      </ComposedChart>
    </Plot>
  );
}

/** A week of WeeklySurfacePlot in the viewer's distance unit: the total, each surface, and the change. */
export type WeeklyRow = { weekStart: string; total: number; changePct: number | null; partial: boolean } & Record<
  string,
  number | string | boolean | null
>;

/** Stacked weekly distance by surface, with the week-over-week change as a line on its own axis. */
export function WeeklySurfacePlot({ data, surfaces, unit }: { data: WeeklyRow[]; surfaces: string[]; unit: string }) {
  return (
    <Plot>
      <ComposedChart accessibilityLayer={false} data={data} margin={{ ...MARGIN, right: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="weekStart" tickFormatter={shortDate} minTickGap={16} fontSize={AXIS_FONT} />
        <YAxis yAxisId="km" fontSize={AXIS_FONT} unit={` ${unit}`} width={64} />
        <YAxis yAxisId="change" orientation="right" fontSize={AXIS_FONT} unit="%" />
        <Tooltip formatter={(value, name) => (name === "Change vs week before" && typeof value === "number" ? `${value}%` : value)} />
        <Legend />
        {surfaces.map((s) => (
          <Bar
            key={s}
            yAxisId="km"
            dataKey={s}
            stackId="km"
            name={`${s} (${unit})`}
            fill={SURFACE_COLOURS[s] ?? "#6b7280"}
            isAnimationActive={false}
          />
        ))}
        {/* Drawn as nothing: it only puts the week's total in the tooltip. */}
        <Line yAxisId="km" dataKey="total" name={`Total (${unit})`} stroke="none" dot={false} activeDot={false} legendType="none" isAnimationActive={false} />
        <Line
          yAxisId="change"
          dataKey="changePct"
          name="Change vs week before"
          stroke="#111827"
          strokeDasharray="4 3"
          dot={{ r: 3 }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </Plot>
  );
}

export function MonotonyPlot({ data: series, monotonyHigh, unit }: { data: DailySeries; monotonyHigh: number; unit: string }) {
  const data = fromDailySeries(series);
  return (
    <Plot>
      <ComposedChart accessibilityLayer={false} data={data} margin={{ ...MARGIN, right: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} fontSize={AXIS_FONT} />
        <YAxis yAxisId="strain" fontSize={AXIS_FONT} />
        <YAxis yAxisId="monotony" orientation="right" fontSize={AXIS_FONT} />
        <ReferenceLine
          yAxisId="monotony"
          y={monotonyHigh}
          stroke="#b42318"
          strokeDasharray="4 4"
          label={{ value: `flag > ${monotonyHigh}`, position: "insideTopRight", fontSize: 11 }}
        />
        <Tooltip />
        <Legend />
        <Bar yAxisId="strain" dataKey="strain" name={`Strain (${unit} x monotony)`} fill="#fcd34d" isAnimationActive={false} />
        <Line yAxisId="monotony" dataKey="monotony" name="Monotony" stroke="#7c2d12" dot={false} strokeWidth={2} isAnimationActive={false} />
      </ComposedChart>
    </Plot>
  );
}

function PainTooltip({ active, payload, label, unit }: Partial<TooltipContentProps<number, string>> & { unit: string }) {
  const point = payload?.[0]?.payload as PainPoint | undefined;
  if (!active || !point) return null;
  return (
    <div className="chart-tooltip">
      <strong>{label}</strong>
      <div>
        Load: {point.load} {unit}
      </div>
      {point.nrs !== null ? <div>Worst pain: {point.nrs}/10</div> : null}
      {point.ostrcSeverity !== null ? <div>OSTRC severity: {point.ostrcSeverity}/100</div> : null}
      {point.overload.length ? <div>Overload day: {point.overload.map((o) => OVERLOAD_LABELS[o] ?? o).join(", ")}</div> : null}
    </div>
  );
}

/** Load bars with pain (0-10) and OSTRC severity (0-100) on their own axes; overload days marked on the bars. */
export function PainPlot({ daily, marks, unit }: { daily: DailySeries; marks: PainMark[]; unit: string }) {
  const rows = joinPainSeries(fromDailySeries(daily), marks).map((d) => ({ ...d, overloadMark: d.overload.length ? d.load : null }));
  return (
    <Plot>
      <ComposedChart accessibilityLayer={false} data={rows} margin={{ ...MARGIN, right: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} fontSize={AXIS_FONT} />
        <YAxis yAxisId="load" fontSize={AXIS_FONT} />
        <YAxis yAxisId="pain" orientation="right" domain={[0, 10]} fontSize={AXIS_FONT} width={28} />
        <YAxis yAxisId="ostrc" orientation="right" domain={[0, 100]} fontSize={AXIS_FONT} width={36} />
        <Tooltip content={<PainTooltip unit={unit} />} />
        <Legend />
        <Bar yAxisId="load" dataKey="load" name={`Load (${unit})`} fill="#cbd5e1" isAnimationActive={false} />
        <Scatter yAxisId="load" dataKey="overloadMark" name="Overload day" fill="#d97706" shape="triangle" isAnimationActive={false} />
        <Line
          yAxisId="pain"
          dataKey="nrs"
          name="Worst pain (0-10)"
          stroke="#b42318"
          strokeWidth={2}
          connectNulls
          dot={{ r: 4 }}
          isAnimationActive={false}
        />
        <Line
          yAxisId="ostrc"
          dataKey="ostrcSeverity"
          name="OSTRC severity (0-100)"
          stroke="#6d28d9"
          strokeWidth={2}
          strokeDasharray="6 3"
          connectNulls
          dot={{ r: 4, fill: "#6d28d9" }}
          isAnimationActive={false}
        />
      </ComposedChart>
    </Plot>
  );
}

export type TypeShareBar = { label: string; sessionSharePct: number | null; minuteSharePct: number | null };

export function SessionTypePlot({ data }: { data: TypeShareBar[] }) {
  return (
    <Plot>
      <BarChart accessibilityLayer={false} data={data} margin={MARGIN}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" fontSize={AXIS_FONT} interval={0} />
        <YAxis fontSize={AXIS_FONT} unit="%" domain={[0, (max: number) => Math.max(10, Math.ceil(max / 10) * 10)]} />
        <Tooltip formatter={(value) => (typeof value === "number" ? `${value}%` : "–")} />
        <Legend />
        <Bar dataKey="sessionSharePct" name="Share of sessions" fill="#0e7490" isAnimationActive={false} />
        <Bar dataKey="minuteSharePct" name="Share of minutes" fill="#a5b4fc" isAnimationActive={false} />
      </BarChart>
    </Plot>
  );
}

export type ShoeBar = { name: string; period: number; total: number };

export function ShoePlot({ data, unit }: { data: ShoeBar[]; unit: string }) {
  return (
    <Plot>
      <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 0, left: 8 }}>
        <CartesianGrid strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" fontSize={AXIS_FONT} unit={` ${unit}`} />
        <YAxis type="category" dataKey="name" width={110} fontSize={AXIS_FONT} />
        <Tooltip />
        <Legend />
        <Bar dataKey="period" name={`In this period (${unit})`} fill="#0b5cad" isAnimationActive={false} />
        <Bar dataKey="total" name={`Total (${unit})`} fill="#9ca3af" isAnimationActive={false} />
      </BarChart>
    </Plot>
  );
}

/**
 * The daily check-in's Hooper sum (5-25, lower is better) over the athlete's usual band (mean ± 1.5 SD of
 * the 28 days before each day), and back stiffness (0-10) on its own axis; days worse than usual marked.
 */
export function WellnessPlot({ data }: { data: WellnessTrendPoint[] }) {
  const rows = data.map((p) => ({
    date: p.date,
    hooper: p.hooper,
    backStiffness: p.backStiffness,
    band: p.bandLow !== null && p.bandHigh !== null ? [p.bandLow, p.bandHigh] : null,
    worseMark: p.worse ? p.hooper : null,
  }));
  return (
    <Plot>
      <ComposedChart accessibilityLayer={false} data={rows} margin={{ ...MARGIN, right: 0 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} fontSize={AXIS_FONT} />
        <YAxis yAxisId="hooper" domain={[5, 25]} fontSize={AXIS_FONT} />
        <YAxis yAxisId="stiffness" orientation="right" domain={[0, 10]} fontSize={AXIS_FONT} width={28} />
        <Tooltip />
        <Legend />
        <Area yAxisId="hooper" dataKey="band" name="Usual range (28-day mean ± 1.5 SD)" fill="#93c5fd" stroke="none" fillOpacity={0.35} connectNulls={false} isAnimationActive={false} />
        <Line yAxisId="hooper" dataKey="hooper" name="Wellness sum (5-25)" stroke="#1d4ed8" strokeWidth={2} connectNulls dot={{ r: 3 }} isAnimationActive={false} />
        <Line
          yAxisId="stiffness"
          dataKey="backStiffness"
          name="Back stiffness (0-10)"
          stroke="#b45309"
          strokeWidth={2}
          strokeDasharray="6 3"
          connectNulls
          dot={{ r: 3, fill: "#b45309" }}
          isAnimationActive={false}
        />
        <Scatter yAxisId="hooper" dataKey="worseMark" name="Worse than usual" fill="#b42318" shape="triangle" isAnimationActive={false} />
      </ComposedChart>
    </Plot>
  );
}
