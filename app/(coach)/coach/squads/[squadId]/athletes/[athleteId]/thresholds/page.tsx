import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getAthleteThresholds } from "@/lib/thresholds/queries";
import { NotFoundError } from "@/lib/errors";
import { ThresholdsForm } from "../../../thresholds/thresholds-form";

export const metadata: Metadata = { title: "Athlete thresholds" };

export default async function AthleteThresholdsPage({ params }: { params: Promise<{ squadId: string; athleteId: string }> }) {
  const { squadId, athleteId } = await params;
  const viewer = await requireViewer();
  const view = await getAthleteThresholds(viewer, squadId, athleteId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}/athletes/${athleteId}`}>← {view.athleteName}</Link>
      </p>
      <h1>Flag thresholds for {view.athleteName}</h1>
      <p>
        Values set here apply to this athlete only, on top of the squad&apos;s. Leave a field empty to follow the
        squad&apos;s value, which you can change on the{" "}
        <Link href={`/coach/squads/${squadId}/thresholds`}>squad&apos;s thresholds page</Link>.
      </p>
      <p className="muted">
        {view.overrideCount === 0
          ? "This athlete follows the squad's thresholds."
          : `${view.overrideCount} threshold${view.overrideCount === 1 ? "" : "s"} set for this athlete alone.`}
      </p>
      <ThresholdsForm level="athlete" squadId={view.squadId} athleteId={view.athleteId} groups={view.groups} />
    </>
  );
}
