"use client";

import { useActionState } from "react";
import { confirmSessionFiguresAction } from "@/lib/sessions/actions";
import { idleState } from "@/lib/forms-state";
import { FormMessage, SubmitButton } from "@/lib/ui/form-controls";

/** Confirms that an imported session's figures, marked for a look, are right. */
export function ConfirmFiguresButton({ sessionId }: { sessionId: string }) {
  const [state, action] = useActionState(confirmSessionFiguresAction, idleState);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="sessionId" value={sessionId} />
      {state.status === "ok" ? null : (
        <SubmitButton className="button secondary" pendingText="Confirming…">
          The figures are right: count this session
        </SubmitButton>
      )}
    </form>
  );
}
