import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getCoachAthleteView } from "@/lib/athletes/coach-view";
import { NotFoundError } from "@/lib/errors";
import { AthleteSummaryView } from "@/lib/ui/athlete-summary";
import { ProfileFacts } from "@/lib/ui/profile-facts";
import { FlagList } from "@/lib/ui/flag-list";
import { TrainingCharts } from "@/lib/ui/training-charts-section";

export const metadata: Metadata = { title: "Athlete" };

export default async function CoachAthletePage({ params }: { params: Promise<{ squadId: string; athleteId: string }> }) {
  const { squadId, athleteId } = await params;
  const viewer = await requireViewer();
  const view = await getCoachAthleteView(viewer, squadId, athleteId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}`}>← {view.squadName}</Link>
      </p>
      <h1>{view.profile.name}</h1>
      <h2>Flags</h2>
      <FlagList flags={view.training.flags} audience="coach" />
      <AthleteSummaryView summary={view.summary} unit={viewer.unitPreference} />
      <TrainingCharts training={view.training} unit={viewer.unitPreference} />
      <h2>Profile</h2>
      <div className="card">
        <ProfileFacts profile={view.profile} />
      </div>
    </>
  );
}
