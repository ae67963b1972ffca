"use client";

import { useActionState } from "react";
import { createSquadAction } from "@/lib/accounts/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function CreateSquadForm() {
  const [state, action] = useActionState(createSquadAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Field name="squadName" label="Squad name" required maxLength={80} state={state} />
      <SubmitButton pendingText="Creating…">Create squad</SubmitButton>
    </form>
  );
}
