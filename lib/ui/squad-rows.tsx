"use client";

import Link from "next/link";
import { LEVEL_OF_LETTER as LEVEL_OF } from "@/lib/ui/heat-levels";

/**
 * The rows of the squad overview table, drawn from one compact array. A hundred athletes make some
 * three thousand cells; sent as rendered elements they cost the server more to serialise and read back
 * than anything else on the page, so the server sends the rows' words and levels, as few bytes as it can
 * (a letter per week, each tooltip once for the whole table), and this component lays them out (on the
 * server for the first paint, then in the browser). Every string is computed by the server: nothing here
 * decides what a flag means.
 */
/** Levels whose cells carry words and a tooltip; a quiet week (info or none) is explained by the caption. */
const FLAGGED = new Set(["e", "r", "w", "c"]);

export type SquadRow = {
  id: string;
  name: string;
  /** The status badge: its words, its class, and "· acknowledged"; null: no concern. */
  status: [text: string, className: string, acknowledged: boolean] | null;
  lastReport: string | null;
  /** This week's load against the average, and the percentage. */
  load: [text: string, percent: string | null];
  lastSession: string | null;
  /**
   * The latest daily check-in of the last 3 days in words, and whether it is worse than usual (wellness-drop
   * active); null: none; absent: the squad has the check-in off (no column).
   */
  wellness?: [text: string, drop: boolean] | null;
  /** The weeks, oldest first, one letter each (lib/ui/heat-levels). */
  levels: string;
  /** For each flagged week, in order: its tooltip, as an index into the table's `tooltips`. */
  tooltips: number[];
};

/** The table's own words, in the reader's language. */
export type SquadRowLabels = { acknowledged: string; noConcern: string; none: string; noneYet: string; worse: string };

export function SquadRows({
  squadId,
  rows,
  tooltips,
  levelWords,
  labels,
}: {
  labels: SquadRowLabels;
  squadId: string;
  rows: SquadRow[];
  /** Every week tooltip of the table, once each. */
  tooltips: string[];
  /** The words of each flagged level, for screen readers, by letter. */
  levelWords: Record<string, string>;
}) {
  return (
    <tbody>
      {rows.map((row) => {
        let flagged = 0;
        return (
          <tr key={row.id}>
            <td>
              {/* No prefetch: a hundred visible links would each ask the server for an athlete's page. */}
              <Link href={`/coach/squads/${squadId}/athletes/${row.id}`} prefetch={false}>
                {row.name}
              </Link>
            </td>
            <td>
              {row.status ? (
                <>
                  <span className={row.status[1]}>{row.status[0]}</span>
                  {row.status[2] ? <span className="muted"> · {labels.acknowledged}</span> : null}
                </>
              ) : (
                <span className="muted">{labels.noConcern}</span>
              )}
            </td>
            <td>{row.lastReport ?? <span className="muted">{labels.none}</span>}</td>
            <td>
              {row.load[0]}
              {row.load[1] ? <span className="muted">{row.load[1]}</span> : null}
            </td>
            <td>{row.lastSession ?? <span className="muted">{labels.noneYet}</span>}</td>
            {row.wellness === undefined ? null : (
              <td>
                {row.wellness ? (
                  <>
                    {row.wellness[0]}
                    {row.wellness[1] ? (
                      <>
                        {" "}
                        <span className="badge badge-warn">{labels.worse}</span>
                      </>
                    ) : null}
                  </>
                ) : (
                  <span className="muted">–</span>
                )}
              </td>
            )}
            {[...row.levels].map((letter, i) =>
              FLAGGED.has(letter) ? (
                <td key={i} className={`heat heat-${LEVEL_OF[letter]}`} title={tooltips[row.tooltips[flagged++]]}>
                  <span className="visually-hidden">{levelWords[letter]}</span>
                </td>
              ) : (
                <td key={i} className={`heat heat-${LEVEL_OF[letter] ?? "none"}`} />
              ),
            )}
          </tr>
        );
      })}
    </tbody>
  );
}
