"use client";

// The pieces every plot shares: axes in the palette's legible colours, dates through Intl in the page's
// locale, legends in text colour, a tooltip that reads true values (a clipped bar's too), the marker of a
// clipped value, and small multiples (panels on one x axis) instead of second and third y-axes.
import { ResponsiveContainer, type TooltipContentProps } from "recharts";
import { numberFormatter } from "./chart-text";
import { CHART_TEXT, SERIES } from "./palette";
import { dateAxis, formatChartDate } from "./date-ticks";
import { clipRows, robustTop } from "./robust-scale";

export const AXIS_FONT = 12;
export const MARGIN = { top: 10, right: 14, bottom: 4, left: 4 };
export const TICK = { fill: CHART_TEXT.axis, fontSize: AXIS_FONT };
export const AXIS_LINE = { stroke: CHART_TEXT.axis };
export const GRID = { stroke: "#d5dbe2", strokeDasharray: "3 3" };

export { numberFormatter, useChartText } from "./chart-text";

/** Props for the x axis of a day (or week) series: ticks by the range's span, labels in the locale. */
export function xDateAxisProps(dates: readonly string[], locale: string, options: { hidden?: boolean } = {}) {
  const axis = dateAxis(dates, locale, 8);
  return {
    dataKey: "date",
    ticks: axis.ticks,
    tickFormatter: axis.format,
    minTickGap: axis.style === "dayYear" ? 40 : 28,
    interval: "preserveStartEnd" as const,
    tick: options.hidden ? false : TICK,
    axisLine: AXIS_LINE,
    tickLine: options.hidden ? false : AXIS_LINE,
    height: options.hidden ? 4 : 24,
  };
}

export function yAxisProps(width = 52) {
  return { tick: TICK, axisLine: AXIS_LINE, tickLine: AXIS_LINE, width };
}

/** Legend entries in the text colour (the library writes them in each series' colour), dashes shown. */
export function legendProps() {
  return {
    // In drawing order, not alphabetical.
    itemSorter: null,
    iconSize: 18,
    wrapperStyle: { fontSize: 13, lineHeight: "1.5", paddingTop: 4 },
    formatter: (value: string) => <span className="chart-legend-text">{value}</span>,
  };
}

export type TooltipItem = { key: string; name: string; colour: string; format?: (v: number) => string };

/** The hovered day in full and each item's true value (clipped values included), skipping empty ones. */
export function RowTooltip({
  active,
  payload,
  label,
  items,
  locale,
  extra,
}: Partial<TooltipContentProps<number, string>> & {
  items: TooltipItem[];
  locale: string;
  extra?: (row: Record<string, unknown>) => React.ReactNode;
}) {
  const row = payload?.[0]?.payload as Record<string, unknown> | undefined;
  if (!active || !row) return null;
  const number = numberFormatter(locale);
  const title = typeof label === "string" && /^\d{4}-\d{2}-\d{2}$/.test(label) ? formatChartDate(label, locale) : String(label ?? "");
  return (
    <div className="chart-tooltip">
      <strong>{title}</strong>
      {items.map((item) => {
        const v = row[item.key];
        if (typeof v !== "number") return null;
        return (
          <div key={item.key}>
            <span className="chart-tooltip-key" style={{ background: item.colour }} aria-hidden="true" /> {item.name}:{" "}
            {item.format ? item.format(v) : number(v)}
          </div>
        );
      })}
      {extra ? extra(row) : null}
    </div>
  );
}

/** The marker of a clipped value: a triangle pointing up at the axis top. */
export function ClipMark(props: { cx?: number; cy?: number }) {
  const { cx, cy } = props;
  if (typeof cx !== "number" || typeof cy !== "number") return <g />;
  return <path d={`M${cx},${cy - 2} l6,10 h-12 z`} fill={SERIES.clipped} stroke="#ffffff" strokeWidth={1} />;
}

/** A flagged day's marker: a triangle pointing down, above the mark it belongs to. */
export function DayMark({ cx, cy, fill }: { cx?: number; cy?: number; fill?: unknown }) {
  if (typeof cx !== "number" || typeof cy !== "number") return <g />;
  return <path d={`M${cx},${cy - 2} l-5,-9 h10 z`} fill={typeof fill === "string" ? fill : SERIES.vermillion} stroke="#ffffff" strokeWidth={1} />;
}

/** One chart: fills the plot box. */
export function Plot({ children }: { children: React.ReactElement }) {
  return (
    <ResponsiveContainer width="100%" height="100%" minWidth={0}>
      {children}
    </ResponsiveContainer>
  );
}

/**
 * Small multiples: each measure its own panel with its own (single) y axis, all on the same x axis
 * (only the last panel writes the dates); `weight` shares out the plot box's height.
 */
export function Panels({ panels }: { panels: { label: string; weight: number; chart: React.ReactElement }[] }) {
  return (
    <div className="chart-panels">
      {panels.map((p) => (
        <div key={p.label} className="chart-panel" style={{ flexGrow: p.weight }}>
          <p className="chart-panel-label">{p.label}</p>
          <div className="chart-panel-plot">
            <ResponsiveContainer width="100%" height="100%" minWidth={0}>
              {p.chart}
            </ResponsiveContainer>
          </div>
        </div>
      ))}
    </div>
  );
}

/** "Too few points to draw": said in the box instead of a bare frame. */
export function TooFew({ text }: { text: string }) {
  return <p className="chart-empty muted">{text}</p>;
}

export { SERIES };

/** Rows with every `keys` series clipped at one robust top (see robust-scale.ts), and that top. */
export function clipped<T extends Record<string, unknown>>(rows: readonly T[], keys: readonly string[]) {
  const top = robustTop(keys.flatMap((k) => rows.map((r) => r[k] as number | null | undefined)));
  return { rows: clipRows(rows, keys, top), top };
}
