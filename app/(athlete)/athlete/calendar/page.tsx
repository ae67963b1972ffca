import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentIntlLocale } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getFeedStatus } from "@/lib/calendar/feeds";
import { listPlannedSessions } from "@/lib/plans/queries";
import { PlannedTitle } from "@/lib/ui/planned-title";
import { addDays, formatDate, formatDateTime, todayIn } from "@/lib/dates";
import { FeedForms } from "./feed-forms";
import { getTrainingView } from "@/lib/athletes/training";
import { PlannedReason } from "@/lib/ui/planned-reason";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("plan"))("athleteMeta") };
}

export default async function CalendarPage() {
  const viewer = await requireViewer();
  const today = todayIn(viewer.timeZone);
  const [status, planned, training] = await Promise.all([
    getFeedStatus(viewer),
    listPlannedSessions(viewer, viewer.id, today, addDays(today, 27)),
    getTrainingView(viewer, viewer.id, 28),
  ]);
  const returning = training.flags.find((f) => f.id === "return-to-run");
  const t = await getTranslations("plan");
  const locale = await currentIntlLocale();
  const step = returning ? { label: returning.values.stepLabel, maxMin: returning.values.maxRunMin, until: returning.values.endDate } : null;
  return (
    <div className="narrow">
      <h1>{t("athleteHeading")}</h1>
      {step ? (
        <p className="notice notice-warn">
          <strong>
            {typeof step.until === "string" ? t("returningUntil", { date: formatDate(step.until, locale) }) : t("returning")}
          </strong>{" "}
          {t("returningNext", {
            step: typeof step.label === "string" ? step.label : t("returningNextStep"),
            max: typeof step.maxMin === "number" ? t("returningMax", { min: Math.round(step.maxMin) }) : "",
          })}
        </p>
      ) : null}
      {planned.some((p) => p.held) ? (
        <p className="notice notice-warn">
          {t.rich("athleteHeld", { strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      ) : null}
      {planned.length === 0 ? (
        <p className="muted">{t("athleteNothing")}</p>
      ) : (
        <ul>
          {planned.map((p) => (
            <li key={p.id}>
              <strong>{formatDate(p.date, locale)}</strong>:{" "}
              <PlannedTitle planned={p} unit={viewer.unitPreference} />
              {p.held ? null : <PlannedReason row={p} unit={viewer.unitPreference} />}
            </li>
          ))}
        </ul>
      )}
      <section className="card" aria-labelledby="feed-heading">
        <h2 id="feed-heading" style={{ marginTop: 0 }}>
          {t("feedHeading")}
        </h2>
        <p>{t("feedHelp")}</p>
        <p>
          {status.active && status.createdAt
            ? t("feedActive", { created: formatDateTime(status.createdAt, viewer.timeZone, locale) })
            : t("feedNone")}
        </p>
        <FeedForms active={status.active} />
        <p>
          <a href="/api/calendar/download" download>
            {t("feedDownload")}
          </a>
        </p>
      </section>
    </div>
  );
}
