"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { recordClearanceAction, releaseHeldPlanAction } from "@/lib/safety/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FieldError, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form-controls";
import { CLEARANCE_KINDS, CLEARANCE_NOTE_MAX_LENGTH, CLINICIAN_NAME_MAX_LENGTH } from "@/lib/safety/labels";

/**
 * Records a clinician's clearance after a referral: the day, who cleared the athlete and what they said.
 * Only this ends a referral.
 */
export function ClearanceForm({ squadId, athleteId, today, defaultName }: { squadId: string; athleteId: string; today: string; defaultName?: string }) {
  const t = useTranslations("safety");
  const [state, action] = useActionState(recordClearanceAction, idleState);
  const noteErrors = state.fieldErrors?.note;
  if (state.status === "ok") return <FormMessage state={state} />;
  return (
    <form action={action} noValidate className="clearance-form">
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="athleteId" value={athleteId} />
      <Field name="clearedOn" label={t("clearedOn")} type="date" state={state} defaultValue={today} max={today} required />
      <Field
        name="clinicianName"
        label={t("clearedByName")}
        state={state}
        defaultValue={defaultName}
        maxLength={CLINICIAN_NAME_MAX_LENGTH}
        autoComplete="off"
        required
      />
      <SelectField
        name="clinicianKind"
        label={t("whoCleared")}
        state={state}
        defaultValue=""
        placeholder={t("choose")}
        options={CLEARANCE_KINDS.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
      />
      <div className="field">
        <label htmlFor="field-clearance-note">{t("clinicianSaid")}</label>
        <textarea
          id="field-clearance-note"
          name="note"
          rows={3}
          maxLength={CLEARANCE_NOTE_MAX_LENGTH}
          defaultValue={state.values?.note}
          aria-invalid={noteErrors ? true : undefined}
          aria-describedby="field-clearance-note-error"
        />
        <FieldError id="field-clearance-note-error" errors={noteErrors} />
      </div>
      <SubmitButton pendingText={t("recording")}>{t("recordClearance")}</SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}

/** One action that puts an athlete's held sessions back in the plan, once a clearance is recorded. */
export function ReleaseHoldForm({ squadId, athleteId, heldSessions }: { squadId: string; athleteId: string; heldSessions: number }) {
  const t = useTranslations("safety");
  const [state, action] = useActionState(releaseHeldPlanAction, idleState);
  return (
    <form action={action} className="release-hold-form">
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="athleteId" value={athleteId} />
      {state.status === "ok" ? null : (
        <SubmitButton className="button" pendingText={t("releasing")}>
          {t("releaseHeld", { count: heldSessions })}
        </SubmitButton>
      )}
      <FormMessage state={state} />
    </form>
  );
}
