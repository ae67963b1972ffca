import { getTranslations } from "next-intl/server";
import type { ProjectionPoint } from "@/lib/plans/planning";
import { currentIntlLocale } from "@/lib/i18n/server";
import { formatDate } from "@/lib/dates";
import { KM_PER_MILE, type Unit } from "@/lib/units";
import { ProjectionPlot } from "@/lib/ui/charts/lazy-plots";
import { ChartFigure } from "@/lib/ui/charts/chart-figure";

/**
 * Acute and chronic load, trained (solid) then projected from the plan (dashed), with its table. Loads
 * in running km are shown in the viewer's distance unit.
 */
export async function ProjectionChart({ data, loadUnit, unit }: { data: ProjectionPoint[]; loadUnit: "AU" | "km" | "min"; unit: Unit }) {
  const t = await getTranslations("charts");
  const locale = await currentIntlLocale();
  const inMiles = loadUnit === "km" && unit === "MI";
  const shownUnit = inMiles ? "mi" : loadUnit === "AU" ? t("unit.AU") : loadUnit;
  const conv = (v: number | null) => (v === null || !inMiles ? v : Math.round((v / KM_PER_MILE) * 10) / 10);
  const rows = inMiles ? data.map((d) => ({ ...d, acute: conv(d.acute), chronic: conv(d.chronic) })) : data;
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  const drawn = rows.filter((d) => d.acute !== null).length;
  return (
    <ChartFigure
      headingLevel={2}
      title={t("projection.title")}
      note={t("projection.note", { unit: shownUnit })}
      plot={<ProjectionPlot data={rows} unit={shownUnit} />}
      empty={drawn < 2 ? <p className="muted">{t("projection.tooFew")}</p> : undefined}
      table={
        <table>
          <thead>
            <tr>
              <th scope="col">{t("table.date")}</th>
              <th scope="col">{t("series.mean7Unit", { unit: shownUnit })}</th>
              <th scope="col">{t("series.mean28Unit", { unit: shownUnit })}</th>
              <th scope="col">{t("table.kind")}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => (
              <tr key={d.date}>
                <td>{formatDate(d.date, locale)}</td>
                <td>{d.acute === null ? "–" : number.format(d.acute)}</td>
                <td>{d.chronic === null ? "–" : number.format(d.chronic)}</td>
                <td>{d.projected ? t("table.projected") : t("table.trained")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      }
    />
  );
}
