import Link from "next/link";
import type { Viewer } from "@/lib/auth/permissions";
import type { SessionHistory as History } from "@/lib/sessions/history";
import type { ShoeRow } from "@/lib/sessions/queries";
import { HISTORY_SORTS, historySearch, isFiltered, SESSION_SOURCES, type HistoryQuery } from "@/lib/sessions/history-params";
import { getTranslations } from "next-intl/server";
import { SESSION_TYPES } from "@/lib/sessions/labels";
import { formatDate } from "@/lib/dates";
import { intlLocale, type Locale } from "@/lib/i18n/config";
import { formatCount, formatDistanceIn, formatDurationIn } from "@/lib/sessions/format";
import { SessionHistory, type HistoryTableRow } from "./session-history";

const PATH = "/athlete/sessions";

/** A catalogue name for a stored code, or the code itself for one this version does not know. */
function label(names: (key: string) => string, key: string, fallback: string): string {
  try {
    const text = names(key);
    return text === `sessionTypes.${key}` ? fallback : text;
  } catch {
    return fallback;
  }
}

/** Every session of the viewer's, filtered, sorted and paged through the address's query. */
export async function HistorySection({
  viewer,
  shoes,
  query,
  history,
  locale,
}: {
  viewer: Viewer;
  shoes: ShoeRow[];
  query: HistoryQuery;
  history: History;
  locale: Locale;
}) {
  const t = await getTranslations("sessions");
  const names = await getTranslations("sessionTypes");
  const intl = intlLocale(locale);
  const count = (n: number) => formatCount(n, intl);
  const unit = viewer.unitPreference;
  const filtered = isFiltered(query);
  const href = (over: Partial<HistoryQuery>) => `${PATH}${historySearch({ ...query, ...over })}`;
  const rows: HistoryTableRow[] = history.rows.map((s) => ({
    id: s.id,
    href: `${PATH}/${s.id}`,
    date: formatDate(s.date, intl),
    time: s.startTime,
    countedNote: s.countedNote,
    enteredBy: s.enteredBy,
    title: s.subType ? label(names, `modes.${s.subType}`, s.subType) : label(names, `types.${s.type}`, s.type),
    reviewReason: s.reviewReason,
    duration: formatDurationIn(s.durationMin, intl),
    distance: s.distanceKm != null ? formatDistanceIn(s.distanceKm, unit, intl) : "–",
    rpe: s.rpe,
    load: s.loadAu != null ? t("load", { load: count(s.loadAu) }) : "–",
    surfaceShoe: [s.surface ? label(names, `surfaces.${s.surface}`, s.surface) : null, s.shoeName].filter(Boolean).join(" · ") || "–",
    source: label(names, `sources.${s.source}`, s.source),
    notes: s.notes,
  }));
  const { sessions, distanceKm, durationMin } = history.totals;
  const first = (history.page - 1) * history.pageSize + 1;
  const last = first + rows.length - 1;
  const order =
    query.sort === "date"
      ? t(query.dir === "desc" ? "orderNewest" : "orderOldest")
      : t("orderBy", { column: t(`column.${query.sort}`), dir: query.dir });

  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t("allSessions")}</h2>
      <form method="get" action={PATH} className="card history-filters" role="search" aria-label={t("filterLabel")}>
        <div className="filter-grid">
          <div className="field">
            <label htmlFor="filter-from">{t("from")}</label>
            <input id="filter-from" type="date" name="from" defaultValue={query.from ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="filter-to">{t("to")}</label>
            <input id="filter-to" type="date" name="to" defaultValue={query.to ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="filter-type">{t("type")}</label>
            <select id="filter-type" name="type" defaultValue={query.type ?? ""}>
              <option value="">{t("anyType")}</option>
              {SESSION_TYPES.map((type) => (
                <option key={type} value={type}>
                  {names(`types.${type}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-source">{t("source")}</label>
            <select id="filter-source" name="source" defaultValue={query.source ?? ""}>
              <option value="">{t("anySource")}</option>
              {SESSION_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {names(`sources.${s}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-shoe">{t("shoe")}</label>
            <select id="filter-shoe" name="shoe" defaultValue={query.shoeId ?? ""}>
              <option value="">{t("anyShoe")}</option>
              {shoes.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.retired ? t("retired", { name: s.name }) : s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-q">{t("notesContain")}</label>
            <input id="filter-q" type="search" name="q" maxLength={100} defaultValue={query.q ?? ""} />
          </div>
          <div className="field">
            <label htmlFor="filter-sort">{t("sortBy")}</label>
            <select id="filter-sort" name="sort" defaultValue={query.sort}>
              {HISTORY_SORTS.map((value) => (
                <option key={value} value={value}>
                  {t(`sort.${value}`)}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="filter-dir">{t("order")}</label>
            <select id="filter-dir" name="dir" defaultValue={query.dir}>
              <option value="desc">{t("orderDesc")}</option>
              <option value="asc">{t("orderAsc")}</option>
            </select>
          </div>
        </div>
        <div className="checks">
          <label>
            <input type="checkbox" name="review" value="1" defaultChecked={query.review} /> {t("onlyReview")}
          </label>
        </div>
        <div className="row">
          <button type="submit" className="button">
            {t("show")}
          </button>
          {filtered || query.sort !== "date" || query.dir !== "desc" ? (
            <Link href={PATH} className="button button-secondary">
              {t("clear")}
            </Link>
          ) : null}
        </div>
      </form>

      {sessions === 0 ? (
        <p className="muted">{filtered ? t("noMatch") : t("noneYet")}</p>
      ) : (
        <>
          <p className="history-totals" aria-live="polite">
            {t.rich(filtered ? "totalsMatch" : "totals", { count: sessions, b: (chunks) => <strong>{chunks}</strong> })} ·{" "}
            {formatDistanceIn(distanceKm, unit, intl)} · {formatDurationIn(durationMin, intl)}
          </p>
          <SessionHistory
            rows={rows}
            shoes={shoes.map((s) => ({ id: s.id, name: s.name, retired: s.retired }))}
            caption={t("caption", { first: count(first), last: count(last), total: count(sessions), order })}
            sort={query.sort}
            dir={query.dir}
            here={href({})}
          />
          {history.pageCount > 1 ? (
            <nav aria-label={t("pages")} className="row pager">
              {history.page > 1 ? (
                <>
                  <Link href={href({ page: 1 })}>{t("firstPage")}</Link>
                  <Link href={href({ page: history.page - 1 })} rel="prev">
                    {t("prevPage")}
                  </Link>
                </>
              ) : null}
              <span aria-current="page">
                {t("pageOf", { page: count(history.page), pages: count(history.pageCount) })}
              </span>
              {history.page < history.pageCount ? (
                <>
                  <Link href={href({ page: history.page + 1 })} rel="next">
                    {t("nextPage")}
                  </Link>
                  <Link href={href({ page: history.pageCount })}>{t("lastPage")}</Link>
                </>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </section>
  );
}
