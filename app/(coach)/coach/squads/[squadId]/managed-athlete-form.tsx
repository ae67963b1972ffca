"use client";

import Link from "next/link";
import { useActionState } from "react";
import { createManagedAthleteAction } from "@/lib/managed-athletes/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form-controls";
import { LABELS, SEX_OPTIONS } from "@/lib/profiles/labels";

/** Adds an athlete who has no login (yet): the coach keeps their training, and can later send them a link to claim it. */
export function AddManagedAthleteForm({ squadId }: { squadId: string }) {
  const [state, action] = useActionState(createManagedAthleteAction, idleState);
  const added = state.status === "ok" ? state.data : undefined;
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      {added ? (
        <p>
          <Link href={`/coach/squads/${squadId}/athletes/${added.athleteId}`}>Open {added.name}&apos;s page</Link>
          {" · "}
          <Link href={`/coach/squads/${squadId}/athletes/${added.athleteId}/account`}>Login and data</Link>
        </p>
      ) : null}
      <input type="hidden" name="squadId" value={squadId} />
      <Field name="name" label="Athlete's name" autoComplete="off" required maxLength={100} state={state} />
      <div className="grid">
        <Field name="birthDate" label="Birth date (optional)" type="date" state={state} />
        <SelectField
          name="sex"
          label="Sex"
          state={state}
          defaultValue="UNDISCLOSED"
          options={SEX_OPTIONS.map((o) => ({ value: o, label: LABELS.sex[o] }))}
        />
        <Field name="heightCm" label="Height in cm (optional)" type="number" inputMode="decimal" min={100} max={230} step="0.1" state={state} />
        <Field name="weightKg" label="Weight in kg (optional)" type="number" inputMode="decimal" min={25} max={200} step="0.1" state={state} />
      </div>
      <SubmitButton pendingText="Adding…">Add athlete</SubmitButton>
    </form>
  );
}
