import { getTranslations } from "next-intl/server";
import type { BackZoneHeatmap as Heatmap, HeatmapCell } from "@/lib/athletes/chart-series";
import { formatDate } from "@/lib/dates";
import { currentIntlLocale } from "@/lib/i18n/server";
import { TableDisclosure } from "@/lib/ui/charts/table-disclosure";
import { HEAT_BANDS } from "@/lib/ui/charts/palette";
import { dateTickStyle, formatDateTick, monthTicks } from "@/lib/ui/charts/date-ticks";

// Worst pain of the week, in the bands the pain flags use: mild below 4, rising at 4, severe from 7.
const BAND_MAX = [-1, 3, 6, 10] as const;

function band(cell: HeatmapCell) {
  if (cell.maxNrs === null) return 0;
  const i = BAND_MAX.findIndex((max) => max >= (cell.maxNrs as number));
  return i < 0 ? 3 : i;
}

const CELL = 28;
const GAP = 3;
const LABEL_W = 76;
const PAD = 2;
const TOP = 4;
const AXIS_H = 40;

/**
 * Pain reports per back zone (rows) and week (columns): colour by the week's worst NRS, the number of
 * reports written in the cell. Drawn as plain SVG on the server (no script) with cells large enough to
 * read (28 px), labelled axes and a legend with the scale; a long period scrolls inside its own box
 * (a phone's page never scrolls sideways). Each cell has a native tooltip, and the table holds the same
 * numbers.
 */
export async function BackZoneHeatmap({ heatmap }: { heatmap: Heatmap }) {
  const t = await getTranslations("charts");
  const locale = await currentIntlLocale();
  const weeks = heatmap.weeks;
  // Room on the right for the last week's date label, which starts at its column. The zone labels are
  // drawn apart, so that they stay in view while the weeks scroll.
  const width = PAD + weeks.length * (CELL + GAP) + 48;
  const height = TOP + 3 * (CELL + GAP) + AXIS_H;
  const style = weeks.length ? dateTickStyle(weeks[0], weeks[weeks.length - 1]) : "day";
  const labelled = new Set(monthTicks(weeks, style, 1000) ?? weeks.filter((_, i) => i % 4 === 0));
  const reported = weeks
    .map((weekStart, i) => ({ weekStart, cells: heatmap.rows.map((r) => r.cells[i]) }))
    .filter((w) => w.cells.some((c) => c.reports > 0));
  const zoneShort = (zone: string) => t(`zone.${zone}` as "zone.LUMBAR");
  const zoneLong = (zone: string) => t(`zoneLong.${zone}` as "zoneLong.LUMBAR");
  const bandLabels = [t("heatmap.noReport"), t("heatmap.band", { from: 0, to: 3 }), t("heatmap.band", { from: 4, to: 6 }), t("heatmap.band", { from: 7, to: 10 })];
  const title = t("heatmap.title");
  return (
    <figure className="card chart-figure">
      <figcaption>
        <h3 style={{ marginTop: 0 }}>{title}</h3>
        <p className="muted chart-note">{t("heatmap.note")}</p>
      </figcaption>
      {reported.length === 0 ? (
        <div className="chart-empty">
          <p className="chart-empty-text">{t("empty.noPainReports")}</p>
        </div>
      ) : (
        <>
          <div className="heatmap-frame">
          <svg width={LABEL_W} height={height} className="heatmap-zones" aria-hidden="true">
            {heatmap.rows.map((row, r) => (
              <text key={row.zone} x={0} y={TOP + r * (CELL + GAP) + CELL / 2 + 5} fontSize={13} fill="#3d4852">
                {zoneShort(row.zone)}
              </text>
            ))}
          </svg>
          {/* Scrolls on its own when the weeks do not fit; focusable so that a keyboard can scroll it. */}
          <div className="heatmap-scroll" tabIndex={0} role="img" aria-label={t("plotLabel", { title })}>
            <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} className="heatmap" aria-hidden="true">
              {heatmap.rows.map((row, r) => (
                <g key={row.zone}>
                  {row.cells.map((cell, c) => {
                    const b = HEAT_BANDS[band(cell)];
                    const x = PAD + c * (CELL + GAP);
                    const y = TOP + r * (CELL + GAP);
                    return (
                      <g key={cell.weekStart}>
                        <rect x={x + 0.5} y={y + 0.5} width={CELL - 1} height={CELL - 1} rx={3} fill={b.fill} stroke={b.stroke} strokeWidth={1}>
                          <title>
                            {t("heatmap.cellTitle", {
                              zone: zoneLong(row.zone),
                              week: formatDate(cell.weekStart, locale),
                              reports: cell.reports,
                              worst: cell.maxNrs ?? 0,
                            })}
                          </title>
                        </rect>
                        {cell.reports ? (
                          <text x={x + CELL / 2} y={y + CELL / 2 + 5} fontSize={13} fontWeight={600} textAnchor="middle" fill={b.text} pointerEvents="none">
                            {cell.reports}
                          </text>
                        ) : null}
                      </g>
                    );
                  })}
                </g>
              ))}
              {weeks.map((w, c) =>
                labelled.has(w) ? (
                  <g key={w}>
                    <line
                      x1={PAD + c * (CELL + GAP) + 0.5}
                      x2={PAD + c * (CELL + GAP) + 0.5}
                      y1={TOP + 3 * (CELL + GAP) - 2}
                      y2={TOP + 3 * (CELL + GAP) + 4}
                      stroke="#3d4852"
                    />
                    <text x={PAD + c * (CELL + GAP)} y={TOP + 3 * (CELL + GAP) + 17} fontSize={12} fill="#3d4852">
                      {formatDateTick(w, style, locale)}
                    </text>
                  </g>
                ) : null,
              )}
              <text x={PAD} y={height - 4} fontSize={12} fill="#3d4852">
                {t("heatmap.xAxis")}
              </text>
            </svg>
          </div>
          </div>
          <div className="heatmap-legend" aria-hidden="true">
            <span className="heatmap-legend-title">{t("heatmap.legendTitle")}</span>
            <ul>
              {HEAT_BANDS.map((b, i) => (
                <li key={b.key}>
                  <span className="heatmap-swatch" style={{ background: b.fill, borderColor: b.stroke }} /> {bandLabels[i]}
                </li>
              ))}
            </ul>
            <span>{t("heatmap.legendCount")}</span>
          </div>
        </>
      )}
      {reported.length ? (
        <TableDisclosure>
          <table>
            <caption className="muted">{t("heatmap.tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("table.weekOf")}</th>
                {heatmap.rows.map((r) => (
                  <th scope="col" key={r.zone}>
                    {t("heatmap.column", { zone: zoneLong(r.zone) })}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {reported.map((w) => (
                <tr key={w.weekStart}>
                  <td>{formatDate(w.weekStart, locale)}</td>
                  {w.cells.map((c, i) => (
                    <td key={i}>{c.reports ? `${c.reports} (${c.maxNrs}/10)` : "0"}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </TableDisclosure>
      ) : null}
    </figure>
  );
}
