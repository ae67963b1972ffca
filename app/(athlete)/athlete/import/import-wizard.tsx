"use client";

import { useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import type { ImportPreview, PreviewItem } from "@/lib/imports/store";
import { reviewReasonText } from "@/lib/imports/plausibility";
import { applyChoice, choiceOf, keyOfSession, SPORT_CHOICES, SPORT_CHOICE_LABEL, type SportChoice } from "@/lib/imports/sport-choices";
import type { ParsedSession } from "@/lib/imports/types";
import { formatDistance, formatDuration } from "@/lib/units";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; percent: number }
  | { kind: "reading" }
  | { kind: "preview"; preview: ImportPreview }
  | { kind: "committing"; preview: ImportPreview }
  | { kind: "done"; created: number; skipped: number; skippedBySport: number; needsReview: number }
  | { kind: "error"; message: string };

type Outcome = "create" | "skip" | "duplicate" | "rejected";
/** One row of the list as the current sport choices make it. */
type Row = { outcome: Outcome; item: string; session?: ParsedSession; reason?: string };

const OUTCOME_TEXT: Record<Outcome, string> = { create: "Will be added", skip: "Skipped", duplicate: "Already there", rejected: "Cannot be read" };
const FILTERS = [
  ["all", "All activities"],
  ["create", "Will be added"],
  ["review", "Needs a look"],
  ["skip", "Skipped"],
  ["duplicate", "Already there"],
  ["rejected", "Cannot be read"],
] as const;
type Filter = (typeof FILTERS)[number][0];
const PAGE_SIZE = 100;

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The squad and athlete a coach imports for; absent when people import their own files. */
type ForAthlete = { squadId: string; athleteId: string };

