import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { listSquadAudit } from "@/lib/audit-view/queries";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Audit log" };

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
  const audit = await listSquadAudit(viewer, squadId, Number.isInteger(requested) ? requested : 1).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const href = (page: number) => `/coach/squads/${squadId}/audit${page > 1 ? `?page=${page}` : ""}`;
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}`}>← {audit.squadName}</Link>
      </p>
      <h1>Audit log of {audit.squadName}</h1>
      <p>
        Who viewed or changed the health data of this squad&apos;s athletes, newest first. Times are in your time zone (
        {viewer.timeZone}).
      </p>
      {audit.rows.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="audit-table">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Who</th>
                <th scope="col">What</th>
                <th scope="col">Athlete</th>
              </tr>
            </thead>
            <tbody>
              {audit.rows.map((row) => (
                <tr key={row.id}>
                  <td>
                    <time dateTime={row.at.toISOString()}>{formatDateTime(row.at, viewer.timeZone)}</time>
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
        <nav aria-label="Audit log pages" className="pager">
          {audit.page > 1 ? <Link href={href(audit.page - 1)}>← Newer</Link> : null}
          <span>
            Page {audit.page} of {audit.pageCount} ({audit.total} entries)
          </span>
          {audit.page < audit.pageCount ? <Link href={href(audit.page + 1)}>Older →</Link> : null}
        </nav>
      ) : null}
    </>
  );
}
