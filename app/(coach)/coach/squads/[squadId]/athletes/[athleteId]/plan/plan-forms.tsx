"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import {
  copyWeekAction,
  createPlannedSessionAction,
  deletePlannedSessionAction,
  movePlannedSessionAction,
  saveWeekAsTemplateAction,
  undoCopyWeekAction,
  updatePlannedSessionAction,
} from "@/lib/plans/actions";
import type { FormState } from "@/lib/forms";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form-controls";
import { CROSS_TRAINING_MODES, SESSION_TYPES } from "@/lib/sessions/labels";
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
  const t = useTranslations("plan");
  const names = useTranslations("sessionTypes");
  const distance = values.distanceKm == null ? null : distanceFieldValue(values.distanceKm, unit);
  return (
    <>
      <div className="grid">
        <SelectField
          name="type"
          label={t("fieldType")}
          state={state}
          defaultValue={values.type}
          options={SESSION_TYPES.map((type) => ({ value: type, label: names(`types.${type}`) }))}
        />
        <SelectField
          name="subType"
          label={t("fieldMode")}
          state={state}
          defaultValue={values.subType ?? ""}
          placeholder="–"
          options={CROSS_TRAINING_MODES.map((m) => ({ value: m, label: names(`modes.${m}`) }))}
        />
        <Field name="date" label={t("fieldDate")} type="date" defaultValue={values.date} required state={state} />
        <Field name="title" label={t("fieldTitle")} maxLength={80} defaultValue={values.title} state={state} />
        <Field
          name="duration"
          label={t("fieldDuration")}
          hint={t("fieldDurationHint")}
          required
          defaultValue={values.durationMin == null ? null : Math.round(values.durationMin * 100) / 100}
          state={state}
        />
        <Field
          name="distance"
          label={t("fieldDistance", { unit: unit === "MI" ? "mi" : "km" })}
          type="number"
          inputMode="decimal"
          step="any"
          min={0}
          defaultValue={distance}
          state={state}
        />
        <Field
          name="targetRpe"
          label={t("fieldTargetRpe")}
          type="number"
          inputMode="numeric"
          min={0}
          max={10}
          defaultValue={values.targetRpe}
          state={state}
        />
      </div>
      <Field name="description" label={t("fieldDetails")} maxLength={1000} defaultValue={values.description} state={state} />
      <WorkoutStepsEditor key={stepsKey} state={state} unit={unit} initial={values.steps} />
    </>
  );
}

export function AddPlannedSessionForm({ squadId, athleteId, unit, defaultDate }: Ids & { unit: "KM" | "MI"; defaultDate: string }) {
  const t = useTranslations("plan");
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
      <SubmitButton pendingText={t("adding")}>{t("addToPlan")}</SubmitButton>
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
  const t = useTranslations("plan");
  const [state, action] = useActionState(updatePlannedSessionAction, idleState);
  const date = state.data?.date ?? values.date;
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="plannedId" value={plannedId} />
      <PlannedSessionFields state={state} unit={unit} values={state.status === "ok" ? { ...values, date } : values} />
      <div className="row">
        <SubmitButton pendingText={t("saving")}>{t("saveChanges")}</SubmitButton>
        <Link href={`${planHref}?view=week&start=${date}`}>{t("backToPlan")}</Link>
      </div>
    </form>
  );
}

/** Saves what is planned for the shown week as a template of the squad. */
export function SaveWeekAsTemplateForm({ squadId, athleteId, monday, templatesHref }: Ids & { monday: string; templatesHref: string }) {
  const t = useTranslations("plan");
  const [state, action] = useActionState(saveWeekAsTemplateAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Hidden squadId={squadId} athleteId={athleteId} />
      <input type="hidden" name="monday" value={monday} />
      <Field name="name" label={t("templateName")} maxLength={80} required state={state} />
      {state.fieldErrors?.monday ? <p className="field-error">{state.fieldErrors.monday.join(" ")}</p> : null}
      <div className="row">
        <SubmitButton className="button button-secondary" pendingText={t("saving")}>
          {t("saveWeekAsTemplate")}
        </SubmitButton>
        {state.status === "ok" ? <Link href={templatesHref}>{t("applyToOthers")}</Link> : null}
      </div>
    </form>
  );
}

