"use client";

import { useMemo, useRef, useState } from "react";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import type { ImportPreview, PreviewItem } from "@/lib/imports/store";
import { reviewReasonLabel } from "@/lib/imports/review-reasons";
import { applyChoice, choiceOf, keyOfSession, SPORT_CHOICES, UNNAMED_SPORT, type SportChoice } from "@/lib/imports/sport-choices";
import type { ParsedSession } from "@/lib/imports/types";
import { formatDistanceIn, formatDurationIn } from "@/lib/sessions/format";
import { intlLocale, isLocale } from "@/lib/i18n/config";

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

const FILTERS = ["all", "create", "review", "skip", "duplicate", "rejected"] as const;
type Filter = (typeof FILTERS)[number];
const PAGE_SIZE = 100;

type Translate = (key: string, values?: Record<string, string | number>) => string;

/** The catalogue key of a sport choice ("CROSS_TRAINING:CYCLING" → "sportChoices.CROSS_TRAINING_CYCLING"). */
const choiceKey = (choice: SportChoice) => `sportChoices.${choice.replace(":", "_")}`;

/** The squad and athlete a coach imports for; absent when people import their own files. */
type ForAthlete = { squadId: string; athleteId: string };

function upload(
  files: File[],
  forAthlete: ForAthlete | undefined,
  failed: { upload: string; connection: string },
  onProgress: (percent: number) => void,
  onUploaded: () => void,
): Promise<ImportPreview> {
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
      else reject(new Error(xhr.response?.error?.message ?? failed.upload));
    };
    xhr.onerror = () => reject(new Error(failed.connection));
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
  const t = useTranslations("imports") as unknown as Translate;
  const names = useTranslations("sessionTypes") as unknown as Translate;
  const locale = useLocale();
  const intl = intlLocale(isLocale(locale) ? locale : "en");
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
      setPhase({ kind: "error", message: t("chooseFile") });
      return;
    }
    setPhase({ kind: "uploading", percent: 0 });
    try {
      const result = await upload(
        files,
        forAthlete,
        { upload: t("uploadFailed"), connection: t("connectionLost") },
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
      setPhase({ kind: "error", message: body?.error?.message ?? t("commitFailed") });
      return;
    }
    setPhase({ kind: "done", created: body.created, skipped: body.skipped, skippedBySport: body.skippedBySport, needsReview: body.needsReview });
    // The import history below the wizard is rendered on the server: show the new import in it.
    router.refresh();
    setFiles([]);
    if (input.current) input.current.value = "";
  }

  const sportLabel = (label: string) => (label === UNNAMED_SPORT ? t("unnamedSport") : label);
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
        <label htmlFor="import-files">{t("files")}</label>
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
        {t("preview")}
      </button>

      <div aria-live="polite" style={{ marginTop: "1rem" }}>
        {phase.kind === "uploading" ? (
          <p role="status">
            {t("uploading")} <progress max={100} value={phase.percent} aria-label={t("uploadProgress")} />{" "}
            {new Intl.NumberFormat(intl, { style: "percent" }).format(phase.percent / 100)}
          </p>
        ) : null}
        {phase.kind === "reading" ? <p role="status">{t("reading")}</p> : null}
        {phase.kind === "committing" ? <p role="status">{t("importing", { count: counts.create })}</p> : null}
        {phase.kind === "error" ? <p className="notice notice-error">{phase.message}</p> : null}
        {phase.kind === "done" ? (
          <p className="notice notice-ok">
            {t("done", { count: phase.created })}
            {phase.skipped ? t("doneSkipped", { count: phase.skipped }) : ""}
            {phase.skippedBySport ? t("doneBySport", { count: phase.skippedBySport }) : ""}.
            {phase.needsReview ? t("doneReview", { count: phase.needsReview }) : ""}
          </p>
        ) : null}
        {preview ? (
          <p className="notice notice-warn">
            {t("summary", counts)}
            {counts.create === 0 ? t("nothingNew") : ""}
          </p>
        ) : null}
      </div>

      {preview ? (
        <>
          {preview.sports.length > 0 ? (
            <div className="table-wrap" style={{ marginTop: "1rem" }}>
              <table>
                <caption>{t("bySportCaption")}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t("col.sport")}</th>
                    <th scope="col">{t("col.activities")}</th>
                    <th scope="col">{t("col.distance")}</th>
                    <th scope="col">{t("col.time")}</th>
                    <th scope="col">{t("col.importAs")}</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.sports.map((s) => (
                    <tr key={s.key}>
                      <th scope="row">{sportLabel(s.label)}</th>
                      <td>{s.count}</td>
                      <td>{s.km > 0 ? formatDistanceIn(s.km, unit, intl) : "–"}</td>
                      <td>{formatDurationIn(s.minutes, intl)}</td>
                      <td>
                        <select
                          aria-label={t("importAsLabel", { sport: sportLabel(s.label) })}
                          value={choices[s.key] ?? s.choice}
                          disabled={busy}
                          onChange={(e) => {
                            const value = e.currentTarget.value as SportChoice;
                            setChoices((c) => ({ ...c, [s.key]: value }));
                          }}
                        >
                          {SPORT_CHOICES.map((c) => (
                            <option key={c} value={c}>
                              {c === s.defaultChoice ? t("asInFile", { label: names(choiceKey(c)) }) : names(choiceKey(c))}
                            </option>
                          ))}
                        </select>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
              <p className="muted">{t("choicesRemembered")}</p>
            </div>
          ) : null}
          {counts.review > 0 ? (
            <p className="notice notice-warn">
              {t("implausible", { count: counts.review })}
            </p>
          ) : null}
          {counts.create > 0 ? (
            <button type="button" onClick={() => commit(preview)} disabled={busy}>
              {t("commit", { count: counts.create })}
            </button>
          ) : null}
          <div className="row" style={{ marginTop: "1rem", gap: "0.75rem", alignItems: "end", flexWrap: "wrap" }}>
            <div className="field">
              <label htmlFor="import-filter">{t("show")}</label>
              <select
                id="import-filter"
                value={filter}
                onChange={(e) => {
                  setFilter(e.currentTarget.value as Filter);
                  setPage(0);
                }}
              >
                {FILTERS.map((value) => (
                  <option key={value} value={value}>
                    {t(`filter.${value}`)}
                  </option>
                ))}
              </select>
            </div>
            <Pager current={current} pages={pages} total={shown.length} onPage={setPage} t={t} />
          </div>
          <div className="table-wrap">
            <table>
              <caption className="visually-hidden">{t("listCaption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("col.outcome")}</th>
                  <th scope="col">{t("col.from")}</th>
                  <th scope="col">{t("col.activity")}</th>
                  <th scope="col">{t("col.why")}</th>
                </tr>
              </thead>
              <tbody>
                {shown.slice(current * PAGE_SIZE, (current + 1) * PAGE_SIZE).map((row, i) => (
                  <PreviewRow key={current * PAGE_SIZE + i} row={row} unit={unit} t={t} names={names} intl={intl} />
                ))}
              </tbody>
            </table>
          </div>
        </>
      ) : null}
    </div>
  );
}

function Pager({ current, pages, total, onPage, t }: { current: number; pages: number; total: number; onPage: (p: number) => void; t: Translate }) {
  return (
    <nav aria-label={t("pagesLabel")} className="row" style={{ gap: "0.5rem", alignItems: "center" }}>
      <button type="button" className="secondary" onClick={() => onPage(current - 1)} disabled={current === 0}>
        {t("prevPage")}
      </button>
      <span>
        {t("pageOf", { page: current + 1, pages, count: total })}
      </span>
      <button type="button" className="secondary" onClick={() => onPage(current + 1)} disabled={current >= pages - 1}>
        {t("nextPage")}
      </button>
    </nav>
  );
}

/** The file's sport and what it is imported as: "Ride → Cross-training: cycling"; a skipped sport alone. */
function sportText(outcome: Outcome, s: ParsedSession, names: Translate): string {
  const as = names(choiceKey(choiceOf(s)));
  if (!s.sourceSport) return as;
  if (outcome === "skip" || s.sourceSport.toLowerCase() === as.toLowerCase()) return s.sourceSport;
  return `${s.sourceSport} → ${as}`;
}

const dayFormats = new Map<string, Intl.DateTimeFormat>();

/** A "YYYY-MM-DD" day as the locale writes it: "7 Dec 2026", "7 dic 2026". */
function dayText(date: string, intl: string): string {
  let format = dayFormats.get(intl);
  if (!format) {
    format = new Intl.DateTimeFormat(intl, { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
    dayFormats.set(intl, format);
  }
  const day = new Date(`${date}T00:00:00Z`);
  return Number.isNaN(day.getTime()) ? date : format.format(day);
}

function PreviewRow({ row, unit, t, names, intl }: { row: Row; unit: "KM" | "MI"; t: Translate; names: Translate; intl: string }) {
  const s = row.session;
  const review = row.outcome === "create" && s?.reviewReason;
  const why = review
    ? t("whyReview", { reason: reviewReasonLabel(names, s.reviewReason!) })
    : row.outcome === "skip"
      ? t("whySkip", { sport: s?.sourceSport ?? t("thisSport") })
      : row.reason;
  return (
    <tr>
      <td>
        <span className={row.outcome === "rejected" ? "badge badge-danger" : review ? "badge badge-warn" : "badge"}>
          {t(review ? "outcome.review" : `outcome.${row.outcome}`)}
        </span>
      </td>
      <td style={{ wordBreak: "break-word" }}>{row.item}</td>
      <td>
        {s
          ? [
              dayText(s.date, intl),
              sportText(row.outcome, s, names),
              s.movingMin !== undefined && Math.round(s.movingMin) !== Math.round(s.durationMin)
                ? t("moving", { moving: formatDurationIn(s.movingMin, intl), elapsed: formatDurationIn(s.durationMin, intl) })
                : formatDurationIn(s.durationMin, intl),
              s.distanceKm ? formatDistanceIn(s.distanceKm, unit, intl) : null,
            ]
              .filter(Boolean)
              .join(" · ")
          : "–"}
      </td>
      <td>{why ?? ""}</td>
    </tr>
  );
}
