import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentLocale } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getAthleteThresholds } from "@/lib/thresholds/queries";
import { NotFoundError } from "@/lib/errors";
import { ThresholdsForm } from "../../../thresholds/thresholds-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("thresholds");
  return { title: t("metaTitleAthlete") };
}

export default async function AthleteThresholdsPage({ params }: { params: Promise<{ squadId: string; athleteId: string }> }) {
  const { squadId, athleteId } = await params;
  const viewer = await requireViewer();
  const [t, locale] = await Promise.all([getTranslations("thresholds"), currentLocale()]);
  const view = await getAthleteThresholds(viewer, squadId, athleteId, locale).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}/athletes/${athleteId}`}>← {view.athleteName}</Link>
      </p>
      <h1>{t("headingAthlete", { name: view.athleteName })}</h1>
      <p>
        {t.rich("introAthlete", { link: (chunks) => <Link href={`/coach/squads/${squadId}/thresholds`}>{chunks}</Link> })}
      </p>
      <p className="muted">{view.overrideCount === 0 ? t("athleteFollowsSquad") : t("athleteOverrides", { count: view.overrideCount })}</p>
      <ThresholdsForm
        level="athlete"
        squadId={view.squadId}
        athleteId={view.athleteId}
        groups={view.groups}
        words={{ sources: t("sources"), save: t("save"), saving: t("saving") }}
      />
    </>
  );
}
