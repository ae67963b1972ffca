import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { ImportWizard } from "./import-wizard";
import { ImportHistory } from "./import-history";
import { getOwnImportHistory } from "@/lib/imports/queries";
import { formatDateTime } from "@/lib/dates";

export const metadata: Metadata = { title: "Import sessions" };

export default async function ImportPage() {
  const viewer = await requireViewer();
  const history = await getOwnImportHistory(viewer);
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
      <h2>Your imports</h2>
      <p className="muted">An import added by mistake can be removed as a whole: its sessions go, and your totals follow.</p>
      <ImportHistory
        rows={history.map((h) => ({
          id: h.id,
          when: formatDateTime(h.createdAt, viewer.timeZone),
          fileCount: h.fileCount,
          createdCount: h.createdCount,
          sessionCount: h.sessionCount,
          undone: h.undoneAt ? formatDateTime(h.undoneAt, viewer.timeZone) : null,
          removedCount: h.removedCount,
        }))}
      />
    </>
  );
}
