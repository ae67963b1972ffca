"use client";

import { useActionState } from "react";
import { acceptInvitationAction, joinSquadAction } from "@/lib/squads/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function AcceptInvitationForm({ token }: { token: string }) {
  const [state, action] = useActionState(acceptInvitationAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <Field name="name" label="Your name" autoComplete="name" required state={state} maxLength={100} />
      <Field name="email" label="Email" type="email" autoComplete="email" inputMode="email" required state={state} />
      <Field
        name="password"
        label="Choose a password"
        type="password"
        autoComplete="new-password"
        hint="At least 10 characters."
        required
        state={state}
      />
      <SubmitButton pendingText="Joining…">Join the squad</SubmitButton>
    </form>
  );
}

export function JoinAsViewerForm({ token, name }: { token: string; name: string }) {
  const [state, action] = useActionState(joinSquadAction, idleState);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="token" value={token} />
      <SubmitButton pendingText="Joining…">Join as {name}</SubmitButton>
    </form>
  );
}
