"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms";
import { idleState } from "@/lib/forms-state";
import { Field, FieldError, FormMessage, SelectField as Select, SubmitButton } from "@/lib/ui/form-controls";
import { CR10_LABELS, CROSS_TRAINING_MODES, SESSION_TYPES, SURFACES } from "@/lib/sessions/labels";

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
  const t = useTranslations("sessionForm");
  const names = useTranslations("sessionTypes");
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
          label={t("type")}
          state={state}
          defaultValue={initial.type}
          options={SESSION_TYPES.map((type) => ({ value: type, label: names(`types.${type}`) }))}
          onChange={setType}
        />
        {shownType === "CROSS_TRAINING" ? (
          <Select
            name="subType"
            label={t("mode")}
            state={state}
            defaultValue={initial.subType ?? ""}
            placeholder={t("choose")}
            options={CROSS_TRAINING_MODES.map((m) => ({ value: m, label: names(`modes.${m}`) }))}
          />
        ) : null}
        <Field name="date" label={t("date")} type="date" required defaultValue={initial.date} state={state} />
        <Field name="startTime" label={t("startTime")} type="time" defaultValue={initial.startTime} state={state} />
        <Field
          name="duration"
          label={initial.movingTime ? t("movingTime") : t("duration")}
          hint={initial.movingTime ? t("movingHint", { elapsed: initial.movingTime.elapsedText }) : t("durationHint")}
          required
          defaultValue={initial.duration}
          state={state}
        />
        <Field
          name="distance"
          label={t(shownType === "RUN" ? "distance" : "distanceOptional", { unit: unitLabel })}
          type="number"
          inputMode="decimal"
          step="any"
          min={0}
          defaultValue={initial.distance}
          state={state}
        />
        <Select
          name="rpe"
          label={t("rpe")}
          state={state}
          defaultValue={initial.rpe == null ? "" : String(initial.rpe)}
          placeholder={t("notRated")}
          options={CR10_LABELS.map((_, i) => ({ value: String(i), label: t("rpeOption", { value: i, label: names(`cr10.r${i}`) }) }))}
        />
        {shownType === "RUN" ? (
          <>
            <Select
              name="surface"
              label={t("surface")}
              state={state}
              defaultValue={initial.surface ?? ""}
              placeholder={t("notRecorded")}
              options={SURFACES.map((s) => ({ value: s, label: names(`surfaces.${s}`) }))}
            />
            <Select
              name="shoeId"
              label={t("shoe")}
              state={state}
              defaultValue={initial.shoeId ?? ""}
              placeholder={shoes.length ? t("notRecorded") : t("noShoes")}
              options={shoes
                .filter((s) => !s.retired || s.id === initial.shoeId)
                .map((s) => ({ value: s.id, label: s.retired ? t("retired", { name: s.name }) : s.name }))}
            />
          </>
        ) : null}
        <Field
          name="elevationGainM"
          label={t("elevation")}
          type="number"
          inputMode="numeric"
          min={0}
          defaultValue={initial.elevationGainM}
          state={state}
        />
        <Field
          name="avgHr"
          label={t("avgHr")}
          type="number"
          inputMode="numeric"
          min={30}
          max={240}
          defaultValue={initial.avgHr}
          state={state}
        />
      </div>
      <div className="field">
        <label htmlFor="field-notes">{t("notes")}</label>
        <textarea id="field-notes" name="notes" rows={2} maxLength={1000} defaultValue={state.values?.notes ?? initial.notes ?? ""} />
        <FieldError id="field-notes-error" errors={state.fieldErrors?.notes} />
      </div>
      <SubmitButton pendingText={t("saving")}>{submitLabel}</SubmitButton>
    </form>
  );
}
