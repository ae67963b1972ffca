import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { ImportWizard } from "./import-wizard";

export const metadata: Metadata = { title: "Import sessions" };

export default async function ImportPage() {
  const viewer = await requireViewer();
  return (
    <>
      <h1>Import sessions</h1>
      <p>
        Add activities from your watch or apps: FIT, GPX and TCX files (also .gz), Strava&apos;s bulk export (the
        whole zip or just its activities.csv) and Garmin Connect&apos;s Activities.csv. You see what will be added
        before anything is saved, and importing the same data twice adds nothing.
      </p>
      <p className="muted">Dates are read in your time zone, {viewer.timeZone}. Up to 25 MB per file and 100 MB per upload.</p>
      <ImportWizard unit={viewer.unitPreference} />
    </>
  );
}
