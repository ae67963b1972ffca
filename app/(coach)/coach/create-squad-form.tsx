"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createSquadAction } from "@/lib/accounts/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function CreateSquadForm() {
  const t = useTranslations("squad");
  const [state, action] = useActionState(createSquadAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Field name="squadName" label={t("squadName")} required maxLength={80} state={state} />
      <SubmitButton pendingText={t("creatingSquad")}>{t("createSquad")}</SubmitButton>
    </form>
  );
}
