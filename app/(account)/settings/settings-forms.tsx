"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { LOCALE_NAMES, LOCALES } from "@/lib/i18n/config";
import { changePasswordAction, deleteAccountAction, updatePreferencesAction } from "@/lib/accounts/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SelectField, SubmitButton } from "@/lib/ui/form-controls";

export function PreferencesForm({
  unitPreference,
  timeZone,
  timeZones,
  locale,
  browserLanguage,
}: {
  unitPreference: string;
  timeZone: string;
  timeZones: string[];
  /** The chosen language, or "" to follow the browser. */
  locale: string;
  /** The name of the language the browser asks for, shown beside the automatic choice. */
  browserLanguage: string;
}) {
  const t = useTranslations("preferences");
  const [state, action] = useActionState(updatePreferencesAction, idleState);
  const zones = timeZones.includes(timeZone) ? timeZones : [timeZone, ...timeZones];
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <SelectField
        name="locale"
        label={t("language")}
        state={state}
        defaultValue={locale}
        options={[
          { value: "", label: t("languageAuto", { current: browserLanguage }) },
          ...LOCALES.map((code) => ({ value: code, label: LOCALE_NAMES[code] })),
        ]}
      />
      <SelectField
        name="unitPreference"
        label={t("distancesIn")}
        state={state}
        defaultValue={unitPreference}
        options={[
          { value: "KM", label: t("kilometres") },
          { value: "MI", label: t("miles") },
        ]}
      />
      <SelectField
        name="timeZone"
        label={t("timeZone")}
        state={state}
        defaultValue={timeZone}
        options={zones.map((z) => ({ value: z, label: z }))}
      />
      <SubmitButton>{t("save")}</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const t = useTranslations("settings");
  const f = useTranslations("forms");
  const [state, action] = useActionState(changePasswordAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Field name="currentPassword" label={t("currentPassword")} type="password" autoComplete="current-password" required state={state} />
      <Field name="newPassword" label={t("newPassword")} type="password" autoComplete="new-password" hint={f("passwordHint")} required state={state} />
      <Field name="confirmPassword" label={t("confirmPassword")} type="password" autoComplete="new-password" required state={state} />
      <SubmitButton pendingText={t("changing")}>{t("changePassword")}</SubmitButton>
    </form>
  );
}

export function DeleteAccountForm() {
  const t = useTranslations("settings");
  const [state, action] = useActionState(deleteAccountAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Field name="password" label={t("yourPassword")} type="password" autoComplete="current-password" required state={state} />
      <Field name="confirm" label={t("typeDelete")} autoComplete="off" required state={state} />
      <SubmitButton className="button button-danger" pendingText={t("deleting")}>
        {t("deleteAccount")}
      </SubmitButton>
    </form>
  );
}
