"use client";

import Link from "next/link";
import { startTransition, useActionState, useEffect, useRef, useState, type FormEvent } from "react";
import { bulkSessionsAction } from "@/lib/sessions/actions";
import { idleState } from "@/lib/forms-state";
import type { FormState } from "@/lib/forms";
import { useTranslations } from "next-intl";
import { CR10_LABELS, SURFACES } from "@/lib/sessions/labels";
import { FieldError, FormMessage, SubmitButton } from "@/lib/ui/form-controls";

/** One session as the history table shows it: every figure already in the viewer's units. */
export type HistoryTableRow = {
  id: string;
  href: string;
  date: string;
  time: string | null;
  countedNote: string | null;
  enteredBy: string | null;
  title: string;
  /** What the import found odd about the figures; null when nothing. */
  reviewReason: string | null;
  duration: string;
  distance: string;
  rpe: number | null;
  load: string;
  surfaceShoe: string;
  source: string;
  notes: string | null;
};

type Column = "date" | "distance" | "duration" | "load";

/**
 * The page of sessions with a tick box per row, and the changes that apply to the ticked ones. Each
 * change is asked about first: the server answers with what would change, and only the confirmation
 * changes anything.
 */
export function SessionHistory({
  rows,
  shoes,
  caption,
  sort,
  dir,
  here,
}: {
  rows: HistoryTableRow[];
  shoes: { id: string; name: string; retired: boolean }[];
  caption: string;
  sort: Column;
  dir: "asc" | "desc";
  /** This page's address, where "Cancel" leads without JavaScript. */
  here: string;
}) {
  const t = useTranslations("sessions");
  const names = useTranslations("sessionTypes");
  const [state, formAction] = useActionState(bulkSessionsAction, idleState);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [seen, setSeen] = useState<FormState>(state);
  const [dismissed, setDismissed] = useState<FormState | null>(null);
  if (seen !== state) {
    setSeen(state);
    if (state.status === "ok") setSelected(new Set());
  }
  const confirming = state.data?.question && dismissed !== state ? state.data : null;
  const confirmRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  // A row that left the page (deleted, or another page shown) is no longer ticked.
  const onPage = rows.filter((r) => selected.has(r.id));
  const allTicked = rows.length > 0 && onPage.length === rows.length;
  const selectAllRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (selectAllRef.current) selectAllRef.current.indeterminate = onPage.length > 0 && !allTicked;
  }, [onPage.length, allTicked]);

  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  // Sent by hand so React does not reset the form: the ticks stay if the person cancels.
  const submitKeepingTicks = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const formData = new FormData(e.currentTarget, (e.nativeEvent as SubmitEvent).submitter);
    setDismissed(null);
    startTransition(() => formAction(formData));
  };

  const errors = state.status === "error" ? state.fieldErrors : undefined;
  const ariaSort = (column: Column) => (sort === column ? (dir === "asc" ? "ascending" : "descending") : undefined);

  return (
    <>
      {state.status !== "idle" ? <FormMessage state={state} /> : null}
      {confirming ? (
        <section className="card confirm-step" aria-labelledby="bulk-confirm-question">
          <h3 id="bulk-confirm-question" ref={confirmRef} tabIndex={-1} style={{ marginTop: 0 }}>
            {confirming.question}
          </h3>
          <form action={formAction} className="row">
            <input type="hidden" name="confirmed" value="yes" />
            <input type="hidden" name="op" value={confirming.op} />
            {confirming.rpe !== undefined ? <input type="hidden" name="rpe" value={confirming.rpe} /> : null}
            {confirming.shoeId !== undefined ? <input type="hidden" name="shoeId" value={confirming.shoeId} /> : null}
            {confirming.surface !== undefined ? <input type="hidden" name="surface" value={confirming.surface} /> : null}
            {confirming.ids.split(",").map((id) => (
              <input key={id} type="hidden" name="ids" value={id} />
            ))}
            <SubmitButton className={confirming.op === "delete" ? "button button-danger" : "button"} pendingText={t("working")}>
              {confirming.confirmLabel}
            </SubmitButton>
            <a
              className="button button-secondary"
              href={here}
              onClick={(e) => {
                e.preventDefault();
                setDismissed(state);
              }}
            >
              {t("cancel")}
            </a>
          </form>
        </section>
      ) : null}
      <form action={formAction} onSubmit={submitKeepingTicks}>
        <fieldset className="card bulk-bar">
          <legend>{t("bulkLegend")}</legend>
          <p aria-live="polite" className="muted" style={{ marginTop: 0 }}>
            {onPage.length === 0 ? t("bulkNone") : t("bulkTicked", { count: onPage.length })}
          </p>
          <FieldError id="bulk-ids-error" errors={errors?.ids ?? errors?.op ?? errors?.form} />
          <div className="bulk-controls">
            <div className="field">
              <label htmlFor="bulk-rpe">{t("bulkRpe")}</label>
              <select id="bulk-rpe" name="rpe" defaultValue="" aria-describedby="bulk-rpe-error">
                <option value="">{t("choose")}</option>
                {CR10_LABELS.map((_, value) => (
                  <option key={value} value={value}>
                    {value} – {names(`cr10.r${value}`)}
                  </option>
                ))}
              </select>
              <SubmitButton className="button button-secondary" name="op" value="rpe" pendingText={t("checking")}>
                {t("setRpe")}
              </SubmitButton>
              <FieldError id="bulk-rpe-error" errors={errors?.rpe} />
            </div>
            <div className="field">
              <label htmlFor="bulk-shoe">{t("bulkShoe")}</label>
              <select id="bulk-shoe" name="shoeId" defaultValue="" aria-describedby="bulk-shoe-error">
                <option value="">{t("choose")}</option>
                {shoes.map((s) => (
                  <option key={s.id} value={s.id}>
                    {s.retired ? t("retired", { name: s.name }) : s.name}
                  </option>
                ))}
                <option value="none">{t("noShoe")}</option>
              </select>
              <SubmitButton className="button button-secondary" name="op" value="shoe" pendingText={t("checking")}>
                {t("setShoe")}
              </SubmitButton>
              <FieldError id="bulk-shoe-error" errors={errors?.shoeId} />
            </div>
            <div className="field">
              <label htmlFor="bulk-surface">{t("bulkSurface")}</label>
              <select id="bulk-surface" name="surface" defaultValue="" aria-describedby="bulk-surface-error">
                <option value="">{t("choose")}</option>
                {SURFACES.map((s) => (
                  <option key={s} value={s}>
                    {names(`surfaces.${s}`)}
                  </option>
                ))}
                <option value="none">{t("noSurface")}</option>
              </select>
              <SubmitButton className="button button-secondary" name="op" value="surface" pendingText={t("checking")}>
                {t("setSurface")}
              </SubmitButton>
              <FieldError id="bulk-surface-error" errors={errors?.surface} />
            </div>
            <div className="field">
              <SubmitButton className="button button-danger" name="op" value="delete" pendingText={t("checking")}>
                {t("deleteTicked")}
              </SubmitButton>
            </div>
          </div>
        </fieldset>
        <div className="table-wrap">
          <table className="history-table">
            <caption>{caption}</caption>
            <thead>
              <tr>
                <th scope="col">
                  <input
                    ref={selectAllRef}
                    type="checkbox"
                    id="history-select-all"
                    aria-label={t("tickAll")}
                    checked={allTicked}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setSelected((prev) => {
                        const next = new Set(prev);
                        for (const r of rows) {
                          if (on) next.add(r.id);
                          else next.delete(r.id);
                        }
                        return next;
                      });
                    }}
                  />
                </th>
                <th scope="col" aria-sort={ariaSort("date")}>{t("col.date")}</th>
                <th scope="col">{t("col.session")}</th>
                <th scope="col" aria-sort={ariaSort("duration")}>{t("col.duration")}</th>
                <th scope="col" aria-sort={ariaSort("distance")}>{t("col.distance")}</th>
                <th scope="col">{t("col.rpe")}</th>
                <th scope="col" aria-sort={ariaSort("load")}>{t("col.load")}</th>
                <th scope="col" className="hide-narrow">{t("col.surfaceShoe")}</th>
                <th scope="col" className="hide-narrow">{t("col.source")}</th>
                <th scope="col" className="hide-narrow">{t("col.notes")}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.id}>
                  <td>
                    <input
                      type="checkbox"
                      name="ids"
                      value={r.id}
                      aria-label={t("tickRow", { title: r.title, date: r.time ? `${r.date} ${r.time}` : r.date })}
                      checked={selected.has(r.id)}
                      onChange={(e) => toggle(r.id, e.currentTarget.checked)}
                    />
                  </td>
                  <td>
                    {/* One line for the day and time, so a phone's narrow column does not break "7 Dec 2026" apart. */}
                    <span style={{ whiteSpace: "nowrap" }}>
                      {r.date}
                      {r.time ? <span className="muted"> {r.time}</span> : null}
                    </span>
                    {r.countedNote ? <div className="muted">{r.countedNote}</div> : null}
                  </td>
                  <td>
                    <Link href={r.href}>{r.title}</Link>
                    {r.enteredBy ? <div className="muted">{t("enteredByShort", { name: r.enteredBy })}</div> : null}
                    {r.reviewReason ? (
                      <>
                        {" "}
                        <span className="badge badge-warn">{t("needsLook")}</span>
                      </>
                    ) : null}
                  </td>
                  <td>{r.duration}</td>
                  <td>{r.distance}</td>
                  <td>{r.rpe ?? <span className="muted">–</span>}</td>
                  <td>{r.load}</td>
                  <td className="hide-narrow">{r.surfaceShoe}</td>
                  <td className="hide-narrow">{r.source}</td>
                  <td className="hide-narrow history-notes">{r.notes ?? ""}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </form>
    </>
  );
}
