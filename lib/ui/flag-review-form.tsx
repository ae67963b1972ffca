"use client";

import { useActionState, useId } from "react";
import { useTranslations } from "next-intl";
import { reviewFlagAction } from "@/lib/flag-reviews/actions";
import { idleState } from "@/lib/forms-state";
import { FieldError, FormMessage } from "@/lib/ui/form-controls";
import { REVIEW_NOTE_MAX_LENGTH } from "@/lib/flag-reviews/limits";

/** Acknowledge (seen, being handled) or resolve (dealt with, say how) one active flag, with a note. */
export function FlagReviewForm({
  squadId,
  athleteId,
  flagId,
  flagDate,
  flagName,
  canResolve = true,
}: {
  squadId: string;
  athleteId: string;
  flagId: string;
  flagDate: string;
  flagName: string;
  /** A referral is acknowledged only: a recorded clearance ends it. */
  canResolve?: boolean;
}) {
  const t = useTranslations("flagReview");
  const [state, action, pending] = useActionState(reviewFlagAction, idleState);
  const id = useId();
  const noteErrors = state.fieldErrors?.note;
  return (
    <form action={action} className="flag-review-form" noValidate>
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="athleteId" value={athleteId} />
      <input type="hidden" name="flagId" value={flagId} />
      <input type="hidden" name="flagDate" value={flagDate} />
      <div className="field">
        <label htmlFor={`${id}-note`}>{canResolve ? t("noteToResolve", { flag: flagName }) : t("note", { flag: flagName })}</label>
        <textarea
          id={`${id}-note`}
          name="note"
          rows={2}
          maxLength={REVIEW_NOTE_MAX_LENGTH}
          defaultValue={state.status === "error" ? state.values?.note : ""}
          aria-invalid={noteErrors ? true : undefined}
          aria-describedby={noteErrors ? `${id}-note-error` : undefined}
        />
        <FieldError id={`${id}-note-error`} errors={noteErrors} />
      </div>
      <div className="row">
        <button type="submit" name="status" value="ACKNOWLEDGED" className="button button-secondary" disabled={pending}>
          {t("acknowledge")}
        </button>
        {canResolve ? (
          <button type="submit" name="status" value="RESOLVED" className="button button-secondary" disabled={pending}>
            {t("resolve")}
          </button>
        ) : null}
      </div>
      <FormMessage state={state} />
    </form>
  );
}