function upload(files: File[], forAthlete: ForAthlete | undefined, onProgress: (percent: number) => void, onUploaded: () => void): Promise<ImportPreview> {
  // XMLHttpRequest rather than fetch: it reports upload progress.
  return new Promise((resolve, reject) => {
    const body = new FormData();
    // The athlete first: the server reads who the upload is for before its files.
    if (forAthlete) {
      body.append("squadId", forAthlete.squadId);
      body.append("athleteId", forAthlete.athleteId);
    }
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

/** The preview's items with the athlete's sport choices applied: the counts and the list follow them. */
function rowsFor(items: PreviewItem[], choices: Record<string, SportChoice>): Row[] {
  return items.map((i): Row => {
    if (i.status === "rejected") return { outcome: "rejected", item: i.item, reason: i.reason };
    if (i.status === "duplicate") return { outcome: "duplicate", item: i.item, session: i.session, reason: i.reason };
    const choice = choices[keyOfSession(i.session)];
    if (choice === "SKIP") return { outcome: "skip", item: i.item, session: i.session };
    return { outcome: "create", item: i.item, session: choice ? applyChoice(i.session, choice) : i.session };
  });
}

export function ImportWizard({ unit, forAthlete }: { unit: "KM" | "MI"; forAthlete?: ForAthlete }) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });
  const [files, setFiles] = useState<File[]>([]);
  const [choices, setChoices] = useState<Record<string, SportChoice>>({});
  const [filter, setFilter] = useState<Filter>("all");
  const [page, setPage] = useState(0);
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
        forAthlete,
        (percent) => setPhase({ kind: "uploading", percent }),
        () => setPhase({ kind: "reading" }),
      );
      setChoices(Object.fromEntries(result.sports.map((s) => [s.key, s.choice])));
      setFilter("all");
      setPage(0);
      setPhase({ kind: "preview", preview: result });
    } catch (e) {
      setPhase({ kind: "error", message: (e as Error).message });
    }
  }

  async function commit(p: ImportPreview) {
    if (!p.batchId) return;
    setPhase({ kind: "committing", preview: p });
    const response = await fetch(`/api/imports/${p.batchId}/commit`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ choices, ...forAthlete }),
    }).catch(() => null);
    const body = response ? await response.json().catch(() => null) : null;
    if (!response || !response.ok) {
      setPhase({ kind: "error", message: body?.error?.message ?? "The import failed and nothing was saved." });
      return;
    }
    setPhase({ kind: "done", created: body.created, skipped: body.skipped, skippedBySport: body.skippedBySport, needsReview: body.needsReview });
    // The import history below the wizard is rendered on the server: show the new import in it.
    router.refresh();
    setFiles([]);
    if (input.current) input.current.value = "";
  }

  const preview = phase.kind === "preview" || phase.kind === "committing" ? phase.preview : null;
  const rows = useMemo(() => (preview ? rowsFor(preview.items, choices) : []), [preview, choices]);
  const counts = useMemo(() => {
    const c = { create: 0, review: 0, skip: 0, duplicate: 0, rejected: 0 };
    for (const r of rows) {
      c[r.outcome] += 1;
      if (r.outcome === "create" && r.session?.reviewReason) c.review += 1;
    }
    return c;
  }, [rows]);
  const shown = useMemo(
    () => rows.filter((r) => filter === "all" || (filter === "review" ? r.outcome === "create" && r.session?.reviewReason : r.outcome === filter)),
    [rows, filter],
  );
  const pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
  const current = Math.min(page, pages - 1);

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
        {phase.kind === "committing" ? <p role="status">Importing {plural(counts.create, "session")}…</p> : null}
        {phase.kind === "error" ? <p className="notice notice-error">{phase.message}</p> : null}
        {phase.kind === "done" ? (
          <p className="notice notice-ok">
            Imported {plural(phase.created, "session")}
            {phase.skipped ? `; ${phase.skipped} were already there and were skipped` : ""}
            {phase.skippedBySport
              ? `; ${plural(phase.skippedBySport, "activity", "activities")} of the sports you skip ${phase.skippedBySport === 1 ? "was" : "were"} left out`
              : ""}.
            {phase.needsReview
              ? ` ${plural(phase.needsReview, "session needs", "sessions need")} a look: they do not count for load until you confirm or edit them in your sessions.`
              : ""}
          </p>
        ) : null}
        {preview ? (
          <p className="notice notice-warn">
            {counts.create} to add{counts.review ? ` (${counts.review} need a look)` : ""}, {counts.skip} skipped, {counts.duplicate} already
            there, {counts.rejected} cannot be read.
            {counts.create === 0 ? " Nothing new to import." : ""}
          </p>
        ) : null}
      </div>

      {preview ? (
        <>
          {preview.sports.length > 0 ? (
            <div className="table-wrap" style={{ marginTop: "1rem" }}>
              <table>
                <caption>New activities by sport: choose how each sport is imported</caption>
                <thead>
                  <tr>
                    <th scope="col">Sport in the files</th>
                    <th scope="col">Activities</th>
                    <th scope="col">Distance</th>
                    <th scope="col">Time</th>
                    <th scope="col">Import as</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.sports.map((s) => (
                    <tr key={s.key}>
                      <th scope="row">{s.label}</th>
                      <td>{s.count}</td>
                      <td>{s.km > 0 ? formatDistance(s.km, unit) : "–"}</td>
                      <td>{formatDuration(s.minutes)}</td>
                      <td>
                        <select
                          aria-label={`Import ${s.label} as`}
                          value={choices[s.key] ?? s.choice}
                          disabled={busy}
                          onChange={(e) => {
                            const value = e.currentTarget.value as SportChoice;
                            setChoices((c) => ({ ...c, [s.key]: value }));
                          }}
                        >
                          {SPORT_CHOICES.map((c) => (
                            <option key={c} value={c}>
                              {SPORT_CHOICE_LABEL[c]}
                              {c === s.defaultChoice ? " (as in the file)" : ""}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted">Your choices are remembered for your next imports.</p>
            </div>
          ) : null}
          {counts.review > 0 ? (
            <p className="notice notice-warn">
              {plural(counts.review, "activity looks", "activities look")} implausible (a moving time over 24 hours, a run faster than the
              world record, or a distance with no time). They are imported but left out of your load until you confirm or edit them.
            </p>
          ) : null}
          {counts.create > 0 ? (
            <button type="button" onClick={() => commit(preview)} disabled={busy}>
              Import {plural(counts.create, "session")}
            </button>
          ) : null}
          <div className="row" style={{ marginTop: "1rem", gap: "0.75rem", alignItems: "end", flexWrap: "wrap" }}>
            <div className="field">
              <label htmlFor="import-filter">Show</label>
              <select
                id="import-filter"
                value={filter}
                onChange={(e) => {
                  setFilter(e.currentTarget.value as Filter);
                  setPage(0);
                }}
              >
                {FILTERS.map(([value, label]) => (
                  <option key={value} value={value}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <Pager current={current} pages={pages} total={shown.length} onPage={setPage} />
          </div>
          <div className="table-wrap">
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
                {shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE).map((row, i) => (
                  <PreviewRow key={current * PAGE_SIZE + i} row={row} unit={unit} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}

function Pager({ current, pages, total, onPage }: { current: number; pages: number; total: number; onPage: (p: number) => void }) {
  return (
    <nav aria-label="Pages of the list" className="row" style={{ gap: "0.5rem", alignItems: "center" }}>
      <button type="button" className="secondary" onClick={() => onPage(current - 1)} disabled={current === 0}>
        Previous page
      </button>
      <span>
        Page {current + 1} of {pages} ({plural(total, "activity", "activities")})
      </span>
      <button type="button" className="secondary" onClick={() => onPage(current + 1)} disabled={current >= pages - 1}>
        Next page
      </button>
    </nav>
  );
}

/** The file's sport and what it is imported as: "Ride → Cross-training: cycling"; a skipped sport alone. */
function sportText(outcome: Outcome, s: ParsedSession): string {
  const as = SPORT_CHOICE_LABEL[choiceOf(s)];
  if (!s.sourceSport) return as;
  if (outcome === "skip" || s.sourceSport.toLowerCase() === as.toLowerCase()) return s.sourceSport;
  return `${s.sourceSport} → ${as}`;
}

function PreviewRow({ row, unit }: { row: Row; unit: "KM" | "MI" }) {
  const s = row.session;
  const review = row.outcome === "create" && s?.reviewReason;
  const why = review ? `Needs a look: ${reviewReasonText(s.reviewReason!)}` : row.outcome === "skip" ? `${s?.sourceSport ?? "This sport"} is skipped` : row.reason;
  return (
    <tr>
      <td>
        <span className={row.outcome === "rejected" ? "badge badge-danger" : review ? "badge badge-warn" : "badge"}>
          {review ? "Needs a look" : OUTCOME_TEXT[row.outcome]}
        </span>
      </td>
      <td style={{ wordBreak: "break-word" }}>{row.item}</td>
      <td>
        {s
          ? [
              s.date,
              sportText(row.outcome, s),
              s.movingMin !== undefined && Math.round(s.movingMin) !== Math.round(s.durationMin)
                ? `${formatDuration(s.movingMin)} moving (${formatDuration(s.durationMin)} elapsed)`
                : formatDuration(s.durationMin),
              s.distanceKm ? formatDistance(s.distanceKm, unit) : null,
            ]
              .filter(Boolean)
              .join(" · ")
          : "–"}
      </td>
      <td>{why ?? ""}</td>
    </tr>
  );
}
