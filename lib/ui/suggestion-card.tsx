import type { ReactNode } from "react";
import { suggestionToPlannedSession, type Suggestion } from "@/lib/training-load";
import { formatDate } from "@/lib/dates";
import { kmAtMost } from "@/lib/plans/run-caps";
import { formatKm, formatMinutes, formatRpe } from "@/lib/ui/card-numbers";
import { KM_PER_MILE, textInUnit, type Unit } from "@/lib/units";
import { engineText, type EngineText } from "@/lib/i18n/engine-text";
import { currentLocale } from "@/lib/i18n/server";
import { intlLocale } from "@/lib/i18n/config";
import { AddSuggestionButton, ApplyCapButton } from "@/lib/ui/add-suggestion-button";

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

const hasCap = (s: Suggestion) => s.limits?.maxRunKm != null || s.limits?.maxWeekRunKm != null || s.limits?.maxRunMin != null;

/**
 * A suggestion can go into the plan when the engine makes a planned session of it, as the server does when
 * it is added; rest, assessments and caps are advice.
 */
export const isPlannable = (s: Suggestion) => s.type !== "rest" && s.type !== "assessment" && suggestionToPlannedSession(s, s.id) !== null;

/**
 * A suggestion that only caps the planned runs: it names no run to trim and has no session of its own, so
 * there is nothing to add, only the cap to apply to the plan.
 */
export const isCapOnly = (s: Suggestion) => hasCap(s) && !s.replacesSessionId && !isPlannable(s);

/** A cap in the person's unit, rounded down so that keeping to the words keeps to the cap. */
const capText = (km: number, unit: Unit) =>
  unit === "MI" ? formatKm(Math.floor((kmAtMost(km) / KM_PER_MILE) * 10) / 10 * KM_PER_MILE, unit) : formatKm(kmAtMost(km));

/** The caps in words, each as it is applied to the plan. */
function capsText(s: Suggestion, unit: Unit, words: EngineText): string {
  const l = s.limits ?? {};
  const parts: string[] = [];
  if (l.maxRunKm != null) parts.push(words.suggestionWords("capRunKm", { km: capText(l.maxRunKm, unit) }));
  if (l.maxRunMin != null) parts.push(words.suggestionWords("capRunMin", { min: formatMinutes(Math.floor(l.maxRunMin)).replace(" min", "") }));
  if (l.maxWeekRunKm != null) parts.push(words.suggestionWords("capWeekKm", { km: capText(l.maxWeekRunKm, unit) }));
  return parts.join("; ");
}

/** What a suggestion is, in one line: the session's numbers, or for a cap, the cap. */
function headline(s: Suggestion, unit: Unit, words: EngineText): string {
  const what = `${formatDate(s.date, intlLocale(words.locale))}: ${words.suggestionType(s.type)}`;
  if (isCapOnly(s)) return `${what}, ${capsText(s, unit, words)}`;
  return (
    what +
    (s.durationMin > 0 ? `, ${formatMinutes(s.durationMin)}` : "") +
    (s.rpe != null ? ` ${words.suggestionWords("atRpe", { rpe: formatRpe(s.rpe) })}` : "") +
    (s.crossTrainingMode ? ` (${words.mode(s.crossTrainingMode)})` : "") +
    (s.distanceKm ? `, ${formatKm(s.distanceKm, unit)}` : "")
  );
}

/** One engine suggestion in words: what, when, how hard, why, and the exercises. */
export async function SuggestionCard({
  suggestion: s,
  unit,
  badge,
  action,
}: {
  suggestion: Suggestion;
  unit: Unit;
  badge?: ReactNode;
  action?: ReactNode;
}) {
  const words = engineText(await currentLocale(), unit);
  return (
    <li className="card">
      <p style={{ margin: 0 }}>
        <strong>{headline(s, unit, words)}</strong> {badge}
      </p>
      <p style={{ margin: "0.25rem 0" }}>{textInUnit(s.reason, unit)}</p>
      {s.exercises?.length ? (
        <p className="muted" style={{ margin: 0 }}>
          {s.exercises
            .map((e) => {
              const x = words.exercise(e);
              return `${x.name} (${x.prescription})`;
            })
            .join("; ")}
        </p>
      ) : null}
      {action}
    </li>
  );
}

/**
 * What a coach can do with a suggestion: add its session to the plan, apply its cap to the plan, or
 * nothing (advice such as rest or an assessment). Never an "Add" that the server would refuse.
 */
export function SuggestionAction({
  suggestion: s,
  squadId,
  athleteId,
  audience = "coach",
}: {
  suggestion: Suggestion;
  squadId: string;
  athleteId: string;
  audience?: "coach" | "athlete";
}) {
  if (isCapOnly(s)) return <ApplyCapButton squadId={squadId} athleteId={athleteId} suggestionId={s.id} audience={audience} />;
  if (isPlannable(s)) return <AddSuggestionButton squadId={squadId} athleteId={athleteId} suggestionId={s.id} />;
  return null;
}
