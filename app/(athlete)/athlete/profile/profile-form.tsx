"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { updateProfileAction } from "@/lib/profiles/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FieldError, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form-controls";
import type { AthleteProfileView } from "@/lib/profiles/queries";
import { CURVATURE_OPTIONS, FOOTPRINT_OPTIONS, POSTURE_OPTIONS, SEX_OPTIONS } from "@/lib/profiles/labels";

export function ProfileForm({ profile }: { profile: AthleteProfileView }) {
  const t = useTranslations("profile");
  const [state, action] = useActionState(updateProfileAction, idleState);
  // After a failed submit the form shows what was typed; checkbox groups keep the saved values.
  const v = (name: keyof AthleteProfileView) => state.values?.[name] ?? (profile[name] as string | number | null);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Field name="birthDate" label={t("birthDate")} type="date" defaultValue={v("birthDate")} state={state} />
      <SelectField
        name="sex"
        label={t("sex")}
        state={state}
        defaultValue={profile.sex}
        options={SEX_OPTIONS.map((o) => ({ value: o, label: t(`options.sex.${o}`) }))}
      />
      <Field name="heightCm" label={t("heightCm")} type="number" inputMode="decimal" min={100} max={230} step="0.1" defaultValue={v("heightCm")} state={state} />
      <Field name="weightKg" label={t("weightKg")} type="number" inputMode="decimal" min={25} max={200} step="0.1" defaultValue={v("weightKg")} state={state} />
      <SelectField
        name="footprintType"
        label={t("footprintType")}
        hint={t("footprintHint")}
        state={state}
        defaultValue={profile.footprintType}
        options={FOOTPRINT_OPTIONS.map((o) => ({ value: o, label: t(`options.footprintType.${o}`) }))}
      />
      <Field
        name="legLengthDiscrepancyMm"
        label={t("legLength")}
        hint={t("legLengthHint")}
        type="number"
        inputMode="decimal"
        min={0}
        max={60}
        step="0.5"
        defaultValue={v("legLengthDiscrepancyMm")}
        state={state}
      />
      <fieldset className="checks">
        <legend>{t("postureLegend")}</legend>
        {POSTURE_OPTIONS.map((o) => (
          <label key={o}>
            <input type="checkbox" name="postureLoad" value={o} defaultChecked={profile.postureLoad.includes(o)} />
            {t(`options.postureLoad.${o}`)}
          </label>
        ))}
        <FieldError id="field-postureLoad-error" errors={state.fieldErrors?.postureLoad} />
      </fieldset>
      <fieldset className="checks">
        <legend>{t("curvatureLegend")}</legend>
        {CURVATURE_OPTIONS.map((o) => (
          <label key={o}>
            <input type="checkbox" name="curvatureFindings" value={o} defaultChecked={profile.curvatureFindings.includes(o)} />
            {t(`options.curvatureFindings.${o}`)}
          </label>
        ))}
        <FieldError id="field-curvatureFindings-error" errors={state.fieldErrors?.curvatureFindings} />
      </fieldset>
      <div className="field">
        <label htmlFor="field-injuryHistory">{t("injuryHistory")}</label>
        <textarea
          id="field-injuryHistory"
          name="injuryHistory"
          rows={4}
          maxLength={2000}
          defaultValue={String(v("injuryHistory") ?? "")}
          aria-invalid={state.fieldErrors?.injuryHistory ? true : undefined}
          aria-describedby="field-injuryHistory-error"
        />
        <FieldError id="field-injuryHistory-error" errors={state.fieldErrors?.injuryHistory} />
      </div>
      <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
    </form>
  );
}
