import Link from "next/link";
import type { Flag } from "@/lib/training-load";
import { formatDate } from "@/lib/dates";
import { getTranslations } from "next-intl/server";
import { currentIntlLocale } from "@/lib/i18n/server";
import { TriageHeading } from "@/lib/ui/triage-heading";

/**
 * The first thing an athlete with an open referral sees on their home page: who to see and how urgently,
 * and that the plan waits. The symptoms themselves are on the report's own page, not repeated here.
 */
export async function AthleteTriageCard({ referral, heldSessions }: { referral: Flag; heldSessions: number }) {
  const t = await getTranslations("triage.card");
  const intl = await currentIntlLocale();
  const emergency = referral.triage?.emergency === true;
  // The referral runs from its first report not yet cleared.
  const since = referral.triage?.firstReportDate ?? referral.date;
  return (
    <section className={`triage ${emergency ? "triage-emergency" : "triage-clinician"}`} aria-labelledby="home-triage-heading">
      <TriageHeading emergency={emergency} id="home-triage-heading" label={emergency ? t("headingEmergency") : t("headingClinician")} />
      {emergency ? (
        <p>
          {t.rich("emergency", { date: formatDate(since, intl), strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      ) : (
        <p>
          {t.rich("clinician", { date: formatDate(since, intl), strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
      )}
      <p>{t("hold", { date: formatDate(since, intl), held: heldSessions })}</p>
      <p>
        <Link href="/athlete/pain">{t("reports")}</Link>
      </p>
    </section>
  );
}
