import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getSquadThresholds } from "@/lib/thresholds/queries";
import { NotFoundError } from "@/lib/errors";
import { ThresholdsForm } from "./thresholds-form";

export const metadata: Metadata = { title: "Squad thresholds" };

export default async function SquadThresholdsPage({ params }: { params: Promise<{ squadId: string }> }) {
  const { squadId } = await params;
  const viewer = await requireViewer();
  const view = await getSquadThresholds(viewer, squadId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}`}>← {view.squadName}</Link>
      </p>
      <h1>Flag thresholds for {view.squadName}</h1>
      <p>
        These values decide when a flag is raised for every athlete of the squad. Each one starts at the engine&apos;s
        default; change it only when you have a reason, and read the strength of the evidence behind the flag first.
        An athlete can have their own values: open the athlete and follow &ldquo;Thresholds for this athlete&rdquo;.
      </p>
      <p className="muted">
        {view.overrideCount === 0
          ? "The squad uses the defaults."
          : `${view.overrideCount} threshold${view.overrideCount === 1 ? " differs" : "s differ"} from the defaults.`}
      </p>
      <ThresholdsForm level="squad" squadId={view.squadId} groups={view.groups} />
    </>
  );
}
