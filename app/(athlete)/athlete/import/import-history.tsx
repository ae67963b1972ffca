"use client";

import { useActionState } from "react";
import { useTranslations } from "next-intl";
import { undoImportAction } from "@/lib/imports/actions";
import { idleState } from "@/lib/forms-state";
import { FormMessage, SubmitButton } from "@/lib/ui/form-controls";
import { PROVIDER_NAMES } from "@/lib/sync/provider-ids";
import type { ProviderId } from "@/lib/sync/providers/types";

export type HistoryRow = {
  id: string;
  when: string;
  fileCount: number;
  syncedFrom: ProviderId | null;
  createdCount: number;
  sessionCount: number;
  undone: string | null;
  removedCount: number;
};

/**
 * The athlete's past imports, each removable as a whole, in one form: the button pressed names the import,
 * and the outcome stays on screen after the row changes.
 */
export function ImportHistory({ rows }: { rows: HistoryRow[] }) {
  const t = useTranslations("imports");
  const [state, action] = useActionState(undoImportAction, idleState);
  if (rows.length === 0) return <p className="muted">{t("noImports")}</p>;
  const confirmUndo = (row: HistoryRow) => window.confirm(t("confirmUndo", { when: row.when, count: row.sessionCount }));
  return (
    <form
      action={action}
      onSubmit={(e) => {
        const pressed = (e.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
        const row = rows.find((r) => r.id === pressed?.value);
        if (!row || !confirmUndo(row)) e.preventDefault();
      }}
    >
      <FormMessage state={state} />
      <div className="table-wrap">
        <table>
          <caption className="visually-hidden">{t("historyCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("col.imported")}</th>
              <th scope="col">{t("col.from")}</th>
              <th scope="col">{t("col.sessions")}</th>
              <th scope="col">
                <span className="visually-hidden">{t("col.remove")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.when}</td>
                <td>{row.syncedFrom ? t("historySynced", { provider: PROVIDER_NAMES[row.syncedFrom] }) : t("historyFiles", { count: row.fileCount })}</td>
                <td>
                  {row.undone ? (
                    <span className="muted">
                      {t("removedOn", { when: row.undone, count: row.removedCount })}
                    </span>
                  ) : (
                    <>
                      {t("sessionCount", { count: row.sessionCount })}
                      {row.sessionCount < row.createdCount ? <span className="muted">{t("ofAdded", { count: row.createdCount })}</span> : null}
                    </>
                  )}
                </td>
                <td>
                  {row.undone ? null : (
                    <SubmitButton className="button button-danger" pendingText={t("removing")} name="batchId" value={row.id}>
                      {t("remove")}
                      <span className="visually-hidden">{t("removeOf", { when: row.when })}</span>
                    </SubmitButton>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </form>
  );
}
