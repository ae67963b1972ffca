"use client";

import { useActionState, useRef, useState } from "react";
import { createClaimInvitationAction, deleteManagedAthleteAction } from "@/lib/managed-athletes/actions";
import { idleState } from "@/lib/forms-state";
import { Field, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export function ClaimLinkForm({ squadId, athleteId }: { squadId: string; athleteId: string }) {
  const [state, action] = useActionState(createClaimInvitationAction, idleState);
  const [copied, setCopied] = useState(false);
  const linkRef = useRef<HTMLInputElement>(null);
  const link = state.status === "ok" ? state.data?.link : undefined;
  return (
    <>
      <form action={action}>
        <FormMessage state={state} />
        <input type="hidden" name="squadId" value={squadId} />
        <input type="hidden" name="athleteId" value={athleteId} />
        <SubmitButton pendingText="Creating link…">Create a link to set up their login</SubmitButton>
      </form>
      {link ? (
        <div className="copy-box" style={{ marginTop: "1rem" }}>
          <label htmlFor="claim-link" className="visually-hidden">
            Link to set up their login
          </label>
          <input id="claim-link" ref={linkRef} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          <button
            type="button"
            className="button button-secondary"
            onClick={async () => {
              try {
                await navigator.clipboard.writeText(link);
              } catch {
                linkRef.current?.select();
              }
              setCopied(true);
            }}
          >
            {copied ? "Copied" : "Copy link"}
          </button>
        </div>
      ) : null}
    </>
  );
}

export function DeleteManagedAthleteForm({ squadId, athleteId, name }: { squadId: string; athleteId: string; name: string }) {
  const [state, action] = useActionState(deleteManagedAthleteAction, idleState);
  return (
    <form action={action} noValidate>
      <FormMessage state={state} />
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="athleteId" value={athleteId} />
      <Field name="confirm" label={`Type ${name} to confirm`} autoComplete="off" required state={state} />
      <SubmitButton className="button button-danger" pendingText="Deleting…">
        Delete {name} and their data
      </SubmitButton>
    </form>
  );
}
