import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { assertCoachOf } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { LOG_HEADER_HELP, SQUAD_LOG_MAX_BYTES, SQUAD_LOG_MAX_ROWS } from "@/lib/squad-log/csv";
import { SquadLogUpload } from "./log-upload";

export const metadata: Metadata = { title: "Upload a squad training log" };

export default async function SquadLogImportPage({ params }: { params: Promise<{ squadId: string }> }) {
  const { squadId } = await params;
  const viewer = await requireViewer();
  try {
    assertCoachOf(viewer, squadId);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const squadName = viewer.memberships.find((m) => m.squadId === squadId)?.squadName ?? "Squad";
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}/log`}>← Training log of {squadName}</Link>
      </p>
      <h1>Upload a squad training log</h1>
      <p>
        A CSV file with one session per row, for any athletes of this squad. You see what will be added before anything is saved;
        sessions an athlete already has (same day, type, minutes and distance) are skipped, so uploading a file twice adds nothing.
      </p>
      <p className="muted">
        Up to {SQUAD_LOG_MAX_BYTES / 1024 / 1024} MB and {SQUAD_LOG_MAX_ROWS.toLocaleString("en")} rows; cells hold up to 1000
        characters. Commas, semicolons or tabs between the values. Distances are in {viewer.unitPreference === "MI" ? "miles" : "km"}{" "}
        unless the header says km or mi. Every value is read as text: nothing in a cell is run as a formula.
      </p>
      <h2>Columns</h2>
      <p className="muted">The first row names the columns, in any order and in upper or lower case; other columns are left out.</p>
      <ul>
        {LOG_HEADER_HELP.map((h) => (
          <li key={h.column}>{h.names}</li>
        ))}
      </ul>
      <noscript>
        <p className="notice notice-warn">Uploading a log needs JavaScript. The week grid works without it.</p>
      </noscript>
      <SquadLogUpload squadId={squadId} />
    </>
  );
}
