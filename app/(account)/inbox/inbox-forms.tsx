"use client";

import { useActionState } from "react";
import { markAllNotificationsReadAction, readNotificationAction } from "@/lib/notifications/actions";
import { idleState } from "@/lib/forms-state";
import { FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export type InboxRow = { id: string; title: string; when: string; read: boolean; urgent: boolean };

/** The alerts as one form: the pressed button names the alert and whether to open it or only mark it read. */
export function InboxList({ rows }: { rows: InboxRow[] }) {
  const [state, action] = useActionState(readNotificationAction, idleState);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <ul aria-label="Alerts, newest first" style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {rows.map((row) => (
          <li key={row.id} className={row.urgent ? "card flag flag-referral" : "card"}>
            <p className="row" style={{ margin: 0 }}>
              {row.read ? null : <span className="badge">Unread</span>}
              {row.urgent ? <span className="badge badge-danger">Urgent</span> : null}
              <span className="muted">{row.when}</span>
            </p>
            <p style={{ margin: "0.25rem 0", fontWeight: row.read ? 400 : 700 }}>
              <SubmitButton className="link-button" name="open" value={row.id} pendingText="Opening…">
                {row.title}
              </SubmitButton>
            </p>
            {row.read ? null : (
              <SubmitButton className="button button-secondary" name="read" value={row.id} pendingText="Marking…">
                Mark read<span className="visually-hidden">: {row.title}</span>
              </SubmitButton>
            )}
          </li>
        ))}
      </ul>
    </form>
  );
}

export function MarkAllReadForm() {
  const [state, action] = useActionState(markAllNotificationsReadAction, idleState);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <SubmitButton className="button button-secondary" pendingText="Marking…">
        Mark all as read
      </SubmitButton>
    </form>
  );
}
