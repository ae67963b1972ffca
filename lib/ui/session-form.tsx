"use client";

import { useActionState, useState } from "react";
import type { FormState } from "@/lib/forms";
import { idleState } from "@/lib/forms-state";
import { Field, FieldError, FormMessage, SelectField as Select, SubmitButton } from "@/lib/ui/form-controls";
import {
  CR10_LABELS,
  CROSS_TRAINING_MODES,
  MODE_LABELS,
  SESSION_TYPES,
  SESSION_TYPE_LABELS,
  SURFACES,
  SURFACE_LABELS,
} from "@/lib/sessions/labels";

export type SessionFormValues = {
  id?: string;
  type: string;
  subType: string | null;
  date: string;
  startTime: string | null;
  duration: string;
  /** For an imported session with a moving time: the duration field is that moving time. */
  movingTime?: { elapsedText: string };
  distance: string;
  elevationGainM: number | null;
  rpe: number | null;
  avgHr: number | null;
  surface: string | null;
  shoeId: string | null;
  notes: string | null;
};

type Props = {
  action: (prev: FormState, data: FormData) => Promise<FormState>;
  initial: SessionFormValues;
  unit: "KM" | "MI";
  shoes: { id: string; name: string; retired: boolean }[];
  submitLabel: string;
  resetOnSuccess?: boolean;
  /** Fields the action needs besides the form's own, e.g. the squad and athlete a coach logs for. */
  hiddenFields?: Record<string, string>;
};

/** One form for logging and editing a session; fields that do not apply to the type are hidden. */
export function SessionForm({ action, initial, unit, shoes, submitLabel, resetOnSuccess, hiddenFields }: Props) {
  const [state, formAction] = useActionState(action, idleState);
  const [type, setType] = useState(initial.type);
  const shownType = type;
  const unitLabel = unit === "MI" ? "mi" : "km";
  // After a successful quick-add the form starts afresh for the next session.
  const formKey = resetOnSuccess && state.status === "ok" ? (state.data?.savedId ?? "saved") : "form";
  return (
    <form action={formAction} noValidate key={resetOnSuccess ? formKey : undefined}>
      <FormMessage state={state} />
      {initial.id ? <input type="hidden" name="sessionId" value={initial.id} /> : null}
      {Object.entries(hiddenFields ?? {}).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <div className="grid">
        <Select
          name="type"
          label="Type"
          state={state}
          defaultValue={initial.type}
          options={SESSION_TYPES.map((t) => ({ value: t, label: SESSION_TYPE_LABELS[t] }))}
          onChange={setType}
        />
        {shownType === "CROSS_TRAINING" ? (
          <Select
            name="subType"
            label="Mode"
            state={state}
            defaultValue={initial.subType ?? ""}
            placeholder="Choose…"
            options={CROSS_TRAINING_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
          />
        ) : null}
        <Field name="date" label="Date" type="date" required defaultValue={initial.date} state={state} />
        <Field name="startTime" label="Start time (optional)" type="time" defaultValue={initial.startTime} state={state} />
        <Field
          name="duration"
          label={initial.movingTime ? "Moving time" : "Duration"}
          hint={
            initial.movingTime
              ? `Minutes (45) or hours:minutes (1:15). This is what counts for load; elapsed with pauses: ${initial.movingTime.elapsedText}`
              : "Minutes (45) or hours:minutes (1:15)"
          }
          required
          defaultValue={initial.duration}
          state={state}
        />
        <Field
          name="distance"
          label={`Distance (${unitLabel})${shownType === "RUN" ? "" : " (optional)"}`}
          type="number"
          inputMode="decimal"
          step="any"
          min={0}
          defaultValue={initial.distance}
          state={state}
        />
        <Select
          name="rpe"
          label="Effort (RPE, about 30 min after)"
          state={state}
          defaultValue={initial.rpe == null ? "" : String(initial.rpe)}
          placeholder="Not rated"
          options={CR10_LABELS.map((label, i) => ({ value: String(i), label: `${i} – ${label}` }))}
        />
        {shownType === "RUN" ? (
          <>
            <Select
              name="surface"
              label="Surface"
              state={state}
              defaultValue={initial.surface ?? ""}
              placeholder="Not recorded"
              options={SURFACES.map((s) => ({ value: s, label: SURFACE_LABELS[s] }))}
            />
            <Select
              name="shoeId"
              label="Shoe"
              state={state}
              defaultValue={initial.shoeId ?? ""}
              placeholder={shoes.length ? "Not recorded" : "No shoes yet"}
              options={shoes
                .filter((s) => !s.retired || s.id === initial.shoeId)
                .map((s) => ({ value: s.id, label: s.retired ? `${s.name} (retired)` : s.name }))}
            />
          </>
        ) : null}
        <Field
          name="elevationGainM"
          label="Elevation gain (m, optional)"
          type="number"
          inputMode="numeric"
          min={0}
          defaultValue={initial.elevationGainM}
          state={state}
        />
        <Field
          name="avgHr"
          label="Average heart rate (optional)"
          type="number"
          inputMode="numeric"
          min={30}
          max={240}
          defaultValue={initial.avgHr}
          state={state}
        />
      </div>
      <div className="field">
        <label htmlFor="field-notes">Notes (optional)</label>
        <textarea id="field-notes" name="notes" rows={2} maxLength={1000} defaultValue={state.values?.notes ?? initial.notes ?? ""} />
        <FieldError id="field-notes-error" errors={state.fieldErrors?.notes} />
      </div>
      <SubmitButton>{submitLabel}</SubmitButton>
    </form>
  );
}
