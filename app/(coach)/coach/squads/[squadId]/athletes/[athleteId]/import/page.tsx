import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getImportAthlete } from "@/lib/imports/queries";
import { NotFoundError } from "@/lib/errors";
import { ImportWizard } from "@/app/(athlete)/athlete/import/import-wizard";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("coachEntry");
  return { title: t("importTitle") };
}

/** A coach imports activity files for an athlete of their squad through the athlete's own preview and commit. */
export default async function CoachImportPage({ params }: { params: Promise<{ squadId: string; athleteId: string }> }) {
  const { squadId, athleteId } = await params;
  const viewer = await requireViewer();
  const t = await getTranslations("coachEntry");
  const athlete = await getImportAthlete(viewer, squadId, athleteId).catch((e) => {
      if (e instanceof NotFoundError) notFound();
      throw e;
    });
  if (!athlete) notFound();
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}/athletes/${athleteId}/log`}>{t("importBack", { name: athlete.name })}</Link>
      </p>
      <h1>{t("importHeading", { name: athlete.name })}</h1>
      <p>{t("importIntro", { name: athlete.name })}</p>
      <p className="muted">{t("importZone", { name: athlete.name, zone: athlete.timeZone })}</p>
      <ImportWizard unit={viewer.unitPreference} forAthlete={{ squadId, athleteId }} />
    </>
  );
}
