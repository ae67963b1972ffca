"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { loginAction } from "@/lib/accounts/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function LoginForm({ callbackUrl }: { callbackUrl: string }) {
  const t = useTranslations("auth");
  const f = useTranslations("forms");
  const [state, action] = useActionState(loginAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field name="email" label={f("email")} type="email" autoComplete="email" inputMode="email" required state={state} />
      <Field name="password" label={f("password")} type="password" autoComplete="current-password" required state={state} />
      <SubmitButton pendingText={t("loggingIn")}>{t("logIn")}</SubmitButton>
    </form>
  );
}
