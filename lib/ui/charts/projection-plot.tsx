"use client";

import { CartesianGrid, ComposedChart, Legend, Line, Tooltip, XAxis, YAxis } from "recharts";
import type { ProjectionPoint } from "@/lib/plans/planning";
import { DASH, SERIES } from "./palette";
import { GRID, MARGIN, Plot, RowTooltip, legendProps, useChartText, xDateAxisProps, yAxisProps, type TooltipItem } from "./chart-kit";

/**
 * The plot of ProjectionChart: acute and chronic load, trained (solid) then projected (dashed). The two
 * averages differ by colour and by marker (the 28-day mean has dots on its projected part).
 */
export function ProjectionPlot({ data, unit }: { data: ProjectionPoint[]; unit: string }) {
  const { t, locale } = useChartText();
  const rows = data.map((d) => ({
    date: d.date,
    acuteAll: d.acute,
    chronicAll: d.chronic,
    acute: d.projected ? null : d.acute,
    chronic: d.projected ? null : d.chronic,
    acutePlan: d.projected ? d.acute : null,
    chronicPlan: d.projected ? d.chronic : null,
  }));
  // The dashed lines start on the last trained day so the two parts join.
  const lastTrained = rows.findLastIndex((r) => r.acute !== null);
  if (lastTrained >= 0 && lastTrained < rows.length - 1) {
    rows[lastTrained].acutePlan = rows[lastTrained].acute;
    rows[lastTrained].chronicPlan = rows[lastTrained].chronic;
  }
  const items: TooltipItem[] = [
    { key: "acuteAll", name: t("series.mean7Unit", { unit }), colour: SERIES.blue },
    { key: "chronicAll", name: t("series.mean28Unit", { unit }), colour: SERIES.vermillion },
  ];
  const planned = (row: Record<string, unknown>) =>
    row.acutePlan !== null && row.acute === null ? <div>{t("projectedDay")}</div> : null;
  return (
    <Plot>
      <ComposedChart accessibilityLayer={false} data={rows} margin={MARGIN}>
        <CartesianGrid {...GRID} vertical={false} />
        <XAxis {...xDateAxisProps(rows.map((r) => r.date), locale)} />
        <YAxis {...yAxisProps()} />
        <Tooltip content={<RowTooltip items={items} locale={locale} extra={planned} />} />
        <Legend {...legendProps()} />
        <Line dataKey="acute" name={t("series.mean7")} stroke={SERIES.blue} dot={false} strokeWidth={2.5} legendType="plainline" isAnimationActive={false} />
        <Line dataKey="chronic" name={t("series.mean28")} stroke={SERIES.vermillion} dot={false} strokeWidth={2.5} legendType="plainline" isAnimationActive={false} />
        <Line
          dataKey="acutePlan"
          name={t("series.mean7Planned")}
          stroke={SERIES.blue}
          strokeDasharray={DASH.dashed}
          dot={false}
          strokeWidth={2.5}
          legendType="plainline"
          isAnimationActive={false}
        />
        <Line
          dataKey="chronicPlan"
          name={t("series.mean28Planned")}
          stroke={SERIES.vermillion}
          strokeDasharray={DASH.dashed}
          dot={{ r: 2.5, fill: SERIES.vermillion }}
          strokeWidth={2.5}
          legendType="plainline"
          isAnimationActive={false}
        />
      </ComposedChart>
    </Plot>
  );
}
