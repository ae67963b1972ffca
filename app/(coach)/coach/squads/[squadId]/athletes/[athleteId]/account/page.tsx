import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentIntlLocale } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getAthleteLogin } from "@/lib/managed-athletes/queries";
import { NotFoundError } from "@/lib/errors";
import { formatDateTime } from "@/lib/dates";
import { ClaimLinkForm, DeleteManagedAthleteForm } from "./account-forms";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("coachEntry");
  return { title: t("accountTitle") };
}

export default async function AthleteAccountPage({ params }: { params: Promise<{ squadId: string; athleteId: string }> }) {
  const { squadId, athleteId } = await params;
  const viewer = await requireViewer();
  const t = await getTranslations("coachEntry");
  const intl = await currentIntlLocale();
  const athlete = await getAthleteLogin(viewer, squadId, athleteId).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  const base = `/coach/squads/${squadId}/athletes/${athleteId}`;
  return (
    <div className="narrow">
      <p>
        <Link href={base}>← {athlete.name}</Link>
      </p>
      <h1>{t("accountHeading", { name: athlete.name })}</h1>
      {athlete.hasLogin ? (
        <p>{t("hasLogin", { name: athlete.name })}</p>
      ) : (
        <>
          <p>
            <span className="badge">{t("noLogin")}</span> {t("noLoginBody", { name: athlete.name })}
          </p>
          <section className="card" aria-labelledby="claim-heading">
            <h2 id="claim-heading" style={{ marginTop: 0 }}>
              {t("claimHeading", { name: athlete.name })}
            </h2>
            <p className="muted">{t("claimBody", { name: athlete.name })}</p>
            {athlete.pendingClaimExpiresAt ? (
              <p>{t("claimPending", { when: formatDateTime(athlete.pendingClaimExpiresAt, viewer.timeZone, intl) })}</p>
            ) : null}
            <ClaimLinkForm squadId={squadId} athleteId={athleteId} />
          </section>
          <section className="card" aria-labelledby="data-heading">
            <h2 id="data-heading" style={{ marginTop: 0 }}>
              {t("dataHeading")}
            </h2>
            <p>
              <a href={`/api/exports/squads/${squadId}/athletes/${athleteId}/personal-data`} download>
                {t("download", { name: athlete.name })}
              </a>
              {t("downloadHint")}
            </p>
            <h3>{t("deleteHeading", { name: athlete.name })}</h3>
            <p>{t("deleteBody", { name: athlete.name })}</p>
            <DeleteManagedAthleteForm squadId={squadId} athleteId={athleteId} name={athlete.name} />
          </section>
        </>
      )}
    </div>
  );
}
