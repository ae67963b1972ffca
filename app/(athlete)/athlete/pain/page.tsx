import Link from "next/link";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { listOwnPainReports } from "@/lib/pain/queries";
import { areaLabel } from "@/lib/pain/labels";
import { formatDate, todayIn } from "@/lib/dates";
import { PainReportForm } from "./pain-report-form";
import { RedFlagBadge } from "./triage-panel";

export const metadata: Metadata = { title: "Report back pain" };

export default async function PainReportPage() {
  const viewer = await requireViewer();
  const reports = await listOwnPainReports(viewer);
  return (
    <div className="pain-page">
      <h1>Report back pain</h1>
      <p className="muted">A few taps: your coach sees the report straight away.</p>
      <section className="card" aria-label="New report">
        <PainReportForm today={todayIn(viewer.timeZone)} />
      </section>
      <h2>Your recent reports</h2>
      {reports.length === 0 ? (
        <p className="muted">No reports yet.</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">Your latest back-pain reports</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Area</th>
                <th scope="col">Pain</th>
                <th scope="col">Warning signs</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/athlete/pain/${r.id}`}>{formatDate(r.date)}</Link>
                  </td>
                  <td>
                    {areaLabel(r.zone, r.subArea)}
                    {r.enteredBy ? <div className="muted">Reported for you by {r.enteredBy}</div> : null}
                  </td>
                  <td>{r.nrs}/10</td>
                  <td>
                    <RedFlagBadge redFlags={r.redFlags} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
