"use client";

import {
  Bar,
  BarChart,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import type { LoadPoint, PainPoint, WeekSurfacePoint } from "@/lib/athletes/training";

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

const shortDate = (d: string) => d.slice(5);

function ChartFrame({ title, children, table }: { title: string; children: React.ReactNode; table: React.ReactNode }) {
  return (
    <figure className="card" style={{ margin: "0 0 1rem" }}>
      <figcaption>
        <h3 style={{ marginTop: 0 }}>{title}</h3>
      </figcaption>
      <div style={{ width: "100%", height: 260 }} aria-hidden="true">
        {children}
      </div>
      <details>
        <summary>Show the numbers as a table</summary>
        <div className="table-wrap">{table}</div>
      </details>
    </figure>
  );
}

export function LoadChart({ data }: { data: LoadPoint[] }) {
  return (
    <ChartFrame
      title="Daily load (sRPE) with 7- and 28-day averages"
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Date</th>
              <th scope="col">Load (AU)</th>
              <th scope="col">7-day mean</th>
              <th scope="col">28-day mean</th>
              <th scope="col">ACWR (EWMA)</th>
            </tr>
          </thead>
          <tbody>
            {data.map((d) => (
              <tr key={d.date}>
                <td>{d.date}</td>
                <td>{d.load}</td>
                <td>{d.acute ?? "–"}</td>
                <td>{d.chronic ?? "–"}</td>
                <td>{d.acwr ?? "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer>
        <ComposedChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} fontSize={12} />
          <YAxis fontSize={12} />
          <Tooltip />
          <Legend />
          <Bar dataKey="load" name="Daily load (AU)" fill="#93c5fd" isAnimationActive={false} />
          <Line dataKey="acute" name="7-day mean" stroke="#1d4ed8" dot={false} strokeWidth={2} isAnimationActive={false} />
          <Line dataKey="chronic" name="28-day mean" stroke="#b45309" dot={false} strokeWidth={2} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function SurfaceChart({ data, surfaces, unit }: { data: WeekSurfacePoint[]; surfaces: string[]; unit: "KM" | "MI" }) {
  const factor = unit === "MI" ? 1 / 1.609344 : 1;
  const label = unit === "MI" ? "mi" : "km";
  const rows = data.map((w) => {
    const row: Record<string, number | string> = { weekStart: w.weekStart, total: Math.round(Number(w.totalKm) * factor * 10) / 10 };
    for (const s of surfaces) row[s] = Math.round(Number(w[s] ?? 0) * factor * 10) / 10;
    return row;
  });
  return (
    <ChartFrame
      title={`Weekly running (${label}) by surface`}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">Week of</th>
              {surfaces.map((s) => (
                <th scope="col" key={s}>
                  {s}
                </th>
              ))}
              <th scope="col">Total</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={String(r.weekStart)}>
                <td>{r.weekStart}</td>
                {surfaces.map((s) => (
                  <td key={s}>{r[s]}</td>
                ))}
                <td>{r.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    >
      <ResponsiveContainer>
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: -12 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="weekStart" tickFormatter={shortDate} fontSize={12} />
          <YAxis fontSize={12} />
          <Tooltip />
          <Legend />
          {surfaces.map((s) => (
            <Bar key={s} dataKey={s} stackId="km" name={s} fill={SURFACE_COLOURS[s] ?? "#6b7280"} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}

export function PainChart({ data }: { data: PainPoint[] }) {
  const reported = data.filter((d) => d.nrs !== null);
  return (
    <ChartFrame
      title="Back pain (0-10) over daily load"
      table={
        reported.length ? (
          <table>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Worst pain (0-10)</th>
                <th scope="col">Load that day (AU)</th>
              </tr>
            </thead>
            <tbody>
              {reported.map((d) => (
                <tr key={d.date}>
                  <td>{d.date}</td>
                  <td>{d.nrs}</td>
                  <td>{d.load}</td>
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No pain reports in this period.</p>
        )
      }
    >
      <ResponsiveContainer>
        <ComposedChart data={data} margin={{ top: 8, right: 0, bottom: 0, left: -12 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tickFormatter={shortDate} minTickGap={24} fontSize={12} />
          <YAxis yAxisId="load" fontSize={12} />
          <YAxis yAxisId="pain" orientation="right" domain={[0, 10]} fontSize={12} />
          <Tooltip />
          <Legend />
          <Bar yAxisId="load" dataKey="load" name="Daily load (AU)" fill="#cbd5e1" isAnimationActive={false} />
          <Line
            yAxisId="pain"
            dataKey="nrs"
            name="Pain (0-10)"
            stroke="#b42318"
            strokeWidth={2}
            connectNulls
            dot={{ r: 4 }}
            isAnimationActive={false}
          />
        </ComposedChart>
      </ResponsiveContainer>
    </ChartFrame>
  );
}