export function PlannedItemControls({ plannedId, date, label }: { plannedId: string; date: string; label: string }) {
  const t = useTranslations("plan");
  const [moved, moveAction] = useActionState(movePlannedSessionAction, idleState);
  const [removed, removeAction] = useActionState(deletePlannedSessionAction, idleState);
  return (
    <div className="row">
      <form action={moveAction} className="row">
        <input type="hidden" name="plannedId" value={plannedId} />
        <label className="visually-hidden" htmlFor={`move-${plannedId}`}>
          {t("newDateFor", { label })}
        </label>
        <input id={`move-${plannedId}`} type="date" name="date" defaultValue={date} style={{ width: "auto" }} />
        <SubmitButton className="button button-secondary" pendingText={t("moving")}>
          {t("move")}
          <span className="visually-hidden"> {label}</span>
        </SubmitButton>
      </form>
      <form action={removeAction}>
        <input type="hidden" name="plannedId" value={plannedId} />
        <SubmitButton className="button button-danger" pendingText={t("removing")}>
          {t("remove")}
          <span className="visually-hidden"> {label}</span>
        </SubmitButton>
      </form>
      {moved.status === "error" ? <p className="field-error">{moved.message}</p> : null}
      {moved.status === "ok" && moved.message ? (
        <p className="muted" role="status">
          {moved.message}
        </p>
      ) : null}
      {removed.status === "error" ? <p className="field-error">{removed.message}</p> : null}
    </div>
  );
}

/**
 * "Copy this week to next week": says first what it will create and what is already there, then copies in
 * one go; right after, the copies can be removed again.
 */
export function CopyWeekForm({
  squadId,
  athleteId,
  monday,
  nextWeekLabel,
  toCopy,
  alreadyThere,
  held,
}: Ids & { monday: string; nextWeekLabel: string; toCopy: number; alreadyThere: number; held: boolean }) {
  const t = useTranslations("plan");
  const [confirming, setConfirming] = useState(false);
  const [copied, copyAction] = useActionState(copyWeekAction, idleState);
  const [undone, undoAction] = useActionState(undoCopyWeekAction, idleState);
  const copiedIds = copied.status === "ok" ? (copied.data?.copiedIds ?? "") : "";
  const copiedCount = Number(copied.data?.copied ?? 0);
  const undoDone = undone.status === "ok" && undone.data?.undone === copiedIds;
  if (held) return <p className="notice notice-warn">{t("copyHeld")}</p>;
  return (
    <div className="copy-week">
      <FormMessage state={copied} />
      {copiedIds && !undoDone ? (
        <form action={undoAction} className="row" onSubmit={() => setConfirming(false)}>
          <Hidden squadId={squadId} athleteId={athleteId} />
          <input type="hidden" name="plannedIds" value={copiedIds} />
          <SubmitButton className="button button-secondary" pendingText={t("removing")}>
            {t("undoCopy", { count: copiedCount })}
          </SubmitButton>
        </form>
      ) : null}
      <FormMessage state={undone} />
      {toCopy === 0 ? (
        <p className="muted">{t("copyNothing")}</p>
      ) : confirming && (!copiedIds || undoDone) ? (
        <form action={copyAction}>
          <Hidden squadId={squadId} athleteId={athleteId} />
          <input type="hidden" name="monday" value={monday} />
          <p role="status">
            {t("copyConfirm", { count: toCopy, week: nextWeekLabel })}{" "}
            {alreadyThere ? t("copyAlreadyThere", { count: alreadyThere }) : t("copyNothingThere")}
          </p>
          <div className="row">
            <SubmitButton pendingText={t("copying")}>{t("copyConfirmButton", { count: toCopy })}</SubmitButton>
            <button type="button" className="button button-secondary" onClick={() => setConfirming(false)}>
              {t("cancel")}
            </button>
          </div>
        </form>
      ) : !copiedIds || undoDone ? (
        <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
          {t("copyWeek")}
        </button>
      ) : null}
    </div>
  );
}
