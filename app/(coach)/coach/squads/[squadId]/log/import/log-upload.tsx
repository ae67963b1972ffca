"use client";

import Link from "next/link";
import { useState } from "react";
import { useTranslations } from "next-intl";
import type { LogPreview } from "@/lib/squad-log/mutations";

type Message = { kind: "ok" | "error"; text: string };

/** Upload, preview, then add: the file is read twice, and the second time adds what the first listed. */
export function SquadLogUpload({ squadId }: { squadId: string }) {
  const t = useTranslations("squadLog.upload");
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
        setMessage({ kind: "error", text: json?.error?.message ?? t("unreadable") });
        return null;
      }
      return json;
    } catch {
      setMessage({ kind: "error", text: t("offline") });
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
      text: t("added", { sessions: result.created, athletes: result.athletes }),
    });
  }

  return (
    <>
      <form onSubmit={onPreview} className="card">
        <div className="field">
          <label htmlFor="squad-log-file">{t("fileLabel")}</label>
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
          {busy && !preview ? t("reading") : t("preview")}
        </button>
      </form>
      <div aria-live="polite">
        {message ? (
          <p className={message.kind === "error" ? "notice notice-error" : "notice notice-ok"} role="status">
            {message.text}
            {message.kind === "ok" ? (
              <>
                {" "}
                <Link href={`/coach/squads/${squadId}/log`}>{t("openGrid")}</Link>
              </>
            ) : null}
          </p>
        ) : null}
      </div>
      {preview ? (
        <section aria-labelledby="preview-heading">
          <h2 id="preview-heading">{t("preview")}</h2>
          <p className="log-totals" role="status">
            {t.rich("totals", {
              add: preview.counts.add,
              duplicate: preview.counts.duplicate,
              rejected: preview.counts.rejected,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </p>
          {preview.ignoredColumns.length ? <p className="muted">{t("ignoredColumns", { columns: preview.ignoredColumns.join(", ") })}</p> : null}
          {preview.counts.add > 0 ? (
            <p>
              <button type="button" onClick={onCommit} disabled={busy}>
                {busy ? t("adding") : t("add", { count: preview.counts.add })}
              </button>
            </p>
          ) : (
            <p className="muted">{t("nothingToAdd")}</p>
          )}
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("colRow")}</th>
                  <th scope="col">{t("colAthlete")}</th>
                  <th scope="col">{t("colDate")}</th>
                  <th scope="col">{t("colType")}</th>
                  <th scope="col">{t("colDistance")}</th>
                  <th scope="col">{t("colTime")}</th>
                  <th scope="col">RPE</th>
                  <th scope="col">{t("colOutcome")}</th>
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
                      <span className={r.status === "add" ? "badge badge-ok" : r.status === "duplicate" ? "badge" : "badge badge-danger"}>{t(`outcome.${r.status}`)}</span>
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
