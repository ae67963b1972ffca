import type { ReactNode } from "react";
import type { Suggestion } from "@/lib/training-load";
import { formatDate } from "@/lib/dates";

export const SUGGESTION_TYPE_TEXT: Record<Suggestion["type"], string> = {
  core: "Core session",
  mobility: "Mobility session",
  "cross-training": "Cross-training",
  deload: "Lighter run",
  rest: "Rest",
  posture: "Posture work",
  assessment: "Assessment",
  "return-to-run": "Return to running",
};

/** A suggestion can go into the plan when it is a session (rest and assessments are advice). */
export const isPlannable = (s: Suggestion) => s.type !== "rest" && s.type !== "assessment";

/** One engine suggestion in words: what, when, how hard, why, and the exercises. */
export function SuggestionCard({ suggestion: s, badge, action }: { suggestion: Suggestion; badge?: ReactNode; action?: ReactNode }) {
  return (
    <li className="card">
      <p style={{ margin: 0 }}>
        <strong>
          {formatDate(s.date)}: {SUGGESTION_TYPE_TEXT[s.type]}
          {s.durationMin ? `, ${s.durationMin} min` : ""}
          {s.rpe != null ? ` at RPE ${s.rpe}` : ""}
          {s.crossTrainingMode ? ` (${s.crossTrainingMode.replace("-", " ")})` : ""}
          {s.distanceKm ? `, ${s.distanceKm} km` : ""}
        </strong>{" "}
        {badge}
      </p>
      <p style={{ margin: "0.25rem 0" }}>{s.reason}</p>
      {s.exercises?.length ? (
        <p className="muted" style={{ margin: 0 }}>
          {s.exercises.map((e) => `${e.name} (${e.prescription})`).join("; ")}
        </p>
      ) : null}
      {action}
    </li>
  );
}
