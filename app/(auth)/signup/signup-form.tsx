"use client";

import { useActionState } from "react";
import { signUpAction } from "@/lib/accounts/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function SignUpForm() {
  const [state, action] = useActionState(signUpAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Field name="name" label="Your name" autoComplete="name" required state={state} maxLength={100} />
      <Field name="email" label="Email" type="email" autoComplete="email" inputMode="email" required state={state} />
      <Field
        name="password"
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        state={state}
      />
      <Field name="squadName" label="Your first squad's name" hint="For example: Tuesday Track Group" required state={state} maxLength={80} />
      <SubmitButton pendingText="Creating your account…">Create account</SubmitButton>
    </form>
  );
}
