import Link from "next/link";
import type { Viewer } from "@/lib/auth/permissions";
import type { SessionHistory as History } from "@/lib/sessions/history";
import type { ShoeRow } from "@/lib/sessions/queries";
import { historySearch, isFiltered, SESSION_SOURCES, type HistoryQuery } from "@/lib/sessions/history-params";
import { MODE_LABELS, SESSION_TYPES, SESSION_TYPE_LABELS, SURFACE_LABELS } from "@/lib/sessions/labels";
import { formatDate } from "@/lib/dates";
import { formatDistance, formatDuration } from "@/lib/units";
import { SessionHistory, type HistoryTableRow } from "./session-history";

const PATH = "/athlete/sessions";

const SOURCE_LABELS: Record<(typeof SESSION_SOURCES)[number], string> = {
  MANUAL: "Logged by hand",
  FIT: "FIT file",
  GPX: "GPX file",
  TCX: "TCX file",
  STRAVA: "Strava",
  GARMIN: "Garmin",
  DEMO: "Demo data",
};

const SORT_LABELS = { date: "Date", distance: "Distance", duration: "Duration", load: "Load (RPE × minutes)" } as const;

const count = new Intl.NumberFormat("en-GB");

/** Every session of the viewer's, filtered, sorted and paged through the address's query. */
export function HistorySection({ viewer, shoes, query, history }: { viewer: Viewer; shoes: ShoeRow[]; query: HistoryQuery; history: History }) {
  const unit = viewer.unitPreference;
  const filtered = isFiltered(query);
  const href = (over: Partial<HistoryQuery>) => `${PATH}${historySearch({ ...query, ...over })}`;
  const rows: HistoryTableRow[] = history.rows.map((s) => ({
    id: s.id,
    href: `${PATH}/${s.id}`,
    date: formatDate(s.date),
    time: s.startTime,
    countedNote: s.countedNote,
    enteredBy: s.enteredBy,
    title: s.subType ? MODE_LABELS[s.subType as keyof typeof MODE_LABELS] : SESSION_TYPE_LABELS[s.type as keyof typeof SESSION_TYPE_LABELS],
    reviewReason: s.reviewReason,
    duration: formatDuration(s.durationMin),
    distance: s.distanceKm != null ? formatDistance(s.distanceKm, unit) : "–",
    rpe: s.rpe,
    load: s.loadAu != null ? `${s.loadAu} AU` : "–",
    surfaceShoe: [s.surface ? SURFACE_LABELS[s.surface as keyof typeof SURFACE_LABELS] : null, s.shoeName].filter(Boolean).join(" · ") || "–",
    source: SOURCE_LABELS[s.source as keyof typeof SOURCE_LABELS] ?? s.source,
    notes: s.notes,
  }));
  const { sessions, distanceKm, durationMin } = history.totals;
  const first = (history.page - 1) * history.pageSize + 1;
  const last = first + rows.length - 1;
  const order = query.sort === "date" ? (query.dir === "desc" ? "newest first" : "oldest first") : `by ${query.sort}, ${query.dir === "desc" ? "largest first" : "smallest first"}`;

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">All sessions</h2>
      <form method="get" action={PATH} className="card history-filters" role="search" aria-label="Filter and sort sessions">
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="filter-from">From</label>
            <input id="filter-from" type="date" name="from" defaultValue={query.from ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="filter-to">To</label>
            <input id="filter-to" type="date" name="to" defaultValue={query.to ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="filter-type">Type</label>
            <select id="filter-type" name="type" defaultValue={query.type ?? ""}>
              <option value="">Any type</option>
              {SESSION_TYPES.map((t) => (
                <option key={t} value={t}>
                  {SESSION_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-source">Source</label>
            <select id="filter-source" name="source" defaultValue={query.source ?? ""}>
              <option value="">Any source</option>
              {SESSION_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {SOURCE_LABELS[s]}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-shoe">Shoe</label>
            <select id="filter-shoe" name="shoe" defaultValue={query.shoeId ?? ""}>
              <option value="">Any shoe</option>
              {shoes.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                  {s.retired ? " (retired)" : ""}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-q">Notes contain</label>
            <input id="filter-q" type="search" name="q" maxLength={100} defaultValue={query.q ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="filter-sort">Sort by</label>
            <select id="filter-sort" name="sort" defaultValue={query.sort}>
              {Object.entries(SORT_LABELS).map(([value, label]) => (
                <option key={value} value={value}>
                  {label}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-dir">Order</label>
            <select id="filter-dir" name="dir" defaultValue={query.dir}>
              <option value="desc">Newest or largest first</option>
              <option value="asc">Oldest or smallest first</option>
            </select>
          </div>
        </div>
        <div className="checks">
          <label>
            <input type="checkbox" name="review" value="1" defaultChecked={query.review} /> Only sessions that need a look
          </label>
        </div>
        <div className="row">
          <button type="submit" className="button">
            Show sessions
          </button>
          {filtered || query.sort !== "date" || query.dir !== "desc" ? (
            <Link href={PATH} className="button button-secondary">
              Clear filters
            </Link>
          ) : null}
        </div>
      </form>

      {sessions === 0 ? (
        <p className="muted">{filtered ? "No sessions match these filters." : "No sessions yet."}</p>
      ) : (
        <>
          <p className="history-totals" aria-live="polite">
            <strong>{count.format(sessions)}</strong> {sessions === 1 ? "session" : "sessions"}
            {filtered ? " match" : ""} · {formatDistance(distanceKm, unit)} · {formatDuration(durationMin)}
          </p>
          <SessionHistory
            rows={rows}
            shoes={shoes.map((s) => ({ id: s.id, name: s.name, retired: s.retired }))}
            caption={`Sessions ${count.format(first)}–${count.format(last)} of ${count.format(sessions)}, ${order}`}
            sort={query.sort}
            dir={query.dir}
            here={href({})}
          />
          {history.pageCount > 1 ? (
            <nav aria-label="Pages of sessions" className="row pager">
              {history.page > 1 ? (
                <>
                  <Link href={href({ page: 1 })}>First page</Link>
                  <Link href={href({ page: history.page - 1 })} rel="prev">
                    Previous page
                  </Link>
                </>
              ) : null}
              <span aria-current="page">
                Page {count.format(history.page)} of {count.format(history.pageCount)}
              </span>
              {history.page < history.pageCount ? (
                <>
                  <Link href={href({ page: history.page + 1 })} rel="next">
                    Next page
                  </Link>
                  <Link href={href({ page: history.pageCount })}>Last page</Link>
                </>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}
