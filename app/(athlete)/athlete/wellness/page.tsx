import Link from "next/link";
import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { getOwnWellnessToday } from "@/lib/wellness/queries";
import { formatDate } from "@/lib/dates";
import { hooperText } from "@/lib/wellness/labels";
import { WellnessForm, type WellnessAnswers } from "./wellness-form";

export const metadata: Metadata = { title: "How are you today?" };

export default async function WellnessPage() {
  const viewer = await requireViewer();
  const today = await getOwnWellnessToday(viewer);
  if (!today.enabled) {
    return (
      <div className="check-in-page">
        <h1>How are you today?</h1>
        <p className="notice">
          The daily check-in is off: none of your squads uses it at the moment. Your coach can turn it on for the squad.
        </p>
        <p>
          <Link href="/athlete">Back to my training</Link>
        </p>
      </div>
    );
  }
  const e = today.entry;
  const initial: WellnessAnswers = {
    sleep: e ? String(e.sleep) : null,
    fatigue: e ? String(e.fatigue) : null,
    soreness: e ? String(e.soreness) : null,
    stress: e ? String(e.stress) : null,
    mood: e ? String(e.mood) : null,
    backStiffness: e ? String(e.backStiffness) : null,
  };
  return (
    <div className="check-in-page">
      <h1>How are you today?</h1>
      <p>
        {formatDate(today.date)}. <span className="muted">One tap per line: 1 is the best answer, 5 the worst.</span>
      </p>
      {e ? (
        <p className="notice">
          You answered today ({hooperText(e.hooper)}, back stiffness {e.backStiffness}/10). Answering again replaces that
          answer: there is one check-in a day.
        </p>
      ) : null}
      <section className="card" aria-label="Today's check-in">
        <WellnessForm initial={initial} answeredToday={e !== null} />
      </section>
    </div>
  );
}
