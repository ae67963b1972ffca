"use client";

import Link from "next/link";
import { useActionState, useRef, useState, type ClipboardEvent, type FormEvent, type KeyboardEvent } from "react";
import { useLocale, useTranslations } from "next-intl";
import { intlLocale, isLocale } from "@/lib/i18n/config";
import { saveSquadLogAction } from "@/lib/squad-log/actions";
import { idleState } from "@/lib/forms-state";
import { FormMessage, SubmitButton } from "@/lib/ui/form-controls";
import { cellInputName, GRID_FIELDS, readCellInputName, type GridField } from "@/lib/squad-log/cells";
import { isBlockPaste, parsePasteBlock, planPaste } from "@/lib/squad-log/paste";
import type { SquadLogRow } from "@/lib/squad-log/queries";

/** Why a day is read-only (lib/squad-log/queries), as a catalogue key. */
const REASON_KEYS: Record<string, string> = {
  "logged by the athlete": "loggedByAthlete",
  "changed by the athlete": "changedByAthlete",
  imported: "imported",
  "not a run": "notARun",
  "several sessions on this day": "severalSessions",
};
const COLUMNS = 7 * GRID_FIELDS.length;

/** The input at a row and column of the grid (column = day × 3 + field), if that cell can be typed in. */
const inputAt = (row: number, column: number) => document.getElementById(`g-${row}-${column}`) as HTMLInputElement | null;

function positionOf(target: EventTarget): { row: number; column: number } | null {
  if (!(target instanceof HTMLInputElement)) return null;
  const m = /^g-(\d+)-(\d+)$/.exec(target.id);
  return m ? { row: Number(m[1]), column: Number(m[2]) } : null;
}

/** "Mon 7" / "lun 7": a day's column in the reader's language. */
function dayLabeller(locale: string) {
  const weekday = new Intl.DateTimeFormat(intlLocale(isLocale(locale) ? locale : "en"), { weekday: "short", timeZone: "UTC" });
  const weekdayOf = (date: string) => weekday.format(new Date(`${date}T00:00:00Z`)).replace(/\.$/, "");
  return { weekdayOf, dayLabel: (date: string) => `${weekdayOf(date)} ${Number(date.slice(8))}` };
}

/**
 * The week's grid: athletes down, days across, three inputs a day. A plain form that posts every cell;
 * with JavaScript, arrows, Enter and Tab move as in a spreadsheet and a pasted block fills many cells.
 */
