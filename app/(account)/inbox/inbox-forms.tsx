"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { markAllNotificationsReadAction, readNotificationAction } from "@/lib/notifications/actions";
import { idleState } from "@/lib/forms-state";
import { FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export type InboxRow = { id: string; title: string; when: string; read: boolean; urgent: boolean };

/** The alerts as one form: the pressed button names the alert and whether to open it or only mark it read. */
export function InboxList({ rows }: { rows: InboxRow[] }) {
  const t = useTranslations("inbox");
  const [state, action] = useActionState(readNotificationAction, idleState);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <ul aria-label={t("listLabel")} style={{ listStyle: "none", padding: 0, margin: 0 }}>
        {rows.map((row) => (
          <li key={row.id} className={row.urgent ? "card flag flag-referral" : "card"}>
            <p className="row" style={{ margin: 0 }}>
              {row.read ? null : <span className="badge">{t("unreadBadge")}</span>}
              {row.urgent ? <span className="badge badge-danger">{t("urgentBadge")}</span> : null}
              <span className="muted">{row.when}</span>
            </p>
            <p style={{ margin: "0.25rem 0", fontWeight: row.read ? 400 : 700 }}>
              <SubmitButton className="link-button" name="open" value={row.id} pendingText={t("opening")}>
                {row.title}
              </SubmitButton>
            </p>
            {row.read ? null : (
              <SubmitButton className="button button-secondary" name="read" value={row.id} pendingText={t("marking")}>
                {t("markRead")}<span className="visually-hidden">: {row.title}</span>
              </SubmitButton>
            )}
          </li>
        ))}
      </ul>
    </form>
  );
}

export function MarkAllReadForm() {
  const t = useTranslations("inbox");
  const [state, action] = useActionState(markAllNotificationsReadAction, idleState);
  return (
    <form action={action}>
      <FormMessage state={state} />
      <SubmitButton className="button button-secondary" pendingText={t("marking")}>
        {t("markAllRead")}
      </SubmitButton>
    </form>
  );
}
