"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { deleteSessionAction } from "@/lib/sessions/actions";
import { idleState } from "@/lib/forms-state";
import { FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function DeleteSessionButton({ sessionId }: { sessionId: string }) {
  const t = useTranslations("sessions");
  const [state, action] = useActionState(deleteSessionAction, idleState);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!window.confirm(t("deleteConfirm"))) e.preventDefault();
      }}
    >
      <FormMessage state={state} />
      <input type="hidden" name="sessionId" value={sessionId} />
      <SubmitButton className="button button-danger" pendingText={t("deleting")}>
        {t("deleteSession")}
      </SubmitButton>
    </form>
  );
}
