"use client";

import { useEffect, useId, useRef, useState } from "react";
import type { FormState } from "@/lib/forms";
import { formatDuration, KM_PER_MILE, type Unit } from "@/lib/units";
import {
  describeWorkout,
  parsePace,
  parseStepTime,
  paceText,
  REPEATED_STEP_TYPES,
  STEP_TYPE_LABELS,
  STEP_TYPES,
  stepTimeText,
  workoutStepsSchema,
  workoutTotals,
  type StepType,
  type WorkoutEntry,
  type WorkoutStep,
} from "@/lib/plans/workout-steps";

// The step editor of the planned-session forms. It keeps the steps as typed and posts them as JSON in
// one hidden field; the server checks them with the same schema, so whatever is typed here is only a
// draft until it is saved.

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
const stepName = (path: number[]) => `Step ${path.map((i) => i + 1).join(".")}`;

/** The server's messages for one step or block: keys "steps.1.duration.seconds" and so on. */
function errorsAt(errors: Record<string, string[]>, prefix: string, { nested }: { nested: boolean }): string[] {
  return Object.entries(errors)
    .filter(([key]) => (key === prefix || key.startsWith(`${prefix}.`)) && (nested || !key.startsWith(`${prefix}.steps.`)))
    .flatMap(([, list]) => list);
}

