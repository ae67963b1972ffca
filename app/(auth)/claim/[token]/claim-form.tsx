"use client";

import { useActionState } from "react";
import { claimProfileAction } from "@/lib/managed-athletes/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function ClaimProfileForm({ token, name }: { token: string; name: string }) {
  const [state, action] = useActionState(claimProfileAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field name="name" label="Your name" autoComplete="name" required defaultValue={name} state={state} maxLength={100} />
      <Field
        name="email"
        label="Email"
        type="email"
        autoComplete="email"
        inputMode="email"
        hint="An address that has no Backbone account yet."
        required
        state={state}
      />
      <Field
        name="password"
        label="Choose a password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        state={state}
      />
      <SubmitButton pendingText="Setting up…">Set up my login</SubmitButton>
    </form>
  );
}
