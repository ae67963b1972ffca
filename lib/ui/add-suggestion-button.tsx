"use client";

import { useActionState } from "react";
import { addSuggestionAction, applySuggestedCapsAction } from "@/lib/plans/actions";
import { idleState } from "@/lib/forms-state";
import { FormMessage, SubmitButton } from "@/lib/ui/form-controls";

type Ids = { squadId: string; athleteId: string; suggestionId: string };
/** The button's words, in the reader's language (worded by the server component that renders it). */
type Words = { label: string; pendingText: string };

function SuggestionForm({ squadId, athleteId, suggestionId, action, label, pendingText }: Ids & {
  action: typeof addSuggestionAction;
  label: string;
  pendingText: string;
}) {
  const [state, formAction] = useActionState(action, idleState);
  return (
    <form action={formAction}>
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="athleteId" value={athleteId} />
      <input type="hidden" name="suggestionId" value={suggestionId} />
      <SubmitButton className="button button-secondary" pendingText={pendingText}>
        {label}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** Adds one of the engine's suggestions to the plan; the server looks it up again by id. */
export function AddSuggestionButton(props: Ids & Words) {
  return <SuggestionForm {...props} action={addSuggestionAction} />;
}

/**
 * Applies a suggestion's caps to the plan: the planned runs of the next 7 days above a cap are trimmed to
 * it. The server looks the suggestion up again by id, so the caps never come from the page.
 */
export function ApplyCapButton(props: Ids & Words) {
  return <SuggestionForm {...props} action={applySuggestedCapsAction} />;
}
