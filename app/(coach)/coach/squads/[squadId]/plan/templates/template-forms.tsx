"use client";

import { useActionState, useState } from "react";
import { useLocale, useTranslations } from "next-intl";
import { applyPlanTemplateAction, createPlanTemplateAction, deletePlanTemplateAction, updatePlanTemplateAction } from "@/lib/plans/actions";
import { idleState } from "@/lib/forms-state";
import type { FormState } from "@/lib/forms";
import { Field, FieldError, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form-controls";
import { CROSS_TRAINING_MODES, SESSION_TYPES } from "@/lib/sessions/labels";
import { MAX_TEMPLATE_NAME, MAX_TEMPLATE_SESSIONS, TEMPLATE_DAYS } from "@/lib/plans/limits";
import type { TemplateSession } from "@/lib/plans/schemas";
import { distanceFieldValue } from "@/lib/units";
import { templateDayOptions } from "@/lib/plans/templates";
import { intlLocale, isLocale } from "@/lib/i18n/config";

/** A stored template, to edit: its sessions as the form shows them (distances in the coach's unit). */
export type EditableTemplate = { id: string; name: string; sessions: TemplateSession[] };

/**
 * A template's name and its sessions, posted as name and sessions.N.field. With `template` it edits that
 * template (its sessions fill the rows, and after a save they are filled again from what was stored, in
 * day order); without, it creates one and empties itself after saving.
 */
export function TemplateForm({ squadId, unit, template }: { squadId: string; unit: "KM" | "MI"; template?: EditableTemplate }) {
  const [state, action] = useActionState(template ? updatePlanTemplateAction : createPlanTemplateAction, idleState);
  const [saves, setSaves] = useState(0);
  const [seenState, setSeenState] = useState(state);
  if (seenState !== state) {
    setSeenState(state);
    if (state.status === "ok") setSaves(saves + 1);
  }
  // The fields start again (from the stored template, or empty) whenever what they start from changes.
  const fieldsKey = template ? JSON.stringify([template.name, template.sessions]) : String(saves);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="squadId" value={squadId} />
      {template ? <input type="hidden" name="templateId" value={template.id} /> : null}
      <TemplateFields key={fieldsKey} state={state} unit={unit} template={template} />
    </form>
  );
}

/**
 * The state a row shows: after a refused save, what was typed in it and its errors come back under the
 * position it was posted at; rows added or removed since then move, so the row takes them from there.
 */
function rowState(state: FormState, postedIndex: number, index: number): FormState {
  if (postedIndex === index || (!state.values && !state.fieldErrors)) return state;
  const move = <T,>(record: Record<string, T> | undefined): Record<string, T> | undefined => {
    if (!record) return record;
    const out: Record<string, T> = {};
    for (const [name, value] of Object.entries(record)) {
      const row = /^sessions\.(\d+)\.(.+)$/.exec(name);
      if (!row) out[name] = value;
      else if (Number(row[1]) === postedIndex) out[`sessions.${index}.${row[2]}`] = value;
    }
    return out;
  };
  return { ...state, values: move(state.values), fieldErrors: move(state.fieldErrors) };
}

