"use client";

import { useActionState } from "react";
import {
  addSuggestionAction,
  createPlannedSessionAction,
  deletePlannedSessionAction,
  movePlannedSessionAction,
} from "@/lib/plans/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form-controls";
import { CROSS_TRAINING_MODES, MODE_LABELS, SESSION_TYPES, SESSION_TYPE_LABELS } from "@/lib/sessions/schemas";

type Ids = { squadId: string; athleteId: string };

function Hidden({ squadId, athleteId }: Ids) {
  return (
    <>
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="athleteId" value={athleteId} />
    </>
  );
}

export function AddSuggestionButton({ squadId, athleteId, suggestionId }: Ids & { suggestionId: string }) {
  const [state, action] = useActionState(addSuggestionAction, idleState);
  return (
    <form action={action}>
      <Hidden squadId={squadId} athleteId={athleteId} />
      <input type="hidden" name="suggestionId" value={suggestionId} />
      <SubmitButton className="button button-secondary" pendingText="Adding…">
        Add to plan
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

export function AddPlannedSessionForm({ squadId, athleteId, unit, defaultDate }: Ids & { unit: "KM" | "MI"; defaultDate: string }) {
  const [state, action] = useActionState(createPlannedSessionAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Hidden squadId={squadId} athleteId={athleteId} />
      <div className="grid">
        <SelectField
          name="type"
          label="Type"
          state={state}
          defaultValue="RUN"
          options={SESSION_TYPES.map((t) => ({ value: t, label: SESSION_TYPE_LABELS[t] }))}
        />
        <SelectField
          name="subType"
          label="Cross-training mode (if cross-training)"
          state={state}
          defaultValue=""
          placeholder="–"
          options={CROSS_TRAINING_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
        />
        <Field name="date" label="Date" type="date" defaultValue={defaultDate} required state={state} />
        <Field name="title" label="Title (optional)" maxLength={80} state={state} />
        <Field name="duration" label="Duration" hint="Minutes (45) or hours:minutes (1:15)" required state={state} />
        <Field name="distance" label={`Distance (${unit === "MI" ? "mi" : "km"}, optional)`} type="number" inputMode="decimal" step="0.1" min={0} state={state} />
        <Field name="targetRpe" label="Target effort (RPE 0-10, optional)" type="number" inputMode="numeric" min={0} max={10} state={state} />
      </div>
      <Field name="description" label="Details (optional)" maxLength={1000} state={state} />
      <SubmitButton pendingText="Adding…">Add to plan</SubmitButton>
    </form>
  );
}

export function PlannedItemControls({ plannedId, date, label }: { plannedId: string; date: string; label: string }) {
  const [moved, moveAction] = useActionState(movePlannedSessionAction, idleState);
  const [removed, removeAction] = useActionState(deletePlannedSessionAction, idleState);
  return (
    <div className="row">
      <form action={moveAction} className="row">
        <input type="hidden" name="plannedId" value={plannedId} />
        <label className="visually-hidden" htmlFor={`move-${plannedId}`}>
          New date for {label}
        </label>
        <input id={`move-${plannedId}`} type="date" name="date" defaultValue={date} style={{ width: "auto" }} />
        <SubmitButton className="button button-secondary" pendingText="Moving…">
          Move<span className="visually-hidden"> {label}</span>
        </SubmitButton>
      </form>
      <form action={removeAction}>
        <input type="hidden" name="plannedId" value={plannedId} />
        <SubmitButton className="button button-danger" pendingText="Removing…">
          Remove<span className="visually-hidden"> {label}</span>
        </SubmitButton>
      </form>
      {moved.status === "error" ? <p className="field-error">{moved.message}</p> : null}
      {removed.status === "error" ? <p className="field-error">{removed.message}</p> : null}
    </div>
  );
}
