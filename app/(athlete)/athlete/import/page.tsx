import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { requireViewer } from "@/lib/auth/viewer";
import { ImportWizard } from "./import-wizard";
import { ImportHistory } from "./import-history";
import { getOwnImportHistory } from "@/lib/imports/queries";
import { formatDateTime } from "@/lib/dates";
import { currentIntlLocale } from "@/lib/i18n/server";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("imports");
  return { title: t("title") };
}

export default async function ImportPage() {
  const viewer = await requireViewer();
  const t = await getTranslations("imports");
  const intl = await currentIntlLocale();
  const history = await getOwnImportHistory(viewer);
  return (
    <>
      <h1>{t("title")}</h1>
      <p>{t("intro")}</p>
      <p className="muted">{t("zoneNote", { zone: viewer.timeZone })}</p>
      <ImportWizard unit={viewer.unitPreference} />
      <h2>{t("yourImports")}</h2>
      <p className="muted">{t("undoHint")}</p>
      <ImportHistory
        rows={history.map((h) => ({
          id: h.id,
          when: formatDateTime(h.createdAt, viewer.timeZone, intl),
          fileCount: h.fileCount,
          syncedFrom: h.syncedFrom,
          createdCount: h.createdCount,
          sessionCount: h.sessionCount,
          undone: h.undoneAt ? formatDateTime(h.undoneAt, viewer.timeZone, intl) : null,
          removedCount: h.removedCount,
        }))}
      />
    </>
  );
}
