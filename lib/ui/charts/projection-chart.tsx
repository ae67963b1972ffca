import type { ProjectionPoint } from "@/lib/plans/planning";
import { ProjectionPlot } from "@/lib/ui/charts/lazy-plots";
import { TableDisclosure } from "@/lib/ui/charts/table-disclosure";

/** Acute and chronic load, trained (solid) then projected from the plan (dashed), with its table. */
export function ProjectionChart({ data }: { data: ProjectionPoint[] }) {
  return (
    <figure className="card" style={{ margin: "0 0 1rem" }}>
      <figcaption>
        <h2 style={{ marginTop: 0 }}>Load with the plan (dashed: projected)</h2>
      </figcaption>
      <div style={{ width: "100%", height: 260 }} aria-hidden="true">
        <ProjectionPlot data={data} />
      </div>
      <TableDisclosure>
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
      </TableDisclosure>
    </figure>
  );
}
