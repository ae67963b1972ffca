"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { claimProfileAction } from "@/lib/managed-athletes/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function ClaimProfileForm({ token, name }: { token: string; name: string }) {
  const t = useTranslations("auth");
  const f = useTranslations("forms");
  const [state, action] = useActionState(claimProfileAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field name="name" label={f("yourName")} autoComplete="name" required defaultValue={name} state={state} maxLength={100} />
      <Field
        name="email"
        label={f("email")}
        type="email"
        autoComplete="email"
        inputMode="email"
        hint={t("claimEmailHint")}
        required
        state={state}
      />
      <Field
        name="password"
        label={f("choosePassword")}
        type="password"
        autoComplete="new-password"
        hint={f("passwordHint")}
        required
        state={state}
      />
      <SubmitButton pendingText={t("settingUp")}>{t("setUpLogin")}</SubmitButton>
    </form>
  );
}
