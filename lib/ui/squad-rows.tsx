"use client";

import Link from "next/link";

/**
 * The rows of the squad overview table, drawn from one compact array. A hundred athletes make some
 * three thousand cells; sent as rendered elements they cost the server more to serialise and read back
 * than anything else on the page, so the server sends the rows' words and levels and this component
 * lays them out (on the server for the first paint, then in the browser). Every string is computed by
 * the server: nothing here decides what a flag means.
 */
export type HeatLevel = "referral" | "warning" | "caution" | "info" | "none";

export type SquadRow = {
  id: string;
  name: string;
  href: string;
  /** The status badge: its words, whether it is a danger badge, and "· acknowledged"; null: no concern. */
  status: { text: string; danger: boolean; acknowledged: boolean } | null;
  lastReport: string | null;
  load: { text: string; percent: string | null };
  lastSession: string | null;
  /** One per week, oldest first: the level, and for a flagged week the words for screen readers and the tooltip. */
  weeks: [level: HeatLevel, label?: string, title?: string][];
};

export function SquadRows({ rows }: { rows: SquadRow[] }) {
  return (
    <tbody>
      {rows.map((row) => (
        <tr key={row.id}>
          <td>
            {/* No prefetch: a hundred visible links would each ask the server for an athlete's page. */}
            <Link href={row.href} prefetch={false}>
              {row.name}
            </Link>
          </td>
          <td>
            {row.status ? (
              <>
                <span className={row.status.danger ? "badge badge-danger" : "badge"}>{row.status.text}</span>
                {row.status.acknowledged ? <span className="muted"> · acknowledged</span> : null}
              </>
            ) : (
              <span className="muted">No concern</span>
            )}
          </td>
          <td>{row.lastReport ?? <span className="muted">none</span>}</td>
          <td>
            {row.load.text}
            {row.load.percent ? <span className="muted">{row.load.percent}</span> : null}
          </td>
          <td>{row.lastSession ?? <span className="muted">none yet</span>}</td>
          {row.weeks.map(([level, label, title], i) =>
            label ? (
              <td key={i} className={`heat heat-${level}`} title={title}>
                <span className="visually-hidden">{label}</span>
              </td>
            ) : (
              <td key={i} className={`heat heat-${level}`} />
            ),
          )}
        </tr>
      ))}
    </tbody>
  );
}
