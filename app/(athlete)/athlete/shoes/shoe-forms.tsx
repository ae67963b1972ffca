"use client";

import { useActionState } from "react";
import { createShoeAction, setShoeRetiredAction } from "@/lib/sessions/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function AddShoeForm({ unit }: { unit: "KM" | "MI" }) {
  const [state, action] = useActionState(createShoeAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Field name="name" label="Name" hint="For example: Blue trainers" required maxLength={80} state={state} />
      <Field name="brand" label="Brand and model (optional)" maxLength={80} state={state} />
      <Field
        name="initialDistance"
        label={`Distance already run in them (${unit === "MI" ? "mi" : "km"})`}
        type="number"
        inputMode="decimal"
        min={0}
        step="1"
        state={state}
      />
      <Field name="startedOn" label="In use since (optional)" type="date" state={state} />
      <SubmitButton>Add shoe</SubmitButton>
    </form>
  );
}

export function RetireShoeButton({ shoeId, retired, name }: { shoeId: string; retired: boolean; name: string }) {
  const [state, action] = useActionState(setShoeRetiredAction, idleState);
  return (
    <form action={action}>
      <input type="hidden" name="shoeId" value={shoeId} />
      <input type="hidden" name="retired" value={retired ? "false" : "true"} />
      <SubmitButton className="button button-secondary" pendingText="Saving…">
        {retired ? "Bring back" : "Retire"}
        <span className="visually-hidden"> {name}</span>
      </SubmitButton>
      {state.status === "error" ? <p className="field-error">{state.message}</p> : null}
    </form>
  );
}
