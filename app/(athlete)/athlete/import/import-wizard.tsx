"use client";

import { useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ImportPreview, PreviewItem } from "@/lib/imports/store";
import { formatDistance, formatDuration } from "@/lib/units";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "reading" }
  | { kind: "preview"; preview: ImportPreview }
  | { kind: "committing"; preview: ImportPreview }
  | { kind: "done"; created: number; skipped: number }
  | { kind: "error"; message: string };

const STATUS_TEXT = { create: "Will be added", duplicate: "Already there", rejected: "Cannot be read" } as const;

function upload(files: File[], onProgress: (percent: number) => void, onUploaded: () => void): Promise<ImportPreview> {
  // XMLHttpRequest rather than fetch: it reports upload progress.
  return new Promise((resolve, reject) => {
    const body = new FormData();
    for (const f of files) body.append("files", f, f.name);
    const xhr = new XMLHttpRequest();
    xhr.open("POST", "/api/imports/preview");
    xhr.responseType = "json";
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100));
    xhr.upload.onload = onUploaded;
    xhr.onload = () => {
      if (xhr.status === 200) resolve(xhr.response as ImportPreview);
      else reject(new Error(xhr.response?.error?.message ?? "The upload failed. Nothing was imported."));
    };
    xhr.onerror = () => reject(new Error("The connection was lost during the upload. Nothing was imported."));
    xhr.send(body);
  });
}

export function ImportWizard({ unit }: { unit: "KM" | "MI" }) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [files, setFiles] = useState<File[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const router = useRouter();
  const busy = phase.kind === "uploading" || phase.kind === "reading" || phase.kind === "committing";

  async function runPreview() {
    if (files.length === 0) {
      setPhase({ kind: "error", message: "Choose at least one file to import." });
      return;
    }
    setPhase({ kind: "uploading", percent: 0 });
    try {
      const result = await upload(
        files,
        (percent) => setPhase({ kind: "uploading", percent }),
        () => setPhase({ kind: "reading" }),
      );
      setPhase({ kind: "preview", preview: result });
    } catch (e) {
      setPhase({ kind: "error", message: (e as Error).message });
    }
  }

  async function commit(p: ImportPreview) {
    if (!p.batchId) return;
    setPhase({ kind: "committing", preview: p });
    const response = await fetch(`/api/imports/${p.batchId}/commit`, { method: "POST" }).catch(() => null);
    const body = response ? await response.json().catch(() => null) : null;
    if (!response || !response.ok) {
      setPhase({ kind: "error", message: body?.error?.message ?? "The import failed and nothing was saved." });
      return;
    }
    setPhase({ kind: "done", created: body.created, skipped: body.skipped });
    // The import history below the wizard is rendered on the server: show the new import in it.
    router.refresh();
    setFiles([]);
    if (input.current) input.current.value = "";
  }

  const preview = phase.kind === "preview" || phase.kind === "committing" ? phase.preview : null;
  return (
    <div className="card">
      <div className="field">
        <label htmlFor="import-files">Files</label>
        <input
          ref={input}
          id="import-files"
          type="file"
          multiple
          accept=".fit,.gpx,.tcx,.csv,.zip,.gz"
          disabled={busy}
          onChange={(e) => {
            setFiles(Array.from(e.currentTarget.files ?? []));
            setPhase({ kind: "idle" });
          }}
        />
      </div>
      <button type="button" onClick={runPreview} disabled={busy}>
        Preview import
      </button>

      <div aria-live="polite" style={{ marginTop: "1rem" }}>
        {phase.kind === "uploading" ? (
          <p role="status">
            Uploading… <progress max={100} value={phase.percent} aria-label="Upload progress" /> {phase.percent}%
          </p>
        ) : null}
        {phase.kind === "reading" ? <p role="status">Reading your files…</p> : null}
        {phase.kind === "committing" ? <p role="status">Importing {phase.preview.counts.create} sessions…</p> : null}
        {phase.kind === "error" ? <p className="notice notice-error">{phase.message}</p> : null}
        {phase.kind === "done" ? (
          <p className="notice notice-ok">
            Imported {phase.created} session{phase.created === 1 ? "" : "s"}
            {phase.skipped ? `; ${phase.skipped} were already there and were skipped` : ""}.
          </p>
        ) : null}
        {preview ? (
          <p className="notice notice-warn">
            {preview.counts.create} to add, {preview.counts.duplicate} already there, {preview.counts.rejected} cannot be read.
            {preview.counts.create === 0 ? " Nothing new to import." : ""}
          </p>
        ) : null}
      </div>

      {preview ? (
        <>
          {preview.counts.create > 0 ? (
            <button type="button" onClick={() => commit(preview)} disabled={busy}>
              Import {preview.counts.create} session{preview.counts.create === 1 ? "" : "s"}
            </button>
          ) : null}
          <div className="table-wrap" style={{ marginTop: "1rem" }}>
            <table>
              <caption className="visually-hidden">What the import will do with each activity</caption>
              <thead>
                <tr>
                  <th scope="col">Outcome</th>
                  <th scope="col">From</th>
                  <th scope="col">Activity</th>
                  <th scope="col">Why</th>
                </tr>
              </thead>
              <tbody>
                {preview.items.slice(0, 500).map((item, i) => (
                  <PreviewRow key={i} item={item} unit={unit} />
                ))}
              </tbody>
            </table>
            {preview.items.length > 500 ? <p className="muted">And {preview.items.length - 500} more.</p> : null}
          </div>
        </>
      ) : null}
    </div>
  );
}

function PreviewRow({ item, unit }: { item: PreviewItem; unit: "KM" | "MI" }) {
  const session = item.status === "rejected" ? undefined : item.session;
  return (
    <tr>
      <td>
        <span className={item.status === "rejected" ? "badge badge-danger" : "badge"}>{STATUS_TEXT[item.status]}</span>
      </td>
      <td style={{ wordBreak: "break-word" }}>{item.item}</td>
      <td>
        {session
          ? `${session.date} · ${session.type.toLowerCase().replace("_", "-")} · ${formatDuration(session.durationMin)}${
              session.distanceKm ? ` · ${formatDistance(session.distanceKm, unit)}` : ""
            }`
          : "–"}
      </td>
      <td>{item.status === "create" ? "" : item.reason}</td>
    </tr>
  );
}
