import Link from "next/link";
import { notFound } from "next/navigation";
import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { currentIntlLocale } from "@/lib/i18n/server";
import { requireViewer } from "@/lib/auth/viewer";
import { assertCoachOf } from "@/lib/auth/permissions";
import { NotFoundError } from "@/lib/errors";
import { LOG_HEADER_HELP, SQUAD_LOG_MAX_BYTES, SQUAD_LOG_MAX_ROWS } from "@/lib/squad-log/csv";
import { SquadLogUpload } from "./log-upload";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("squadLog.upload");
  return { title: t("metaTitle") };
}

export default async function SquadLogImportPage({ params }: { params: Promise<{ squadId: string }> }) {
  const { squadId } = await params;
  const viewer = await requireViewer();
  try {
    assertCoachOf(viewer, squadId);
  } catch (e) {
    if (e instanceof NotFoundError) notFound();
    throw e;
  }
  const [t, intl] = await Promise.all([getTranslations("squadLog.upload"), currentIntlLocale()]);
  const squadName = viewer.memberships.find((m) => m.squadId === squadId)?.squadName ?? "";
  return (
    <>
      <p>
        <Link href={`/coach/squads/${squadId}/log`}>← {t("back", { squad: squadName })}</Link>
      </p>
      <h1>{t("heading")}</h1>
      <p>{t("intro")}</p>
      <p className="muted">
        {t("limits", {
          mb: SQUAD_LOG_MAX_BYTES / 1024 / 1024,
          rows: new Intl.NumberFormat(intl).format(SQUAD_LOG_MAX_ROWS),
          unit: viewer.unitPreference === "MI" ? t("unitMiles") : "km",
        })}
      </p>
      <h2>{t("columnsHeading")}</h2>
      <p className="muted">{t("columnsHint")}</p>
      <ul>
        {LOG_HEADER_HELP.map((h) => (
          <li key={h.column}>
            {/* The values a column takes are the file's own words, the same in every language. */}
            {t.rich(`columns.${h.column}`, { values: (words) => <code lang="en">{words}</code> })}
          </li>
        ))}
      </ul>
      <noscript>
        <p className="notice notice-warn">{t("needsJs")}</p>
      </noscript>
      <SquadLogUpload squadId={squadId} />
    </>
  );
}
