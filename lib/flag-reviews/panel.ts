import "server-only";
import { addDays } from "@/lib/dates";
import type { Viewer } from "@/lib/auth/permissions";
import type { TrainingView } from "@/lib/athletes/training";
import { listPlannedSessions } from "@/lib/plans/queries";
import { suggestionsFor } from "@/lib/plans/planning";
import { PLAN_WEEKS } from "@/lib/plans/schemas";
import type { Suggestion } from "@/lib/training-load";
import { listFlagReviews } from "@/lib/flag-reviews/queries";
import { withReviews, type FlagReview, type ReviewedFlag } from "@/lib/flag-reviews/coverage";

export type FlagPanel = {
  flags: ReviewedFlag[];
  /** The engine's suggestions for the next weeks, by the flag that calls for them. */
  suggestions: Record<string, Suggestion[]>;
  history: FlagReview[];
};

/**
 * Each active flag with the squad's review of it and the sessions it calls for, given the plan as it
 * stands (a suggestion already planned is not suggested again); and every review made, newest first.
 */
export async function getFlagPanel(viewer: Viewer, squadId: string, athleteId: string, training: TrainingView): Promise<FlagPanel> {
  const [history, planned] = await Promise.all([
    listFlagReviews(viewer, squadId, athleteId),
    listPlannedSessions(viewer, athleteId, addDays(training.asOf, -6), addDays(training.asOf, PLAN_WEEKS * 7)),
  ]);
  const suggestions: Record<string, Suggestion[]> = {};
  for (const s of suggestionsFor(training, planned)) {
    (suggestions[s.flagId] ??= []).push(s);
  }
  return { flags: withReviews(training.flags, history).all, suggestions, history };
}
