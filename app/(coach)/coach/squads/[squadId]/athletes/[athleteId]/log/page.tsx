import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentLocale } from "@/lib/i18n/server";
import { intlLocale } from "@/lib/i18n/config";
import { requireViewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { getCoachEntryPage, type EntryRow } from "@/lib/coach-entry/queries";
import { createSessionForAthleteAction } from "@/lib/sessions/actions";
import { createPainReportForAthleteAction } from "@/lib/pain/actions";
import { SessionForm } from "@/lib/ui/session-form";
import { blankSession } from "@/lib/sessions/blank-session";
import { PainReportForm } from "@/app/(athlete)/athlete/pain/pain-report-form";
import { formatDateTime } from "@/lib/dates";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("coachEntry");
  return { title: t("logTitle") };
}

type Translate = Awaited<ReturnType<typeof getTranslations<"coachEntry">>>;

function entryState(e: EntryRow, timeZone: string, intl: string, t: Translate): string {
  if (e.state === "deleted") return e.changedAt ? t("deletedBy", { when: formatDateTime(e.changedAt, timeZone, intl) }) : t("deleted");
  if (e.state === "changed") return t("changedBy", { when: formatDateTime(e.changedAt!, timeZone, intl) });
  return t("asEntered");
}

/**
 * Staff put data in for an athlete who does not (a clipboard at the track, a phone call): a session with the
 * athlete's own form and rules, a back-pain report with the same triage, plan hold and alerts, or files.
 */
export default async function CoachLogPage({ params }: { params: Promise<{ squadId: string; athleteId: string }> }) {
  const { squadId, athleteId } = await params;
  const viewer = await requireViewer();
  const locale = await currentLocale();
  const intl = intlLocale(locale);
  const t = await getTranslations("coachEntry");
  const page = await getCoachEntryPage(viewer, squadId, athleteId, new Date(), locale).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const { athlete } = page;
  const hidden = { squadId, athleteId };
  const base = `/coach/squads/${squadId}/athletes/${athleteId}`;
  return (
    <>
      <p>
        <Link href={base}>← {athlete.name}</Link>
      </p>
      <h1>{t("logHeading", { name: athlete.name })}</h1>
      <p className="muted">{t("logIntro", { name: athlete.name, zone: athlete.timeZone })}</p>
      {page.canLogSessions ? (
        <section aria-labelledby="log-session-heading" className="card">
          <h2 id="log-session-heading">{t("logSession")}</h2>
          <SessionForm
            action={createSessionForAthleteAction}
            hiddenFields={hidden}
            unit={viewer.unitPreference}
            shoes={page.shoes}
            submitLabel={t("saveSession")}
            resetOnSuccess
            initial={blankSession(athlete.today)}
          />
          <p>
            <Link href={`${base}/import`}>{t("importLink", { name: athlete.name })}</Link>
          </p>
        </section>
      ) : null}
      <section aria-labelledby="log-pain-heading" className="card">
        <h2 id="log-pain-heading">{t("reportPain")}</h2>
        <PainReportForm
          today={athlete.today}
          forAthlete={{ action: createPainReportForAthleteAction, fields: hidden, reportPath: null }}
        />
      </section>
      <section aria-labelledby="entries-heading">
        <h2 id="entries-heading">{t("entriesHeading", { name: athlete.name })}</h2>
        {page.entries.length === 0 ? (
          <p className="muted">{t("nothingYet")}</p>
        ) : (
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("entriesCaption", { name: athlete.name })}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("col.entered")}</th>
                  <th scope="col">{t("col.what")}</th>
                  <th scope="col">{t("col.now")}</th>
                </tr>
              </thead>
              <tbody>
                {page.entries.map((e) => (
                  <tr key={e.id}>
                    <td>{formatDateTime(e.enteredAt, viewer.timeZone, intl)}</td>
                    <td>{e.what ?? (e.kind === "session" ? t("aSession") : t("aPainReport"))}</td>
                    <td>{entryState(e, viewer.timeZone, intl, t)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </>
  );
}
