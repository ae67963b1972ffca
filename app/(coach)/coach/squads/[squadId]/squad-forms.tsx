"use client";

import { CopyLinkBox } from "@/lib/ui/copy-link-box";
import Link from "next/link";
import { useActionState, useEffect, useRef } from "react";
import { useTranslations } from "next-intl";
import { createInvitationAction, removeMemberAction, revokeInvitationAction, undoRemoveMemberAction } from "@/lib/squads/actions";
import { setSquadWellnessAction } from "@/lib/wellness/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FieldError, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function InviteForm({ squadId, canInviteCoaches }: { squadId: string; canInviteCoaches: boolean }) {
  const t = useTranslations("squad");
  const [state, action] = useActionState(createInvitationAction, idleState);
  const link = state.status === "ok" ? state.data?.link : undefined;
  return (
    <>
      <form action={action} noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="squadId" value={squadId} />
        <div className="field">
          <label htmlFor="invite-role">{t("inviteRole")}</label>
          <select id="invite-role" name="role" defaultValue="ATHLETE">
            <option value="ATHLETE">{t("roleAthlete")}</option>
            {canInviteCoaches ? <option value="COACH">{t("roleCoach")}</option> : null}
            {canInviteCoaches ? <option value="CLINICIAN">{t("roleClinicianLong")}</option> : null}
          </select>
          <FieldError id="invite-role-error" errors={state.fieldErrors?.role} />
        </div>
        <Field name="note" label={t("inviteNote")} hint={t("inviteNoteHint")} maxLength={120} state={state} />
        <SubmitButton pendingText={t("inviteCreating")}>{t("inviteSubmit")}</SubmitButton>
      </form>
      {link ? <CopyLinkBox key={link} id="invite-link" label={t("inviteLinkLabel")} link={link} /> : null}
    </>
  );
}

export function RevokeInvitationButton({ invitationId }: { invitationId: string }) {
  const t = useTranslations("squad");
  const [state, action] = useActionState(revokeInvitationAction, idleState);
  return (
    <form action={action}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton className="button button-secondary" pendingText={t("revoking")}>
        {t("revoke")}
      </SubmitButton>
      {state.status === "error" ? <p className="field-error">{state.message}</p> : null}
    </form>
  );
}

/** The confirmed removal: Confirm posts, Cancel goes back to the squad page; both work without JavaScript. */
export function ConfirmRemovalForm({ squadId, userId, cancelHref }: { squadId: string; userId: string; cancelHref: string }) {
  const t = useTranslations("squad");
  const [state, action] = useActionState(removeMemberAction, idleState);
  const cancel = useRef<HTMLAnchorElement>(null);
  // Focus starts on the harmless choice, so a keyboard lands in the question (without JavaScript, the
  // address's #confirm-remove brings it into view).
  useEffect(() => cancel.current?.focus(), [userId]);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="userId" value={userId} />
      <div className="row">
        <SubmitButton className="button button-danger" pendingText={t("removing")}>
          {t("confirm")}
        </SubmitButton>
        <Link href={cancelHref} className="button button-secondary" ref={cancel}>
          {t("cancel")}
        </Link>
      </div>
    </form>
  );
}

/** Puts the membership just removed back, within a few minutes. */
export function UndoRemovalForm({ squadId, userId, minutes }: { squadId: string; userId: string; minutes: number }) {
  const t = useTranslations("squad");
  const [state, action] = useActionState(undoRemoveMemberAction, idleState);
  return (
    <form action={action} className="row" style={{ marginTop: "0.5rem" }}>
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton className="button button-secondary" pendingText={t("undoing")}>
        {t("undo")}
      </SubmitButton>
      <span className="muted">{t("undoHint", { minutes })}</span>
      {state.status === "error" ? <p className="field-error">{state.message}</p> : null}
    </form>
  );
}

/** The head coach's switch for the daily wellness check-in: one button that says what it will do. */
export function WellnessSettingForm({ squadId, enabled }: { squadId: string; enabled: boolean }) {
  const t = useTranslations("squad");
  const [state, action] = useActionState(setSquadWellnessAction, idleState);
  return (
    <form action={action}>
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="enabled" value={enabled ? "off" : "on"} />
      <SubmitButton className={enabled ? "button button-secondary" : "button"} pendingText={t("saving")}>
        {enabled ? t("wellnessTurnOff") : t("wellnessTurnOn")}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
