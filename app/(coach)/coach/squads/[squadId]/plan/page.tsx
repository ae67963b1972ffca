import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentIntlLocale } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { getSquadWeek } from "@/lib/plans/queries";
import { parseCalendarQuery } from "@/lib/plans/calendar";
import { todayIn } from "@/lib/dates";
import { CalendarNav, formatDayShort } from "@/lib/ui/plan-calendar";
import { SquadWeekGrid } from "@/lib/ui/squad-week-grid";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("squadPlanMeta") };
}

export default async function SquadPlanPage({
  params,
  searchParams,
}: {
  params: Promise<{ squadId: string }>;
  searchParams: Promise<{ start?: string | string[] }>;
}) {
  const { squadId } = await params;
  const viewer = await requireViewer();
  const today = todayIn(viewer.timeZone);
  // The squad grid shows weeks only, so a view parameter has nothing to choose.
  const period = parseCalendarQuery({ start: (await searchParams).start }, today);
  const week = await getSquadWeek(viewer, squadId, period.start).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const basePath = `/coach/squads/${squadId}/plan`;
  const t = await getTranslations("plan");
  const locale = await currentIntlLocale();
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}`}>← {week.squad.name}</Link>
      </p>
      <h1>{t("squadPlanHeading", { day: formatDayShort(week.grid.start, locale), year: week.grid.start.slice(0, 4) })}</h1>
      <p className="page-links">
        <Link href={`${basePath}/templates`}>{t("squadTemplatesLink")}</Link>
      </p>
      {period.notice ? (
        <p className="notice notice-warn" role="status">
          {period.notice}
        </p>
      ) : null}
      <CalendarNav basePath={basePath} grid={week.grid} today={today} views={["week"]} label={t("squadPlanWeeks")} />
      {week.rows.length === 0 ? (
        <p className="muted">{t("noAthletes")}</p>
      ) : (
        <SquadWeekGrid week={week} unit={viewer.unitPreference} today={today} />
      )}
      <p className="muted">{t("squadPlanHelp")}</p>
    </>
  );
}
