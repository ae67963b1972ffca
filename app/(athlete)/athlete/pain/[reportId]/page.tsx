import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getOwnPainReport } from "@/lib/pain/queries";
import { NotFoundError } from "@/lib/errors";
import { areaName, zoneName } from "@/lib/pain/labels";
import { currentIntlLocale, currentLocale } from "@/lib/i18n/server";
import { triageInLanguage } from "@/lib/pain/triage-words";
import { formatDate } from "@/lib/dates";
import { TriagePanel } from "../triage-panel";
import { getSafetyRecord } from "@/lib/safety/queries";
import { listCommentThreads } from "@/lib/athletes/comments";
import { CommentThreads } from "@/lib/ui/comment-threads";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pain.detail");
  return { title: t("title") };
}

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
  const [t, td, tb, intlLocale] = await Promise.all([
    getTranslations("pain"),
    getTranslations("pain.detail"),
    getTranslations("bodyMap"),
    currentIntlLocale(),
  ]);
  const yesNo = (v: boolean | null) => (v === null ? t("notSure") : v ? t("yes") : t("no"));
  const area = areaName(tb, report.zone, report.subArea);
  // What the report said stays as it was; a clearance given since is said first.
  const cleared = report.triage.level === "none" ? undefined : safety.clearances.find((c) => c.clearedOn >= report.date);
  return (
    <div className="narrow">
      <p>
        <Link href="/athlete/pain">{td("back")}</Link>
      </p>
      <h1>{td("heading", { date: formatDate(report.date, intlLocale) })}</h1>
      {report.enteredBy ? <p className="muted">{td("reportedForYou", { name: report.enteredBy })}</p> : null}
      {cleared ? (
        <p className="notice notice-ok">
          {td("cleared", {
            date: formatDate(cleared.clearedOn, intlLocale),
            name: cleared.clinicianName,
            kind: td(`clearanceKinds.${cleared.clinicianKind}`),
          })}
        </p>
      ) : null}
      <TriagePanel triage={triageInLanguage(report.triage, await currentLocale())} area={area} nrs={report.nrs} headingId="report-triage-heading" />
      <div className="card">
        <dl className="facts">
          <dt>{td("area")}</dt>
          <dd>
            {area} <span className="muted">· {zoneName(tb, report.zone)}</span>
          </dd>
          <dt>{td("pain")}</dt>
          <dd>{t("outOfTen", { nrs: report.nrs })}</dd>
          <dt>{td("side")}</dt>
          <dd>{report.side ? t(`sides.${report.side}`) : t("notGiven")}</dd>
          <dt>{td("when")}</dt>
          <dd>{report.timing ? t(`timings.${report.timing}`) : t("notGiven")}</dd>
          <dt>{td("mechanical")}</dt>
          <dd>{yesNo(report.mechanical)}</dd>
          <dt>{td("triggerPoint")}</dt>
          <dd>{yesNo(report.triggerPoint)}</dd>
          {report.notes ? (
            <>
              <dt>{td("notes")}</dt>
              <dd>{report.notes}</dd>
            </>
          ) : null}
        </dl>
      </div>
      {comments.length ? (
        <section aria-labelledby="report-comments-heading">
          <h2 id="report-comments-heading">{td("comments")}</h2>
          <CommentThreads threads={comments} timeZone={viewer.timeZone} audience="athlete" />
        </section>
      ) : null}
    </div>
  );
}
