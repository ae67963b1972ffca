import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getImportAthlete } from "@/lib/imports/queries";
import { NotFoundError } from "@/lib/errors";
import { ImportWizard } from "@/app/(athlete)/athlete/import/import-wizard";

export const metadata: Metadata = { title: "Import for an athlete" };

/** A coach imports activity files for an athlete of their squad through the athlete's own preview and commit. */
export default async function CoachImportPage({ params }: { params: Promise<{ squadId: string; athleteId: string }> }) {
  const { squadId, athleteId } = await params;
  const viewer = await requireViewer();
  const athlete = await getImportAthlete(viewer, squadId, athleteId).catch((e) => {
      if (e instanceof NotFoundError) notFound();
      throw e;
    });
  if (!athlete) notFound();
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}/athletes/${athleteId}/log`}>← Log for {athlete.name}</Link>
      </p>
      <h1>Import files for {athlete.name}</h1>
      <p>
        FIT, GPX and TCX files (also .gz), a Strava export or a Garmin Connect Activities.csv: you see what will be added to {athlete.name}&apos;s
        sessions before anything is saved, and what is already there is skipped. The sessions show your name as who entered them, and{" "}
        {athlete.name} can remove the import as a whole from their import page.
      </p>
      <p className="muted">Dates are read in {athlete.name}&apos;s time zone, {athlete.timeZone}. Up to 25 MB per file and 100 MB per upload.</p>
      <ImportWizard unit={viewer.unitPreference} forAthlete={{ squadId, athleteId }} />
    </>
  );
}
