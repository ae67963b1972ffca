"use client";

import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms";
import { FieldError, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

// As long as a comment may be (lib/comments/schemas.ts); the schema, not this, is what refuses more.
const MAX_LENGTH = 2000;

/** The text box, send button and messages shared by the comment and reply forms. */
export function CommentBody({
  id,
  label,
  submitLabel,
  autoFocus,
  state,
}: {
  id: string;
  label: string;
  submitLabel: string;
  autoFocus?: boolean;
  state: FormState;
}) {
  const t = useTranslations("comments");
  const errors = [...(state.fieldErrors?.body ?? []), ...(state.fieldErrors?.form ?? [])];
  return (
    <>
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <textarea
          id={id}
          name="body"
          rows={2}
          autoFocus={autoFocus}
          maxLength={MAX_LENGTH}
          defaultValue={state.values?.body}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={`${id}-error`}
        />
        <FieldError id={`${id}-error`} errors={errors.length ? errors : undefined} />
      </div>
      <SubmitButton className="button button-secondary" pendingText={t("sending")}>
        {submitLabel}
      </SubmitButton>
      {state.status === "ok" ? <FormMessage state={state} /> : null}
      {state.status === "error" && errors.length === 0 ? <FormMessage state={state} /> : null}
    </>
  );
}
