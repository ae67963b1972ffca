"use client";

import { useEffect, useId, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { FormState } from "@/lib/forms";
import { formatDuration, KM_PER_MILE, type Unit } from "@/lib/units";
import {
  checkWorkout,
  describeWorkout,
  parsePace,
  parseStepTime,
  paceText,
  REPEATED_STEP_TYPES,
  STEP_TYPES,
  stepTimeText,
  workoutTotals,
  type StepType,
  type WorkoutEntry,
  type WorkoutStep,
  type WorkoutWords,
} from "@/lib/plans/workout-steps";

// The step editor of the planned-session forms. It keeps the steps as typed and posts them as JSON in
// one hidden field; the server checks them against the same rules (with a message for each field), so
// whatever is typed here is only a draft until it is saved. No zod here: checkWorkout is enough for the
// preview, and keeps the schema library out of the page's JavaScript.

type DurationKind = "time" | "distance" | "open";
type TargetKind = "none" | "rpe" | "pace";
type DistanceUnit = "m" | "km" | "mi";

type DraftStep = {
  key: string;
  type: StepType;
  durationKind: DurationKind;
  time: string;
  distance: string;
  distanceUnit: DistanceUnit;
  targetKind: TargetKind;
  rpe: string;
  fast: string;
  slow: string;
  note: string;
};
type DraftRepeat = { key: string; type: "repeat"; count: string; steps: DraftStep[] };
type Draft = DraftStep | DraftRepeat;

const DEFAULT_SECONDS: Record<StepType, number> = { warmup: 600, work: 300, recovery: 120, cooldown: 600, rest: 60 };

function blankStep(key: string, type: StepType, unit: Unit): DraftStep {
  return {
    key,
    type,
    durationKind: "time",
    time: stepTimeText(DEFAULT_SECONDS[type]),
    distance: "",
    distanceUnit: unit === "MI" ? "mi" : "m",
    targetKind: "none",
    rpe: "",
    fast: "",
    slow: "",
    note: "",
  };
}

function toDraftStep(key: string, step: WorkoutStep, unit: Unit): DraftStep {
  const draft = blankStep(key, step.type, unit);
  draft.note = step.note ?? "";
  if (step.duration.kind === "time") draft.time = stepTimeText(step.duration.seconds);
  if (step.duration.kind === "distance") {
    const metres = step.duration.metres;
    draft.durationKind = "distance";
    if (unit === "MI" && metres >= 1600) [draft.distanceUnit, draft.distance] = ["mi", String(Math.round((metres / 1000 / KM_PER_MILE) * 1000) / 1000)];
    else if (unit === "KM" && metres % 1000 === 0) [draft.distanceUnit, draft.distance] = ["km", String(metres / 1000)];
    else [draft.distanceUnit, draft.distance] = ["m", String(metres)];
  }
  if (step.duration.kind === "open") draft.durationKind = "open";
  if (step.target?.kind === "rpe") [draft.targetKind, draft.rpe] = ["rpe", String(step.target.rpe)];
  if (step.target?.kind === "pace") {
    draft.targetKind = "pace";
    draft.fast = paceText(step.target.fastSecPerKm, unit);
    draft.slow = paceText(step.target.slowSecPerKm, unit);
  }
  return draft;
}

// Keys double as the controls' ids, so the saved steps get the same ones on the server and in the browser.
function toDrafts(prefix: string, entries: readonly WorkoutEntry[] | null, unit: Unit): Draft[] {
  return (entries ?? []).map((e, i) =>
    e.type === "repeat"
      ? { key: `${prefix}-${i}`, type: "repeat", count: String(e.count), steps: e.steps.map((s, j) => toDraftStep(`${prefix}-${i}-${j}`, s, unit)) }
      : toDraftStep(`${prefix}-${i}`, e, unit),
  );
}

// What is typed goes to the server as numbers where it reads as one, and as typed otherwise, so the
// server's message says what is wrong with it.
const typedNumber = (text: string): number | string | null => {
  const v = text.trim().replace(",", ".");
  if (v === "") return null;
  return Number.isFinite(Number(v)) ? Number(v) : text;
};
const METRES_PER: Record<DistanceUnit, number> = { m: 1, km: 1000, mi: KM_PER_MILE * 1000 };

function serialiseStep(d: DraftStep, unit: Unit) {
  const distance = typedNumber(d.distance);
  const duration =
    d.durationKind === "time"
      ? { kind: "time", seconds: d.time.trim() === "" ? null : (parseStepTime(d.time) ?? d.time) }
      : d.durationKind === "distance"
        ? { kind: "distance", metres: typeof distance === "number" ? Math.round(distance * METRES_PER[d.distanceUnit]) : distance }
        : { kind: "open" };
  const target =
    d.targetKind === "rpe"
      ? { kind: "rpe", rpe: typedNumber(d.rpe) }
      : d.targetKind === "pace"
        ? { kind: "pace", fastSecPerKm: parsePace(d.fast, unit) ?? d.fast, slowSecPerKm: parsePace(d.slow, unit) ?? d.slow }
        : null;
  return { type: d.type, duration, target, note: d.note.trim() || null };
}

function serialise(drafts: Draft[], unit: Unit) {
  return drafts.map((d) =>
    d.type === "repeat" ? { type: "repeat", count: typedNumber(d.count), steps: d.steps.map((s) => serialiseStep(s, unit)) } : serialiseStep(d, unit),
  );
}

const move = <T,>(list: T[], from: number, to: number) => {
  const copy = [...list];
  const [item] = copy.splice(from, 1);
  copy.splice(to, 0, item);
  return copy;
};

/** "Step 2", and for a step in a repeat block "Step 2.1". */
const stepName = (t: WorkoutWords, path: number[]) => t("stepName", { number: path.map((i) => i + 1).join(".") });

/** The server's messages for one step or block: keys "steps.1.duration.seconds" and so on. */
function errorsAt(errors: Record<string, string[]>, prefix: string, { nested }: { nested: boolean }): string[] {
  return Object.entries(errors)
    .filter(([key]) => (key === prefix || key.startsWith(`${prefix}.`)) && (nested || !key.startsWith(`${prefix}.steps.`)))
    .flatMap(([, list]) => list);
}

export function WorkoutStepsEditor({ state, unit, initial }: { state: FormState; unit: Unit; initial: readonly WorkoutEntry[] | null }) {
  const t = useTranslations("workoutSteps") as unknown as WorkoutWords;
  const prefix = useId();
  const [drafts, setDrafts] = useState<Draft[]>(() => toDrafts(prefix, initial, unit));
  const added = useRef(0);
  const newKey = () => `${prefix}-new${++added.current}`;
  const [newType, setNewType] = useState<StepType | "repeat">("warmup");
  const [filled, setFilled] = useState<string | null>(null);
  // The form's reset after each submit puts selects back on the option they were mounted with: the
  // controls are remounted on each result, so the reset lands on what the draft holds.
  const [seen, setSeen] = useState(state);
  const [version, setVersion] = useState(0);
  const [editedSince, setEditedSince] = useState<FormState | null>(null);
  if (seen !== state) {
    setSeen(state);
    setVersion(version + 1);
  }
  const focusNext = useRef<string | null>(null);
  const fillButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (focusNext.current) document.getElementById(focusNext.current)?.focus();
    focusNext.current = null;
  });

  // Messages from the last save, until the steps change (then they would point at the wrong steps).
  const errors = editedSince === state ? {} : Object.fromEntries(Object.entries(state.fieldErrors ?? {}).filter(([k]) => k === "steps" || k.startsWith("steps.")));

  const update = (next: Draft[]) => {
    setDrafts(next);
    setEditedSince(state);
    setFilled(null);
  };
  const setStep = (path: number[], patch: Partial<DraftStep>) =>
    update(
      drafts.map((d, i) => {
        if (i !== path[0]) return d;
        if (d.type === "repeat") return { ...d, steps: d.steps.map((s, j) => (j === path[1] ? { ...s, ...patch } : s)) };
        return { ...d, ...patch };
      }),
    );

  const json = serialise(drafts, unit);
  const valid = checkWorkout(json);
  const totals = valid ? workoutTotals(valid) : null;

  const addEntry = () => {
    const entry: Draft =
      newType === "repeat"
        ? { key: newKey(), type: "repeat", count: "4", steps: [blankStep(newKey(), "work", unit), blankStep(newKey(), "recovery", unit)] }
        : blankStep(newKey(), newType, unit);
    focusNext.current = entry.type === "repeat" ? `${entry.key}-count` : `${entry.key}-type`;
    update([...drafts, entry]);
  };

  const fillDuration = () => {
    if (!totals || totals.seconds < 60) return;
    const field = fillButton.current?.form?.elements.namedItem("duration");
    if (!(field instanceof HTMLInputElement)) return;
    const minutes = Math.round(totals.seconds / 60);
    field.value = String(minutes);
    setFilled(t("filled", { duration: formatDuration(minutes), untimed: totals.untimedSteps }));
  };

  // Messages about the whole list (too many steps, unreadable JSON); the others show at their step.
  const listErrors = errors.steps ?? [];

  return (
    <fieldset className="workout-steps">
      <legend>{t("legend")}</legend>
      <p className="hint" id="workout-steps-hint">
        {t("hint", { unit: unit === "MI" ? t("perMile") : "km" })}
      </p>
      <input type="hidden" name="steps" value={drafts.length ? JSON.stringify(json) : ""} />
      <StepErrors errors={listErrors} />
      {drafts.length === 0 ? <p className="muted">{t("noSteps")}</p> : null}
      <ol className="workout-step-list">
        {drafts.map((d, i) => (
          <li key={`${d.key}-${version}`}>
            {d.type === "repeat" ? (
              <fieldset className="workout-repeat">
                <legend>{t("repeatLegend", { name: stepName(t, [i]) })}</legend>
                <div className="row">
                  <div className="field">
                    <label htmlFor={`${d.key}-count`}>{t("repeatTimes")}</label>
                    <input
                      id={`${d.key}-count`}
                      type="number"
                      inputMode="numeric"
                      min={1}
                      max={50}
                      defaultValue={d.count}
                      onChange={(e) => update(drafts.map((x, k) => (k === i ? { ...d, count: e.target.value } : x)))}
                    />
                  </div>
                  <EntryButtons
                    name={stepName(t, [i])}
                    keyBase={d.key}
                    first={i === 0}
                    last={i === drafts.length - 1}
                    onMove={(to) => {
                      focusNext.current = `${d.key}-${to < i ? "up" : "down"}`;
                      update(move(drafts, i, to));
                    }}
                    index={i}
                    onRemove={() => {
                      focusNext.current = `${prefix}-new-step`;
                      update(drafts.filter((_, k) => k !== i));
                    }}
                  />
                </div>
                <StepErrors errors={errorsAt(errors, `steps.${i}`, { nested: false })} />
                <ol className="workout-step-list">
                  {d.steps.map((s, j) => (
                    <li key={`${s.key}-${version}`}>
                      <StepFields
                        step={s}
                        path={[i, j]}
                        unit={unit}
                        inRepeat
                        count={d.steps.length}
                        errors={errorsAt(errors, `steps.${i}.steps.${j}`, { nested: true })}
                        onChange={(patch) => setStep([i, j], patch)}
                        onMove={(to) => {
                          focusNext.current = `${s.key}-${to < j ? "up" : "down"}`;
                          update(drafts.map((x, k) => (k === i ? { ...d, steps: move(d.steps, j, to) } : x)));
                        }}
                        onRemove={() => {
                          focusNext.current = `${d.key}-add`;
                          update(drafts.map((x, k) => (k === i ? { ...d, steps: d.steps.filter((_, m) => m !== j) } : x)));
                        }}
                      />
                    </li>
                  ))}
                </ol>
                <AddToBlock
                  keyBase={d.key}
                  onAdd={(type) => {
                    const step = blankStep(newKey(), type, unit);
                    focusNext.current = `${step.key}-type`;
                    update(drafts.map((x, k) => (k === i ? { ...d, steps: [...d.steps, step] } : x)));
                  }}
                />
              </fieldset>
            ) : (
              <StepFields
                step={d}
                path={[i]}
                unit={unit}
                count={drafts.length}
                errors={errorsAt(errors, `steps.${i}`, { nested: true })}
                onChange={(patch) => setStep([i], patch)}
                onMove={(to) => {
                  focusNext.current = `${d.key}-${to < i ? "up" : "down"}`;
                  update(move(drafts, i, to));
                }}
                onRemove={() => {
                  focusNext.current = `${prefix}-new-step`;
                  update(drafts.filter((_, k) => k !== i));
                }}
              />
            )}
          </li>
        ))}
      </ol>
      <div className="row workout-add">
        <div className="field">
          <label htmlFor={`${prefix}-new-step`}>{t("newStep")}</label>
          <select id={`${prefix}-new-step`} key={version} defaultValue={newType} onChange={(e) => setNewType(e.target.value as StepType | "repeat")}>
            {STEP_TYPES.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
            <option value="repeat">{t("repeatBlock")}</option>
          </select>
        </div>
        <button type="button" className="button button-secondary" onClick={addEntry}>
          {t("addStep")}
        </button>
      </div>
      {valid ? (
        <div className="workout-preview">
          <p>
            <strong>{t("preview")}</strong> <span data-testid="workout-preview">{describeWorkout(valid, unit, t)}</span>
          </p>
          {totals && totals.seconds >= 60 ? (
            <p className="row">
              <span className="muted">{t("timedTotal", { duration: formatDuration(Math.round(totals.seconds / 60)), untimed: totals.untimedSteps })}</span>
              <button type="button" ref={fillButton} className="button button-secondary" onClick={fillDuration}>
                {t("fillDuration")}
              </button>
            </p>
          ) : null}
        </div>
      ) : drafts.length ? (
        <p className="muted">{t("previewPending")}</p>
      ) : null}
      <p aria-live="polite" className="hint">
        {filled}
      </p>
    </fieldset>
  );
}

