"use client";

import { useActionState, useState } from "react";
import { useTranslations } from "next-intl";
import { replyToCommentAction } from "@/lib/comments/actions";
import { idleState } from "@/lib/forms-state";
import { CommentBody } from "@/lib/ui/comment-body";

type ReplyTarget = { commentId: string; author: string };

/** A "Reply" button under a comment of a thread that opens the reply form in place. */
export function ReplyOpener(props: ReplyTarget) {
  const t = useTranslations("comments");
  const [open, setOpen] = useState(false);
  if (open) return <ReplyForm {...props} />;
  return (
    <button type="button" className="button button-secondary" aria-label={t("replyTo", { name: props.author })} onClick={() => setOpen(true)}>
      {t("reply")}
    </button>
  );
}

function ReplyForm({ commentId, author }: ReplyTarget) {
  const t = useTranslations("comments");
  const [state, action] = useActionState(replyToCommentAction, idleState);
  const id = `reply-${commentId}`;
  return (
    <form action={action} noValidate className="comment-form">
      <input type="hidden" name="commentId" value={commentId} />
      <CommentBody id={id} label={t("yourReplyTo", { name: author })} submitLabel={t("sendReply")} autoFocus state={state} />
    </form>
  );
}
