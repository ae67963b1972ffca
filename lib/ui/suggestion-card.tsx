import type { ReactNode } from "react";
import { suggestionToPlannedSession, type Suggestion } from "@/lib/training-load";
import { formatDate } from "@/lib/dates";
import { kmAtMost } from "@/lib/plans/run-caps";
import { formatRpe } from "@/lib/ui/card-numbers";
import { KM_PER_MILE, type Unit } from "@/lib/units";
import { engineText, type EngineText } from "@/lib/i18n/engine-text";
import { currentLocale } from "@/lib/i18n/server";
import { getTranslations } from "next-intl/server";
import { intlLocale } from "@/lib/i18n/config";
import { AddSuggestionButton, ApplyCapButton } from "@/lib/ui/add-suggestion-button";

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

/** A cap in the person's unit and language, rounded down so that keeping to the words keeps to the cap. */
function capText(km: number, words: EngineText): string {
  const capped = kmAtMost(km);
  // Floored to 0.1 in the reader's unit.
  return words.distance(words.unit === "MI" ? (Math.floor((capped / KM_PER_MILE) * 10 + 1e-9) / 10) * KM_PER_MILE : capped);
}

const minutesText = (min: number, words: EngineText) => `${words.number(min, 0)} min`;

/** The caps in words, each as it is applied to the plan. */
function capsText(s: Suggestion, words: EngineText): string {
  const l = s.limits ?? {};
  const parts: string[] = [];
  if (l.maxRunKm != null) parts.push(words.suggestionWords("capRunKm", { km: capText(l.maxRunKm, words) }));
  if (l.maxRunMin != null) parts.push(words.suggestionWords("capRunMin", { min: words.number(Math.floor(l.maxRunMin), 0) }));
  if (l.maxWeekRunKm != null) parts.push(words.suggestionWords("capWeekKm", { km: capText(l.maxWeekRunKm, words) }));
  return parts.join("; ");
}

/** What a suggestion is, in one line: the session's numbers, or for a cap, the cap. */
function headline(s: Suggestion, words: EngineText): string {
  const what = `${formatDate(s.date, intlLocale(words.locale))}: ${words.suggestionType(s.type)}`;
  if (isCapOnly(s)) return `${what}, ${capsText(s, words)}`;
  return (
    what +
    (s.durationMin > 0 ? `, ${minutesText(s.durationMin, words)}` : "") +
    (s.rpe != null ? ` ${words.suggestionWords("atRpe", { rpe: formatRpe(s.rpe) })}` : "") +
    (s.crossTrainingMode ? ` (${words.mode(s.crossTrainingMode)})` : "") +
    (s.distanceKm ? `, ${words.distance(s.distanceKm)}` : "")
  );
}

/**
 * One engine suggestion in words, in the reader's language and unit: what, when, how hard, why, and the
 * exercises. `shoeNames` words a shoe id in a reason by the shoe's name.
 */
export async function SuggestionCard({
  suggestion: s,
  unit,
  badge,
  action,
  shoeNames,
}: {
  suggestion: Suggestion;
  unit: Unit;
  badge?: ReactNode;
  action?: ReactNode;
  shoeNames?: Readonly<Record<string, string>>;
}) {
  const words = engineText(await currentLocale(), unit);
  return (
    <li className="card">
      <p style={{ margin: 0 }}>
        <strong>{headline(s, words)}</strong> {badge}
      </p>
      <p style={{ margin: "0.25rem 0" }}>{words.suggestionReason(s.reason, shoeNames)}</p>
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
export async function SuggestionAction({
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
  const t = await getTranslations("suggestions");
  const ids = { squadId, athleteId, suggestionId: s.id };
  if (isCapOnly(s)) {
    return (
      <ApplyCapButton {...ids} label={audience === "athlete" ? t("actions.applyCapMine") : t("actions.applyCap")} pendingText={t("actions.applying")} />
    );
  }
  if (isPlannable(s)) return <AddSuggestionButton {...ids} label={t("actions.addToPlan")} pendingText={t("actions.adding")} />;
  return null;
}
