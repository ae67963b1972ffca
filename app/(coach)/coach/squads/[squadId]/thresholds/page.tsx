import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentLocale } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/auth/viewer";
import { getSquadThresholds } from "@/lib/thresholds/queries";
import { NotFoundError } from "@/lib/errors";
import { ThresholdsForm } from "./thresholds-form";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("thresholds");
  return { title: t("metaTitleSquad") };
}

export default async function SquadThresholdsPage({ params }: { params: Promise<{ squadId: string }> }) {
  const { squadId } = await params;
  const viewer = await requireViewer();
  const [t, locale] = await Promise.all([getTranslations("thresholds"), currentLocale()]);
  const view = await getSquadThresholds(viewer, squadId, locale).catch((e) => {
    if (e instanceof NotFoundError) notFound();
    throw e;
  });
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}`}>← {view.squadName}</Link>
      </p>
      <h1>{t("headingSquad", { name: view.squadName })}</h1>
      <p>{t("introSquad")}</p>
      <p className="muted">{view.overrideCount === 0 ? t("squadDefaults") : t("squadOverrides", { count: view.overrideCount })}</p>
      <ThresholdsForm level="squad" squadId={view.squadId} groups={view.groups} words={{ sources: t("sources"), save: t("save"), saving: t("saving") }} />
    </>
  );
}
