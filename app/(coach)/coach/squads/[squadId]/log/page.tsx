import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { addDays, mondayOf, todayIn } from "@/lib/dates";
import { formatDate } from "@/lib/dates";
import { getTranslations } from "next-intl/server";
import { currentIntlLocale } from "@/lib/i18n/server";
import { readWeekParam } from "@/lib/squad-log/cells";
import { getSquadLogWeek } from "@/lib/squad-log/queries";
import { SquadLogGrid } from "./log-grid";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("squadLog");
  return { title: t("metaTitle") };
}

export default async function SquadLogPage({
  params,
  searchParams,
}: {
  params: Promise<{ squadId: string }>;
  searchParams: Promise<{ week?: string | string[] }>;
}) {
  const { squadId } = await params;
  const viewer = await requireViewer();
  const today = todayIn(viewer.timeZone);
  const { monday, notice } = readWeekParam((await searchParams).week, today);
  const log = await getSquadLogWeek(viewer, squadId, monday).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const [t, intl] = await Promise.all([getTranslations("squadLog"), currentIntlLocale()]);
  const basePath = `/coach/squads/${squadId}/log`;
  const unitWord = viewer.unitPreference === "MI" ? t("unitMiles") : "km";
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}`}>← {log.squad.name}</Link>
      </p>
      <h1>{t("heading", { date: formatDate(monday, intl) })}</h1>
      {notice ? (
        <p className="notice notice-warn" role="status">
          {t("weekNotice")}
        </p>
      ) : null}
      <nav aria-label={t("weeksNav")} className="page-links">
        <Link href={`${basePath}?week=${addDays(monday, -7)}`}>← {t("previousWeek")}</Link>
        {" · "}
        {monday === mondayOf(today) ? <span>{t("thisWeek")}</span> : <Link href={basePath}>{t("thisWeek")}</Link>}
        {" · "}
        <Link href={`${basePath}?week=${addDays(monday, 7)}`}>{t("nextWeek")} →</Link>
        {" · "}
        <Link href={`${basePath}/import`}>{t("uploadLink")}</Link>
      </nav>
      <details className="card log-help">
        <summary>{t("helpSummary")}</summary>
        <ul>
          <li>{t("help1", { unit: unitWord })}</li>
          <li>{t("help2")}</li>
          <li>{t("help3")}</li>
          <li>{t("help4")}</li>
          <li>{t("help5")}</li>
          <li>{t("help6")}</li>
        </ul>
      </details>
      {log.rows.length === 0 ? (
        <p className="muted">
          {t("noAthletes")} <Link href={`/coach/squads/${squadId}`}>{t("noAthletesLink")}</Link>
        </p>
      ) : (
        <SquadLogGrid squadId={squadId} week={monday} days={log.days} rows={log.rows} unit={viewer.unitPreference} />
      )}
    </>
  );
}
