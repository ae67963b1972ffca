"use client";

import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ProjectionPoint } from "@/lib/plans/planning";

/** The plot of ProjectionChart: acute and chronic load, trained (solid) then projected (dashed). */
export function ProjectionPlot({ data }: { data: ProjectionPoint[] }) {
  const rows = data.map((d) => ({
    date: d.date,
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
  return (
    <ResponsiveContainer>
      <ComposedChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="date" tickFormatter={(d: string) => d.slice(5)} minTickGap={24} fontSize={12} />
        <YAxis fontSize={12} />
        <Tooltip />
        <Legend />
        <Line dataKey="acute" name="7-day mean" stroke="#1d4ed8" dot={false} strokeWidth={2} isAnimationActive={false} />
        <Line dataKey="chronic" name="28-day mean" stroke="#b45309" dot={false} strokeWidth={2} isAnimationActive={false} />
        <Line dataKey="acutePlan" name="7-day mean, planned" stroke="#1d4ed8" strokeDasharray="6 4" dot={false} strokeWidth={2} isAnimationActive={false} />
        <Line dataKey="chronicPlan" name="28-day mean, planned" stroke="#b45309" strokeDasharray="6 4" dot={false} strokeWidth={2} isAnimationActive={false} />
      </ComposedChart>
    </ResponsiveContainer>
  );
}
