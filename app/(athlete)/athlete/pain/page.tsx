import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listOwnPainReports } from "@/lib/pain/queries";
import { areaName } from "@/lib/pain/labels";
import { formatDate, todayIn } from "@/lib/dates";
import { currentIntlLocale } from "@/lib/i18n/server";
import { PainReportForm } from "./pain-report-form";
import { RedFlagBadge } from "./triage-panel";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("pain");
  return { title: t("title") };
}

export default async function PainReportPage() {
  const viewer = await requireViewer();
  const [reports, t, tb, intlLocale] = await Promise.all([
    listOwnPainReports(viewer),
    getTranslations("pain"),
    getTranslations("bodyMap"),
    currentIntlLocale(),
  ]);
  return (
    <div className="pain-page">
      <h1>{t("title")}</h1>
      <p className="muted">{t("intro")}</p>
      <section className="card" aria-label={t("newReport")}>
        <PainReportForm today={todayIn(viewer.timeZone)} />
      </section>
      <h2>{t("recentHeading")}</h2>
      {reports.length === 0 ? (
        <p className="muted">{t("noReports")}</p>
      ) : (
        <div className="table-wrap">
          <table>
            <caption className="visually-hidden">{t("tableCaption")}</caption>
            <thead>
              <tr>
                <th scope="col">{t("colDate")}</th>
                <th scope="col">{t("colArea")}</th>
                <th scope="col">{t("colPain")}</th>
                <th scope="col">{t("colWarningSigns")}</th>
              </tr>
            </thead>
            <tbody>
              {reports.map((r) => (
                <tr key={r.id}>
                  <td>
                    <Link href={`/athlete/pain/${r.id}`}>{formatDate(r.date, intlLocale)}</Link>
                  </td>
                  <td>
                    {areaName(tb, r.zone, r.subArea)}
                    {r.enteredBy ? <div className="muted">{t("reportedForYou", { name: r.enteredBy })}</div> : null}
                  </td>
                  <td>{t("outOfTen", { nrs: r.nrs })}</td>
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
