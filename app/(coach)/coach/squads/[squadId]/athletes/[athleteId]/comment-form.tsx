"use client";

import { useActionState, useState } from "react";
import { createCommentAction } from "@/lib/comments/actions";
import { idleState } from "@/lib/forms-state";
import { FieldError, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

const MAX_LENGTH = 2000;

type CommentTarget = {
  squadId: string;
  athleteId: string;
  target: "session" | "painReport";
  targetId: string;
  label: string;
};

/**
 * A "Comment" button that opens the comment form in place. The page lists twenty reports and sessions;
 * the forms are drawn only for the one the coach comments on.
 */
export function CommentOpener(props: CommentTarget) {
  const [open, setOpen] = useState(false);
  if (open) return <CommentForm {...props} autoFocus />;
  return (
    <button type="button" className="button button-secondary" aria-label={props.label} onClick={() => setOpen(true)}>
      Comment
    </button>
  );
}

function CommentForm({ squadId, athleteId, target, targetId, label, autoFocus }: CommentTarget & { autoFocus?: boolean }) {
  const [state, action] = useActionState(createCommentAction, idleState);
  const id = `comment-${targetId}`;
  const errors = [...(state.fieldErrors?.body ?? []), ...(state.fieldErrors?.form ?? [])];
  return (
    <form action={action} noValidate className="comment-form">
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="athleteId" value={athleteId} />
      <input type="hidden" name={target === "session" ? "sessionId" : "painReportId"} value={targetId} />
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
      <SubmitButton className="button button-secondary" pendingText="Sending…">
        Send comment
      </SubmitButton>
      {state.status === "ok" ? <FormMessage state={state} /> : null}
      {state.status === "error" && errors.length === 0 ? <FormMessage state={state} /> : null}
    </form>
  );
}
