import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listSquadAudit } from "@/lib/audit-view/queries";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/dates";
import { currentIntlLocale, currentLocale } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("audit");
  return { title: t("metaTitle") };
}

export default async function SquadAuditPage({
  params,
  searchParams,
}: {
  params: Promise<{ squadId: string }>;
  searchParams: Promise<{ page?: string | string[] }>;
}) {
  const { squadId } = await params;
  const { page: pageParam } = await searchParams;
  const requested = Number(Array.isArray(pageParam) ? pageParam[0] : (pageParam ?? "1"));
  const viewer = await requireViewer();
  const [t, locale, intl] = await Promise.all([getTranslations("audit"), currentLocale(), currentIntlLocale()]);
  const audit = await listSquadAudit(viewer, squadId, Number.isInteger(requested) ? requested : 1, locale).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const href = (page: number) => `/coach/squads/${squadId}/audit${page > 1 ? `?page=${page}` : ""}`;
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}`}>← {audit.squadName}</Link>
      </p>
      <h1>{t("heading", { squad: audit.squadName })}</h1>
      <p>{t("intro", { timeZone: viewer.timeZone })}</p>
      {audit.rows.length === 0 ? (
        <p className="muted">{t("empty")}</p>
      ) : (
        <div className="table-wrap">
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">{t("colWhen")}</th>
                <th scope="col">{t("colWho")}</th>
                <th scope="col">{t("colWhat")}</th>
                <th scope="col">{t("colAthlete")}</th>
              </tr>
            </thead>
            <tbody>
              {audit.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <time dateTime={row.at.toISOString()}>{formatDateTime(row.at, viewer.timeZone, intl)}</time>
                  </td>
                  <td>{row.actor}</td>
                  <td>{row.action}</td>
                  <td>{row.athlete ?? <span className="muted">—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {audit.pageCount > 1 ? (
        <nav aria-label={t("pagesNav")} className="pager">
          {audit.page > 1 ? <Link href={href(audit.page - 1)}>← {t("newer")}</Link> : null}
          <span>{t("pageOf", { page: audit.page, pageCount: audit.pageCount, total: audit.total })}</span>
          {audit.page < audit.pageCount ? <Link href={href(audit.page + 1)}>{t("older")} →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
