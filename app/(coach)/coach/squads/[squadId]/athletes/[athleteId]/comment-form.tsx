"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { createCommentAction } from "@/lib/comments/actions";
import { idleState } from "@/lib/forms-state";
import { CommentBody } from "@/lib/ui/comment-body";

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
  const t = useTranslations("comments");
  const [open, setOpen] = useState(false);
  if (open) return <CommentForm {...props} autoFocus />;
  return (
    <button type="button" className="button button-secondary" aria-label={props.label} onClick={() => setOpen(true)}>
      {t("comment")}
    </button>
  );
}

function CommentForm({ squadId, athleteId, target, targetId, label, autoFocus }: CommentTarget & { autoFocus?: boolean }) {
  const t = useTranslations("comments");
  const [state, action] = useActionState(createCommentAction, idleState);
  const id = `comment-${targetId}`;
  return (
    <form action={action} noValidate className="comment-form">
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="athleteId" value={athleteId} />
      <input type="hidden" name={target === "session" ? "sessionId" : "painReportId"} value={targetId} />
      <CommentBody id={id} label={label} submitLabel={t("sendComment")} autoFocus={autoFocus} state={state} />
    </form>
  );
}
