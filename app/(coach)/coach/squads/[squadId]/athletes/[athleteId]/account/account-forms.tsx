"use client";

import { CopyLinkBox } from "@/lib/ui/copy-link-box";
import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { createClaimInvitationAction, deleteManagedAthleteAction } from "@/lib/managed-athletes/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function ClaimLinkForm({ squadId, athleteId }: { squadId: string; athleteId: string }) {
  const t = useTranslations("coachEntry");
  const [state, action] = useActionState(createClaimInvitationAction, idleState);
  const link = state.status === "ok" ? state.data?.link : undefined;
  return (
    <>
      <form action={action}>
        <FormMessage state={state} />
        <input type="hidden" name="squadId" value={squadId} />
        <input type="hidden" name="athleteId" value={athleteId} />
        <SubmitButton pendingText={t("creatingLink")}>{t("createLink")}</SubmitButton>
      </form>
      {link ? <CopyLinkBox key={link} id="claim-link" label={t("linkLabel")} link={link} /> : null}
    </>
  );
}

export function DeleteManagedAthleteForm({ squadId, athleteId, name }: { squadId: string; athleteId: string; name: string }) {
  const t = useTranslations("coachEntry");
  const [state, action] = useActionState(deleteManagedAthleteAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="athleteId" value={athleteId} />
      <Field name="confirm" label={t("typeToConfirm", { name })} autoComplete="off" required state={state} />
      <SubmitButton className="button button-danger" pendingText={t("deleting")}>
        {t("deleteButton", { name })}
      </SubmitButton>
    </form>
  );
}