export function WorkoutStepsEditor({ state, unit, initial }: { state: FormState; unit: Unit; initial: readonly WorkoutEntry[] | null }) {
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
  const checked = workoutStepsSchema.safeParse(json);
  const valid = checked.success ? checked.data : null;
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
    const left = totals.untimedSteps ? ` (${totals.untimedSteps} step${totals.untimedSteps === 1 ? "" : "s"} by distance without a pace or until the lap button not counted)` : "";
    setFilled(`Duration set to ${formatDuration(minutes)} from the steps${left}.`);
  };

  // Messages about the whole list (too many steps, unreadable JSON); the others show at their step.
  const listErrors = errors.steps ?? [];

  return (
    <fieldset className="workout-steps">
      <legend>Workout steps (optional)</legend>
      <p className="hint" id="workout-steps-hint">
        Build the session step by step for the plan and the watch. Times in minutes (15) or min:s (1:30); paces in min:s per{" "}
        {unit === "MI" ? "mile" : "km"}.
      </p>
      <input type="hidden" name="steps" value={drafts.length ? JSON.stringify(json) : ""} />
      <StepErrors errors={listErrors} />
      {drafts.length === 0 ? <p className="muted">No steps: the session is its duration and details above.</p> : null}
      <ol className="workout-step-list">
        {drafts.map((d, i) => (
          <li key={`${d.key}-${version}`}>
            {d.type === "repeat" ? (
              <fieldset className="workout-repeat">
                <legend>{stepName([i])}: repeat block</legend>
                <div className="row">
                  <div className="field">
                    <label htmlFor={`${d.key}-count`}>Repeat (times)</label>
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
                    name={stepName([i])}
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
          <label htmlFor={`${prefix}-new-step`}>New step</label>
          <select id={`${prefix}-new-step`} key={version} defaultValue={newType} onChange={(e) => setNewType(e.target.value as StepType | "repeat")}>
            {STEP_TYPES.map((t) => (
              <option key={t} value={t}>
                {STEP_TYPE_LABELS[t]}
              </option>
            ))}
            <option value="repeat">Repeat block</option>
          </select>
        </div>
        <button type="button" className="button button-secondary" onClick={addEntry}>
          Add step
        </button>
      </div>
      {valid ? (
        <div className="workout-preview">
          <p>
            <strong>Preview:</strong> <span data-testid="workout-preview">{describeWorkout(valid, unit)}</span>
          </p>
          {totals && totals.seconds >= 60 ? (
            <p className="row">
              <span className="muted">
                Timed steps add up to about {formatDuration(Math.round(totals.seconds / 60))}
                {totals.untimedSteps ? `, plus ${totals.untimedSteps} step${totals.untimedSteps === 1 ? "" : "s"} with no time to count` : ""}.
              </span>
              <button type="button" ref={fillButton} className="button button-secondary" onClick={fillDuration}>
                Fill duration from steps
              </button>
            </p>
          ) : null}
        </div>
      ) : drafts.length ? (
        <p className="muted">The preview shows once every step has a value that fits.</p>
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
  return (
    <div className="row workout-step-buttons">
      <button id={`${keyBase}-up`} type="button" className="button button-secondary" disabled={first} onClick={() => onMove(index - 1)}>
        Move up<span className="visually-hidden"> {name}</span>
      </button>
      <button id={`${keyBase}-down`} type="button" className="button button-secondary" disabled={last} onClick={() => onMove(index + 1)}>
        Move down<span className="visually-hidden"> {name}</span>
      </button>
      <button type="button" className="button button-danger" onClick={onRemove}>
        Remove<span className="visually-hidden"> {name}</span>
      </button>
    </div>
  );
}

function AddToBlock({ keyBase, onAdd }: { keyBase: string; onAdd: (type: StepType) => void }) {
  const [type, setType] = useState<StepType>("work");
  return (
    <div className="row workout-add">
      <div className="field">
        <label htmlFor={`${keyBase}-new`}>New step in this block</label>
        <select id={`${keyBase}-new`} defaultValue={type} onChange={(e) => setType(e.target.value as StepType)}>
          {REPEATED_STEP_TYPES.map((t) => (
            <option key={t} value={t}>
              {STEP_TYPE_LABELS[t]}
            </option>
          ))}
        </select>
      </div>
      <button id={`${keyBase}-add`} type="button" className="button button-secondary" onClick={() => onAdd(type)}>
        Add to block
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
  const id = (field: string) => `${step.key}-${field}`;
  const name = stepName(path);
  const index = path[path.length - 1];
  const types = inRepeat ? REPEATED_STEP_TYPES : STEP_TYPES;
  const perUnit = unit === "MI" ? "mi" : "km";
  return (
    <fieldset className="workout-step">
      <legend>{name}</legend>
      <div className="grid">
        <div className="field">
          <label htmlFor={id("type")}>Step type</label>
          <select id={id("type")} defaultValue={step.type} onChange={(e) => onChange({ type: e.target.value as StepType })}>
            {types.map((t) => (
              <option key={t} value={t}>
                {STEP_TYPE_LABELS[t]}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id("kind")}>Measured by</label>
          <select id={id("kind")} defaultValue={step.durationKind} onChange={(e) => onChange({ durationKind: e.target.value as DurationKind })}>
            <option value="time">Time</option>
            <option value="distance">Distance</option>
            <option value="open">Until the lap button</option>
          </select>
        </div>
        {step.durationKind === "time" ? (
          <div className="field">
            <label htmlFor={id("time")}>Time (min or min:s)</label>
            <input id={id("time")} inputMode="numeric" defaultValue={step.time} onChange={(e) => onChange({ time: e.target.value })} />
          </div>
        ) : null}
        {step.durationKind === "distance" ? (
          <>
            <div className="field">
              <label htmlFor={id("distance")}>Distance</label>
              <input id={id("distance")} inputMode="decimal" defaultValue={step.distance} onChange={(e) => onChange({ distance: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={id("unit")}>Distance unit</label>
              <select id={id("unit")} defaultValue={step.distanceUnit} onChange={(e) => onChange({ distanceUnit: e.target.value as DistanceUnit })}>
                <option value="m">m</option>
                <option value="km">km</option>
                <option value="mi">mi</option>
              </select>
            </div>
          </>
        ) : null}
        <div className="field">
          <label htmlFor={id("target")}>Target</label>
          <select id={id("target")} defaultValue={step.targetKind} onChange={(e) => onChange({ targetKind: e.target.value as TargetKind })}>
            <option value="none">None</option>
            <option value="rpe">Effort (RPE)</option>
            <option value="pace">Pace range</option>
          </select>
        </div>
        {step.targetKind === "rpe" ? (
          <div className="field">
            <label htmlFor={id("rpe")}>RPE (1-10)</label>
            <input id={id("rpe")} type="number" inputMode="numeric" min={1} max={10} defaultValue={step.rpe} onChange={(e) => onChange({ rpe: e.target.value })} />
          </div>
        ) : null}
        {step.targetKind === "pace" ? (
          <>
            <div className="field">
              <label htmlFor={id("fast")}>Fastest pace (min:s per {perUnit})</label>
              <input id={id("fast")} placeholder="4:00" defaultValue={step.fast} onChange={(e) => onChange({ fast: e.target.value })} />
            </div>
            <div className="field">
              <label htmlFor={id("slow")}>Slowest pace (min:s per {perUnit})</label>
              <input id={id("slow")} placeholder="4:10" defaultValue={step.slow} onChange={(e) => onChange({ slow: e.target.value })} />
            </div>
          </>
        ) : null}
        <div className="field">
          <label htmlFor={id("note")}>Note (optional)</label>
          <input id={id("note")} maxLength={60} defaultValue={step.note} onChange={(e) => onChange({ note: e.target.value })} />
        </div>
      </div>
      <StepErrors errors={errors} />
      <EntryButtons name={name} keyBase={step.key} index={index} first={index === 0} last={index === count - 1} onMove={onMove} onRemove={onRemove} />
    </fieldset>
  );
}
