import Link from "next/link";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { listOwnShoes } from "@/lib/sessions/queries";
import { listSessionHistory } from "@/lib/sessions/history";
import { parseHistoryQuery, type RawSearchParams } from "@/lib/sessions/history-params";
import { createSessionAction } from "@/lib/sessions/actions";
import { SessionForm } from "@/lib/ui/session-form";
import { blankSession } from "@/lib/sessions/blank-session";
import { todayIn } from "@/lib/dates";
import { currentLocale } from "@/lib/i18n/server";
import { HistorySection } from "./history-section";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("sessions");
  return { title: t("title") };
}

export default async function SessionsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const params = await searchParams;
  const viewer = await requireViewer();
  const locale = await currentLocale();
  const t = await getTranslations("sessions");
  const query = parseHistoryQuery(params);
  const [history, shoes] = await Promise.all([listSessionHistory(viewer, query, locale), listOwnShoes(viewer)]);
  return (
    <>
      <h1>{t("title")}</h1>
      {params.saved ? <p className="notice notice-ok">{t("updated")}</p> : null}
      {params.deleted ? <p className="notice notice-ok">{t("deleted")}</p> : null}
      <section className="card" aria-labelledby="log-heading">
        <h2 id="log-heading" style={{ marginTop: 0 }}>
          {t("logHeading")}
        </h2>
        <SessionForm
          action={createSessionAction}
          unit={viewer.unitPreference}
          shoes={shoes}
          submitLabel={t("saveSession")}
          resetOnSuccess
          initial={blankSession(todayIn(viewer.timeZone))}
        />
        <p className="muted">{t.rich("shoesManaged", { link: (chunks) => <Link href="/athlete/shoes">{chunks}</Link> })}</p>
      </section>
      <HistorySection viewer={viewer} shoes={shoes} query={query} history={history} locale={locale} />
    </>
  );
}