export function SquadLogGrid({
  squadId,
  week,
  days,
  rows,
  unit,
}: {
  squadId: string;
  week: string;
  days: string[];
  rows: SquadLogRow[];
  unit: "KM" | "MI";
}) {
  const t = useTranslations("squadLog");
  const names = useTranslations("sessionTypes");
  const { weekdayOf, dayLabel } = dayLabeller(useLocale());
  const [state, formAction] = useActionState(saveSquadLogAction, idleState);
  const [seenState, setSeenState] = useState(state);
  const [version, setVersion] = useState(0);
  const [clearing, setClearing] = useState<Set<string>>(new Set());
  const [pasteNote, setPasteNote] = useState("");
  // Where a run of Tabs started: Enter goes down from there, as in a spreadsheet.
  const tabAnchor = useRef<number | null>(null);
  if (seenState !== state) {
    // Each answer remounts the inputs, so they show what was echoed back or what is now stored.
    setSeenState(state);
    setVersion(version + 1);
    setClearing(new Set());
    setPasteNote("");
  }

  const unitWord = unit === "MI" ? "mi" : "km";
  const rowOf = new Map(rows.map((r, i) => [r.athleteId, i]));
  const errors = state.fieldErrors ?? {};
  const problems = Object.entries(errors).flatMap(([name, messages]) => {
    const at = readCellInputName(name);
    if (!at) return messages.map((m) => ({ key: `${name}-${m}`, text: m, href: undefined }));
    const row = rowOf.get(at.athleteId);
    const day = days.indexOf(at.date);
    const athlete = row === undefined ? t("anAthlete") : rows[row].name;
    const field = at.part === "minutes" ? 1 : at.part === "rpe" ? 2 : 0;
    const href = row === undefined || day < 0 ? undefined : `#g-${row}-${day * 3 + field}`;
    return messages.map((m) => ({ key: `${name}-${m}`, text: `${athlete}, ${weekdayOf(at.date)}: ${m}`, href }));
  });

  function refreshClearing(cells: { row: number; day: number }[]) {
    setClearing((before) => {
      const next = new Set(before);
      for (const { row, day } of cells) {
        const cell = document.getElementById(`cell-${row}-${day}`);
        if (!cell?.dataset.session) continue;
        const empty = GRID_FIELDS.every((_, f) => !inputAt(row, day * 3 + f)?.value.trim());
        if (empty) next.add(`${row}-${day}`);
        else next.delete(`${row}-${day}`);
      }
      return next;
    });
  }

  function moveFrom(row: number, column: number, down: number, across: number): boolean {
    for (let r = row + down, c = column + across; r >= 0 && r < rows.length && c >= 0 && c < COLUMNS; r += down, c += across) {
      const target = inputAt(r, c);
      if (target) {
        target.focus();
        target.select();
        return true;
      }
    }
    return false;
  }

  function onKeyDown(e: KeyboardEvent<HTMLElement>) {
    const at = positionOf(e.target);
    if (!at || e.altKey || e.ctrlKey || e.metaKey) return;
    const input = e.target as HTMLInputElement;
    const { row, column } = at;
    if (e.key === "Tab") {
      tabAnchor.current ??= column;
      return;
    }
    if (e.key === "Enter") {
      const from = tabAnchor.current ?? column;
      tabAnchor.current = null;
      e.preventDefault();
      moveFrom(row, from, e.shiftKey ? -1 : 1, 0);
      return;
    }
    const atStart = input.selectionStart === 0 && input.selectionEnd === 0;
    const atEnd = input.selectionStart === input.value.length && input.selectionEnd === input.value.length;
    const whole = input.selectionStart === 0 && input.selectionEnd === input.value.length;
    const moves: Record<string, [number, number, boolean]> = {
      ArrowUp: [-1, 0, true],
      ArrowDown: [1, 0, true],
      // Left and right move within the text first, and to the next field at its edge (or when all is selected).
      ArrowLeft: [0, -1, atStart || whole],
      ArrowRight: [0, 1, atEnd || whole],
    };
    const move = moves[e.key];
    if (!move || !move[2] || e.shiftKey) return;
    tabAnchor.current = null;
    e.preventDefault();
    moveFrom(row, column, move[0], move[1]);
  }

  function onPaste(e: ClipboardEvent<HTMLElement>) {
    const at = positionOf(e.target);
    const text = e.clipboardData.getData("text/plain");
    if (!at || !isBlockPaste(text)) return;
    e.preventDefault();
    const field = GRID_FIELDS[at.column % 3];
    const { assignments, outside } = planPaste(parsePasteBlock(text), { row: at.row, day: Math.floor(at.column / 3), field }, { rows: rows.length, days: 7 });
    let filled = 0;
    let closed = 0;
    for (const a of assignments) {
      if (!inputAt(a.row, a.day * 3)) {
        closed++;
        continue;
      }
      for (const [f, value] of Object.entries(a.values) as [GridField, string][]) {
        const input = inputAt(a.row, a.day * 3 + GRID_FIELDS.indexOf(f));
        if (input) input.value = value;
      }
      filled++;
    }
    refreshClearing(assignments);
    const notes = [t("pasted", { count: filled })];
    if (closed) notes.push(t("pastedClosed", { count: closed }));
    if (outside) notes.push(t("pastedOutside", { count: outside }));
    setPasteNote(notes.join(" "));
  }

  function onInput(e: FormEvent<HTMLElement>) {
    const at = positionOf(e.target);
    if (at) refreshClearing([{ row: at.row, day: Math.floor(at.column / 3) }]);
  }

  return (
    <form action={formAction} noValidate className="log-form">
      <input type="hidden" name="squadId" value={squadId} />
      <input type="hidden" name="week" value={week} />
      <FormMessage state={state} />
      {problems.length > 0 ? (
        <div className="notice notice-error log-problems" role="alert">
          <p style={{ margin: 0 }}>{t("correctCells")}</p>
          <ul>
            {problems.map((p) => (
              <li key={p.key}>{p.href ? <a href={p.href}>{p.text}</a> : p.text}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <p aria-live="polite" className="hint log-paste-note">
        {pasteNote}
      </p>
      <p className="muted scroll-hint">{t("scrollHint")}</p>
      <div className="table-wrap log-wrap">
        <table className="log-grid">
          <caption>{t("caption", { unit: unitWord })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("colAthlete")}</th>
              {days.map((d) => (
                <th key={d} scope="col">
                  {dayLabel(d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody
            key={version}
            onKeyDown={onKeyDown}
            onPaste={onPaste}
            onInput={onInput}
            onMouseDown={() => (tabAnchor.current = null)}
            onFocus={(e) => {
              // Typing into a field replaces what it held, as in a spreadsheet.
              if (positionOf(e.target) && e.target instanceof HTMLInputElement) e.target.select();
            }}
          >
            {rows.map((row, r) => (
              <tr key={row.athleteId}>
                <th scope="row">
                  <Link href={`/coach/squads/${squadId}/athletes/${row.athleteId}`}>{row.name}</Link>
                </th>
                {row.cells.map((cell, d) => {
                  if (cell.state === "future") {
                    return (
                      <td key={cell.date} className="log-closed">
                        <span className="muted" aria-hidden="true">
                          –
                        </span>
                        <span className="visually-hidden">{t("stillToCome", { name: row.name })}</span>
                      </td>
                    );
                  }
                  if (cell.state === "readonly") {
                    return (
                      <td key={cell.date} className="log-closed">
                        <span className="log-summary">
                          {"type" in cell.summary
                            ? [names(`types.${cell.summary.type}` as "types.RUN"), cell.summary.distance, cell.summary.duration, cell.summary.rpe !== null ? `RPE ${cell.summary.rpe}` : null]
                                .filter(Boolean)
                                .join(", ")
                            : t("summaryMany", { count: cell.summary.count, duration: cell.summary.duration })}
                        </span>
                        <span className="muted log-reason">{REASON_KEYS[cell.reason] ? t(`readonly.${REASON_KEYS[cell.reason]}`) : cell.reason}</span>
                        <Link href={`/coach/squads/${squadId}/athletes/${row.athleteId}`}>
                          {t("open")}
                          <span className="visually-hidden"> {t("openFor", { name: row.name, day: dayLabel(cell.date) })}</span>
                        </Link>
                      </td>
                    );
                  }
                  const cellErrors = [
                    ...(errors[cellInputName("cell", row.athleteId, cell.date)] ?? []),
                    ...GRID_FIELDS.flatMap((f) => errors[cellInputName(f, row.athleteId, cell.date)] ?? []),
                  ];
                  const errorId = `err-${r}-${d}`;
                  const cellBad = Boolean(errors[cellInputName("cell", row.athleteId, cell.date)]);
                  return (
                    <td key={cell.date} id={`cell-${r}-${d}`} data-session={cell.sessionId ?? undefined} className={cellErrors.length ? "log-invalid" : undefined}>
                      {cell.sessionId ? <input type="hidden" name={cellInputName("session", row.athleteId, cell.date)} value={cell.sessionId} /> : null}
                      <div className="log-cell">
                        {GRID_FIELDS.map((f, i) => {
                          const name = cellInputName(f, row.athleteId, cell.date);
                          const bad = cellBad || Boolean(errors[name]);
                          return (
                            <input
                              key={f}
                              id={`g-${r}-${d * 3 + i}`}
                              name={name}
                              type="text"
                              inputMode={f === "rpe" ? "numeric" : "decimal"}
                              autoComplete="off"
                              maxLength={12}
                              placeholder={f === "distance" ? unitWord : f === "minutes" ? "min" : t("rpePlaceholder")}
                              defaultValue={state.values?.[name] ?? cell[f]}
                              aria-label={`${row.name}, ${dayLabel(cell.date)}: ${t(`field.${f}`)}${f === "distance" ? ` (${unitWord})` : ""}`}
                              aria-invalid={bad ? true : undefined}
                              aria-describedby={cellErrors.length ? errorId : undefined}
                            />
                          );
                        })}
                      </div>
                      {clearing.has(`${r}-${d}`) ? <p className="log-delete">{t("deletedOnSave")}</p> : null}
                      {cellErrors.length ? (
                        <ul id={errorId} className="field-error log-errors">
                          {cellErrors.map((m) => (
                            <li key={m}>{m}</li>
                          ))}
                        </ul>
                      ) : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p>
        <SubmitButton pendingText={t("saving")}>{t("save")}</SubmitButton>
      </p>
    </form>
  );
}
