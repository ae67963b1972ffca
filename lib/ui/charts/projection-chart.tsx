"use client";

import { CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ProjectionPoint } from "@/lib/plans/planning";

/** Acute and chronic load, trained (solid) then projected from the plan (dashed). */
export function ProjectionChart({ data }: { data: ProjectionPoint[] }) {
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
    <figure className="card" style={{ margin: "0 0 1rem" }}>
      <figcaption>
        <h2 style={{ marginTop: 0 }}>Load with the plan (dashed: projected)</h2>
      </figcaption>
      <div style={{ width: "100%", height: 260 }} aria-hidden="true">
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
      </div>
      <details>
        <summary>Show the numbers as a table</summary>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">7-day mean (AU)</th>
                <th scope="col">28-day mean (AU)</th>
                <th scope="col">Kind</th>
              </tr>
            </thead>
            <tbody>
              {data.map((d) => (
                <tr key={d.date}>
                  <td>{d.date}</td>
                  <td>{d.acute ?? "–"}</td>
                  <td>{d.chronic ?? "–"}</td>
                  <td>{d.projected ? "projected" : "trained"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
