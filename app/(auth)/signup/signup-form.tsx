"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { signUpAction } from "@/lib/accounts/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function SignUpForm() {
  const t = useTranslations("auth");
  const f = useTranslations("forms");
  const [state, action] = useActionState(signUpAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Field name="name" label={f("yourName")} autoComplete="name" required state={state} maxLength={100} />
      <Field name="email" label={f("email")} type="email" autoComplete="email" inputMode="email" required state={state} />
      <Field
        name="password"
        label={f("password")}
        type="password"
        autoComplete="new-password"
        hint={f("passwordHint")}
        required
        state={state}
      />
      <Field name="squadName" label={t("squadName")} hint={t("squadNameHint")} required state={state} maxLength={80} />
      <SubmitButton pendingText={t("creatingAccount")}>{t("createAccount")}</SubmitButton>
    </form>
  );
}
