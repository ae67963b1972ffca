import { getTranslations } from "next-intl/server";
import { TableDisclosure } from "@/lib/ui/charts/table-disclosure";

/**
 * A chart card: heading, a line on how to read it, the plot's box, and the same numbers as a table. The
 * box is drawn by the server (the page does not jump when the plot arrives) and is one image with a name:
 * the chart's title and where its numbers are. The plots have no keyboard layer (nothing inside the image
 * takes focus); keyboard and screen-reader users read the table. With `empty`, the box says that instead
 * (no data, or too few points to draw) and no table is offered.
 */
export async function ChartFigure({
  title,
  headingLevel = 3,
  note,
  plot,
  plotHeight = 260,
  table,
  after,
  empty,
}: {
  title: string;
  headingLevel?: 2 | 3;
  note?: React.ReactNode;
  plot: React.ReactNode;
  plotHeight?: number;
  table: React.ReactNode;
  after?: React.ReactNode;
  empty?: React.ReactNode;
}) {
  const t = await getTranslations("charts");
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <figure className="card chart-figure">
      <figcaption>
        <Heading style={{ marginTop: 0 }}>{title}</Heading>
        {note ? <p className="muted chart-note">{note}</p> : null}
      </figcaption>
      {empty ? (
        <div className="chart-empty">{empty}</div>
      ) : (
        <div className="chart-plot" style={{ height: plotHeight }} role="img" aria-label={t("plotLabel", { title })}>
          {plot}
        </div>
      )}
      {after}
      {empty ? null : <TableDisclosure>{table}</TableDisclosure>}
    </figure>
  );
}