function StepErrors({ errors }: { errors: string[] }) {
  return (
    <div aria-live="polite">
      {[...new Set(errors)].map((e) => (
        <p key={e} className="field-error">
          {e}
        </p>
      ))}
    </div>
  );
}

function EntryButtons({
  name,
  keyBase,
  index,
  first,
  last,
  onMove,
  onRemove,
}: {
  name: string;
  keyBase: string;
  index: number;
  first: boolean;
  last: boolean;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("workoutSteps");
  return (
    <div className="row workout-step-buttons">
      <button id={`${keyBase}-up`} type="button" className="button button-secondary" disabled={first} onClick={() => onMove(index - 1)}>
        {t("moveUp")}<span className="visually-hidden"> {name}</span>
      </button>
      <button id={`${keyBase}-down`} type="button" className="button button-secondary" disabled={last} onClick={() => onMove(index + 1)}>
        {t("moveDown")}<span className="visually-hidden"> {name}</span>
      </button>
      <button type="button" className="button button-danger" onClick={onRemove}>
        {t("remove")}<span className="visually-hidden"> {name}</span>
      </button>
    </div>
  );
}

function AddToBlock({ keyBase, onAdd }: { keyBase: string; onAdd: (type: StepType) => void }) {
  const t = useTranslations("workoutSteps");
  const [type, setType] = useState<StepType>("work");
  return (
    <div className="row workout-add">
      <div className="field">
        <label htmlFor={`${keyBase}-new`}>{t("newStepInBlock")}</label>
        <select id={`${keyBase}-new`} defaultValue={type} onChange={(e) => setType(e.target.value as StepType)}>
          {REPEATED_STEP_TYPES.map((type) => (
            <option key={type} value={type}>
              {t(`types.${type}`)}
            </option>
          ))}
        </select>
      </div>
      <button id={`${keyBase}-add`} type="button" className="button button-secondary" onClick={() => onAdd(type)}>
        {t("addToBlock")}
      </button>
    </div>
  );
}

function StepFields({
  step,
  path,
  unit,
  inRepeat = false,
  count,
  errors,
  onChange,
  onMove,
  onRemove,
}: {
  step: DraftStep;
  path: number[];
  unit: Unit;
  inRepeat?: boolean;
  count: number;
  errors: string[];
  onChange: (patch: Partial<DraftStep>) => void;
  onMove: (to: number) => void;
  onRemove: () => void;
}) {
  const t = useTranslations("workoutSteps");
  const id = (field: string) => `${step.key}-${field}`;
  const name = stepName(t as unknown as WorkoutWords, path);
  const index = path[path.length - 1];
  const types = inRepeat ? REPEATED_STEP_TYPES : STEP_TYPES;
  const perUnit = unit === "MI" ? "mi" : "km";
  return (
    <fieldset className="workout-step">
      <legend>{name}</legend>
      <div className="grid">
        <div className="field">
          <label htmlFor={id("type")}>{t("stepType")}</label>
          <select id={id("type")} defaultValue={step.type} onChange={(e) => onChange({ type: e.target.value as StepType })}>
            {types.map((type) => (
              <option key={type} value={type}>
                {t(`types.${type}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("kind")}>{t("measuredBy")}</label>
          <select id={id("kind")} defaultValue={step.durationKind} onChange={(e) => onChange({ durationKind: e.target.value as DurationKind })}>
            <option value="time">{t("byTime")}</option>
            <option value="distance">{t("byDistance")}</option>
            <option value="open">{t("byLap")}</option>
          </select>
        </div>
        {step.durationKind === "time" ? (
          <div className="field">
            <label htmlFor={id("time")}>{t("timeField")}</label>
            <input id={id("time")} inputMode="numeric" defaultValue={step.time} onChange={(e) => onChange({ time: e.target.value })} />
          </div>
        ) : null}
        {step.durationKind === "distance" ? (
          <>
            <div className="field">
              <label htmlFor={id("distance")}>{t("distance")}</label>
              <input id={id("distance")} inputMode="decimal" defaultValue={step.distance} onChange={(e) => onChange({ distance: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={id("unit")}>{t("distanceUnit")}</label>
              <select id={id("unit")} defaultValue={step.distanceUnit} onChange={(e) => onChange({ distanceUnit: e.target.value as DistanceUnit })}>
                <option value="m">m</option>
                <option value="km">km</option>
                <option value="mi">mi</option>
              </select>
            </div>
          </>
        ) : null}
        <div className="field">
          <label htmlFor={id("target")}>{t("target")}</label>
          <select id={id("target")} defaultValue={step.targetKind} onChange={(e) => onChange({ targetKind: e.target.value as TargetKind })}>
            <option value="none">{t("targetNone")}</option>
            <option value="rpe">{t("targetRpe")}</option>
            <option value="pace">{t("targetPace")}</option>
          </select>
        </div>
        {step.targetKind === "rpe" ? (
          <div className="field">
            <label htmlFor={id("rpe")}>{t("rpeField")}</label>
            <input id={id("rpe")} type="number" inputMode="numeric" min={1} max={10} defaultValue={step.rpe} onChange={(e) => onChange({ rpe: e.target.value })} />
          </div>
        ) : null}
        {step.targetKind === "pace" ? (
          <>
            <div className="field">
              <label htmlFor={id("fast")}>{t("fastest", { unit: perUnit })}</label>
              <input id={id("fast")} placeholder="4:00" defaultValue={step.fast} onChange={(e) => onChange({ fast: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={id("slow")}>{t("slowest", { unit: perUnit })}</label>
              <input id={id("slow")} placeholder="4:10" defaultValue={step.slow} onChange={(e) => onChange({ slow: e.target.value })} />
            </div>
          </>
        ) : null}
        <div className="field">
          <label htmlFor={id("note")}>{t("note")}</label>
          <input id={id("note")} maxLength={60} defaultValue={step.note} onChange={(e) => onChange({ note: e.target.value })} />
        </div>
      </div>
      <StepErrors errors={errors} />
      <EntryButtons name={name} keyBase={step.key} index={index} first={index === 0} last={index === count - 1} onMove={onMove} onRemove={onRemove} />
    </fieldset>
  );
}
