"use client";

import Link from "next/link";
import { useActionState } from "react";
import {
  createPlannedSessionAction,
  deletePlannedSessionAction,
  movePlannedSessionAction,
  saveWeekAsTemplateAction,
  updatePlannedSessionAction,
} from "@/lib/plans/actions";
import type { FormState } from "@/lib/forms";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form-controls";
import { CROSS_TRAINING_MODES, MODE_LABELS, SESSION_TYPES, SESSION_TYPE_LABELS } from "@/lib/sessions/labels";
import { distanceFieldValue } from "@/lib/units";
import type { WorkoutSteps } from "@/lib/plans/workout-steps";
import { WorkoutStepsEditor } from "@/lib/ui/workout-steps-editor";

type Ids = { squadId: string; athleteId: string };

function Hidden({ squadId, athleteId }: Ids) {
  return (
    <>
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="athleteId" value={athleteId} />
    </>
  );
}

/** What a planned session holds, as the add and edit forms show it. */
export type PlannedSessionValues = {
  type: string;
  subType: string | null;
  date: string;
  title: string | null;
  durationMin: number | null;
  distanceKm: number | null;
  targetRpe: number | null;
  description: string | null;
  steps: WorkoutSteps | null;
};

function PlannedSessionFields({
  state,
  unit,
  values,
  stepsKey,
}: {
  state: FormState;
  unit: "KM" | "MI";
  values: PlannedSessionValues;
  /** A new key starts the step editor afresh (after a session is added). */
  stepsKey?: string;
}) {
  const distance = values.distanceKm == null ? null : distanceFieldValue(values.distanceKm, unit);
  return (
    <>
      <div className="grid">
        <SelectField
          name="type"
          label="Type"
          state={state}
          defaultValue={values.type}
          options={SESSION_TYPES.map((t) => ({ value: t, label: SESSION_TYPE_LABELS[t] }))}
        />
        <SelectField
          name="subType"
          label="Cross-training mode (if cross-training)"
          state={state}
          defaultValue={values.subType ?? ""}
          placeholder="–"
          options={CROSS_TRAINING_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
        />
        <Field name="date" label="Date" type="date" defaultValue={values.date} required state={state} />
        <Field name="title" label="Title (optional)" maxLength={80} defaultValue={values.title} state={state} />
        <Field
          name="duration"
          label="Duration"
          hint="Minutes (45) or hours:minutes (1:15)"
          required
          defaultValue={values.durationMin == null ? null : Math.round(values.durationMin * 100) / 100}
          state={state}
        />
        <Field
          name="distance"
          label={`Distance (${unit === "MI" ? "mi" : "km"}, optional)`}
          type="number"
          inputMode="decimal"
          step="any"
          min={0}
          defaultValue={distance}
          state={state}
        />
        <Field
          name="targetRpe"
          label="Target effort (RPE 0-10, optional)"
          type="number"
          inputMode="numeric"
          min={0}
          max={10}
          defaultValue={values.targetRpe}
          state={state}
        />
      </div>
      <Field name="description" label="Details (optional)" maxLength={1000} defaultValue={values.description} state={state} />
      <WorkoutStepsEditor key={stepsKey} state={state} unit={unit} initial={values.steps} />
    </>
  );
}

export function AddPlannedSessionForm({ squadId, athleteId, unit, defaultDate }: Ids & { unit: "KM" | "MI"; defaultDate: string }) {
  const [state, action] = useActionState(createPlannedSessionAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Hidden squadId={squadId} athleteId={athleteId} />
      <PlannedSessionFields
        state={state}
        unit={unit}
        values={{ type: "RUN", subType: null, date: defaultDate, title: null, durationMin: null, distanceKm: null, targetRpe: null, description: null, steps: null }}
        stepsKey={state.data?.savedId}
      />
      <SubmitButton pendingText="Adding…">Add to plan</SubmitButton>
    </form>
  );
}

export function EditPlannedSessionForm({
  plannedId,
  unit,
  values,
  planHref,
}: {
  plannedId: string;
  unit: "KM" | "MI";
  values: PlannedSessionValues;
  /** The athlete's plan page; the link back opens the week the session now falls in. */
  planHref: string;
}) {
  const [state, action] = useActionState(updatePlannedSessionAction, idleState);
  const date = state.data?.date ?? values.date;
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="plannedId" value={plannedId} />
      <PlannedSessionFields state={state} unit={unit} values={state.status === "ok" ? { ...values, date } : values} />
      <div className="row">
        <SubmitButton pendingText="Saving…">Save changes</SubmitButton>
        <Link href={`${planHref}?view=week&start=${date}`}>Back to the plan</Link>
      </div>
    </form>
  );
}

/** Saves what is planned for the shown week as a template of the squad. */
export function SaveWeekAsTemplateForm({ squadId, athleteId, monday, templatesHref }: Ids & { monday: string; templatesHref: string }) {
  const [state, action] = useActionState(saveWeekAsTemplateAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Hidden squadId={squadId} athleteId={athleteId} />
      <input type="hidden" name="monday" value={monday} />
      <Field name="name" label="Template name" maxLength={80} required state={state} />
      {state.fieldErrors?.monday ? <p className="field-error">{state.fieldErrors.monday.join(" ")}</p> : null}
      <div className="row">
        <SubmitButton className="button button-secondary" pendingText="Saving…">
          Save this week as a template
        </SubmitButton>
        {state.status === "ok" ? <Link href={templatesHref}>Apply it to other athletes</Link> : null}
      </div>
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
