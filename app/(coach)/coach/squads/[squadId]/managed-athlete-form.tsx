"use client";

import Link from "next/link";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createManagedAthleteAction } from "@/lib/managed-athletes/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form-controls";
import { SEX_OPTIONS } from "@/lib/profiles/labels";

/** Adds an athlete who has no login (yet): the coach keeps their training, and can later send them a link to claim it. */
export function AddManagedAthleteForm({ squadId }: { squadId: string }) {
  const t = useTranslations("managedAthletes");
  const [state, action] = useActionState(createManagedAthleteAction, idleState);
  const added = state.status === "ok" ? state.data : undefined;
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      {added ? (
        <p>
          <Link href={`/coach/squads/${squadId}/athletes/${added.athleteId}`}>{t("openPage", { name: added.name })}</Link>
          {" · "}
          <Link href={`/coach/squads/${squadId}/athletes/${added.athleteId}/account`}>{t("loginAndData")}</Link>
        </p>
      ) : null}
      <input type="hidden" name="squadId" value={squadId} />
      <Field name="name" label={t("name")} autoComplete="off" required maxLength={100} state={state} />
      <div className="grid">
        <Field name="birthDate" label={t("birthDate")} type="date" state={state} />
        <SelectField
          name="sex"
          label={t("sex")}
          state={state}
          defaultValue="UNDISCLOSED"
          options={SEX_OPTIONS.map((o) => ({ value: o, label: t(`sexOptions.${o}`) }))}
        />
        <Field name="heightCm" label={t("heightCm")} type="number" inputMode="decimal" min={100} max={230} step="0.1" state={state} />
        <Field name="weightKg" label={t("weightKg")} type="number" inputMode="decimal" min={25} max={200} step="0.1" state={state} />
      </div>
      <SubmitButton pendingText={t("adding")}>{t("add")}</SubmitButton>
    </form>
  );
}
