"use client";

import { CopyLinkBox } from "@/lib/ui/copy-link-box";
import Link from "next/link";
import { useActionState } from "react";
import { createInvitationAction, removeMemberAction, revokeInvitationAction } from "@/lib/squads/actions";
import { setSquadWellnessAction } from "@/lib/wellness/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FieldError, FormMessage, SubmitButton } from "@/lib/ui/form-controls";
import { NO_LOGIN_TEXT } from "@/lib/managed-athletes/labels";

export function InviteForm({ squadId, canInviteCoaches }: { squadId: string; canInviteCoaches: boolean }) {
  const [state, action] = useActionState(createInvitationAction, idleState);
  const link = state.status === "ok" ? state.data?.link : undefined;
  return (
    <>
      <form action={action} noValidate>
        <FormMessage state={state} />
        <input type="hidden" name="squadId" value={squadId} />
        <div className="field">
          <label htmlFor="invite-role">Role</label>
          <select id="invite-role" name="role" defaultValue="ATHLETE">
            <option value="ATHLETE">Athlete</option>
            {canInviteCoaches ? <option value="COACH">Assistant coach</option> : null}
            {canInviteCoaches ? <option value="CLINICIAN">Clinician (physiotherapist or doctor)</option> : null}
          </select>
          <FieldError id="invite-role-error" errors={state.fieldErrors?.role} />
        </div>
        <Field name="note" label="Who is it for? (optional)" hint="Only you and other coaches see this." maxLength={120} state={state} />
        <SubmitButton pendingText="Creating link…">Create invitation link</SubmitButton>
      </form>
      {link ? <CopyLinkBox key={link} id="invite-link" label="Invitation link" link={link} /> : null}
    </>
  );
}

export function RevokeInvitationButton({ invitationId }: { invitationId: string }) {
  const [state, action] = useActionState(revokeInvitationAction, idleState);
  return (
    <form action={action}>
      <input type="hidden" name="invitationId" value={invitationId} />
      <SubmitButton className="button button-secondary" pendingText="Revoking…">
        Revoke
      </SubmitButton>
      {state.status === "error" ? <p className="field-error">{state.message}</p> : null}
    </form>
  );
}

const confirmRemoval = (name: string) =>
  window.confirm(
    `Remove ${name} from the squad? They keep their account and all their training data, and can join another squad with an invitation. This squad's coaches and clinicians no longer see their data.`,
  );

/** `email` is null for an athlete without a login: the row says so and has no Remove button. */
export type AthleteMemberRow = { userId: string; name: string; email: string | null; joined: string };

/**
 * The squad's athletes, each with a Remove button, in one form: the button pressed names the athlete. A
 * squad of a hundred would otherwise draw a hundred forms, each with its own copy of the action's state.
 */
export function AthleteMembersTable({ squadId, rows }: { squadId: string; rows: AthleteMemberRow[] }) {
  const [state, action] = useActionState(removeMemberAction, idleState);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        const pressed = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        if (!confirmRemoval(rows.find((m) => m.userId === pressed?.value)?.name ?? "this athlete")) e.preventDefault();
      }}
    >
      <FormMessage state={state} />
      <input type="hidden" name="squadId" value={squadId} />
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col" className="hide-narrow">
                Email
              </th>
              <th scope="col">Joined</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((m) => (
              <tr key={m.userId}>
                <td>
                  {/* No prefetch: a hundred visible links would each ask the server for an athlete's page. */}
                  <Link href={`/coach/squads/${squadId}/athletes/${m.userId}`} prefetch={false}>
                    {m.name}
                  </Link>
                  {m.email === null ? (
                    <>
                      {" "}
                      <span className="badge">No login</span>
                    </>
                  ) : null}
                </td>
                <td className="hide-narrow">{m.email ?? <span className="muted">{NO_LOGIN_TEXT}</span>}</td>
                <td>{m.joined}</td>
                <td>
                  {m.email === null ? (
                    <Link href={`/coach/squads/${squadId}/athletes/${m.userId}/account`} prefetch={false}>
                      Login and data<span className="visually-hidden"> of {m.name}</span>
                    </Link>
                  ) : (
                    <SubmitButton className="button button-danger" pendingText="Removing…" name="userId" value={m.userId}>
                      Remove<span className="visually-hidden"> {m.name}</span>
                    </SubmitButton>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </form>
  );
}

export function RemoveMemberButton({ squadId, userId, name }: { squadId: string; userId: string; name: string }) {
  const [state, action] = useActionState(removeMemberAction, idleState);
  return (
    <form
      action={action}
      onSubmit={(e) => {
        if (!confirmRemoval(name)) e.preventDefault();
      }}
    >
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="userId" value={userId} />
      <SubmitButton className="button button-danger" pendingText="Removing…">
        Remove<span className="visually-hidden"> {name}</span>
      </SubmitButton>
      {state.status === "error" ? <p className="field-error">{state.message}</p> : null}
    </form>
  );
}

/** The head coach's switch for the daily wellness check-in: one button that says what it will do. */
export function WellnessSettingForm({ squadId, enabled }: { squadId: string; enabled: boolean }) {
  const [state, action] = useActionState(setSquadWellnessAction, idleState);
  return (
    <form action={action}>
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="enabled" value={enabled ? "off" : "on"} />
      <SubmitButton className={enabled ? "button button-secondary" : "button"} pendingText="Saving…">
        {enabled ? "Turn the daily check-in off" : "Turn the daily check-in on"}
      </SubmitButton>
      <FormMessage state={state} />
    </form>
  );
}
