"use client";

import { useActionState } from "react";
import { addSuggestionAction } from "@/lib/plans/actions";
import { idleState } from "@/lib/forms-state";
import { FormMessage, SubmitButton } from "@/lib/ui/form-controls";

type Ids = { squadId: string; athleteId: string };

/** Adds one of the engine's suggestions to the plan; the server looks it up again by id. */
export function AddSuggestionButton({ squadId, athleteId, suggestionId }: Ids & { suggestionId: string }) {
  const [state, action] = useActionState(addSuggestionAction, idleState);
  return (
    <form action={action}>
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="athleteId" value={athleteId} />
      <input type="hidden" name="suggestionId" value={suggestionId} />
      <SubmitButton className="button button-secondary" pendingText="Adding…">
        Add to plan
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
