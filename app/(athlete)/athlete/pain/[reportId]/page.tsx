import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getOwnPainReport } from "@/lib/pain/queries";
import { NotFoundError } from "@/lib/errors";
import { SIDE_LABELS, TIMING_LABELS, ZONE_LABELS, areaLabel } from "@/lib/pain/labels";
import { formatDate } from "@/lib/dates";
import { TriagePanel } from "../triage-panel";
import { getSafetyRecord } from "@/lib/safety/queries";
import { CLEARANCE_KIND_LABELS } from "@/lib/safety/labels";
import { listCommentThreads } from "@/lib/athletes/comments";
import { CommentThreads } from "@/lib/ui/comment-threads";

export const metadata: Metadata = { title: "Back-pain report" };

const yesNo = (v: boolean | null, unknown = "Not sure") => (v === null ? unknown : v ? "Yes" : "No");

export default async function PainReportResultPage({ params }: { params: Promise<{ reportId: string }> }) {
  const { reportId } = await params;
  const viewer = await requireViewer();
  const [report, safety, comments] = await Promise.all([
    getOwnPainReport(viewer, reportId),
    getSafetyRecord(viewer, viewer.id),
    listCommentThreads(viewer, viewer.id, { painReportId: reportId }),
  ]).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const area = areaLabel(report.zone, report.subArea);
  // What the report said stays as it was; a clearance given since is said first.
  const cleared = report.triage.level === "none" ? undefined : safety.clearances.find((c) => c.clearedOn >= report.date);
  return (
    <div className="narrow">
      <p>
        <Link href="/athlete/pain">← Report back pain</Link>
      </p>
      <h1>Back-pain report of {formatDate(report.date)}</h1>
      {report.enteredBy ? <p className="muted">Reported for you by {report.enteredBy}.</p> : null}
      {cleared ? (
        <p className="notice notice-ok">
          You were cleared on {formatDate(cleared.clearedOn)} by {cleared.clinicianName} ({CLEARANCE_KIND_LABELS[cleared.clinicianKind].toLowerCase()}). Below is
          what this report said when you sent it. If anything you reported comes back or gets worse, report it again.
        </p>
      ) : null}
      <TriagePanel triage={report.triage} area={area} nrs={report.nrs} headingId="report-triage-heading" />
      <div className="card">
        <dl className="facts">
          <dt>Area</dt>
          <dd>
            {area} <span className="muted">({ZONE_LABELS[report.zone].toLowerCase()})</span>
          </dd>
          <dt>Pain</dt>
          <dd>{report.nrs}/10</dd>
          <dt>Side</dt>
          <dd>{report.side ? SIDE_LABELS[report.side as keyof typeof SIDE_LABELS] : "Not given"}</dd>
          <dt>When</dt>
          <dd>{report.timing ? TIMING_LABELS[report.timing as keyof typeof TIMING_LABELS] : "Not given"}</dd>
          <dt>Changes with movement or posture</dt>
          <dd>{yesNo(report.mechanical)}</dd>
          <dt>Tender knot (trigger point)</dt>
          <dd>{yesNo(report.triggerPoint)}</dd>
          {report.notes ? (
            <>
              <dt>Notes</dt>
              <dd>{report.notes}</dd>
            </>
          ) : null}
        </dl>
      </div>
      {comments.length ? (
        <section aria-labelledby="report-comments-heading">
          <h2 id="report-comments-heading">Comments from your coaches</h2>
          <CommentThreads threads={comments} timeZone={viewer.timeZone} audience="athlete" />
        </section>
      ) : null}
    </div>
  );
}
