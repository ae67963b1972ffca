"use client";

import { useActionState } from "react";
import { createFeedAction, revokeFeedAction } from "@/lib/calendar/actions";
import { idleState } from "@/lib/forms-state";
import { FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function FeedForms({ active }: { active: boolean }) {
  const [created, createAction] = useActionState(createFeedAction, idleState);
  const [revoked, revokeAction] = useActionState(revokeFeedAction, idleState);
  const url = created.status === "ok" ? created.data?.url : undefined;
  return (
    <>
      <form action={createAction}>
        <FormMessage state={created} />
        <SubmitButton pendingText="Creating…">{active ? "Replace the feed address" : "Create a feed address"}</SubmitButton>
      </form>
      {url ? (
        <div className="copy-box" style={{ margin: "1rem 0" }}>
          <label htmlFor="feed-url" className="visually-hidden">
            Calendar feed address
          </label>
          <input id="feed-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
      {active ? (
        <form action={revokeAction} style={{ marginTop: "0.5rem" }}>
          <FormMessage state={revoked} />
          <SubmitButton className="button button-danger" pendingText="Stopping…">
            Stop the feed
          </SubmitButton>
        </form>
      ) : null}
    </>
  );
}
