"use client";

import { useState } from "react";
import { useTranslations } from "next-intl";
import { useFormStatus } from "react-dom";
import type { ReactNode } from "react";
import type { FormState } from "@/lib/forms";

/**
 * The form's submit button, disabled while the form is sent. In a form with several of them, `name` and
 * `value` say which one was pressed, and only that one shows the pending text.
 */
export function SubmitButton({
  children,
  pendingText,
  className,
  name,
  value,
}: {
  children: ReactNode;
  pendingText?: string;
  className?: string;
  name?: string;
  value?: string;
}) {
  const t = useTranslations("forms");
  const { pending, data } = useFormStatus();
  const pressed = pending && (name === undefined || data?.get(name) === value);
  return (
    <button type="submit" name={name} value={value} className={className ?? "button"} disabled={pending} aria-disabled={pending}>
      {pressed ? (pendingText ?? t("saving")) : children}
    </button>
  );
}

/** The form-level message, announced to screen readers when it changes. */
export function FormMessage({ state }: { state: FormState }) {
  return (
    <div aria-live="polite" className="form-message-slot">
      {state.message ? (
        <p className={state.status === "error" ? "notice notice-error" : "notice notice-ok"} role="status">
          {state.message}
        </p>
      ) : null}
    </div>
  );
}

type FieldProps = {
  name: string;
  label: string;
  state: FormState;
  type?: string;
  defaultValue?: string | number | null;
  required?: boolean;
  autoComplete?: string;
  hint?: string;
  inputMode?: "text" | "decimal" | "numeric" | "email";
  min?: number | string;
  max?: number | string;
  step?: number | string;
  maxLength?: number;
};

export function Field({ name, label, state, type = "text", defaultValue, hint, ...rest }: FieldProps) {
  const errors = state.fieldErrors?.[name];
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, errors ? `${id}-error` : null].filter(Boolean).join(" ") || undefined;
  const value = state.values?.[name] ?? (defaultValue == null ? undefined : String(defaultValue));
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <input
        id={id}
        name={name}
        type={type}
        defaultValue={type === "password" ? undefined : value}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy}
        {...rest}
      />
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite">
      {errors?.map((e) => (
        <p key={e} className="field-error">
          {e}
        </p>
      ))}
    </div>
  );
}

/**
 * A labelled select that keeps what the person chose. React resets a form after its action runs,
 * which puts a select back on the option it was mounted with; remounting it on each result with
 * the current choice as its default makes the reset land on that choice.
 */
export function SelectField({
  name,
  label,
  state,
  defaultValue,
  options,
  onChange,
  placeholder,
  hint,
}: {
  name: string;
  label: string;
  state: FormState;
  defaultValue: string;
  options: { value: string; label: string }[];
  onChange?: (value: string) => void;
  placeholder?: string;
  hint?: string;
}) {
  const [value, setValue] = useState(state.values?.[name] ?? defaultValue);
  const [seenState, setSeenState] = useState(state);
  const [version, setVersion] = useState(0);
  if (seenState !== state) {
    setSeenState(state);
    setVersion(version + 1);
  }
  const errors = state.fieldErrors?.[name];
  const id = `field-${name}`;
  const describedBy = [hint ? `${id}-hint` : null, `${id}-error`].filter(Boolean).join(" ");
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {hint ? (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      ) : null}
      <select
        key={version}
        id={id}
        name={name}
        defaultValue={value}
        aria-invalid={errors ? true : undefined}
        aria-describedby={describedBy}
        onChange={(e) => {
          setValue(e.currentTarget.value);
          onChange?.(e.currentTarget.value);
        }}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