function TemplateFields({ state, unit, template }: { state: FormState; unit: "KM" | "MI"; template?: EditableTemplate }) {
  // Row keys stay with their fields when a row above is removed; the posted index is the position. The
  // first keys are the stored sessions' positions, so each row starts from its session's values.
  const initialRows = template ? template.sessions.map((_, i) => i) : [0];
  const [rows, setRows] = useState<number[]>(initialRows);
  const [nextKey, setNextKey] = useState(initialRows.length);
  // The rows as they were when the form was last answered: the answer's values are by those positions.
  const [postedRows, setPostedRows] = useState<number[]>(initialRows);
  const [seenState, setSeenState] = useState(state);
  if (seenState !== state) {
    setSeenState(state);
    setPostedRows(rows);
  }
  const t = useTranslations("plan");
  const names = useTranslations("sessionTypes");
  const locale = useLocale();
  const dayOptions = templateDayOptions(t, intlLocale(isLocale(locale) ? locale : "en"));
  const addRow = () => {
    setRows([...rows, nextKey]);
    setNextKey(nextKey + 1);
  };
  return (
    <>
      <Field name="name" label={t("templateName")} maxLength={MAX_TEMPLATE_NAME} required state={state} defaultValue={template?.name} />
      <FieldError id="field-sessions-error" errors={state.fieldErrors?.sessions} />
      {rows.map((key, index) => {
        const name = (field: string) => `sessions.${index}.${field}`;
        const stored = template?.sessions[key];
        const row = rowState(state, postedRows.indexOf(key), index);
        return (
          <fieldset key={key} className="template-row">
            <legend>{t("templateSession", { number: index + 1 })}</legend>
            <div className="grid">
              <SelectField
                name={name("dayOffset")}
                label={t("dayColumn")}
                state={row}
                defaultValue={String(stored?.dayOffset ?? Math.min(index, TEMPLATE_DAYS - 1))}
                options={dayOptions}
              />
              <SelectField
                name={name("type")}
                label={t("fieldType")}
                state={row}
                defaultValue={stored?.type ?? "RUN"}
                options={SESSION_TYPES.map((type) => ({ value: type, label: names(`types.${type}`) }))}
              />
              <SelectField
                name={name("subType")}
                label={t("fieldMode")}
                state={row}
                defaultValue={stored?.subType ?? ""}
                placeholder="–"
                options={CROSS_TRAINING_MODES.map((m) => ({ value: m, label: names(`modes.${m}`) }))}
              />
              <Field
                name={name("duration")}
                label={t("fieldDuration")}
                hint={t("fieldDurationHint")}
                required
                state={row}
                defaultValue={stored ? String(stored.durationMin) : undefined}
              />
              <Field
                name={name("distance")}
                label={t("fieldDistance", { unit: unit === "MI" ? "mi" : "km" })}
                type="number"
                inputMode="decimal"
                step="any"
                min={0}
                state={row}
                defaultValue={stored?.distanceKm == null ? undefined : distanceFieldValue(stored.distanceKm, unit)}
              />
              <Field
                name={name("targetRpe")}
                label={t("fieldTargetRpe")}
                type="number"
                inputMode="numeric"
                min={0}
                max={10}
                state={row}
                defaultValue={stored?.targetRpe ?? undefined}
              />
              <Field name={name("title")} label={t("fieldTitle")} maxLength={80} state={row} defaultValue={stored?.title ?? undefined} />
            </div>
            {rows.length > 1 ? (
              <button type="button" className="button button-danger" onClick={() => setRows(rows.filter((k) => k !== key))}>
                {t("templateRemoveSession", { number: index + 1 })}
              </button>
            ) : null}
          </fieldset>
        );
      })}
      <div className="row">
        {rows.length < MAX_TEMPLATE_SESSIONS ? (
          <button type="button" className="button button-secondary" onClick={addRow}>
            {t("addHeading")}
          </button>
        ) : null}
        <SubmitButton pendingText={t("saving")}>{t("saveTemplate")}</SubmitButton>
      </div>
    </>
  );
}

export function DeleteTemplateButton({ squadId, templateId, name }: { squadId: string; templateId: string; name: string }) {
  const t = useTranslations("plan");
  const [state, action] = useActionState(deletePlanTemplateAction, idleState);
  return (
    <form action={action}>
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="templateId" value={templateId} />
      <SubmitButton className="button button-danger" pendingText={t("deleting")}>
        {t("deleteTemplate")}<span className="visually-hidden"> {name}</span>
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
  const t = useTranslations("plan");
  const [state, action] = useActionState(applyPlanTemplateAction, idleState);
  // After a refused submit the action echoes the chosen athletes, so the reset form keeps them ticked.
  const chosen = new Set(state.status === "error" ? (state.values?.athleteIds ?? "").split(",").filter(Boolean) : []);
  const errors = state.fieldErrors?.athleteIds;
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="squadId" value={squadId} />
      <div className="grid">
        <SelectField name="templateId" label={t("templateField")} state={state} defaultValue={templates[0]?.id ?? ""} options={templates.map((t) => ({ value: t.id, label: t.name }))} />
        <Field name="startDate" label={t("startOn")} type="date" hint={t("startOnHint")} defaultValue={defaultStart} required state={state} />
      </div>
      <fieldset className="checks" aria-describedby="field-athleteIds-error" aria-invalid={errors ? true : undefined}>
        <legend>{t("athletesLegend")}</legend>
        {athletes.map((a) => (
          <label key={a.id}>
            <input type="checkbox" name="athleteIds" value={a.id} defaultChecked={chosen.has(a.id)} />
            {a.name}
          </label>
        ))}
        <FieldError id="field-athleteIds-error" errors={errors} />
      </fieldset>
      <SubmitButton pendingText={t("applying")}>{t("applyTemplate")}</SubmitButton>
    </form>
  );
}
