import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/dates";
import { currentIntlLocale } from "@/lib/i18n/server";
import { emailAlertsEnabled, listNotifications } from "@/lib/notifications/queries";
import { InboxList, MarkAllReadForm } from "./inbox-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("inbox");
  return { title: t("title") };
}

export default async function InboxPage() {
  const viewer = await requireViewer();
  const [inbox, t, intlLocale] = await Promise.all([listNotifications(viewer), getTranslations("inbox"), currentIntlLocale()]);
  return (
    <div style={{ maxWidth: "44rem", margin: "0 auto" }}>
      <h1>{t("title")}</h1>
      <p>
        {t("unread", { count: inbox.unread })}{" "}
        <span className="muted">
          {t("openingMarksRead")}
          {emailAlertsEnabled() ? ` ${t("emailed", { email: viewer.email })}` : ""}
        </span>
      </p>
      {inbox.unread > 0 ? <MarkAllReadForm /> : null}
      {inbox.items.length === 0 ? (
        <p className="card">{t("empty")}</p>
      ) : (
        <InboxList
          rows={inbox.items.map((item) => ({
            id: item.id,
            title: item.title,
            when: formatDateTime(item.createdAt, viewer.timeZone, intlLocale),
            read: item.read,
            urgent: item.kind === "EMERGENCY",
          }))}
        />
      )}
      {inbox.more ? <p className="muted">{t("showingNewest", { count: inbox.items.length })}</p> : null}
    </div>
  );
}
