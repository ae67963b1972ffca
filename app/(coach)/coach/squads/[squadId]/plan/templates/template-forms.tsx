"use client";

import { useActionState, useState } from "react";
import { applyPlanTemplateAction, createPlanTemplateAction, deletePlanTemplateAction } from "@/lib/plans/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FieldError, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form-controls";
import { CROSS_TRAINING_MODES, MODE_LABELS, SESSION_TYPES, SESSION_TYPE_LABELS } from "@/lib/sessions/labels";
import { MAX_TEMPLATE_SESSIONS, TEMPLATE_DAYS } from "@/lib/plans/limits";
import { TEMPLATE_DAY_OPTIONS } from "@/lib/plans/templates";

/** A template's name and its sessions; rows are added and removed here and posted as sessions.N.field. */
export function CreateTemplateForm({ squadId, unit }: { squadId: string; unit: "KM" | "MI" }) {
  const [state, action] = useActionState(createPlanTemplateAction, idleState);
  // Row keys stay with their fields when a row above is removed; the posted index is the position.
  const [rows, setRows] = useState<number[]>([0]);
  const [nextKey, setNextKey] = useState(1);
  const [seenState, setSeenState] = useState(state);
  if (seenState !== state) {
    setSeenState(state);
    if (state.status === "ok") {
      setRows([nextKey]);
      setNextKey(nextKey + 1);
    }
  }
  const addRow = () => {
    setRows([...rows, nextKey]);
    setNextKey(nextKey + 1);
  };
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="squadId" value={squadId} />
      <Field name="name" label="Template name" maxLength={80} required state={state} />
      <FieldError id="field-sessions-error" errors={state.fieldErrors?.sessions} />
      {rows.map((key, index) => {
        const name = (field: string) => `sessions.${index}.${field}`;
        return (
          <fieldset key={key} className="template-row">
            <legend>Session {index + 1}</legend>
            <div className="grid">
              <SelectField
                name={name("dayOffset")}
                label="Day"
                state={state}
                defaultValue={String(Math.min(index, TEMPLATE_DAYS - 1))}
                options={TEMPLATE_DAY_OPTIONS}
              />
              <SelectField
                name={name("type")}
                label="Type"
                state={state}
                defaultValue="RUN"
                options={SESSION_TYPES.map((t) => ({ value: t, label: SESSION_TYPE_LABELS[t] }))}
              />
              <SelectField
                name={name("subType")}
                label="Cross-training mode (if cross-training)"
                state={state}
                defaultValue=""
                placeholder="–"
                options={CROSS_TRAINING_MODES.map((m) => ({ value: m, label: MODE_LABELS[m] }))}
              />
              <Field name={name("duration")} label="Duration" hint="Minutes (45) or hours:minutes (1:15)" required state={state} />
              <Field
                name={name("distance")}
                label={`Distance (${unit === "MI" ? "mi" : "km"}, optional)`}
                type="number"
                inputMode="decimal"
                step="0.1"
                min={0}
                state={state}
              />
              <Field name={name("targetRpe")} label="Target effort (RPE 0-10, optional)" type="number" inputMode="numeric" min={0} max={10} state={state} />
              <Field name={name("title")} label="Title (optional)" maxLength={80} state={state} />
            </div>
            {rows.length > 1 ? (
              <button type="button" className="button button-danger" onClick={() => setRows(rows.filter((k) => k !== key))}>
                Remove session {index + 1}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <div className="row">
        {rows.length < MAX_TEMPLATE_SESSIONS ? (
          <button type="button" className="button button-secondary" onClick={addRow}>
            Add a session
          </button>
        ) : null}
        <SubmitButton pendingText="Saving…">Save template</SubmitButton>
      </div>
    </form>
  );
}

export function DeleteTemplateButton({ squadId, templateId, name }: { squadId: string; templateId: string; name: string }) {
  const [state, action] = useActionState(deletePlanTemplateAction, idleState);
  return (
    <form action={action}>
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="templateId" value={templateId} />
      <SubmitButton className="button button-danger" pendingText="Deleting…">
        Delete template<span className="visually-hidden"> {name}</span>
      </SubmitButton>
      {state.status === "error" ? <p className="field-error">{state.message}</p> : null}
    </form>
  );
}

export function ApplyTemplateForm({
  squadId,
  templates,
  athletes,
  defaultStart,
}: {
  squadId: string;
  templates: { id: string; name: string }[];
  athletes: { id: string; name: string }[];
  defaultStart: string;
}) {
  const [state, action] = useActionState(applyPlanTemplateAction, idleState);
  // After a refused submit the action echoes the chosen athletes, so the reset form keeps them ticked.
  const chosen = new Set(state.status === "error" ? (state.values?.athleteIds ?? "").split(",").filter(Boolean) : []);
  const errors = state.fieldErrors?.athleteIds;
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="squadId" value={squadId} />
      <div className="grid">
        <SelectField name="templateId" label="Template" state={state} defaultValue={templates[0]?.id ?? ""} options={templates.map((t) => ({ value: t.id, label: t.name }))} />
        <Field name="startDate" label="Start on (a Monday)" type="date" hint="The template's first day falls on this Monday" defaultValue={defaultStart} required state={state} />
      </div>
      <fieldset className="checks" aria-describedby="field-athleteIds-error" aria-invalid={errors ? true : undefined}>
        <legend>Athletes</legend>
        {athletes.map((a) => (
          <label key={a.id}>
            <input type="checkbox" name="athleteIds" value={a.id} defaultChecked={chosen.has(a.id)} />
            {a.name}
          </label>
        ))}
        <FieldError id="field-athleteIds-error" errors={errors} />
      </fieldset>
      <SubmitButton pendingText="Applying…">Apply template</SubmitButton>
    </form>
  );
}
