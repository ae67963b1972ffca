import type { BackZoneHeatmap as Heatmap, HeatmapCell } from "@/lib/athletes/chart-series";
import { ZONE_LABELS } from "@/lib/pain/labels";
import { formatDate } from "@/lib/dates";
import { TableDisclosure } from "@/lib/ui/charts/table-disclosure";

// Worst pain of the week, in the bands the pain flags use: mild below 4, rising at 4, severe from 7.
const BANDS = [
  { label: "No report", fill: "#eef1f4", max: -1 },
  { label: "Worst pain 0-3", fill: "#fde68a", max: 3 },
  { label: "Worst pain 4-6", fill: "#f59e0b", max: 6 },
  { label: "Worst pain 7-10", fill: "#b42318", max: 10 },
] as const;

function band(cell: HeatmapCell) {
  if (cell.maxNrs === null) return BANDS[0];
  return BANDS.find((b) => b.max >= (cell.maxNrs as number)) ?? BANDS[3];
}

const CELL = 16;
const GAP = 2;
const LABEL_W = 64;
const SHORT_ZONE: Record<string, string> = { CERVICAL: "Cervical", DORSAL: "Dorsal", LUMBAR: "Lumbar" };

/**
 * Pain reports per back zone (rows) and week (columns): colour by the week's worst NRS, the number of
 * reports written in the cell. Drawn as plain SVG on the server (no script); each cell has a native
 * tooltip, and the table view holds the same numbers.
 */
export function BackZoneHeatmap({ heatmap }: { heatmap: Heatmap }) {
  // Room on the right for the last week's date label, which starts at its column.
  const width = LABEL_W + heatmap.weeks.length * (CELL + GAP) + 28;
  const height = 3 * (CELL + GAP) + 22;
  const reported = heatmap.weeks
    .map((weekStart, i) => ({ weekStart, cells: heatmap.rows.map((r) => r.cells[i]) }))
    .filter((w) => w.cells.some((c) => c.reports > 0));
  return (
    <figure className="card" style={{ margin: "0 0 1rem" }}>
      <figcaption>
        <h3 style={{ marginTop: 0 }}>Back pain by zone and week</h3>
        <p className="muted chart-note">Each square is one week (Monday to Sunday); its colour is the worst pain reported, the number how many reports.</p>
      </figcaption>
      <div className="heatmap-scroll" aria-hidden="true">
        <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="heatmap">
          {heatmap.rows.map((row, r) => (
            <g key={row.zone}>
              <text x={0} y={r * (CELL + GAP) + CELL - 3} fontSize={12} fill="#566270">
                {SHORT_ZONE[row.zone]}
              </text>
              {row.cells.map((cell, c) => (
                <g key={cell.weekStart}>
                  <rect x={LABEL_W + c * (CELL + GAP)} y={r * (CELL + GAP)} width={CELL} height={CELL} rx={2} fill={band(cell).fill}>
                    <title>
                      {`${ZONE_LABELS[row.zone]}, week of ${formatDate(cell.weekStart)}: ` +
                        (cell.reports ? `${cell.reports} report${cell.reports === 1 ? "" : "s"}, worst pain ${cell.maxNrs}/10` : "no reports")}
                    </title>
                  </rect>
                  {cell.reports ? (
                    <text
                      x={LABEL_W + c * (CELL + GAP) + CELL / 2}
                      y={r * (CELL + GAP) + CELL - 4}
                      fontSize={10}
                      textAnchor="middle"
                      fill={(cell.maxNrs ?? 0) >= 7 ? "#ffffff" : "#17202a"}
                      pointerEvents="none"
                    >
                      {cell.reports}
                    </text>
                  ) : null}
                </g>
              ))}
            </g>
          ))}
          {heatmap.weeks.map((w, c) =>
            c % 4 === 0 ? (
              <text key={w} x={LABEL_W + c * (CELL + GAP)} y={3 * (CELL + GAP) + 14} fontSize={10} fill="#566270">
                {w.slice(5)}
              </text>
            ) : null,
          )}
        </svg>
      </div>
      <ul className="heatmap-legend" aria-hidden="true">
        {BANDS.map((b) => (
          <li key={b.label}>
            <span className="heatmap-swatch" style={{ background: b.fill }} /> {b.label}
          </li>
        ))}
      </ul>
      <TableDisclosure>
        {reported.length ? (
          <table>
            <caption className="muted">Weeks without a report are left out.</caption>
            <thead>
              <tr>
                <th scope="col">Week of</th>
                {heatmap.rows.map((r) => (
                  <th scope="col" key={r.zone}>
                    {ZONE_LABELS[r.zone]}: reports (worst pain)
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {reported.map((w) => (
                <tr key={w.weekStart}>
                  <td>{w.weekStart}</td>
                  {w.cells.map((c, i) => (
                    <td key={i}>{c.reports ? `${c.reports} (${c.maxNrs}/10)` : "0"}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        ) : (
          <p className="muted">No pain reports in this period.</p>
        )}
      </TableDisclosure>
    </figure>
  );
}
