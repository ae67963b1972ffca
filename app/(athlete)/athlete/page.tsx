import Link from "next/link";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getAthleteSummary } from "@/lib/athletes/queries";
import { AthleteSummaryView } from "@/lib/ui/athlete-summary";

export const metadata: Metadata = { title: "My training" };

export default async function AthleteHomePage() {
  const viewer = await requireViewer();
  const summary = await getAthleteSummary(viewer, viewer.id);
  return (
    <>
      <h1>Hello, {viewer.name}</h1>
      <AthleteSummaryView summary={summary} unit={viewer.unitPreference} />
      <h2>Your squads</h2>
      <ul>
        {summary.squads.map((s) => (
          <li key={s.id}>
            {s.name}
            {s.coaches.length ? <span className="muted"> — coached by {s.coaches.join(", ")}</span> : null}
          </li>
        ))}
      </ul>
      <p>
        Keep your <Link href="/athlete/profile">profile</Link> up to date: your coaches use it to read your back-health
        risks.
      </p>
    </>
  );
}
