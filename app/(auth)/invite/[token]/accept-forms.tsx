"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { acceptInvitationAction, joinSquadAction } from "@/lib/squads/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function AcceptInvitationForm({ token }: { token: string }) {
  const t = useTranslations("auth");
  const f = useTranslations("forms");
  const [state, action] = useActionState(acceptInvitationAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field name="name" label={f("yourName")} autoComplete="name" required state={state} maxLength={100} />
      <Field name="email" label={f("email")} type="email" autoComplete="email" inputMode="email" required state={state} />
      <Field
        name="password"
        label={f("choosePassword")}
        type="password"
        autoComplete="new-password"
        hint={f("passwordHint")}
        required
        state={state}
      />
      <SubmitButton pendingText={t("joining")}>{t("joinSquad")}</SubmitButton>
    </form>
  );
}

export function JoinAsViewerForm({ token, name }: { token: string; name: string }) {
  const t = useTranslations("auth");
  const [state, action] = useActionState(joinSquadAction, idleState);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingText={t("joining")}>{t("joinAs", { name })}</SubmitButton>
    </form>
  );
}
