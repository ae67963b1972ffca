"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createFeedAction, revokeFeedAction } from "@/lib/calendar/actions";
import { idleState } from "@/lib/forms-state";
import { FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function FeedForms({ active }: { active: boolean }) {
  const t = useTranslations("plan");
  const [created, createAction] = useActionState(createFeedAction, idleState);
  const [revoked, revokeAction] = useActionState(revokeFeedAction, idleState);
  const url = created.status === "ok" ? created.data?.url : undefined;
  return (
    <>
      <form action={createAction}>
        <FormMessage state={created} />
        <SubmitButton pendingText={t("feedCreating")}>{active ? t("feedReplace") : t("feedCreate")}</SubmitButton>
      </form>
      {url ? (
        <div className="copy-box" style={{ margin: "1rem 0" }}>
          <label htmlFor="feed-url" className="visually-hidden">
            {t("feedAddress")}
          </label>
          <input id="feed-url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        </div>
      ) : null}
      {active ? (
        <form action={revokeAction} style={{ marginTop: "0.5rem" }}>
          <FormMessage state={revoked} />
          <SubmitButton className="button button-danger" pendingText={t("feedStopping")}>
            {t("feedStop")}
          </SubmitButton>
        </form>
      ) : null}
    </>
  );
}
