"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { confirmSessionFiguresAction } from "@/lib/sessions/actions";
import { idleState } from "@/lib/forms-state";
import { FormMessage, SubmitButton } from "@/lib/ui/form-controls";

/** Confirms that an imported session's figures, marked for a look, are right. */
export function ConfirmFiguresButton({ sessionId }: { sessionId: string }) {
  const t = useTranslations("sessions");
  const [state, action] = useActionState(confirmSessionFiguresAction, idleState);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="sessionId" value={sessionId} />
      {state.status === "ok" ? null : (
        <SubmitButton className="button secondary" pendingText={t("confirming")}>
          {t("confirmFigures")}
        </SubmitButton>
      )}
    </form>
  );
}
