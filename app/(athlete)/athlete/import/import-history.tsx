"use client";

import { useActionState } from "react";
import { undoImportAction } from "@/lib/imports/actions";
import { idleState } from "@/lib/forms-state";
import { FormMessage, SubmitButton } from "@/lib/ui/form-controls";

export type HistoryRow = {
  id: string;
  when: string;
  fileCount: number;
  createdCount: number;
  sessionCount: number;
  undone: string | null;
  removedCount: number;
};

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

const confirmUndo = (row: HistoryRow) =>
  window.confirm(
    `Remove the import of ${row.when}? Its ${plural(row.sessionCount, "session")} are deleted, with any RPE, notes ` +
      "or coach comments added to them since, and your totals and charts are updated. This cannot be undone.",
  );

/**
 * The athlete's past imports, each removable as a whole, in one form: the button pressed names the import,
 * and the outcome stays on screen after the row changes.
 */
export function ImportHistory({ rows }: { rows: HistoryRow[] }) {
  const [state, action] = useActionState(undoImportAction, idleState);
  if (rows.length === 0) return <p className="muted">No imports yet.</p>;
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
          <caption className="visually-hidden">Your imports, newest first</caption>
          <thead>
            <tr>
              <th scope="col">Imported</th>
              <th scope="col">Files</th>
              <th scope="col">Sessions</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <td>{row.when}</td>
                <td>{row.fileCount}</td>
                <td>
                  {row.undone ? (
                    <span className="muted">
                      Removed {row.undone} ({plural(row.removedCount, "session")})
                    </span>
                  ) : (
                    <>
                      {plural(row.sessionCount, "session")}
                      {row.sessionCount < row.createdCount ? <span className="muted"> of {row.createdCount} added</span> : null}
                    </>
                  )}
                </td>
                <td>
                  {row.undone ? null : (
                    <SubmitButton className="button button-danger" pendingText="Removing…" name="batchId" value={row.id}>
                      Remove this import<span className="visually-hidden"> of {row.when}</span>
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
