import type { Metadata } from "next";
import { requireViewer } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/dates";
import { emailAlertsEnabled, listNotifications } from "@/lib/notifications/queries";
import { InboxList, MarkAllReadForm } from "./inbox-forms";

export const metadata: Metadata = { title: "Inbox" };

export default async function InboxPage() {
  const viewer = await requireViewer();
  const inbox = await listNotifications(viewer);
  return (
    <div style={{ maxWidth: "44rem", margin: "0 auto" }}>
      <h1>Inbox</h1>
      <p>
        {inbox.unread === 0 ? "Nothing unread." : inbox.unread === 1 ? "1 unread alert." : `${inbox.unread} unread alerts.`}{" "}
        <span className="muted">
          Opening an alert marks it read.
          {emailAlertsEnabled() ? ` Each alert is also emailed to ${viewer.email}, without names or details.` : ""}
        </span>
      </p>
      {inbox.unread > 0 ? <MarkAllReadForm /> : null}
      {inbox.items.length === 0 ? (
        <p className="card">
          No alerts yet. Alerts about reports that need attention, comments and replies to you and clearances arrive here.
        </p>
      ) : (
        <InboxList
          rows={inbox.items.map((item) => ({
            id: item.id,
            title: item.title,
            when: formatDateTime(item.createdAt, viewer.timeZone),
            read: item.read,
            urgent: item.kind === "EMERGENCY",
          }))}
        />
      )}
      {inbox.more ? <p className="muted">Showing the {inbox.items.length} newest alerts.</p> : null}
    </div>
  );
}
