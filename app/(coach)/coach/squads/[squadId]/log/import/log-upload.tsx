"use client";

import Link from "next/link";
import { useState } from "react";
import type { LogPreview } from "@/lib/squad-log/mutations";

const OUTCOME: Record<LogPreview["rows"][number]["status"], string> = { add: "Will be added", duplicate: "Duplicate", rejected: "Rejected" };

type Message = { kind: "ok" | "error"; text: string };

/** Upload, preview, then add: the file is read twice, and the second time adds what the first listed. */
export function SquadLogUpload({ squadId }: { squadId: string }) {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<LogPreview | null>(null);
  const [message, setMessage] = useState<Message | null>(null);
  const [busy, setBusy] = useState(false);

  async function send(intent: "preview" | "commit"): Promise<unknown> {
    if (!file) return null;
    const body = new FormData();
    body.set("file", file);
    body.set("intent", intent);
    if (intent === "commit" && preview) body.set("expected", String(preview.counts.add));
    setBusy(true);
    setMessage(null);
    try {
      const response = await fetch(`/api/squads/${squadId}/training-log`, { method: "POST", body });
      const json = (await response.json().catch(() => null)) as { error?: { message?: string } } | null;
      if (!response.ok) {
        setMessage({ kind: "error", text: json?.error?.message ?? "The file could not be read. Nothing was added." });
        return null;
      }
      return json;
    } catch {
      setMessage({ kind: "error", text: "The upload did not reach the server. Check the connection and try again; nothing was added." });
      return null;
    } finally {
      setBusy(false);
    }
  }

  async function onPreview(e: React.FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPreview(null);
    const result = (await send("preview")) as LogPreview | null;
    if (result) setPreview(result);
  }

  async function onCommit() {
    const result = (await send("commit")) as { created: number; athletes: number } | null;
    if (!result) return;
    setPreview(null);
    setMessage({
      kind: "ok",
      text: `Added ${result.created} session${result.created === 1 ? "" : "s"} for ${result.athletes} athlete${result.athletes === 1 ? "" : "s"}.`,
    });
  }

  return (
    <>
      <form onSubmit={onPreview} className="card">
        <div className="field">
          <label htmlFor="squad-log-file">Training log (CSV)</label>
          <input
            id="squad-log-file"
            name="file"
            type="file"
            accept=".csv,.tsv,.txt"
            onChange={(e) => {
              setFile(e.currentTarget.files?.[0] ?? null);
              setPreview(null);
              setMessage(null);
            }}
          />
        </div>
        <button type="submit" disabled={!file || busy}>
          {busy && !preview ? "Reading…" : "Preview"}
        </button>
      </form>
      <div aria-live="polite">
        {message ? (
          <p className={message.kind === "error" ? "notice notice-error" : "notice notice-ok"} role="status">
            {message.text}
            {message.kind === "ok" ? (
              <>
                {" "}
                <Link href={`/coach/squads/${squadId}/log`}>Open the grid</Link>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      {preview ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">Preview</h2>
          <p className="log-totals" role="status">
            <strong>{preview.counts.add}</strong> will be added, <strong>{preview.counts.duplicate}</strong>{" "}
            {preview.counts.duplicate === 1 ? "duplicate" : "duplicates"} skipped, <strong>{preview.counts.rejected}</strong> rejected.
          </p>
          {preview.ignoredColumns.length ? <p className="muted">Columns not read: {preview.ignoredColumns.join(", ")}.</p> : null}
          {preview.counts.add > 0 ? (
            <p>
              <button type="button" onClick={onCommit} disabled={busy}>
                {busy ? "Adding…" : `Add ${preview.counts.add} session${preview.counts.add === 1 ? "" : "s"}`}
              </button>
            </p>
          ) : (
            <p className="muted">Nothing in this file can be added.</p>
          )}
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">Each row of the file and what happens to it</caption>
              <thead>
                <tr>
                  <th scope="col">Row</th>
                  <th scope="col">Athlete</th>
                  <th scope="col">Date</th>
                  <th scope="col">Type</th>
                  <th scope="col">Distance</th>
                  <th scope="col">Time</th>
                  <th scope="col">RPE</th>
                  <th scope="col">Outcome</th>
                </tr>
              </thead>
              <tbody>
                {preview.rows.map((r) => (
                  <tr key={r.row}>
                    <td>{r.row}</td>
                    <td>{r.athleteName ?? r.athlete}</td>
                    <td>{r.date ?? "–"}</td>
                    <td>{r.type ?? "–"}</td>
                    <td>{r.distance ?? "–"}</td>
                    <td>{r.duration ?? "–"}</td>
                    <td>{r.rpe ?? "–"}</td>
                    <td>
                      <span className={r.status === "add" ? "badge badge-ok" : r.status === "duplicate" ? "badge" : "badge badge-danger"}>{OUTCOME[r.status]}</span>
                      {r.reason ? <span className="log-reason"> {r.reason}</span> : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      ) : null}
    </>
  );
}
