"use client";

import { useActionState } from "react";
import { changePasswordAction, updatePreferencesAction } from "@/lib/accounts/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FieldError, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function PreferencesForm({ unitPreference, timeZone, timeZones }: { unitPreference: string; timeZone: string; timeZones: string[] }) {
  const [state, action] = useActionState(updatePreferencesAction, idleState);
  const zones = timeZones.includes(timeZone) ? timeZones : [timeZone, ...timeZones];
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <div className="field">
        <label htmlFor="field-unitPreference">Distances in</label>
        <select id="field-unitPreference" name="unitPreference" defaultValue={state.values?.unitPreference ?? unitPreference}>
          <option value="KM">Kilometres</option>
          <option value="MI">Miles</option>
        </select>
        <FieldError id="field-unitPreference-error" errors={state.fieldErrors?.unitPreference} />
      </div>
      <div className="field">
        <label htmlFor="field-timeZone">Time zone</label>
        <select id="field-timeZone" name="timeZone" defaultValue={state.values?.timeZone ?? timeZone}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <FieldError id="field-timeZone-error" errors={state.fieldErrors?.timeZone} />
      </div>
      <SubmitButton>Save preferences</SubmitButton>
    </form>
  );
}

export function ChangePasswordForm() {
  const [state, action] = useActionState(changePasswordAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <Field name="currentPassword" label="Current password" type="password" autoComplete="current-password" required state={state} />
      <Field name="newPassword" label="New password" type="password" autoComplete="new-password" hint="At least 10 characters." required state={state} />
      <Field name="confirmPassword" label="New password again" type="password" autoComplete="new-password" required state={state} />
      <SubmitButton pendingText="Changing…">Change password</SubmitButton>
    </form>
  );
}
