"use client";

import { useActionState, useState } from "react";
import { replyToCommentAction } from "@/lib/comments/actions";
import { idleState } from "@/lib/forms-state";
import { FieldError, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

// As long as a comment may be (lib/comments/schemas.ts); the schema, not this, is what refuses more.
const MAX_LENGTH = 2000;

type ReplyTarget = { commentId: string; author: string };

/** A "Reply" button under a comment of a thread that opens the reply form in place. */
export function ReplyOpener(props: ReplyTarget) {
  const [open, setOpen] = useState(false);
  if (open) return <ReplyForm {...props} />;
  return (
    <button type="button" className="button button-secondary" aria-label={`Reply to ${props.author}`} onClick={() => setOpen(true)}>
      Reply
    </button>
  );
}

function ReplyForm({ commentId, author }: ReplyTarget) {
  const [state, action] = useActionState(replyToCommentAction, idleState);
  const id = `reply-${commentId}`;
  const errors = [...(state.fieldErrors?.body ?? []), ...(state.fieldErrors?.form ?? [])];
  return (
    <form action={action} noValidate className="comment-form">
      <input type="hidden" name="commentId" value={commentId} />
      <div className="field">
        <label htmlFor={id}>Your reply to {author}</label>
        <textarea
          id={id}
          name="body"
          rows={2}
          autoFocus
          maxLength={MAX_LENGTH}
          defaultValue={state.values?.body}
          aria-invalid={errors.length ? true : undefined}
          aria-describedby={`${id}-error`}
        />
        <FieldError id={`${id}-error`} errors={errors.length ? errors : undefined} />
      </div>
      <SubmitButton className="button button-secondary" pendingText="Sending…">
        Send reply
      </SubmitButton>
      {state.status === "ok" ? <FormMessage state={state} /> : null}
      {state.status === "error" && errors.length === 0 ? <FormMessage state={state} /> : null}
    </form>
  );
}
